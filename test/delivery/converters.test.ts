import { HTTP, type CloudEvent } from 'cloudevents';
import { describe, expect, it } from 'vitest';
import { DeliveryDocument } from '../generated/graphql.js';
import { STORES, useServerOn, type StoreServer } from './on-each-store.js';
import { application, endpoint, eventType, expectSignedBody, publish, requestsOf, waitForDeliveryStatus, waitForRequestOf } from './options-helpers.js';

// Converters: includeFields → transform → format → sign, in that order, per endpoint; extra headers.

describe.each(STORES)('converters on %s', (store) => {
  let s: StoreServer;
  useServerOn(store, (started) => (s = started));
  const payload = { id: 'o-1', total: 120, customer: { email: 'a@example.com', phone: '123', address: { city: 'Berlin', zip: '10115' } }, items: [{ sku: 'a', qty: 2, price: 3 }] };

  it('includeFields keeps only the listed dotted paths of the data (through arrays too)', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const e = await endpoint(s.admin, app, s.receiver.url, { includeFields: ['id', 'customer.address.city', 'items.sku', 'missing.path'] });
    expect(e.endpoint.includeFields).toEqual(['id', 'customer.address.city', 'items.sku', 'missing.path']);
    await publish(s.admin, { applicationId: app, type, payload });
    const request = await waitForRequestOf(s.receiver.requests, e.tag);
    expect(JSON.parse(request.body).data).toEqual({ id: 'o-1', customer: { address: { city: 'Berlin' } }, items: [{ sku: 'a' }] });
    expectSignedBody(request, e.secret);
  });

  it('a transform computes the body from the event and endpoint, may add headers, sees the projected data, and is signed; endpoint headers are sent', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const transform = `{
      "body": { "text": "Order " & event.data.id & " for " & $string(event.data.total) & " (" & event.type & ")", "keys": $keys(event.data), "to": endpoint.id, "on": event.channels },
      "headers": { "x-order-id": event.data.id }
    }`;
    const e = await endpoint(s.admin, app, s.receiver.url, {
      includeFields: ['id', 'total'], transform, headers: [{ name: 'X-Team', value: 'billing' }, { name: 'Authorization', value: 'Bearer static-token' }],
    });
    expect(e.endpoint.headers).toEqual([{ name: 'x-team', value: 'billing' }, { name: 'authorization', value: 'Bearer static-token' }]);
    await publish(s.admin, { applicationId: app, type, payload, channels: ['eu'] });
    const request = await waitForRequestOf(s.receiver.requests, e.tag);
    expect(JSON.parse(request.body)).toEqual({ text: `Order o-1 for 120 (${type})`, keys: ['id', 'total'], to: e.id, on: ['eu'] });
    expect(request.headers).toMatchObject({ 'x-order-id': 'o-1', 'x-team': 'billing', authorization: 'Bearer static-token', 'content-type': 'application/json' });
    expectSignedBody(request, e.secret);
  });

  it("with a CloudEvents format the transform's output is the event's data", async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const e = await endpoint(s.admin, app, s.receiver.url, { format: 'CLOUDEVENTS_STRUCTURED', transform: '{ "orderId": event.data.id }' });
    const published = await publish(s.admin, { applicationId: app, type, payload });
    const request = await waitForRequestOf(s.receiver.requests, e.tag);
    const event = HTTP.toEvent({ headers: request.headers, body: request.body }) as CloudEvent<unknown>;
    expect(event).toMatchObject({ id: published.event.id, type });
    expect(event.data).toEqual({ orderId: 'o-1' });
    expectSignedBody(request, e.secret);
  });

  it('a transform that fails at delivery records one failed attempt with the reason and ends the delivery FAILED (TRANSFORM_FAILED), sending nothing', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const e = await endpoint(s.admin, app, s.receiver.url, { transform: '$error("no total on " & event.data.id)' });
    const published = await publish(s.admin, { applicationId: app, type, payload });
    const failed = await waitForDeliveryStatus(s.admin, published.deliveries[0]!.id, 'FAILED');
    expect(failed.failureReason).toMatch(/^TRANSFORM_FAILED/);
    expect(failed.attemptCount).toBe(1);
    expect(failed.attempts).toHaveLength(1);
    expect(failed.attempts[0]).toMatchObject({ number: 1, success: false, responseStatus: null });
    expect(failed.attempts[0]!.error).toContain('no total on o-1');
    expect(requestsOf(s.receiver.requests, e.tag)).toEqual([]);
  });

  it('a transform that runs past its time budget fails the same way, without holding the worker', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    await endpoint(s.admin, app, s.receiver.url, { transform: '( $loop := function($i) { $loop($i + 1) }; $loop(0) )' });
    const healthy = await endpoint(s.admin, app, s.receiver.url);
    const published = await publish(s.admin, { applicationId: app, type, payload });
    const looping = published.deliveries.find((d) => d.endpoint.id !== healthy.id)!;
    const failed = await waitForDeliveryStatus(s.admin, looping.id, 'FAILED');
    expect(failed.failureReason).toMatch(/^TRANSFORM_FAILED/);
    const { delivery } = await s.admin.run(DeliveryDocument, { id: looping.id });
    expect(delivery!.attempts[0]!.error).toMatch(/timeout|stack/i);
    await waitForRequestOf(s.receiver.requests, healthy.tag);
  });
});

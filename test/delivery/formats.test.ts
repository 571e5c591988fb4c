import { HTTP, type CloudEvent } from 'cloudevents';
import { describe, expect, it } from 'vitest';
import { EndpointHealthDocument, UpdateEndpointOptionsDocument } from '../generated/graphql.js';
import { waitFor } from '../support/wait.js';
import { STORES, useServerOn, type StoreServer } from './on-each-store.js';
import { application, endpoint, eventType, expectSignedBody, publish, requestsOf, waitForRequestOf } from './options-helpers.js';

// Every endpoint format, received by a real receiver and read by the official CloudEvents SDK (npm
// `cloudevents`), signed with the Standard Webhooks headers over the exact bytes sent.

describe.each(STORES)('endpoint formats on %s', (store) => {
  let s: StoreServer;
  useServerOn(store, (started) => (s = started));
  const payload = { orderId: 'o-1', total: 12.5, note: 'ünïcødé & more=yes' };

  it('sends CLOUDEVENTS_STRUCTURED as application/cloudevents+json that the CloudEvents SDK reads as the event, with the default source', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const e = await endpoint(s.admin, app, s.receiver.url, { format: 'CLOUDEVENTS_STRUCTURED' });
    expect(e.endpoint).toMatchObject({ format: 'CLOUDEVENTS_STRUCTURED', cloudEventsSource: `tidings://tidings/applications/${app}` });
    const published = await publish(s.admin, { applicationId: app, type, payload });
    const request = await waitForRequestOf(s.receiver.requests, e.tag);
    expect(request.headers['content-type']).toBe('application/cloudevents+json');
    const event = HTTP.toEvent({ headers: request.headers, body: request.body }) as CloudEvent<unknown>;
    expect(event).toMatchObject({ specversion: '1.0', id: published.event.id, type, source: `tidings://tidings/applications/${app}`, datacontenttype: 'application/json' });
    expect(event.data).toEqual(payload);
    expect(new Date(event.time!).toISOString()).toBe(published.event.createdAt);
    expectSignedBody(request, e.secret);
  });

  it('sends CLOUDEVENTS_BINARY as ce-* headers and the data as the body, read by the CloudEvents SDK, with a configured source', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const e = await endpoint(s.admin, app, s.receiver.url, { format: 'CLOUDEVENTS_BINARY', cloudEventsSource: 'https://shop.example.com/orders' });
    const published = await publish(s.admin, { applicationId: app, type, payload });
    const request = await waitForRequestOf(s.receiver.requests, e.tag);
    expect(request.headers).toMatchObject({ 'ce-specversion': '1.0', 'ce-id': published.event.id, 'ce-type': type, 'content-type': 'application/json' });
    expect(JSON.parse(request.body)).toEqual(payload);
    const event = HTTP.toEvent({ headers: request.headers, body: request.body }) as CloudEvent<unknown>;
    expect(event).toMatchObject({ id: published.event.id, type, source: 'https://shop.example.com/orders' });
    expect(event.data).toEqual(payload);
    expectSignedBody(request, e.secret);
  });

  it('sends FORM as application/x-www-form-urlencoded with payload=<the webhook JSON>', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const e = await endpoint(s.admin, app, s.receiver.url, { format: 'FORM' });
    const published = await publish(s.admin, { applicationId: app, type, payload });
    const request = await waitForRequestOf(s.receiver.requests, e.tag);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(request.body);
    expect([...form.keys()]).toEqual(['payload']);
    expect(JSON.parse(form.get('payload')!)).toEqual({ id: published.event.id, type, timestamp: published.event.createdAt, data: payload });
    expectSignedBody(request, e.secret);
  });

  it('sends STANDARD_WEBHOOKS by default, and a format changed with updateEndpoint applies to the next event', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const e = await endpoint(s.admin, app, s.receiver.url);
    expect(e.endpoint.format).toBe('STANDARD_WEBHOOKS');
    const first = await publish(s.admin, { applicationId: app, type, payload });
    const request = await waitForRequestOf(s.receiver.requests, e.tag);
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({ id: first.event.id, type, timestamp: first.event.createdAt, data: payload });
    expectSignedBody(request, e.secret);
    // The first success is written to the endpoint's health: on FerretDB, whose updates of one
    // document are not atomic, an update racing that write could be lost (MongoDB's $set is not).
    await waitFor('the first success in the endpoint health', async () => (await s.admin.run(EndpointHealthDocument, { id: e.id })).endpoint?.health.lastSuccessAt);

    const { updateEndpoint } = await s.admin.run(UpdateEndpointOptionsDocument, { input: { id: e.id, format: 'FORM' } });
    expect(updateEndpoint.endpoint.format).toBe('FORM');
    const second = await publish(s.admin, { applicationId: app, type, payload });
    const next = await waitFor('the second request', () => requestsOf(s.receiver.requests, e.tag)[1]);
    expect(next.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(JSON.parse(new URLSearchParams(next.body).get('payload')!)).toMatchObject({ id: second.event.id });
  });
});

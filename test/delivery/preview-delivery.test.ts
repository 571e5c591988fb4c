import { HTTP, type CloudEvent } from 'cloudevents';
import { describe, expect, it } from 'vitest';
import { CreateApplicationDocument, DeliveriesDocument, PreviewDeliveryDocument } from '../generated/graphql.js';
import { GqlClient } from '../support/gql.js';
import type { ReceivedRequest } from '../support/receiver.js';
import { STORES, useServerOn, type StoreServer } from './on-each-store.js';
import { application, endpoint, eventType, expectSignedBody, requestsOf } from './options-helpers.js';

// previewDelivery: exactly the request the worker would send (the same prepare code), nothing stored or sent.

describe.each(STORES)('previewDelivery on %s', (store) => {
  let s: StoreServer;
  useServerOn(store, (started) => (s = started));

  it('returns the signed request after includeFields, transform and format, and stores and sends nothing', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const e = await endpoint(s.admin, app, s.receiver.url, {
      format: 'CLOUDEVENTS_STRUCTURED', includeFields: ['id', 'total'], transform: '{ "order": event.data.id, "keys": $keys(event.data) }', headers: [{ name: 'x-team', value: 'billing' }],
    });
    const { previewDelivery: preview } = await s.admin.run(PreviewDeliveryDocument, {
      input: { endpointId: e.id, eventType: type, payload: { id: 'o-1', total: 5, secret: 'left out' } },
    });
    expect(preview).toMatchObject({ wouldSend: true, reason: null, url: `${s.receiver.url}?${e.tag}` });
    const headers = Object.fromEntries(preview.headers!.map((h) => [h.name, h.value]));
    expect(headers).toMatchObject({ 'content-type': 'application/cloudevents+json', 'x-team': 'billing', 'tidings-attempt': '1' });
    const event = HTTP.toEvent({ headers, body: preview.body! }) as CloudEvent<unknown>;
    expect(event).toMatchObject({ type, id: headers['webhook-id'], source: `tidings://tidings/applications/${app}` });
    expect(event.data).toEqual({ order: 'o-1', keys: ['id', 'total'] });
    expectSignedBody({ headers, body: preview.body! } as unknown as ReceivedRequest, e.secret);

    const { deliveries } = await s.admin.run(DeliveriesDocument, { filter: { endpointId: e.id } });
    expect(deliveries.edges).toEqual([]);
    expect(requestsOf(s.receiver.requests, e.tag)).toEqual([]);
  });

  it('says why nothing would be sent: a filter or channels that do not match, a failing transform', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const filtered = await endpoint(s.admin, app, s.receiver.url, { filter: { total: { $gt: 100 } }, channels: ['eu'] });
    const preview = async (endpointId: string, payload: unknown, channels?: string[]) =>
      (await s.admin.run(PreviewDeliveryDocument, { input: { endpointId, eventType: type, payload, channels } })).previewDelivery;
    expect(await preview(filtered.id, { total: 5 }, ['eu'])).toMatchObject({ wouldSend: false, reason: expect.stringMatching(/filter/), body: null, headers: null });
    expect(await preview(filtered.id, { total: 500 })).toMatchObject({ wouldSend: false, reason: expect.stringMatching(/channels/) });
    expect(await preview(filtered.id, { total: 500 }, ['eu'])).toMatchObject({ wouldSend: true });
    const failing = await endpoint(s.admin, app, s.receiver.url, { transform: '$error("nope")' });
    expect(await preview(failing.id, {})).toMatchObject({ wouldSend: false, reason: expect.stringMatching(/nope/) });
  });

  it("is NOT_FOUND for another application's endpoint seen with an application key, and works with the owner's key", async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const e = await endpoint(s.admin, app, s.receiver.url);
    const { createApplication: other } = await s.admin.run(CreateApplicationDocument, { name: 'Other' });
    const otherClient = new GqlClient(s.admin.url, other.apiKey);
    await otherClient.fail(PreviewDeliveryDocument, { input: { endpointId: e.id, eventType: type, payload: {} } }, 'NOT_FOUND');
    await s.admin.fail(PreviewDeliveryDocument, { input: { endpointId: 'ep_missing', eventType: type, payload: {} } }, 'NOT_FOUND');
    expect((await s.admin.run(PreviewDeliveryDocument, { input: { endpointId: e.id, eventType: type, payload: {} } })).previewDelivery.wouldSend).toBe(true);
  });
});

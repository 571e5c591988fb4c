import { describe, expect, it } from 'vitest';
import { STORES, useServerOn, type StoreServer } from './on-each-store.js';
import { application, endpoint, eventType, publish, requestsOf, waitForRequestOf } from './options-helpers.js';
import { waitFor } from '../support/wait.js';

// Triggers: what an endpoint hears. Channels and filters are applied in the fan-out, so an event an
// endpoint does not hear creates no delivery for it at all.

describe.each(STORES)('channels and filters on %s', (store) => {
  let s: StoreServer;
  useServerOn(store, (started) => (s = started));

  it('an endpoint with channels gets only events published on one of them; one without channels gets every event', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const all = await endpoint(s.admin, app, s.receiver.url);
    const eu = await endpoint(s.admin, app, s.receiver.url, { channels: ['eu', 'global'] });
    expect(eu.endpoint.channels).toEqual(['eu', 'global']);
    const onUs = await publish(s.admin, { applicationId: app, type, payload: { n: 1 }, channels: ['us'] });
    const onEu = await publish(s.admin, { applicationId: app, type, payload: { n: 2 }, channels: ['eu'] });
    const none = await publish(s.admin, { applicationId: app, type, payload: { n: 3 } });
    expect(onUs.deliveries.map((d) => d.endpoint.id)).toEqual([all.id]);
    expect(onEu.deliveries.map((d) => d.endpoint.id).sort()).toEqual([all.id, eu.id].sort());
    expect(none.deliveries.map((d) => d.endpoint.id)).toEqual([all.id]);
    const request = await waitForRequestOf(s.receiver.requests, eu.tag);
    expect(JSON.parse(request.body).data).toEqual({ n: 2 });
    await waitFor('three requests for the endpoint without channels', () => requestsOf(s.receiver.requests, all.tag).length === 3);
    expect(requestsOf(s.receiver.requests, eu.tag)).toHaveLength(1);
  });

  it('an endpoint with a filter gets only events whose data matches it (dotted paths, comparisons, $in, $or, $regex, $not, $exists)', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const filter = {
      'order.total': { $gte: 100 },
      'order.country': { $in: ['DE', 'FR'] },
      $or: [{ 'order.sku': { $regex: '^vip-', $options: 'i' } }, { 'order.rush': { $exists: true } }],
      'order.status': { $not: { $eq: 'test' } },
    };
    const e = await endpoint(s.admin, app, s.receiver.url, { filter });
    expect(e.endpoint.filter).toEqual(filter);
    const matching = { order: { total: 150, country: 'DE', sku: 'VIP-1', status: 'new' } };
    const cases = [
      { payload: matching, heard: true },
      { payload: { order: { total: 99, country: 'DE', sku: 'vip-1' } }, heard: false },
      { payload: { order: { total: 150, country: 'US', sku: 'vip-1' } }, heard: false },
      { payload: { order: { total: 150, country: 'FR', sku: 'std-1' } }, heard: false },
      { payload: { order: { total: 150, country: 'FR', sku: 'std-1', rush: false } }, heard: true },
      { payload: { order: { total: 150, country: 'FR', sku: 'vip-2', status: 'test' } }, heard: false },
    ];
    for (const c of cases) {
      const published = await publish(s.admin, { applicationId: app, type, payload: c.payload });
      expect({ payload: c.payload, deliveries: published.deliveries.length }).toEqual({ payload: c.payload, deliveries: c.heard ? 1 : 0 });
    }
    await waitFor('two requests', () => requestsOf(s.receiver.requests, e.tag).length === 2);
    expect(JSON.parse(requestsOf(s.receiver.requests, e.tag)[0]!.body).data).toEqual(matching);
  });
});

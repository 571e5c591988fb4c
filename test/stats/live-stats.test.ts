import { describe, expect, it } from 'vitest';
import { DeliveryStatsUpdatedDocument } from '../generated/graphql.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import { subscribeWs } from '../support/live.js';
import { receiversClosedAfterEach } from '../support/receiver.js';
import { useTestServer, type TestServer } from '../support/server.js';

// deliveryStatsUpdated over graphql-ws: the current bucket at once, then every
// TIDINGS_STATS_LIVE_INTERVAL (200ms here), for live charts.

const receiver = receiversClosedAfterEach();

describe('live delivery statistics', () => {
  let server: TestServer;
  useTestServer((s) => (server = s), { statsLiveIntervalMs: 200 });

  it('emits the current bucket at once and again every interval, with traffic as it happens', async () => {
    const r = await receiver();
    const app = await createApplication(server);
    const type = await createEventType(server);
    const e = await createEndpoint(server, app.id, r.url);
    const feed = await subscribeWs(server.wsUrl, app.apiKey, DeliveryStatsUpdatedDocument, { input: { endpointId: e.id, interval: 'HOUR' } });
    try {
      const first = await feed.next('the first message', () => true);
      expect(first.deliveryStatsUpdated.bucket).toMatchObject({ eventsPublished: 0, attempts: 0 });
      const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
      expect(Date.parse(first.deliveryStatsUpdated.bucket.start)).toBe(hour);
      const startedAt = Date.now();
      await publish(server, app.id, type, { n: 1 });
      await publish(server, app.id, type, { n: 2 });
      const later = await feed.next('a message counting both deliveries', (m) => m.deliveryStatsUpdated.bucket.succeeded === 2, 5_000);
      expect(later.deliveryStatsUpdated.bucket).toMatchObject({ eventsPublished: 2, deliveriesCreated: 2, attempts: 2, outcomes: { success: 2 } });
      expect(later.deliveryStatsUpdated.backlog).toEqual({ waiting: 0, retrying: 0, oldestWaitingAgeMs: null });
      // Periodic: with nothing new happening, messages keep coming at about the interval.
      const count = feed.messages.length;
      await feed.next('two more messages', () => feed.messages.length >= count + 2, 3_000);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(200);
      expect(feed.errors).toEqual([]);
    } finally {
      await feed.close();
    }
  });

  it('refuses to follow another application’s endpoint', async () => {
    const a = await createApplication(server);
    const b = await createApplication(server);
    const e = await createEndpoint(server, a.id, 'http://127.0.0.1:9/hook');
    const feed = await subscribeWs(server.wsUrl, b.apiKey, DeliveryStatsUpdatedDocument, { input: { endpointId: e.id } });
    try {
      await expect.poll(() => feed.errors.length, { timeout: 5_000 }).toBeGreaterThan(0);
      expect(JSON.stringify(feed.errors)).toMatch(/NOT_FOUND/);
      expect(feed.messages).toEqual([]);
    } finally {
      await feed.close();
    }
  });
});

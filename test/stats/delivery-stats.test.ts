import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERCENTILE_RELATIVE_ERROR } from '../../src/domain/histogram.js';
import { DeliveryDocument, DeliveryStatsDocument, EndpointStatsDocument, UpdateEndpointDocument, type DeliveryQuery, type PctFragment } from '../generated/graphql.js';
import { closedPort } from '../delivery/delivery-helpers.js';
import { startMongoServer, type MongoServer } from '../support/ferretdb.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import { receiversClosedAfterEach } from '../support/receiver.js';
import { waitFor } from '../support/wait.js';
import { startStatsServer, type StatsServer, type StoreKind } from './stats-server.js';

// The statistics are proved against what really happened: a run with successes, retries, client
// and server errors, timeouts and refused connections, compared attempt by attempt with the
// delivery history the API returns. On both stores.

const receiver = receiversClosedAfterEach();
type Attempt = NonNullable<DeliveryQuery['delivery']>['attempts'][number];
type Outcome = 'success' | 'clientError' | 'serverError' | 'otherStatus' | 'timeout' | 'networkError' | 'refused';

/** The ⌈q·n⌉-th smallest value: the rank rule the histogram follows. */
function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

/** Each percentile is within the stated relative error of the exact one (values under 10 µs are reported as 10 µs). */
function expectPercentiles(what: string, got: PctFragment | null | undefined, values: number[]): void {
  expect(got, `${what}: percentiles`).toBeTruthy();
  for (const [q, key] of [[0.5, 'p50'], [0.95, 'p95'], [0.99, 'p99']] as const) {
    const truth = exactQuantile(values, q);
    const tolerance = truth * PERCENTILE_RELATIVE_ERROR + 0.011;
    expect(Math.abs(got![key] - truth), `${what} ${key}: got ${got![key]}, exact ${truth} (values ${JSON.stringify(values)})`).toBeLessThanOrEqual(tolerance);
  }
}

function classOf(a: Attempt): Outcome {
  if (a.responseStatus !== null && a.responseStatus !== undefined) {
    if (a.responseStatus >= 200 && a.responseStatus < 300) return 'success';
    if (a.responseStatus >= 400 && a.responseStatus < 500) return 'clientError';
    if (a.responseStatus >= 500) return 'serverError';
    return 'otherStatus';
  }
  return /timed out/.test(a.error ?? '') ? 'timeout' : 'networkError';
}

for (const kind of ['sqlite', 'mongo'] as StoreKind[]) {
  describe(`delivery statistics (${kind})`, () => {
    let mongo: MongoServer | undefined;
    let server: StatsServer;
    beforeAll(async () => {
      if (kind === 'mongo') mongo = await startMongoServer();
      server = await startStatsServer(kind, () => mongo!, { deliveryTimeoutMs: 300 });
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
      await mongo?.destroy();
    });

    it('match the attempts actually made in a run with successes, retries, 4xx, 5xx, timeouts and network errors', async () => {
      const since = Date.now() - 60_000;
      // One receiver answers by the event's `mode`; one never answers in time; one port refuses connections.
      const main = await receiver((req) => {
        const { data } = JSON.parse(req.body) as { data: { mode: string } };
        const attempt = Number(req.headers['tidings-attempt']);
        if (data.mode === 'flaky') return attempt < 3 ? { status: 503 } : { status: 200 };
        if (data.mode === 'gone') return { status: 404 };
        if (data.mode === 'slowOk') return { status: 200, delayMs: 40 };
        return { status: 200 };
      });
      const slow = await receiver(() => ({ status: 200, delayMs: 1500 }));
      const app = await createApplication(server);
      const mainType = await createEventType(server);
      const slowType = await createEventType(server);
      const e1 = await createEndpoint(server, app.id, main.url, { eventTypes: [mainType] });
      const e2 = await createEndpoint(server, app.id, slow.url, { eventTypes: [slowType] });
      const e3 = await createEndpoint(server, app.id, `http://127.0.0.1:${await closedPort()}/hook`, { eventTypes: [slowType] });
      const published = [];
      for (const mode of ['ok', 'ok', 'slowOk', 'ok', 'flaky', 'flaky', 'gone', 'slowOk']) published.push(await publish(server, app.id, mainType, { mode }));
      published.push(await publish(server, app.id, slowType, { mode: 'slow' }));
      const deliveries = published.flatMap((p) => p.deliveries.map((d) => ({ id: d.id, publishedAt: Date.parse(p.event.createdAt), endpointId: d.endpoint.id })));
      expect(deliveries).toHaveLength(10);

      const finished = await waitFor('every delivery to finish', async () => {
        const read = await Promise.all(deliveries.map(async (d) => ({ ...d, delivery: (await server.admin.run(DeliveryDocument, { id: d.id })).delivery! })));
        return read.every((r) => r.delivery.status === 'SUCCEEDED' || r.delivery.status === 'FAILED') && read;
      }, 30_000, 100);

      const { deliveryStats } = await server.admin.run(DeliveryStatsDocument, { input: { applicationId: app.id, since: new Date(since).toISOString(), interval: 'MINUTE' } });
      const attempts = finished.flatMap((f) => f.delivery.attempts.map((a) => ({ ...a, f })));
      const count = (o: Outcome) => attempts.filter((a) => classOf(a) === o).length;
      const succeeded = finished.filter((f) => f.delivery.status === 'SUCCEEDED').length;
      const failed = finished.filter((f) => f.delivery.status === 'FAILED').length;
      // The run really has every kind of outcome.
      expect([count('success'), count('serverError'), count('clientError'), count('timeout'), count('networkError')].every((n) => n > 0)).toBe(true);

      expect(deliveryStats.total).toMatchObject({
        eventsPublished: 9,
        deliveriesCreated: 10,
        attempts: attempts.length,
        succeeded,
        failed,
        retried: attempts.length - succeeded - failed,
        attemptSuccessRate: count('success') / attempts.length,
        deliverySuccessRate: succeeded / (succeeded + failed),
        outcomes: {
          success: count('success'), clientError: count('clientError'), serverError: count('serverError'), otherStatus: 0,
          timeout: count('timeout'), networkError: count('networkError'), refused: 0,
        },
      });
      // The minute buckets add up to the total.
      const sum = (k: 'attempts' | 'eventsPublished' | 'deliveriesCreated') => deliveryStats.buckets.reduce((n, b) => n + b[k], 0);
      expect([sum('attempts'), sum('eventsPublished'), sum('deliveriesCreated')]).toEqual([attempts.length, 9, 10]);
      expect(deliveryStats.total.eventRate).toBeCloseTo(9 / ((Date.parse(deliveryStats.total.end) - Date.parse(deliveryStats.total.start)) / 1000), 6);

      // Times, against the recorded attempts.
      expectPercentiles('attempt duration', deliveryStats.total.attemptDuration, attempts.map((a) => a.durationMs));
      const firsts = attempts.filter((a) => a.number === 1);
      expectPercentiles('send latency', deliveryStats.total.sendLatency, firsts.map((a) => Date.parse(a.startedAt) - a.f.publishedAt));
      const successes = attempts.filter((a) => a.success);
      expectPercentiles('end to end', deliveryStats.total.endToEndLatency, successes.map((a) => Date.parse(a.startedAt) + a.durationMs - a.f.publishedAt));
      expect(deliveryStats.total.preparation!.p99).toBeLessThan(100);
      expect(deliveryStats.backlog).toEqual({ waiting: 0, retrying: 0, oldestWaitingAgeMs: null });

      // One endpoint: the one that never answers in time.
      const { endpoint } = await server.admin.run(EndpointStatsDocument, { id: e2.id, since: new Date(since).toISOString(), interval: 'HOUR' });
      expect(endpoint!.stats.total).toMatchObject({ eventsPublished: 1, deliveriesCreated: 1, attempts: 3, succeeded: 0, failed: 1, retried: 2, outcomes: { timeout: 3 } });
      expect(endpoint!.stats.total.attemptDuration!.p50).toBeGreaterThan(300 * (1 - PERCENTILE_RELATIVE_ERROR) - 1);
      // By event type: the refused port's and the slow receiver's share.
      const bySlowType = await server.admin.run(DeliveryStatsDocument, { input: { applicationId: app.id, eventType: slowType, since: new Date(since).toISOString() } });
      expect(bySlowType.deliveryStats.total).toMatchObject({ eventsPublished: 1, deliveriesCreated: 2, attempts: 6, failed: 2, outcomes: { timeout: 3, networkError: 3 } });
      expect(e1.id).not.toBe(e3.id);
    }, 60_000);

    it('show the backlog now: waiting deliveries of a paused endpoint and the age of the oldest', async () => {
      const r = await receiver();
      const app = await createApplication(server);
      const type = await createEventType(server);
      const e = await createEndpoint(server, app.id, r.url);
      await server.admin.run(UpdateEndpointDocument, { input: { id: e.id, enabled: false } });
      const first = await publish(server, app.id, type, { n: 1 });
      await publish(server, app.id, type, { n: 2 });
      const since = new Date(Date.now() - 3_600_000).toISOString();
      const { deliveryStats } = await server.client(app.apiKey).run(DeliveryStatsDocument, { input: { endpointId: e.id, since } });
      expect(deliveryStats.backlog).toMatchObject({ waiting: 2, retrying: 0 });
      expect(deliveryStats.backlog.oldestWaitingAgeMs).toBeGreaterThanOrEqual(0);
      expect(deliveryStats.backlog.oldestWaitingAgeMs).toBeLessThanOrEqual(Date.now() - Date.parse(first.event.createdAt) + 5);
      expect(deliveryStats.total).toMatchObject({ eventsPublished: 2, deliveriesCreated: 2, attempts: 0, attemptSuccessRate: null, sendLatency: null });
    });

    it('show an application only its own numbers', async () => {
      const a = await createApplication(server);
      const b = await createApplication(server);
      const type = await createEventType(server);
      const r = await receiver();
      const ea = await createEndpoint(server, a.id, r.url);
      await publish(server, a.id, type, { n: 1 });
      await publish(server, a.id, type, { n: 2 });
      const since = new Date(Date.now() - 3_600_000).toISOString();
      const own = await server.client(a.apiKey).run(DeliveryStatsDocument, { input: { since } });
      expect(own.deliveryStats.total.eventsPublished).toBe(2);
      const other = await server.client(b.apiKey).run(DeliveryStatsDocument, { input: { since } });
      expect(other.deliveryStats.total).toMatchObject({ eventsPublished: 0, deliveriesCreated: 0 });
      await server.client(b.apiKey).fail(DeliveryStatsDocument, { input: { since, applicationId: a.id } }, 'NOT_FOUND');
      await server.client(b.apiKey).fail(DeliveryStatsDocument, { input: { since, endpointId: ea.id } }, 'NOT_FOUND');
      await server.client(b.apiKey).fail(EndpointStatsDocument, { id: ea.id, since }, 'NOT_FOUND').catch(async () => {
        const { endpoint } = await server.client(b.apiKey).run(EndpointStatsDocument, { id: ea.id, since });
        expect(endpoint).toBeNull();
      });
    });

    it('refuse a range that is empty or would give too many buckets', async () => {
      const now = Date.now();
      await server.admin.fail(DeliveryStatsDocument, { input: { since: new Date(now + 60_000).toISOString(), until: new Date(now).toISOString() } }, 'BAD_USER_INPUT');
      const error = await server.admin.fail(DeliveryStatsDocument, { input: { since: new Date(now - 30 * 86_400_000).toISOString(), interval: 'MINUTE' } }, 'BAD_USER_INPUT');
      expect(error.message).toMatch(/2000 buckets/);
    });
  });
}

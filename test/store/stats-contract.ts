import { beforeEach, describe, expect, it } from 'vitest';
import { histogramBucket } from '../../src/domain/histogram.js';
import type { AttemptMeasures } from '../../src/domain/records.js';
import { NO_ENDPOINT, type StatsTotals } from '../../src/domain/stats.js';
import type { ClaimedDelivery, StatsQuery, Store } from '../../src/store/ports.js';
import { admin, appScope, fixtures, freshStorePerCase, T0, type StoreHarness } from './contract-fixtures.js';

// Delivery statistics contract: the aggregates publishEvent and recordAttempt maintain, read back
// rolled up by interval, and the backlog. Every adapter runs exactly these cases.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function nonZero(t: StatsTotals | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(t?.counters ?? {}).filter(([, n]) => n !== 0));
}

function cells(t: StatsTotals | undefined, h: keyof StatsTotals['histograms']): [number, number][] {
  return [...(t?.histograms[h] ?? new Map())].sort((a, b) => a[0] - b[0]);
}

export function statsContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Delivery statistics contract: ${name}`, () => {
    const current = freshStorePerCase(open);
    let store: Store;
    beforeEach(() => {
      store = current();
    });
    const { application, endpoint, event, publish, outcome } = fixtures(() => store);
    const range = (extra: Partial<StatsQuery> = {}): StatsQuery => ({ since: T0, until: T0 + DAY, interval: 'DAY', ...extra });
    const measured = (claim: ClaimedDelivery, success: boolean, next: number | null, m: Partial<AttemptMeasures> & { outcome: AttemptMeasures['outcome'] }, at = T0) => ({
      ...outcome(claim, success, next, at),
      measures: { preparationMs: 0.2, sendLatencyMs: null, endToEndMs: null, ...m },
    });

    it('counts each event published once and each delivery created per endpoint, in the minute of the publish', async () => {
      const a = await application();
      const e1 = await endpoint(a.id);
      const e2 = await endpoint(a.id, { eventTypes: ['order.*'] });
      await publish(event(a.id, { createdAt: T0 + 5_000 }));
      await publish(event(a.id, { createdAt: T0 + 65_000, type: 'user.created' }));
      await publish(event(a.id, { createdAt: T0 + 70_000, idempotencyKey: 'k' }));
      expect((await publish(event(a.id, { createdAt: T0 + 80_000, idempotencyKey: 'k' }))).created).toBe(false);
      const byMinute = await store.readStats(admin, range({ interval: 'MINUTE' }));
      expect([...byMinute.keys()].sort()).toEqual([T0, T0 + 60_000]);
      expect(nonZero(byMinute.get(T0))).toEqual({ eventsPublished: 1, deliveriesCreated: 2 });
      expect(nonZero(byMinute.get(T0 + 60_000))).toEqual({ eventsPublished: 2, deliveriesCreated: 3 });
      // One endpoint: its deliveries (events published only count on the application's row).
      expect(nonZero((await store.readStats(admin, range({ endpointId: e2.id }))).get(T0))).toEqual({ deliveriesCreated: 2 });
      expect(nonZero((await store.readStats(admin, range({ endpointId: NO_ENDPOINT }))).get(T0))).toEqual({ eventsPublished: 3 });
      expect(nonZero((await store.readStats(admin, range({ endpointId: e1.id, eventType: 'user.created' }))).get(T0))).toEqual({ deliveriesCreated: 1 });
      expect(nonZero((await store.readStats(appScope(a.id), range({ eventType: 'order.created' }))).get(T0))).toEqual({ eventsPublished: 2, deliveriesCreated: 4 });
    });

    it('counts attempts by outcome and by what became of the delivery, with their times in the histograms', async () => {
      const a = await application();
      const e = await endpoint(a.id);
      await publish(event(a.id));
      await publish(event(a.id));
      const [c1, c2] = await store.claimDue({ now: T0, limit: 2, leaseMs: 1000 });
      await store.recordAttempt(c1!, measured(c1!, false, T0 + 10, { outcome: 'serverError', sendLatencyMs: 40 }), T0 + 5);
      await store.recordAttempt(c2!, measured(c2!, false, null, { outcome: 'timeout', sendLatencyMs: 3 }), T0 + 5);
      const [c3] = await store.claimDue({ now: T0 + 10, limit: 1, leaseMs: 1000 });
      await store.recordAttempt(c3!, measured(c3!, true, null, { outcome: 'success', endToEndMs: 1500 }, T0 + 61_000), T0 + 61_005);
      const total = (await store.readStats(appScope(a.id), range())).get(T0);
      expect(nonZero(total)).toEqual({
        eventsPublished: 2, deliveriesCreated: 2, attempts: 3, succeeded: 1, failed: 1, retried: 1, success: 1, serverError: 1, timeout: 1,
      });
      expect(cells(total, 'attemptDuration')).toEqual([[histogramBucket(5), 3]]);
      expect(cells(total, 'preparation')).toEqual([[histogramBucket(0.2), 3]]);
      expect(cells(total, 'sendLatency')).toEqual([[histogramBucket(3), 1], [histogramBucket(40), 1]].sort((x, y) => x[0]! - y[0]!));
      expect(cells(total, 'endToEndLatency')).toEqual([[histogramBucket(1500), 1]]);
      // Attempts count in the minute they started.
      const byMinute = await store.readStats(admin, range({ interval: 'MINUTE', endpointId: e.id }));
      expect(nonZero(byMinute.get(T0 + 60_000))).toEqual({ attempts: 1, succeeded: 1, success: 1 });
    });

    it('loses no count when many attempts of one endpoint and minute are recorded at once', async () => {
      const a = await application();
      await endpoint(a.id);
      await Promise.all(Array.from({ length: 20 }, () => publish(event(a.id))));
      const claims = await store.claimDue({ now: T0, limit: 20, leaseMs: 1000 });
      expect(claims).toHaveLength(20);
      await Promise.all(claims.map((c) => store.recordAttempt(c, measured(c, true, null, { outcome: 'success', sendLatencyMs: 7, endToEndMs: 9 }), T0 + 5)));
      const total = (await store.readStats(admin, range())).get(T0);
      expect(nonZero(total)).toEqual({ eventsPublished: 20, deliveriesCreated: 20, attempts: 20, succeeded: 20, success: 20 });
      expect(cells(total, 'sendLatency')).toEqual([[histogramBucket(7), 20]]);
    });

    it('counts nothing for the late outcome of a lost lease', async () => {
      const a = await application();
      await endpoint(a.id);
      await publish(event(a.id));
      const [first] = await store.claimDue({ now: T0, limit: 1, leaseMs: 1000 });
      const [second] = await store.claimDue({ now: T0 + 1000, limit: 1, leaseMs: 1000 });
      expect(await store.recordAttempt(first!, measured(first!, true, null, { outcome: 'success' }), T0 + 1001)).toBeNull();
      await store.recordAttempt(second!, measured(second!, false, null, { outcome: 'clientError' }, T0 + 1000), T0 + 1002);
      expect(nonZero((await store.readStats(admin, range())).get(T0))).toEqual({ eventsPublished: 1, deliveriesCreated: 1, attempts: 1, failed: 1, clientError: 1 });
    });

    it('rolls minute rows up into hour and day buckets, and reads only the range asked for', async () => {
      const a = await application();
      await endpoint(a.id);
      for (const at of [T0, T0 + 59 * 60_000, T0 + HOUR, T0 + 3 * HOUR + 1, T0 + DAY + 5]) await publish(event(a.id, { createdAt: at }));
      const hours = await store.readStats(admin, range({ interval: 'HOUR', until: T0 + 2 * DAY }));
      expect([...hours].map(([start, t]) => [start, t.counters.eventsPublished]).sort((x, y) => x[0]! - y[0]!)).toEqual([
        [T0, 2], [T0 + HOUR, 1], [T0 + 3 * HOUR, 1], [T0 + DAY, 1],
      ]);
      const days = await store.readStats(admin, range({ until: T0 + 2 * DAY }));
      expect([...days].map(([start, t]) => [start, t.counters.eventsPublished]).sort((x, y) => x[0]! - y[0]!)).toEqual([[T0, 4], [T0 + DAY, 1]]);
      const window = await store.readStats(admin, range({ since: T0 + HOUR, until: T0 + 3 * HOUR + 1, interval: 'DAY' }));
      expect(window.get(T0)?.counters.eventsPublished).toBe(2);
    });

    it('gives the same figures through hour rows as through minute rows, for ranges that start and end mid-hour', async () => {
      const a = await application();
      await endpoint(a.id);
      await endpoint(a.id);
      const times = [0, 59 * 60_000, HOUR - 1, HOUR + 30_000, 2 * HOUR + 17 * 60_000, 5 * HOUR + 59 * 60_000, DAY - 1, DAY + HOUR];
      for (const t of times) await publish(event(a.id, { createdAt: T0 + t }));
      const sum = (m: Map<number, StatsTotals>) => [...m.values()].reduce((n, t) => n + t.counters.eventsPublished + 10 * t.counters.deliveriesCreated, 0);
      for (const [since, until] of [[0, 2 * DAY], [30 * 60_000, 6 * HOUR], [HOUR + 1, 5 * HOUR + 59 * 60_000 + 1], [17 * 60_000, 40 * 60_000], [HOUR, DAY]]) {
        const r = { since: T0 + since!, until: T0 + until! };
        const minutes = sum(await store.readStats(admin, range({ ...r, interval: 'MINUTE' })));
        const expected = times.filter((t) => t >= Math.floor(since! / 60_000) * 60_000 && t < until!).length * 21;
        expect(minutes, `${since}..${until} by minute`).toBe(expected);
        expect(sum(await store.readStats(admin, range({ ...r, interval: 'HOUR' }))), `${since}..${until} by hour`).toBe(expected);
        expect(sum(await store.readStats(admin, range({ ...r, interval: 'DAY' }))), `${since}..${until} by day`).toBe(expected);
      }
    });

    it('shows an application only its own statistics, and the admin everyone’s or one application’s', async () => {
      const a = await application();
      const b = await application();
      await endpoint(a.id);
      await endpoint(b.id);
      await publish(event(a.id));
      await publish(event(b.id));
      await publish(event(b.id));
      expect((await store.readStats(appScope(a.id), range())).get(T0)?.counters.eventsPublished).toBe(1);
      expect((await store.readStats(appScope(a.id), range({ applicationId: b.id }))).size).toBe(0);
      expect((await store.readStats(admin, range({ applicationId: b.id }))).get(T0)?.counters.eventsPublished).toBe(2);
      expect((await store.readStats(admin, range())).get(T0)?.counters.eventsPublished).toBe(3);
    });

    it('reports the backlog: deliveries waiting and retrying now, and when the oldest waiting one was created, per endpoint and within the scope', async () => {
      const a = await application();
      const e1 = await endpoint(a.id);
      const paused = await endpoint(a.id, { enabled: false, eventTypes: ['order.*'] });
      const b = await application();
      await endpoint(b.id);
      await publish(event(a.id, { createdAt: T0 }));
      await publish(event(a.id, { createdAt: T0 + 10, type: 'user.created' }));
      await publish(event(b.id, { createdAt: T0 - 50 }));
      expect(await store.readBacklog(appScope(a.id), {})).toEqual({ waiting: 3, retrying: 0, oldestWaitingSince: T0 });
      const claims = await store.claimDue({ now: T0 + 20, limit: 10, leaseMs: 1000 });
      const ofE1 = claims.filter((c) => c.endpoint.id === e1.id).sort((x, y) => x.event.createdAt - y.event.createdAt);
      expect(ofE1).toHaveLength(2);
      await store.recordAttempt(ofE1[0]!, outcome(ofE1[0]!, false, T0 + 5000), T0 + 30);
      await store.recordAttempt(ofE1[1]!, outcome(ofE1[1]!, true, null), T0 + 30);
      expect(await store.readBacklog(appScope(a.id), {})).toEqual({ waiting: 1, retrying: 1, oldestWaitingSince: T0 });
      expect(await store.readBacklog(appScope(a.id), { endpointId: e1.id })).toEqual({ waiting: 0, retrying: 1, oldestWaitingSince: null });
      expect(await store.readBacklog(admin, { endpointId: paused.id })).toEqual({ waiting: 1, retrying: 0, oldestWaitingSince: T0 });
      expect(await store.readBacklog(admin, {})).toEqual({ waiting: 2, retrying: 1, oldestWaitingSince: T0 - 50 });
      expect(await store.readBacklog(appScope(b.id), { applicationId: a.id })).toEqual({ waiting: 0, retrying: 0, oldestWaitingSince: null });
    });
  });
}

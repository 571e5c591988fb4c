import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/errors.js';
import { DEFAULT_DELIVERY_OPTIONS, type EndpointRecord, type Scope } from '../../src/domain/records.js';
import { EXPIRED_WHILE_WAITING_REASON } from '../../src/domain/failure-reasons.js';
import type { Store } from '../../src/store/ports.js';
import { FILTER_CASES, pick, type FilterWorld } from '../domain/delivery-filter-cases.js';
import { admin, appScope, fixtures, freshStorePerCase, T0, type StoreHarness } from './contract-fixtures.js';

// Delivery log contract: every adapter runs exactly these tests with exactly these expectations (after
// Hookdeck Outpost's drivertest).

export function deliveryLogContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Delivery log contract: ${name}`, () => {
    const current = freshStorePerCase(open);
    let store: Store;
    beforeEach(() => {
      store = current();
    });
    const { application, endpoint, event, publish, outcome } = fixtures(() => store);

    it('fans an event out to every endpoint of its application whose event types match, paused ones included', async () => {
      const a = await application();
      const all = await endpoint(a.id);
      const prefix = await endpoint(a.id, { eventTypes: ['order.*'] });
      await endpoint(a.id, { eventTypes: ['user.created'] });
      const paused = await endpoint(a.id, { enabled: false });
      const gone = await endpoint(a.id);
      await store.deleteEndpoint(admin, gone.id, T0, 'gone');
      const other = await application();
      await endpoint(other.id);
      const result = await publish(event(a.id));
      expect(result.created).toBe(true);
      expect(result.deliveries.map((d) => d.endpointId).sort()).toEqual([all.id, prefix.id, paused.id].sort());
      for (const d of result.deliveries) expect(d).toMatchObject({ status: 'PENDING', attemptCount: 0, applicationId: a.id, eventId: result.event.id });
      expect(await store.findEvent(appScope(a.id), result.event.id)).toEqual(result.event);
      expect(await store.findEvent(appScope(other.id), result.event.id)).toBeNull();
    });

    it("fans an event out only to endpoints that listen to one of its channels and whose filter matches its data, and keeps the event's channels", async () => {
      const a = await application();
      const withOptions = (delivery: Partial<EndpointRecord['delivery']>) => endpoint(a.id, { delivery: { ...DEFAULT_DELIVERY_OPTIONS, ...delivery } });
      const every = await withOptions({});
      const eu = await withOptions({ channels: ['eu', 'global'] });
      await withOptions({ channels: ['us'] });
      const big = await withOptions({ filter: { 'order.total': { $gte: 100 }, 'order.country': { $in: ['DE', 'FR'] } } });
      const small = await withOptions({ filter: { 'order.total': { $lt: 100 } } });
      const both = await withOptions({ channels: ['eu'], filter: { $or: [{ 'order.note': { $exists: true } }, { 'order.sku': { $regex: '^A-', $options: 'i' } }] } });
      const result = await publish(event(a.id, { payload: '{"order":{"total":120,"country":"DE","sku":"a-1"}}', channels: ['eu'] }));
      expect(result.deliveries.map((d) => d.endpointId).sort()).toEqual([every.id, eu.id, big.id, both.id].sort());
      expect((await store.findEvent(admin, result.event.id))?.channels).toEqual(['eu']);
      const none = await publish(event(a.id, { payload: '{"order":{"total":5}}' }));
      expect(none.deliveries.map((d) => d.endpointId).sort()).toEqual([every.id, small.id].sort());
    });

    it('fans a test event out to its one endpoint only and keeps its target', async () => {
      const a = await application();
      await endpoint(a.id);
      const target = await endpoint(a.id, { eventTypes: ['user.*'] });
      const result = await publish(event(a.id, { testEndpointId: target.id }));
      expect(result.deliveries.map((d) => d.endpointId)).toEqual([target.id]);
      expect((await store.findEvent(admin, result.event.id))?.testEndpointId).toBe(target.id);
    });

    it('stores nothing for a test event whose endpoint is gone, alone or in a batch, and counts it nowhere', async () => {
      const a = await application();
      await endpoint(a.id);
      const gone = await endpoint(a.id);
      await store.deleteEndpoint(admin, gone.id, T0, 'gone');
      const orphan = await publish(event(a.id, { testEndpointId: gone.id }));
      expect(orphan).toMatchObject({ created: false, deliveries: [] });
      expect(await store.findEvent(admin, orphan.event.id)).toBeNull();
      const [test, plain] = await store.publishEvents([event(a.id, { testEndpointId: gone.id }), event(a.id)], { idempotentSince: T0 });
      expect(test).toMatchObject({ created: false, deliveries: [] });
      expect(await store.findEvent(admin, test!.event.id)).toBeNull();
      expect(plain).toMatchObject({ created: true, deliveries: [expect.anything()] });
      const stats = await store.readStats(admin, { interval: 'MINUTE', since: T0 - 3600_000, until: T0 + 3600_000 });
      expect([...stats.values()].reduce((n, row) => n + row.counters.eventsPublished, 0)).toBe(1);
    });

    it('keeps the deliveries of a paused endpoint waiting, unattempted, until it is enabled again', async () => {
      const a = await application();
      const e = await endpoint(a.id, { enabled: false });
      const p = await publish(event(a.id));
      expect(p.deliveries).toHaveLength(1);
      expect(await store.claimDue({ now: T0 + 60_000, limit: 10, leaseMs: 1000 })).toEqual([]);
      await store.updateEndpoint(admin, e.id, { enabled: true }, T0 + 60_000);
      const [claim] = await store.claimDue({ now: T0 + 60_001, limit: 10, leaseMs: 1000 });
      expect(claim).toMatchObject({ attemptNumber: 1, delivery: { id: p.deliveries[0]!.id, attemptCount: 0 } });
    });

    it('ends FAILED, with the reason, a delivery that waited past the retention period, and keeps it readable for another period', async () => {
      const a = await application();
      await endpoint(a.id, { enabled: false });
      const p = await publish(event(a.id, { createdAt: T0 }));
      const id = p.deliveries[0]!.id;
      const swept = await store.sweep({ now: T0 + 20_000, retentionMs: 10_000, fanoutGraceMs: 1000 });
      expect(swept.expired.map((d) => [d.id, d.status, d.failureReason])).toEqual([[id, 'FAILED', EXPIRED_WHILE_WAITING_REASON]]);
      expect(await store.findDelivery(admin, id)).toMatchObject({ status: 'FAILED', failureReason: EXPIRED_WHILE_WAITING_REASON, nextAttemptAt: null, updatedAt: T0 + 20_000 });
      expect(await store.findEvent(admin, p.event.id)).not.toBeNull();
      expect(await store.claimDue({ now: T0 + 1e9, limit: 10, leaseMs: 1000 })).toEqual([]);
      const later = await store.sweep({ now: T0 + 40_000, retentionMs: 10_000, fanoutGraceMs: 1000 });
      expect(later).toMatchObject({ expired: [], purgedDeliveries: 1, purgedEvents: 1 });
      expect(await store.findDelivery(admin, id)).toBeNull();
    });

    it('returns the original event for an idempotency key used within the window', async () => {
      const a = await application();
      await endpoint(a.id);
      const original = await publish(event(a.id, { idempotencyKey: 'k1', createdAt: T0 }));
      const again = await publish(event(a.id, { idempotencyKey: 'k1', createdAt: T0 + 10 }), T0);
      expect(again.created).toBe(false);
      expect(again.event.id).toBe(original.event.id);
      expect(again.deliveries.map((d) => d.id)).toEqual(original.deliveries.map((d) => d.id));
      expect((await store.listEvents(admin, {}, { first: 10 })).items).toHaveLength(1);
      // Outside the window the key is free again.
      const later = await publish(event(a.id, { idempotencyKey: 'k1', createdAt: T0 + 100 }), T0 + 50);
      expect(later.created).toBe(true);
      // Keys are per application.
      const b = await application();
      expect((await publish(event(b.id, { idempotencyKey: 'k1' }), 0)).created).toBe(true);
    });

    it('publishes a batch in order, each event fanned out as publishEvent fans it out, across applications, and counts it in the statistics', async () => {
      const a = await application();
      const all = await endpoint(a.id);
      const users = await endpoint(a.id, { eventTypes: ['user.*'] });
      const paused = await endpoint(a.id, { enabled: false });
      const b = await application();
      const other = await endpoint(b.id);
      const batch = [event(a.id), event(b.id), event(a.id, { type: 'user.created' }), event(a.id, { channels: ['eu'] })];
      const results = await store.publishEvents(batch, { idempotentSince: 0 });
      expect(results.map((r) => [r.event.id, r.created])).toEqual(batch.map((e) => [e.id, true]));
      const endpointsOf = (i: number) => results[i]!.deliveries.map((d) => d.endpointId).sort();
      expect(endpointsOf(0)).toEqual([all.id, paused.id].sort());
      expect(endpointsOf(1)).toEqual([other.id]);
      expect(endpointsOf(2)).toEqual([all.id, users.id, paused.id].sort());
      expect(endpointsOf(3)).toEqual([all.id, paused.id].sort());
      for (const [i, r] of results.entries()) {
        for (const d of r.deliveries) expect(d).toMatchObject({ status: 'PENDING', attemptCount: 0, applicationId: batch[i]!.applicationId, eventId: batch[i]!.id, eventType: batch[i]!.type });
        expect(await store.findEvent(admin, r.event.id)).toEqual(batch[i]);
      }
      // Every delivery but the paused endpoint's is due, once.
      const claimed = await store.claimDue({ now: T0, limit: 100, leaseMs: 1000 });
      const due = results.flatMap((r) => r.deliveries).filter((d) => d.endpointId !== paused.id);
      expect(claimed.map((c) => c.delivery.id).sort()).toEqual(due.map((d) => d.id).sort());
      const stats = (await store.readStats(admin, { since: T0, until: T0 + 86_400_000, interval: 'DAY' })).get(T0)!;
      expect(stats.counters).toMatchObject({ eventsPublished: 4, deliveriesCreated: results.flatMap((r) => r.deliveries).length });
      expect(await store.publishEvents([], { idempotentSince: 0 })).toEqual([]);
    });

    it('in a batch, returns the original event for a key used before, and for a key an earlier event of the batch took', async () => {
      const a = await application();
      await endpoint(a.id);
      const original = await publish(event(a.id, { idempotencyKey: 'k1' }));
      const b = await application();
      const batch = [
        event(a.id, { idempotencyKey: 'k1', createdAt: T0 + 10 }),
        event(a.id, { idempotencyKey: 'k2', createdAt: T0 + 10 }),
        event(a.id, { idempotencyKey: 'k2', createdAt: T0 + 10, payload: '{"n":2}' }),
        event(b.id, { idempotencyKey: 'k2', createdAt: T0 + 10 }),
        event(a.id, { createdAt: T0 + 10 }),
      ];
      const results = await store.publishEvents(batch, { idempotentSince: T0 });
      expect(results.map((r) => r.created)).toEqual([false, true, false, true, true]);
      expect(results[0]!.event).toEqual(original.event);
      expect(results[0]!.deliveries.map((d) => d.id)).toEqual(original.deliveries.map((d) => d.id));
      expect(results[2]!.event).toEqual(batch[1]);
      expect(results[2]!.deliveries.map((d) => d.id)).toEqual(results[1]!.deliveries.map((d) => d.id));
      expect((await store.listEvents(admin, {}, { first: 10 })).items.map((e) => e.id).sort()).toEqual([original.event.id, batch[1]!.id, batch[3]!.id, batch[4]!.id].sort());
      expect((await store.listDeliveries(admin, {}, { first: 10 })).items).toHaveLength(3);
      // The whole batch again: every event is the one stored the first time, and nothing new is stored.
      const again = await store.publishEvents(batch.map((e) => ({ ...e, id: `${e.id}x` })).slice(0, 4), { idempotentSince: T0 });
      expect(again.map((r) => [r.event.id, r.created])).toEqual([[original.event.id, false], [batch[1]!.id, false], [batch[1]!.id, false], [batch[3]!.id, false]]);
      expect((await store.listDeliveries(admin, {}, { first: 10 })).items).toHaveLength(3);
    });

    describe('filters deliveries as the live feed does (one table of cases)', () => {
      async function world(): Promise<FilterWorld> {
        const a = await application();
        const e1 = await endpoint(a.id);
        const e2 = await endpoint(a.id, { eventTypes: ['order.*'] });
        const first = await publish(event(a.id, { createdAt: T0 }));
        const second = await publish(event(a.id, { type: 'user.created', createdAt: T0 + 1000 }));
        const of = (ds: typeof first.deliveries, ep: string) => ds.find((d) => d.endpointId === ep)!;
        return {
          applicationId: a.id,
          e1: e1.id,
          e2: e2.id,
          first: { eventId: first.event.id, createdAt: T0, deliveries: { e1: of(first.deliveries, e1.id), e2: of(first.deliveries, e2.id) } },
          second: { eventId: second.event.id, createdAt: T0 + 1000, type: 'user.created', delivery: of(second.deliveries, e1.id) },
        };
      }
      for (const c of FILTER_CASES) {
        it(c.name, async () => {
          const w = await world();
          const page = await store.listDeliveries(admin, c.filter(w), { first: 100 });
          expect(page.items.map((d) => d.id).sort()).toEqual(pick(w, c.keeps));
        });
      }
      it('sees nothing of another application in its scope', async () => {
        await world();
        const scope: Scope = appScope((await application()).id);
        expect((await store.listDeliveries(scope, {}, { first: 100 })).items).toEqual([]);
      });
    });

    it('reads events and attempts of many records in one call, within the scope', async () => {
      const a = await application();
      await endpoint(a.id);
      const p1 = await publish(event(a.id));
      const p2 = await publish(event(a.id));
      const [c1] = await store.claimDue({ now: T0, limit: 1, leaseMs: 1000 });
      await store.recordAttempt(c1!, outcome(c1!, false, T0 + 10), T0 + 1);
      const [c2] = await store.claimDue({ now: T0 + 10, limit: 1, leaseMs: 1000 });
      await store.recordAttempt(c2!, outcome(c2!, true, null, T0 + 10), T0 + 11);
      const ids = [p1.event.id, p2.event.id, 'evt_missing'];
      expect((await store.findEvents(admin, ids)).map((e) => e.id).sort()).toEqual([p1.event.id, p2.event.id].sort());
      expect(await store.findEvents(appScope((await application()).id), ids)).toEqual([]);
      const [c3] = await store.claimDue({ now: T0 + 10, limit: 1, leaseMs: 1000 });
      await store.recordAttempt(c3!, outcome(c3!, true, null, T0 + 10), T0 + 12);
      expect(c3!.delivery.id).toBe(c1!.delivery.id);
      const attempts = await store.listAttemptsOf([c1!.delivery.id, c2!.delivery.id, 'dlv_missing']);
      const got = attempts.map((x) => `${x.deliveryId}#${x.number}`);
      expect([...got].sort()).toEqual([`${c1!.delivery.id}#1`, `${c1!.delivery.id}#2`, `${c2!.delivery.id}#1`].sort());
      expect(got.indexOf(`${c1!.delivery.id}#1`)).toBeLessThan(got.indexOf(`${c1!.delivery.id}#2`));
    });

    it('claims due deliveries once, oldest due first, and not those of disabled or excluded endpoints', async () => {
      const a = await application();
      const e1 = await endpoint(a.id);
      const e2 = await endpoint(a.id);
      const p = await publish(event(a.id, { createdAt: T0 }));
      const future = await publish(event(a.id, { createdAt: T0 + 60_000 }));
      expect(future.deliveries).toHaveLength(2);
      const excluded = await store.claimDue({ now: T0, limit: 10, leaseMs: 1000, perEndpointLimit: 3, inFlightByEndpoint: new Map([[e2.id, 3]]) });
      expect(excluded.map((c) => c.endpoint.id)).toEqual([e1.id]);
      expect(excluded[0]).toMatchObject({ attemptNumber: 1, leaseUntil: T0 + 1000, event: p.event });
      await store.updateEndpoint(admin, e2.id, { enabled: false }, T0);
      expect(await store.claimDue({ now: T0 + 1, limit: 10, leaseMs: 1000 })).toEqual([]);
      await store.updateEndpoint(admin, e2.id, { enabled: true }, T0);
      const rest = await store.claimDue({ now: T0 + 2, limit: 10, leaseMs: 1000 });
      expect(rest.map((c) => c.endpoint.id)).toEqual([e2.id]);
    });

    it('claims at most the per-endpoint share of one endpoint, counting what is already in flight', async () => {
      const a = await application();
      const busy = await endpoint(a.id);
      const quiet = await endpoint(a.id, { eventTypes: ['other.type'] });
      for (let i = 0; i < 6; i++) await publish(event(a.id));
      await publish(event(a.id, { type: 'other.type' }));
      const claimed = await store.claimDue({ now: T0, limit: 10, leaseMs: 1000, perEndpointLimit: 3, inFlightByEndpoint: new Map([[busy.id, 1]]) });
      const count = (id: string) => claimed.filter((c) => c.endpoint.id === id).length;
      expect(count(busy.id)).toBe(2);
      expect(count(quiet.id)).toBe(1);
    });

    it('never hands one delivery to two concurrent claimers', async () => {
      const a = await application();
      for (let i = 0; i < 5; i++) await endpoint(a.id);
      for (let i = 0; i < 10; i++) await publish(event(a.id));
      // Four claimers race until nothing is left: together they must claim each delivery exactly once.
      const claimer = async () => {
        const mine: string[] = [];
        for (let round = 0; round < 100; round++) {
          const batch = await store.claimDue({ now: T0, limit: 7, leaseMs: 60_000 });
          if (batch.length === 0 && round > 0) break;
          mine.push(...batch.map((c) => c.delivery.id));
        }
        return mine;
      };
      const ids = (await Promise.all([claimer(), claimer(), claimer(), claimer()])).flat();
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(50);
    });

    it('completes interrupted work and removes records older than the retention period', async () => {
      const a = await application();
      await endpoint(a.id);
      const old = await publish(event(a.id, { createdAt: T0 }));
      const recent = await publish(event(a.id, { createdAt: T0 + 10_000 }));
      const [claim] = await store.claimDue({ now: T0, limit: 1, leaseMs: 1000 });
      await store.recordAttempt(claim!, outcome(claim!, true, null), T0 + 1);
      const result = await store.sweep({ now: T0 + 10_000 + 5_000, retentionMs: 10_000, fanoutGraceMs: 1000 });
      expect(result).toMatchObject({ purgedEvents: 1, purgedDeliveries: 1 });
      expect(await store.findEvent(admin, old.event.id)).toBeNull();
      expect(await store.findDelivery(admin, old.deliveries[0]!.id)).toBeNull();
      expect(await store.listAttempts(old.deliveries[0]!.id)).toEqual([]);
      expect(await store.findEvent(admin, recent.event.id)).not.toBeNull();
    });

    it('gives an expired lease to the next claimer and ignores the late outcome of the old one', async () => {
      const a = await application();
      await endpoint(a.id);
      await publish(event(a.id));
      const [first] = await store.claimDue({ now: T0, limit: 1, leaseMs: 1000 });
      expect(await store.claimDue({ now: T0 + 999, limit: 1, leaseMs: 1000 })).toEqual([]);
      const [second] = await store.claimDue({ now: T0 + 1000, limit: 1, leaseMs: 1000 });
      expect(second!.delivery.id).toBe(first!.delivery.id);
      expect(second!.attemptNumber).toBe(1);
      expect(await store.recordAttempt(first!, outcome(first!, true, null), T0 + 1001)).toBeNull();
      const recorded = await store.recordAttempt(second!, outcome(second!, true, null), T0 + 1002);
      expect(recorded).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1, nextAttemptAt: null });
      expect(await store.listAttempts(first!.delivery.id)).toHaveLength(1);
    });

    it('records attempts and schedules the next one from the outcome', async () => {
      const a = await application();
      await endpoint(a.id);
      const p = await publish(event(a.id));
      const [c1] = await store.claimDue({ now: T0, limit: 1, leaseMs: 1000 });
      const r1 = await store.recordAttempt(c1!, outcome(c1!, false, T0 + 5000), T0 + 10);
      expect(r1).toMatchObject({ status: 'RETRYING', attemptCount: 1, nextAttemptAt: T0 + 5000, lastAttemptAt: T0 });
      expect(await store.claimDue({ now: T0 + 4999, limit: 1, leaseMs: 1000 })).toEqual([]);
      const [c2] = await store.claimDue({ now: T0 + 5000, limit: 1, leaseMs: 1000 });
      expect(c2!.attemptNumber).toBe(2);
      await store.recordAttempt(c2!, outcome(c2!, false, null, T0 + 5000), T0 + 5001);
      expect(await store.findDelivery(admin, p.deliveries[0]!.id)).toMatchObject({ status: 'FAILED', attemptCount: 2 });
      expect(await store.claimDue({ now: T0 + 1e9, limit: 1, leaseMs: 1000 })).toEqual([]);
      const attempts = await store.listAttempts(p.deliveries[0]!.id);
      expect(attempts.map((x) => [x.number, x.success, x.responseStatus])).toEqual([[1, false, 500], [2, false, 500]]);
    });

    it('records the failure reason an outcome gives (a permanent failure) on the delivery, and none otherwise', async () => {
      const a = await application();
      await endpoint(a.id);
      const p1 = await publish(event(a.id));
      const p2 = await publish(event(a.id));
      const [c1, c2] = await store.claimDue({ now: T0, limit: 2, leaseMs: 1000 });
      const reason = 'example.com (127.0.0.1) is refused as a webhook target: loopback addresses are not allowed';
      const failed = await store.recordAttempt(c1!, { ...outcome(c1!, false, null), failureReason: reason }, T0 + 1);
      expect(failed).toMatchObject({ status: 'FAILED', failureReason: reason, nextAttemptAt: null, attemptCount: 1 });
      const retrying = await store.recordAttempt(c2!, outcome(c2!, false, T0 + 5000), T0 + 1);
      expect(retrying).toMatchObject({ status: 'RETRYING', failureReason: null });
      const ids = [p1.deliveries[0]!.id, p2.deliveries[0]!.id];
      const read = await Promise.all(ids.map((id) => store.findDelivery(admin, id)));
      expect(read.map((d) => d!.failureReason).sort()).toEqual([null, reason].sort());
    });

    it('requeues a finished delivery for one manual attempt, refusing while an attempt is in flight', async () => {
      const a = await application();
      await endpoint(a.id);
      const p = await publish(event(a.id));
      const id = p.deliveries[0]!.id;
      const [c1] = await store.claimDue({ now: T0, limit: 1, leaseMs: 1000 });
      await expect(store.requeueDelivery(admin, id, T0 + 1)).rejects.toBeInstanceOf(ConflictError);
      await store.recordAttempt(c1!, outcome(c1!, false, null), T0 + 2);
      expect(await store.requeueDelivery(appScope((await application()).id), id, T0 + 3)).toBeNull();
      const requeued = await store.requeueDelivery(admin, id, T0 + 3);
      expect(requeued).toMatchObject({ status: 'PENDING', manualRetry: true, nextAttemptAt: T0 + 3 });
      const [c2] = await store.claimDue({ now: T0 + 3, limit: 1, leaseMs: 1000 });
      expect(c2).toMatchObject({ attemptNumber: 2, delivery: { manualRetry: true } });
      const done = await store.recordAttempt(c2!, outcome(c2!, true, null), T0 + 4);
      expect(done).toMatchObject({ status: 'SUCCEEDED', manualRetry: false, attemptCount: 2 });
    });

    it('fails the unfinished deliveries of a deleted endpoint and keeps a late failed attempt from reviving them', async () => {
      const a = await application();
      const e = await endpoint(a.id);
      await publish(event(a.id));
      const p2 = await publish(event(a.id));
      const [inFlight] = await store.claimDue({ now: T0, limit: 1, leaseMs: 1000 });
      const deleted = await store.deleteEndpoint(admin, e.id, T0 + 1, 'endpoint deleted');
      expect(deleted!.cancelled).toHaveLength(2);
      for (const d of deleted!.cancelled) expect(d).toMatchObject({ status: 'FAILED', failureReason: 'endpoint deleted', nextAttemptAt: null });
      const late = await store.recordAttempt(inFlight!, outcome(inFlight!, false, T0 + 5000), T0 + 2);
      expect(late).toMatchObject({ status: 'FAILED', nextAttemptAt: null, attemptCount: 1 });
      expect(await store.claimDue({ now: T0 + 1e9, limit: 10, leaseMs: 1000 })).toEqual([]);
      await expect(store.requeueDelivery(admin, p2.deliveries[0]!.id, T0 + 3)).rejects.toBeInstanceOf(ConflictError);
    });
  });
}

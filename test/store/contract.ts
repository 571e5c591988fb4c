import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/errors.js';
import { newId } from '../../src/ids.js';
import type { AttemptOutcome, ClaimedDelivery, EndpointRecord, EventRecord, Scope, Store } from '../../src/store/types.js';

// The Store contract: every adapter runs exactly these tests with exactly these expectations
// (after Hookdeck Outpost's drivertest).

export interface StoreHarness {
  store: Store;
  cleanup(): Promise<void>;
}

const T0 = Date.UTC(2026, 0, 1);
const admin: Scope = { kind: 'admin' };
const appScope = (applicationId: string): Scope => ({ kind: 'app', applicationId });

export function storeContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let h: StoreHarness;
    let store: Store;
    beforeEach(async () => {
      h = await open();
      store = h.store;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    async function application(name = 'app') {
      const app = { id: newId('Application'), name, createdAt: T0 };
      await store.createApplication({ ...app, apiKeyHash: `hash-${app.id}` });
      return app;
    }

    async function endpoint(applicationId: string, extra: Partial<EndpointRecord> = {}) {
      const e: EndpointRecord = {
        id: newId('Endpoint'),
        applicationId,
        url: 'https://example.com/hook',
        description: null,
        eventTypes: ['*'],
        enabled: true,
        secrets: [{ secret: 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0', expiresAt: null }],
        createdAt: T0,
        updatedAt: T0,
        deletedAt: null,
        ...extra,
      };
      await store.createEndpoint(e);
      return e;
    }

    function event(applicationId: string, extra: Partial<EventRecord> = {}): EventRecord {
      return { id: newId('Event'), applicationId, type: 'order.created', payload: '{"n":1}', idempotencyKey: null, createdAt: T0, ...extra };
    }

    const publish = (e: EventRecord, idempotentSince = 0) => store.publishEvent(e, { idempotentSince });

    function outcome(claim: ClaimedDelivery, success: boolean, nextAttemptAt: number | null, now = T0): AttemptOutcome {
      return {
        attempt: {
          deliveryId: claim.delivery.id,
          number: claim.attemptNumber,
          startedAt: now,
          durationMs: 5,
          success,
          responseStatus: success ? 200 : 500,
          responseBody: success ? 'ok' : 'nope',
          error: success ? null : 'endpoint answered HTTP 500',
        },
        status: success ? 'SUCCEEDED' : nextAttemptAt === null ? 'FAILED' : 'RETRYING',
        nextAttemptAt,
      };
    }

    it('keeps the first value of a setting', async () => {
      expect(await store.ensureSetting('k', 'first')).toBe('first');
      expect(await store.ensureSetting('k', 'second')).toBe('first');
      expect(await store.getSetting('k')).toBe('first');
      expect(await store.getSetting('missing')).toBeNull();
    });

    it('finds applications by ID within scope and by key hash', async () => {
      const a = await application('a');
      const b = await application('b');
      expect(await store.findApplication(admin, a.id)).toEqual(a);
      expect(await store.findApplication(appScope(a.id), a.id)).toEqual(a);
      expect(await store.findApplication(appScope(a.id), b.id)).toBeNull();
      expect(await store.findApplicationByKeyHash(`hash-${b.id}`)).toEqual(b);
      expect(await store.findApplicationByKeyHash('nope')).toBeNull();
    });

    it('pages newest first with stable cursors', async () => {
      const apps = [];
      for (let i = 0; i < 5; i++) apps.push(await application(`a${i}`));
      const first = await store.listApplications(admin, { first: 2 });
      expect(first.items.map((a) => a.id)).toEqual([apps[4]!.id, apps[3]!.id]);
      expect(first.hasNextPage).toBe(true);
      await application('newer');
      const second = await store.listApplications(admin, { first: 2, after: first.items[1]!.id });
      expect(second.items.map((a) => a.id)).toEqual([apps[2]!.id, apps[1]!.id]);
      const last = await store.listApplications(admin, { first: 2, after: second.items[1]!.id });
      expect(last.items.map((a) => a.id)).toEqual([apps[0]!.id]);
      expect(last.hasNextPage).toBe(false);
    });

    it('refuses a duplicate event type name and updates and archives types', async () => {
      const t = { name: 'order.created', description: null, schema: { type: 'object' }, archived: false, createdAt: T0, updatedAt: T0 };
      await store.createEventType(t);
      await expect(store.createEventType(t)).rejects.toBeInstanceOf(ConflictError);
      const updated = await store.updateEventType('order.created', { description: 'd', archived: true }, T0 + 1);
      expect(updated).toMatchObject({ name: 'order.created', description: 'd', archived: true, schema: { type: 'object' }, updatedAt: T0 + 1 });
      expect(await store.updateEventType('missing', { archived: true }, T0)).toBeNull();
      expect(await store.listEventTypes(false)).toEqual([]);
      expect((await store.listEventTypes(true)).map((x) => x.name)).toEqual(['order.created']);
    });

    it('scopes endpoints to their application and hides deleted ones unless asked', async () => {
      const a = await application();
      const b = await application();
      const ea = await endpoint(a.id);
      await endpoint(b.id);
      expect(await store.findEndpoint(appScope(b.id), ea.id)).toBeNull();
      expect((await store.listEndpoints(appScope(a.id), { first: 10 })).items.map((e) => e.id)).toEqual([ea.id]);
      expect((await store.listEndpoints(admin, { first: 10 })).items).toHaveLength(2);
      expect(await store.updateEndpoint(appScope(b.id), ea.id, { enabled: false }, T0)).toBeNull();
      const updated = await store.updateEndpoint(appScope(a.id), ea.id, { enabled: false, eventTypes: ['x.*'] }, T0 + 5);
      expect(updated).toMatchObject({ enabled: false, eventTypes: ['x.*'], updatedAt: T0 + 5 });
      const deleted = await store.deleteEndpoint(appScope(a.id), ea.id, T0 + 6, 'gone');
      expect(deleted?.endpoint.id).toBe(ea.id);
      expect(await store.findEndpoint(admin, ea.id)).toBeNull();
      expect((await store.findEndpoint(admin, ea.id, { includeDeleted: true }))?.deletedAt).toBe(T0 + 6);
      expect(await store.deleteEndpoint(admin, ea.id, T0 + 7, 'gone')).toBeNull();
    });

    it('fans an event out to the enabled endpoints whose event types match', async () => {
      const a = await application();
      const all = await endpoint(a.id);
      const prefix = await endpoint(a.id, { eventTypes: ['order.*'] });
      await endpoint(a.id, { eventTypes: ['user.created'] });
      await endpoint(a.id, { enabled: false });
      const other = await application();
      await endpoint(other.id);
      const result = await publish(event(a.id));
      expect(result.created).toBe(true);
      expect(result.deliveries.map((d) => d.endpointId).sort()).toEqual([all.id, prefix.id].sort());
      for (const d of result.deliveries) expect(d).toMatchObject({ status: 'PENDING', attemptCount: 0, applicationId: a.id, eventId: result.event.id });
      expect(await store.findEvent(appScope(a.id), result.event.id)).toEqual(result.event);
      expect(await store.findEvent(appScope(other.id), result.event.id)).toBeNull();
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

    it('filters deliveries by endpoint, event, type, status and a [since, until) window', async () => {
      const a = await application();
      const e1 = await endpoint(a.id);
      const e2 = await endpoint(a.id);
      const p1 = await publish(event(a.id, { createdAt: T0 }));
      const p2 = await publish(event(a.id, { type: 'user.created', createdAt: T0 + 1000 }));
      const ids = async (filter: Parameters<Store['listDeliveries']>[1], scope: Scope = admin) =>
        (await store.listDeliveries(scope, filter, { first: 100 })).items.map((d) => d.id).sort();
      expect(await ids({ endpointId: e1.id })).toHaveLength(2);
      expect(await ids({ eventId: p1.event.id })).toEqual(p1.deliveries.map((d) => d.id).sort());
      expect(await ids({ eventType: 'user.created' })).toEqual(p2.deliveries.map((d) => d.id).sort());
      expect(await ids({ since: T0 + 1000 })).toEqual(p2.deliveries.map((d) => d.id).sort());
      expect(await ids({ until: T0 + 1000 })).toEqual(p1.deliveries.map((d) => d.id).sort());
      expect(await ids({ status: ['SUCCEEDED'] })).toEqual([]);
      expect(await ids({ status: ['PENDING', 'FAILED'], endpointId: e2.id })).toHaveLength(2);
      expect(await ids({}, appScope((await application()).id))).toEqual([]);
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

import { beforeEach, describe, expect, it } from 'vitest';
import { newBulkJob, type BulkJobRecord, type BulkJobTarget, type ClaimedBulkJob } from '../../src/domain/bulk-jobs.js';
import { newId } from '../../src/ids.js';
import type { Store } from '../../src/store/ports.js';
import { admin, appScope, fixtures, freshStorePerCase, T0, type StoreHarness } from './contract-fixtures.js';

// Bulk job contract: how each adapter stores jobs, leases them to one runner at a time, and runs
// them a batch per write from their cursor: retries of FAILED deliveries, replays of past events.

const LEASE = 1000;

export function bulkJobsContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Bulk job contract: ${name}`, () => {
    const current = freshStorePerCase(open);
    let store: Store;
    beforeEach(() => {
      store = current();
    });
    const { application, endpoint, event, publish, outcome } = fixtures(() => store);

    /** `n` events to the endpoint(s), each delivery attempted once and ended FAILED. */
    async function failed(applicationId: string, n: number, type = 'order.created') {
      for (let i = 0; i < n; i++) await publish(event(applicationId, { type, createdAt: T0 + i }));
      for (;;) {
        const claims = await store.claimDue({ now: T0 + 100_000, limit: 50, leaseMs: LEASE });
        if (claims.length === 0) break;
        for (const c of claims) await store.recordAttempt(c, outcome(c, false, null, T0 + 100_000), T0 + 100_000);
      }
    }

    async function job(applicationId: string | null, target: BulkJobTarget, kind: BulkJobRecord['kind'] = 'RETRY_DELIVERIES') {
      const j = newBulkJob(newId('BulkJob', T0), applicationId, kind, target, T0);
      await store.createBulkJob(j);
      return j;
    }

    /** Runs a claimed job to its end, `limit` a batch; the job after each batch. */
    async function runToEnd(claim: ClaimedBulkJob, limit: number, now = T0 + 200_000) {
      const steps: BulkJobRecord[] = [];
      const changed: string[] = [];
      for (let i = 0; i < 1000; i++) {
        const step = await store.runBulkJobBatch(claim, { now: now + i, limit, leaseMs: LEASE });
        if (!step) throw new Error('lease lost');
        steps.push(step.job);
        changed.push(...step.changed.map((d) => d.id));
        if (step.job.status !== 'RUNNING') break;
      }
      return { steps, changed };
    }

    it('queues one more attempt of each FAILED delivery matching the filter, a batch at a time, with its progress stored', async () => {
      const a = await application();
      const e1 = await endpoint(a.id);
      const e2 = await endpoint(a.id);
      await failed(a.id, 25);
      const j = await job(a.id, { walk: 'failedDeliveries', filter: { applicationId: a.id, endpointId: e1.id } });
      const claim = await store.claimBulkJob(T0 + 200_000, LEASE);
      expect(claim!.job).toMatchObject({ id: j.id, status: 'RUNNING', total: null, done: 0 });
      const { steps, changed } = await runToEnd(claim!, 10);
      expect(steps.map((s) => [s.status, s.total, s.done])).toEqual([['RUNNING', 25, 10], ['RUNNING', 25, 20], ['SUCCEEDED', 25, 25]]);
      expect(new Set(changed).size).toBe(25);
      const after = await store.listDeliveries(admin, { endpointId: e1.id }, { first: 100 });
      expect(after.items.every((d) => d.status === 'PENDING' && d.manualRetry && d.failureReason === null)).toBe(true);
      expect((await store.listDeliveries(admin, { endpointId: e2.id, status: ['FAILED'] }, { first: 100 })).items).toHaveLength(25);
      // Claimable at once, each with its next attempt number.
      const claims = await store.claimDue({ now: T0 + 300_000, limit: 100, leaseMs: LEASE });
      expect(claims.filter((c) => c.endpoint.id === e1.id).map((c) => c.attemptNumber)).toEqual(Array(25).fill(2));
      expect(await store.findBulkJob(admin, j.id)).toMatchObject({ status: 'SUCCEEDED', total: 25, done: 25, failed: 0, finishedAt: expect.any(Number) });
      expect(await store.claimBulkJob(T0 + 400_000, LEASE)).toBeNull();
    });

    it('leases a job to one runner; once the lease ends another takes it over and goes on from the cursor, and the first runner\'s next batch is refused', async () => {
      const a = await application();
      await endpoint(a.id);
      await failed(a.id, 30);
      await job(a.id, { walk: 'failedDeliveries', filter: { applicationId: a.id } });
      const first = await store.claimBulkJob(T0 + 200_000, LEASE);
      expect((await store.runBulkJobBatch(first!, { now: T0 + 200_001, limit: 10, leaseMs: LEASE }))!.job).toMatchObject({ done: 10, status: 'RUNNING' });
      expect(await store.claimBulkJob(T0 + 200_500, LEASE)).toBeNull();
      const second = await store.claimBulkJob(T0 + 201_002, LEASE);
      expect(second!.job).toMatchObject({ done: 10, total: 30 });
      expect(await store.runBulkJobBatch(first!, { now: T0 + 201_003, limit: 10, leaseMs: LEASE })).toBeNull();
      const { steps, changed } = await runToEnd(second!, 10, T0 + 201_004);
      expect(steps.at(-1)).toMatchObject({ status: 'SUCCEEDED', done: 30, total: 30 });
      expect(changed).toHaveLength(20);
      const all = await store.listDeliveries(admin, {}, { first: 100 });
      expect(all.items.filter((d) => d.status === 'PENDING')).toHaveLength(30);
    });

    it('cancels a queued or running job: its runner does nothing more; a finished job stays as it is', async () => {
      const a = await application();
      await endpoint(a.id);
      await failed(a.id, 20);
      const j = await job(a.id, { walk: 'failedDeliveries', filter: { applicationId: a.id } });
      const claim = await store.claimBulkJob(T0 + 200_000, LEASE);
      await store.runBulkJobBatch(claim!, { now: T0 + 200_001, limit: 5, leaseMs: LEASE });
      const cancelled = await store.cancelBulkJob(appScope(a.id), j.id, T0 + 200_002);
      expect(cancelled).toMatchObject({ status: 'CANCELLED', done: 5, finishedAt: T0 + 200_002 });
      const step = await store.runBulkJobBatch(claim!, { now: T0 + 200_003, limit: 5, leaseMs: LEASE });
      expect(step).toMatchObject({ job: { status: 'CANCELLED', done: 5 }, changed: [] });
      expect((await store.listDeliveries(admin, { status: ['FAILED'] }, { first: 100 })).items).toHaveLength(15);
      expect(await store.claimBulkJob(T0 + 300_000, LEASE)).toBeNull();
      expect(await store.cancelBulkJob(admin, j.id, T0 + 300_001)).toMatchObject({ status: 'CANCELLED', finishedAt: T0 + 200_002 });
    });

    it('shows a job to its application and the admin only; lists newest first', async () => {
      const a = await application('a');
      const b = await application('b');
      const ja = await job(a.id, { walk: 'failedDeliveries', filter: { applicationId: a.id } });
      const jb = await job(b.id, { walk: 'failedDeliveries', filter: { applicationId: b.id } });
      const jAll = await job(null, { walk: 'failedDeliveries', filter: {} });
      expect(await store.findBulkJob(appScope(a.id), ja.id)).toMatchObject({ id: ja.id, kind: 'RETRY_DELIVERIES', status: 'QUEUED' });
      expect(await store.findBulkJob(appScope(a.id), jb.id)).toBeNull();
      expect(await store.findBulkJob(appScope(a.id), jAll.id)).toBeNull();
      expect(await store.cancelBulkJob(appScope(a.id), jb.id, T0)).toBeNull();
      expect((await store.findBulkJob(admin, jb.id))!.status).toBe('QUEUED');
      expect((await store.listBulkJobs(appScope(a.id), { first: 10 })).items.map((j) => j.id)).toEqual([ja.id]);
      expect((await store.listBulkJobs(admin, { first: 10 })).items.map((j) => j.id)).toEqual([jAll.id, jb.id, ja.id]);
    });

    it('replays the past events the endpoint hears and never had, once each, within the time range and types', async () => {
      const a = await application();
      const old = await endpoint(a.id);
      for (let i = 0; i < 12; i++) await publish(event(a.id, { createdAt: T0 + i, type: i % 3 === 0 ? 'order.cancelled' : 'order.created' }));
      await publish(event(a.id, { createdAt: T0 + 50, channels: ['eu'] }));
      const fresh = await endpoint(a.id, { eventTypes: ['order.created'], delivery: { ...old.delivery, channels: null } });
      // It has one of them already.
      await publish(event(a.id, { createdAt: T0 + 60 }));
      await job(a.id, { walk: 'events', endpointId: fresh.id, since: T0 + 1, until: T0 + 1000, eventTypes: null }, 'REPLAY_EVENTS');
      const { steps, changed } = await runToEnd((await store.claimBulkJob(T0 + 200_000, LEASE))!, 4);
      // Events 1..11, the channel event and the one it has: 13 walked; the order.created ones it lacks: 8 + the channel event.
      expect(steps.at(-1)).toMatchObject({ status: 'SUCCEEDED', total: 13, done: 13 });
      expect(changed).toHaveLength(9);
      const mine = await store.listDeliveries(admin, { endpointId: fresh.id }, { first: 100 });
      expect(mine.items).toHaveLength(10);
      expect(new Set(mine.items.map((d) => d.eventId)).size).toBe(10);
      expect(mine.items.every((d) => d.eventType === 'order.created')).toBe(true);
      // Replaying again creates nothing; the old endpoint had every event already.
      await job(a.id, { walk: 'events', endpointId: fresh.id, since: T0, until: null, eventTypes: ['order.created'] }, 'REPLAY_EVENTS');
      const again = await runToEnd((await store.claimBulkJob(T0 + 300_000, LEASE))!, 5, T0 + 300_000);
      expect(again.changed).toEqual([]);
      expect(again.steps.at(-1)).toMatchObject({ status: 'SUCCEEDED', total: 10 });
      await job(a.id, { walk: 'events', endpointId: old.id, since: T0, until: null, eventTypes: null }, 'REPLAY_EVENTS');
      expect((await runToEnd((await store.claimBulkJob(T0 + 400_000, LEASE))!, 50, T0 + 400_000)).changed).toEqual([]);
      // The replayed deliveries are due now.
      const due = await store.claimDue({ now: T0 + 500_000, limit: 100, leaseMs: LEASE });
      expect(due.filter((c) => c.endpoint.id === fresh.id)).toHaveLength(10);
    });

    it('ends a replay FAILED when its endpoint is deleted meanwhile', async () => {
      const a = await application();
      const e = await endpoint(a.id);
      await job(a.id, { walk: 'events', endpointId: e.id, since: T0, until: null, eventTypes: null }, 'REPLAY_EVENTS');
      await store.deleteEndpoint(admin, e.id, T0 + 1, 'deleted');
      const step = await store.runBulkJobBatch((await store.claimBulkJob(T0 + 2, LEASE))!, { now: T0 + 3, limit: 10, leaseMs: LEASE });
      expect(step!.job).toMatchObject({ status: 'FAILED', error: `endpoint ${e.id} was deleted`, finishedAt: T0 + 3 });
    });
  });
}

import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntryRecord } from '../../src/domain/audit.js';
import { newBulkJob, type BulkJobRecord } from '../../src/domain/bulk-jobs.js';
import { newId } from '../../src/ids.js';
import type { Store, StoredApiKey } from '../../src/store/ports.js';
import { admin, appScope, fixtures, freshStorePerCase, T0, type StoreHarness } from './contract-fixtures.js';

// Application lifecycle and audit log contract: renaming and deleting applications (what a
// deletion does at once, what a purge job and the retention purge remove later), and the audit log.

const REASON = 'application deleted before the delivery completed';
const LEASE = 1000;
const DAY = 86_400_000;

export function applicationLifecycleContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Application lifecycle contract: ${name}`, () => {
    const current = freshStorePerCase(open);
    let store: Store;
    beforeEach(() => {
      store = current();
    });
    const { application, endpoint, event, publish, outcome } = fixtures(() => store);

    /** An application with an endpoint, `n` events (the first delivery attempted and SUCCEEDED), and a portal session. */
    async function populated(n: number) {
      const a = await application();
      const e = await endpoint(a.id);
      const published = [];
      for (let i = 0; i < n; i++) published.push(await publish(event(a.id, { createdAt: T0 + i })));
      const [claim] = await store.claimDue({ now: T0 + 1000, limit: 1, leaseMs: LEASE });
      await store.recordAttempt(claim!, outcome(claim!, true, null, T0 + 1000), T0 + 1000);
      const session = { id: newId('PortalSession'), applicationId: a.id, tokenHash: `t-${a.id}`, expiresAt: T0 + DAY, revokedAt: null, createdAt: T0 };
      await store.createPortalSession(session);
      return { a, e, published, attempted: claim!.delivery.id, session };
    }

    async function runPurge(applicationId: string, limit: number, now = T0 + 10_000) {
      const job = newBulkJob(newId('BulkJob', now), applicationId, 'PURGE_APPLICATION', { walk: 'deletedApplication', applicationId }, now);
      await store.createBulkJob(job);
      const claim = await store.claimBulkJob(now, LEASE);
      expect(claim?.job.id).toBe(job.id);
      const steps: BulkJobRecord[] = [];
      for (let i = 0; i < 100; i++) {
        const step = await store.runBulkJobBatch(claim!, { now: now + i, limit, leaseMs: LEASE });
        steps.push(step!.job);
        if (step!.job.status !== 'RUNNING') break;
      }
      return steps;
    }

    it('renames an application and replaces its metadata; a missing application is null', async () => {
      const a = await application('before');
      expect(await store.findApplication(admin, a.id)).toMatchObject({ name: 'before', metadata: {} });
      const updated = await store.updateApplication(a.id, { name: 'after', metadata: { customer: 'c_42', plan: 'gold' } });
      expect(updated).toEqual({ ...a, name: 'after', metadata: { customer: 'c_42', plan: 'gold' } });
      expect(await store.findApplication(appScope(a.id), a.id)).toEqual(updated);
      expect(await store.updateApplication(a.id, { metadata: {} })).toMatchObject({ name: 'after', metadata: {} });
      expect(await store.updateApplication(newId('Application'), { name: 'x' })).toBeNull();
    });

    it('keeps metadata keys as given, those MongoDB would read as operators or paths included (found by the fuzzer)', async () => {
      const metadata = { $gt: '', 'com.example.tier': 'gold', 'a\u0000b': 'nul' };
      const a = { id: newId('Application'), name: 'keys', metadata, createdAt: T0 };
      await store.createApplication(a);
      expect((await store.findApplication(admin, a.id))?.metadata).toEqual(metadata);
      const updated = { $set: 'x', 'x.y': '$' };
      expect((await store.updateApplication(a.id, { metadata: updated }))?.metadata).toEqual(updated);
      expect((await store.findApplications(admin, [a.id]))[0]?.metadata).toEqual(updated);
    });

    it('deletes an application at once: no read finds it, its keys are revoked, its endpoints are deleted, its unfinished deliveries end FAILED with the reason, its sessions are revoked', async () => {
      const { a, e, published, attempted, session } = await populated(3);
      const other = await populated(1);
      const key = (applicationId: string, revokedAt: number | null = null): StoredApiKey => {
        const id = newId('ApiKey');
        return { id, applicationId, name: 'ci', scopes: ['READ'], rateLimit: null, createdAt: T0, expiresAt: null, lastUsedAt: null, revokedAt, tokenHash: `hash-${id}` };
      };
      // A working key, one in a rotation's grace (ends later), one revoked before; and another application's.
      const [working, rotating, revokedBefore, others] = [key(a.id), key(a.id, T0 + 60_000), key(a.id, T0 + 1000), key(other.a.id)];
      for (const k of [working, rotating, revokedBefore, others]) await store.createApiKey(k);
      const deleted = await store.deleteApplication(a.id, T0 + 2000, REASON);
      expect(deleted!.application.id).toBe(a.id);
      expect(deleted!.revokedSessionIds).toEqual([session.id]);
      expect(deleted!.revokedKeyIds.sort()).toEqual([working.id, rotating.id].sort());
      expect((await store.findApiKeyForAuth(working.id))!.revokedAt).toBe(T0 + 2000);
      expect((await store.findApiKeyForAuth(rotating.id))!.revokedAt).toBe(T0 + 2000);
      expect((await store.findApiKeyForAuth(revokedBefore.id))!.revokedAt).toBe(T0 + 1000);
      const unfinished = published.map((p) => p.deliveries[0]!.id).filter((id) => id !== attempted);
      expect(deleted!.cancelled.map((d) => d.id).sort()).toEqual(unfinished.sort());
      expect(deleted!.cancelled.every((d) => d.status === 'FAILED' && d.failureReason === REASON)).toBe(true);

      expect(await store.findApplication(admin, a.id)).toBeNull();
      expect(await store.findApplications(admin, [a.id, other.a.id])).toEqual([other.a]);
      expect((await store.listApplications(admin, { first: 10 })).items.map((x) => x.id)).toEqual([other.a.id]);
      expect(await store.findEndpoint(admin, e.id)).toBeNull();
      expect((await store.findPortalSession(session.id))!.revokedAt).toBe(T0 + 2000);
      expect((await store.findPortalSession(other.session.id))!.revokedAt).toBeNull();
      // No more attempts: nothing of it is claimable.
      const claims = await store.claimDue({ now: T0 + 5000, limit: 50, leaseMs: LEASE });
      expect(claims.map((c) => c.delivery.applicationId)).not.toContain(a.id);
      // Its history stays readable by ID until purged.
      expect(await store.findDelivery(admin, attempted)).toMatchObject({ status: 'SUCCEEDED' });
      expect(await store.updateApplication(a.id, { name: 'x' })).toBeNull();
      expect(await store.deleteApplication(a.id, T0 + 3000, REASON)).toBeNull();
      expect((await store.findApiKeyForAuth(others.id))!.revokedAt).toBeNull();
    });

    it('purges a deleted application in batches with progress: deliveries, attempts, events, endpoints, statistics, sessions and the application go; others stay', async () => {
      const { a, e, published, attempted, session } = await populated(7);
      const other = await populated(2);
      await store.deleteApplication(a.id, T0 + 2000, REASON);
      const steps = await runPurge(a.id, 5);
      expect(steps.at(-1)).toMatchObject({ status: 'SUCCEEDED', total: 14, done: 14, failed: 0 });
      expect(steps.map((s) => s.done)).toEqual([5, 10, 14]);
      for (const p of published) {
        expect(await store.findEvent(admin, p.event.id)).toBeNull();
        expect(await store.findDelivery(admin, p.deliveries[0]!.id)).toBeNull();
      }
      expect(await store.listAttempts(attempted)).toEqual([]);
      expect(await store.findEndpoint(admin, e.id, { includeDeleted: true })).toBeNull();
      expect(await store.findPortalSession(session.id)).toBeNull();
      const stats = await store.readStats(admin, { applicationId: a.id, since: T0 - DAY, until: T0 + DAY, interval: 'DAY' });
      expect(stats.size).toBe(0);
      // The other application is untouched.
      expect(await store.findEvent(admin, other.published[0]!.event.id)).not.toBeNull();
      expect(await store.listAttempts(other.attempted)).toHaveLength(1);
      expect(await store.findPortalSession(other.session.id)).not.toBeNull();
      expect((await store.readStats(admin, { applicationId: other.a.id, since: T0 - DAY, until: T0 + DAY, interval: 'DAY' })).size).toBe(1);
    });

    it('fails a purge job of an application that is not deleted, removing nothing', async () => {
      const { a, published } = await populated(1);
      const steps = await runPurge(a.id, 5);
      expect(steps.at(-1)).toMatchObject({ status: 'FAILED', error: `application ${a.id} is not deleted` });
      expect(await store.findEvent(admin, published[0]!.event.id)).not.toBeNull();
      expect(await store.findApplication(admin, a.id)).not.toBeNull();
    });

    it('removes a deleted application\'s history in the retention sweep once it was deleted longer ago than the retention period, not before', async () => {
      const { a, e, published, session } = await populated(2);
      const other = await populated(1);
      await store.deleteApplication(a.id, T0 + 2000, REASON);
      const early = await store.sweep({ now: T0 + 2000 + DAY - 1, retentionMs: DAY, fanoutGraceMs: 1000 });
      expect(early.purgedApplicationRecords).toBe(0);
      expect(await store.findEvent(admin, published[1]!.event.id)).not.toBeNull();
      expect(await store.findEndpoint(admin, e.id, { includeDeleted: true })).not.toBeNull();
      await store.sweep({ now: T0 + 2001 + DAY, retentionMs: DAY, fanoutGraceMs: 1000 });
      for (const p of published) expect(await store.findEvent(admin, p.event.id)).toBeNull();
      expect(await store.findEndpoint(admin, e.id, { includeDeleted: true })).toBeNull();
      expect(await store.findPortalSession(session.id)).toBeNull();
      // A live application's history follows the ordinary retention rule (finished and old: gone; its endpoint stays).
      expect(await store.findApplication(admin, other.a.id)).not.toBeNull();
      expect(await store.findEndpoint(admin, other.e.id)).not.toBeNull();
    });
  });

  describe(`Audit log contract: ${name}`, () => {
    const current = freshStorePerCase(open);
    let store: Store;
    beforeEach(() => {
      store = current();
    });

    function entry(extra: Partial<AuditEntryRecord> = {}): AuditEntryRecord {
      const createdAt = extra.createdAt ?? T0;
      return {
        id: newId('AuditEntry', createdAt), actorId: 'admin', actorKind: 'admin-bootstrap', actorName: 'bootstrap admin token', action: 'createEndpoint',
        applicationId: null, targetIds: [], createdAt, ...extra,
      };
    }

    it('lists entries newest first within the scope, by filter, a page at a time', async () => {
      const appA = newId('Application');
      const appB = newId('Application');
      const e1 = entry({ applicationId: appA, action: 'createEndpoint', targetIds: ['ep_1', appA], createdAt: T0 });
      const e2 = entry({ applicationId: appB, action: 'deleteEndpoint', actorId: appB, actorKind: 'api-key', actorName: 'API key of b', createdAt: T0 + 10 });
      const e3 = entry({ applicationId: null, action: 'createEventType', targetIds: ['order.created'], createdAt: T0 + 20 });
      const e4 = entry({ applicationId: appA, action: 'deleteEndpoint', createdAt: T0 + 30 });
      for (const e of [e1, e2, e3, e4]) await store.recordAuditEntry(e);
      const ids = async (scope = admin, filter = {}) => (await store.listAuditEntries(scope, filter, { first: 10 })).items.map((e) => e.id);
      expect((await store.listAuditEntries(admin, {}, { first: 10 })).items).toEqual([e4, e3, e2, e1]);
      expect(await ids(appScope(appA))).toEqual([e4.id, e1.id]);
      expect(await ids(appScope(appA), { applicationId: appB })).toEqual([]);
      expect(await ids(admin, { applicationId: appB })).toEqual([e2.id]);
      expect(await ids(admin, { actorId: appB })).toEqual([e2.id]);
      expect(await ids(admin, { action: 'deleteEndpoint' })).toEqual([e4.id, e2.id]);
      expect(await ids(admin, { since: T0 + 10, until: T0 + 30 })).toEqual([e3.id, e2.id]);
      const first = await store.listAuditEntries(admin, {}, { first: 3 });
      expect(first).toMatchObject({ hasNextPage: true });
      const second = await store.listAuditEntries(admin, {}, { first: 3, after: first.items.at(-1)!.id });
      expect(second).toEqual({ items: [e1], hasNextPage: false });
    });

    it('removes entries older than the retention period in the sweep', async () => {
      const old = entry({ createdAt: T0 });
      const recent = entry({ createdAt: T0 + DAY });
      await store.recordAuditEntry(old);
      await store.recordAuditEntry(recent);
      const result = await store.sweep({ now: T0 + DAY + 1, retentionMs: DAY, fanoutGraceMs: 1000 });
      expect(result.purgedAuditEntries).toBe(1);
      expect((await store.listAuditEntries(admin, {}, { first: 10 })).items).toEqual([recent]);
    });
  });
}

import { beforeEach, describe, expect, it } from 'vitest';
import { HEALTHY, manuallyEnabled, type HealthSettings } from '../../src/domain/health.js';
import type { Store } from '../../src/store/ports.js';
import { admin, fixtures, freshStorePerCase, T0, type StoreHarness } from './contract-fixtures.js';

// Endpoint health contract: how each adapter persists health and acts on the health rule's
// decisions (disable, open circuit, one probe across claimers, close).

const settings: HealthSettings = { circuitFailures: 3, circuitCooldownMs: 1000, circuitCooldownMaxMs: 10_000, disableAfterMs: 60_000 };
const FAIL = { success: false, gone: false };
const OK = { success: true, gone: false };

export function endpointHealthContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Endpoint health contract: ${name}`, () => {
    const current = freshStorePerCase(open);
    let store: Store;
    beforeEach(() => {
      store = current();
    });
    const { application, endpoint, event, publish, outcome } = fixtures(() => store);

    /** An application with a dead endpoint and a healthy one, `n` events published to both. */
    async function world(n: number) {
      const a = await application();
      const dead = await endpoint(a.id);
      const alive = await endpoint(a.id);
      for (let i = 0; i < n; i++) await publish(event(a.id, { createdAt: T0 + i }));
      return { a, dead, alive };
    }

    it('keeps per-endpoint timeout, retry schedule and health with the endpoint, and the Retry-After delay with the attempt', async () => {
      const a = await application();
      const e = await endpoint(a.id, { timeoutMs: 10_000, retryScheduleMs: [5000, 300_000] });
      expect(await store.findEndpoint(admin, e.id)).toMatchObject({ timeoutMs: 10_000, retryScheduleMs: [5000, 300_000], health: HEALTHY });
      const changed = await store.updateEndpoint(admin, e.id, { timeoutMs: null, retryScheduleMs: [1000] }, T0 + 1);
      expect(changed).toMatchObject({ timeoutMs: null, retryScheduleMs: [1000] });
      await publish(event(a.id));
      const [c] = await store.claimDue({ now: T0, limit: 1, leaseMs: 1000 });
      const o = outcome(c!, false, T0 + 30_000);
      await store.recordAttempt(c!, { ...o, attempt: { ...o.attempt, responseStatus: 429, retryAfterMs: 30_000 } }, T0 + 1);
      expect((await store.listAttempts(c!.delivery.id))[0]).toMatchObject({ responseStatus: 429, retryAfterMs: 30_000 });
    });

    it('counts failures, then opens the circuit: its deliveries are not claimed and keep their attempt counts; others flow', async () => {
      const { dead, alive } = await world(4);
      expect((await store.recordHealth(dead.id, FAIL, T0, settings))!.endpoint.health).toMatchObject({ state: 'FAILING', consecutiveFailures: 1, failingSince: T0 });
      await store.recordHealth(dead.id, FAIL, T0 + 1, settings);
      const opened = await store.recordHealth(dead.id, FAIL, T0 + 2, settings);
      expect(opened!.decisions).toEqual([{ kind: 'circuitOpened', until: T0 + 1002, reopened: false }]);
      expect((await store.findEndpoint(admin, dead.id))!.health).toMatchObject({ state: 'CIRCUIT_OPEN', circuitOpenUntil: T0 + 1002, consecutiveFailures: 3 });
      const claimed = await store.claimDue({ now: T0 + 10, limit: 10, leaseMs: 500 });
      expect(new Set(claimed.map((c) => c.endpoint.id))).toEqual(new Set([alive.id]));
      expect(claimed).toHaveLength(4);
      const waiting = await store.listDeliveries(admin, { endpointId: dead.id }, { first: 10 });
      expect(waiting.items.map((d) => [d.status, d.attemptCount])).toEqual(Array(4).fill(['PENDING', 0]));
    });

    it('after the cool-down lets exactly one probe through across concurrent claimers; its success closes the circuit and the rest flow', async () => {
      const { dead } = await world(5);
      for (let i = 0; i < 3; i++) await store.recordHealth(dead.id, FAIL, T0 + i, settings);
      const at = T0 + 1002;
      const claimers = await Promise.all([0, 1, 2, 3].map(() => store.claimDue({ now: at, limit: 10, leaseMs: 500 })));
      const probes = claimers.flat().filter((c) => c.endpoint.id === dead.id);
      expect(probes).toHaveLength(1);
      expect(probes[0]!.attemptNumber).toBe(1);
      // While the probe is in flight, nothing else of the endpoint is claimed.
      expect((await store.claimDue({ now: at + 100, limit: 10, leaseMs: 500 })).filter((c) => c.endpoint.id === dead.id)).toEqual([]);
      await store.recordAttempt(probes[0]!, outcome(probes[0]!, true, null, at + 50), at + 60);
      const closed = await store.recordHealth(dead.id, OK, at + 60, settings);
      expect(closed!.decisions).toEqual([{ kind: 'recovered' }]);
      expect(closed!.endpoint.health).toMatchObject({ state: 'HEALTHY', consecutiveFailures: 0, circuitOpenUntil: null, lastSuccessAt: at + 60 });
      const rest = await store.claimDue({ now: at + 61, limit: 10, leaseMs: 500 });
      expect(rest.filter((c) => c.endpoint.id === dead.id)).toHaveLength(4);
    });

    it('a failed probe opens the circuit again for twice the cool-down', async () => {
      const { dead } = await world(2);
      for (let i = 0; i < 3; i++) await store.recordHealth(dead.id, FAIL, T0 + i, settings);
      const [probe] = (await store.claimDue({ now: T0 + 1002, limit: 10, leaseMs: 500 })).filter((c) => c.endpoint.id === dead.id);
      await store.recordAttempt(probe!, outcome(probe!, false, T0 + 1100, T0 + 1010), T0 + 1010);
      const reopened = await store.recordHealth(dead.id, FAIL, T0 + 1010, settings);
      expect(reopened!.decisions).toEqual([{ kind: 'circuitOpened', until: T0 + 3010, reopened: true }]);
      expect((await store.claimDue({ now: T0 + 3009, limit: 10, leaseMs: 500 })).filter((c) => c.endpoint.id === dead.id)).toEqual([]);
      expect((await store.claimDue({ now: T0 + 3010, limit: 10, leaseMs: 500 })).filter((c) => c.endpoint.id === dead.id)).toHaveLength(1);
    });

    it('a probe whose worker died is followed by another once its lease has expired', async () => {
      const { dead } = await world(2);
      for (let i = 0; i < 3; i++) await store.recordHealth(dead.id, FAIL, T0 + i, settings);
      const first = (await store.claimDue({ now: T0 + 1002, limit: 10, leaseMs: 500 })).filter((c) => c.endpoint.id === dead.id);
      expect(first).toHaveLength(1);
      expect((await store.claimDue({ now: T0 + 1501, limit: 10, leaseMs: 500 })).filter((c) => c.endpoint.id === dead.id)).toEqual([]);
      expect((await store.claimDue({ now: T0 + 1502, limit: 10, leaseMs: 500 })).filter((c) => c.endpoint.id === dead.id)).toHaveLength(1);
    });

    it('410 Gone disables the endpoint at once; its deliveries wait until it is enabled by hand, which resets its health', async () => {
      const { dead } = await world(2);
      const gone = await store.recordHealth(dead.id, { success: false, gone: true }, T0, settings);
      expect(gone!.decisions).toEqual([{ kind: 'disable', reason: 'GONE' }]);
      const stored = (await store.findEndpoint(admin, dead.id))!;
      expect(stored).toMatchObject({ enabled: false, health: { state: 'DISABLED', disabledReason: 'GONE' } });
      expect((await store.claimDue({ now: T0 + 1, limit: 10, leaseMs: 500 })).filter((c) => c.endpoint.id === dead.id)).toEqual([]);
      const enabled = await store.updateEndpoint(admin, dead.id, { enabled: true, health: manuallyEnabled(stored.health) }, T0 + 2);
      expect(enabled!.health).toMatchObject({ state: 'HEALTHY', consecutiveFailures: 0, disabledReason: null });
      expect((await store.claimDue({ now: T0 + 3, limit: 10, leaseMs: 500 })).filter((c) => c.endpoint.id === dead.id)).toHaveLength(2);
    });

    it('enabling by hand closes an open circuit: the held deliveries are due again', async () => {
      const { dead } = await world(2);
      for (let i = 0; i < 3; i++) await store.recordHealth(dead.id, FAIL, T0 + i, settings);
      const health = (await store.findEndpoint(admin, dead.id))!.health;
      await store.updateEndpoint(admin, dead.id, { enabled: true, health: manuallyEnabled(health) }, T0 + 5);
      expect((await store.claimDue({ now: T0 + 6, limit: 10, leaseMs: 500 })).filter((c) => c.endpoint.id === dead.id)).toHaveLength(2);
    });

    it('disables an endpoint that has failed without success for the configured time (reason FAILING)', async () => {
      const { dead } = await world(1);
      await store.recordHealth(dead.id, FAIL, T0, settings);
      const r = await store.recordHealth(dead.id, FAIL, T0 + 60_000, settings);
      expect(r!.decisions).toEqual([{ kind: 'disable', reason: 'FAILING' }]);
      expect(await store.findEndpoint(admin, dead.id)).toMatchObject({ enabled: false, health: { state: 'DISABLED', disabledReason: 'FAILING' } });
    });

    it('counts every one of many concurrent outcomes', async () => {
      const { dead } = await world(0);
      const lenient = { ...settings, circuitFailures: 100 };
      await Promise.all(Array.from({ length: 8 }, (_, i) => store.recordHealth(dead.id, FAIL, T0 + i, lenient)));
      expect((await store.findEndpoint(admin, dead.id))!.health.consecutiveFailures).toBe(8);
    });

    it('holds a rate-limited endpoint to its limit summed over concurrent claimers; the rest wait in the queue and others are not held', async () => {
      const a = await application();
      const limited = await endpoint(a.id, { rateLimitPerSecond: 10 });
      const free = await endpoint(a.id);
      for (let i = 0; i < 40; i++) await publish(event(a.id, { createdAt: T0 + i }));
      const claimedAt: number[] = [];
      let freeClaimed = 0;
      for (let now = T0 + 100; now < T0 + 3100; now += 50) {
        const batches = await Promise.all([0, 1, 2].map(() => store.claimDue({ now, limit: 20, leaseMs: 60_000 })));
        for (const c of batches.flat()) c.endpoint.id === limited.id ? claimedAt.push(now) : freeClaimed++;
      }
      expect(freeClaimed).toBe(40);
      // 3 seconds at 10 a second: at most 10 × (3000 + 100 ms tolerance) / 1000 + 1.
      expect(claimedAt.length).toBeLessThanOrEqual(32);
      expect(claimedAt.length).toBeGreaterThanOrEqual(20);
      for (const t of claimedAt) expect(claimedAt.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(12);
      const waiting = await store.listDeliveries(admin, { endpointId: limited.id, status: ['PENDING'] }, { first: 100 });
      expect(waiting.items.filter((d) => d.attemptCount === 0).length).toBe(40);
      expect(await store.findEndpoint(admin, limited.id)).toMatchObject({ rateLimitPerSecond: 10 });
      expect(await store.updateEndpoint(admin, limited.id, { rateLimitPerSecond: null }, T0)).toMatchObject({ rateLimitPerSecond: null });
      const rest = await store.claimDue({ now: T0 + 3200, limit: 100, leaseMs: 60_000 });
      expect(rest.length).toBe(40 - claimedAt.length);
    });

    it('claims a FIFO endpoint\'s deliveries strictly in publish order, one in flight across claimers; a failing head holds the rest', async () => {
      const a = await application();
      const fifo = await endpoint(a.id, { ordering: 'FIFO' });
      const other = await endpoint(a.id);
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await publish(event(a.id, { createdAt: T0 + i }))).deliveries.find((d) => d.endpointId === fifo.id)!.id);
      const ofFifo = (claims: Awaited<ReturnType<Store['claimDue']>>) => claims.filter((c) => c.endpoint.id === fifo.id);
      const first = await Promise.all([0, 1, 2].map(() => store.claimDue({ now: T0 + 10, limit: 10, leaseMs: 1000 })));
      expect(first.flat().filter((c) => c.endpoint.id === other.id)).toHaveLength(4);
      const [head] = ofFifo(first.flat());
      expect(ofFifo(first.flat()).map((c) => c.delivery.id)).toEqual([ids[0]]);
      expect(ofFifo(await store.claimDue({ now: T0 + 20, limit: 10, leaseMs: 1000 }))).toEqual([]);
      // The head fails: it is retried later, and nothing behind it goes meanwhile.
      await store.recordAttempt(head!, outcome(head!, false, T0 + 500, T0 + 30), T0 + 30);
      expect(ofFifo(await store.claimDue({ now: T0 + 100, limit: 10, leaseMs: 1000 }))).toEqual([]);
      const [retry] = ofFifo(await store.claimDue({ now: T0 + 500, limit: 10, leaseMs: 1000 }));
      expect(retry).toMatchObject({ delivery: { id: ids[0] }, attemptNumber: 2 });
      await store.recordAttempt(retry!, outcome(retry!, true, null, T0 + 510), T0 + 510);
      const [second] = ofFifo(await store.claimDue({ now: T0 + 520, limit: 10, leaseMs: 1000 }));
      expect(second!.delivery.id).toBe(ids[1]);
      // A head that ends FAILED lets the next one go.
      await store.recordAttempt(second!, outcome(second!, false, null, T0 + 530), T0 + 530);
      expect(ofFifo(await store.claimDue({ now: T0 + 540, limit: 10, leaseMs: 1000 })).map((c) => c.delivery.id)).toEqual([ids[2]]);
      expect(await store.findEndpoint(admin, fifo.id)).toMatchObject({ ordering: 'FIFO' });
      expect(await store.updateEndpoint(admin, fifo.id, { ordering: 'PARALLEL' }, T0)).toMatchObject({ ordering: 'PARALLEL' });
    });

    it('has no health to record for a deleted endpoint', async () => {
      const { dead } = await world(0);
      await store.deleteEndpoint(admin, dead.id, T0, 'deleted');
      expect(await store.recordHealth(dead.id, FAIL, T0 + 1, settings)).toBeNull();
    });
  });
}

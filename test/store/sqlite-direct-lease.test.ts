import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimedDelivery, ClaimOptions, LocalWorker } from '../../src/store/ports.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { fixtures, T0 } from './contract-fixtures.js';

// The embedded store leases what a publish creates straight to the process's worker, in the
// publish's own write, when the worker has a free slot (DeliveryQueue.handOffTo). These cases run a
// worker of the port's shape that only counts what it holds, against the real store.

const LEASE_MS = 30_000;

/** A worker that holds what it is given until told to let go, with the share rules of DeliveryWorker. */
class CountingWorker implements LocalWorker {
  readonly held: ClaimedDelivery[] = [];
  private readonly perEndpoint = new Map<string, number>();
  private launched = new Set<string>();
  private shares = 0;
  /** After every event of the cases was published: their deliveries are due. */
  now = T0 + 10;

  constructor(private readonly limits: { concurrency: number; perEndpoint: number }) {}

  share(): ClaimOptions | null {
    const free = this.limits.concurrency - this.held.length;
    if (free <= 0) return null;
    const tokens = [...this.launched];
    this.launched = new Set();
    return {
      now: this.now, limit: free, leaseMs: LEASE_MS, perEndpointLimit: this.limits.perEndpoint,
      inFlightByEndpoint: new Map(this.perEndpoint), launched: { seq: ++this.shares, tokens },
    };
  }

  take(claims: readonly ClaimedDelivery[]): void {
    for (const claim of claims) {
      this.held.push(claim);
      this.launched.add(claim.leaseToken);
      this.perEndpoint.set(claim.endpoint.id, (this.perEndpoint.get(claim.endpoint.id) ?? 0) + 1);
    }
  }

  release(claim: ClaimedDelivery): void {
    this.held.splice(this.held.indexOf(claim), 1);
    this.perEndpoint.set(claim.endpoint.id, this.perEndpoint.get(claim.endpoint.id)! - 1);
  }

  /** The claim the worker's loop would make now. */
  claimOptions(): ClaimOptions {
    return this.share() ?? { now: this.now, limit: 0, leaseMs: LEASE_MS };
  }
}

describe('SQLite publishes leasing fresh deliveries to the local worker', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-direct-lease-'));
    store = SqliteStore.inDataDir(dir);
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('hands a publish\'s deliveries to the worker under a lease, so no claim finds them until the lease ends', async () => {
    const { application, endpoint, event, publish } = fixtures(() => store);
    const a = await application();
    const one = await endpoint(a.id);
    const two = await endpoint(a.id);
    const worker = new CountingWorker({ concurrency: 64, perEndpoint: 16 });
    store.handOffTo(worker);
    const published = await publish(event(a.id));
    expect(worker.held.map((c) => c.endpoint.id).sort()).toEqual([one.id, two.id].sort());
    expect(worker.held.map((c) => c.delivery.id).sort()).toEqual(published.deliveries.map((d) => d.id).sort());
    expect(worker.held.every((c) => c.attemptNumber === 1 && c.leaseUntil === worker.now + LEASE_MS && c.event.id === published.event.id)).toBe(true);
    expect(published.deliveries.every((d) => d.status === 'PENDING')).toBe(true);
    store.handOffTo(null);
    expect(await store.claimDue({ now: T0 + 1000, limit: 10, leaseMs: LEASE_MS })).toEqual([]);
    // A worker that died with them: once the lease is over, any claim takes them again.
    const again = await store.claimDue({ now: worker.now + LEASE_MS + 1, limit: 10, leaseMs: LEASE_MS });
    expect(again.map((c) => c.delivery.id).sort()).toEqual(published.deliveries.map((d) => d.id).sort());
  });

  it('leaves deliveries of paused, FIFO, rate-limited and circuit-open endpoints to the claim, which applies their rules', async () => {
    const { application, endpoint, event, publish } = fixtures(() => store);
    const a = await application();
    const plain = await endpoint(a.id);
    await endpoint(a.id, { enabled: false });
    const fifo = await endpoint(a.id, { ordering: 'FIFO' });
    const limited = await endpoint(a.id, { rateLimitPerSecond: 5 });
    const broken = await endpoint(a.id);
    const change = await store.recordHealth(broken.id, { success: false, gone: false }, T0, { circuitFailures: 1, circuitCooldownMs: 60_000, circuitCooldownMaxMs: 600_000, disableAfterMs: 86_400_000 });
    expect(change?.endpoint.health.state).toBe('CIRCUIT_OPEN');
    const worker = new CountingWorker({ concurrency: 64, perEndpoint: 16 });
    store.handOffTo(worker);
    const published = await publish(event(a.id));
    expect(published.deliveries).toHaveLength(5);
    expect(worker.held.map((c) => c.endpoint.id)).toEqual([plain.id]);
    store.handOffTo(null);
    const claimed = await store.claimDue({ now: worker.now, limit: 10, leaseMs: LEASE_MS });
    expect(claimed.map((c) => c.endpoint.id).sort()).toEqual([fifo.id, limited.id].sort());
  });

  it('leases what of the endpoint is already due first, oldest first, then the fresh work if a slot is left', async () => {
    const { application, endpoint, event, publish } = fixtures(() => store);
    const a = await application();
    await endpoint(a.id);
    const first = await publish(event(a.id));
    const second = await publish(event(a.id, { createdAt: T0 + 1 }));
    const worker = new CountingWorker({ concurrency: 64, perEndpoint: 2 });
    store.handOffTo(worker);
    const third = await publish(event(a.id, { createdAt: T0 + 2 }));
    // Two slots: the two that were due, not the fresh one, which waits.
    expect(worker.held.map((c) => c.delivery.id)).toEqual([first.deliveries[0]!.id, second.deliveries[0]!.id]);
    worker.release(worker.held[0]!);
    const fourth = await publish(event(a.id, { createdAt: T0 + 3 }));
    expect(worker.held.map((c) => c.delivery.id)).toEqual([second.deliveries[0]!.id, third.deliveries[0]!.id]);
    worker.release(worker.held[0]!);
    worker.release(worker.held[0]!);
    const fifth = await publish(event(a.id, { createdAt: T0 + 4 }));
    // The one left waiting goes first, and the fresh one takes the other slot.
    expect(worker.held.map((c) => c.delivery.id)).toEqual([fourth.deliveries[0]!.id, fifth.deliveries[0]!.id]);
  });

  it('never gives an endpoint more than its share when several writes lease for the worker at once', async () => {
    const { application, endpoint, event, publish } = fixtures(() => store);
    const a = await application();
    await endpoint(a.id);
    const worker = new CountingWorker({ concurrency: 64, perEndpoint: 2 });
    store.handOffTo(worker);
    // Every write is sent before any reply is seen, so each carries the share of a worker holding nothing.
    const stale = worker.claimOptions();
    const writes = await Promise.all([...Array.from({ length: 5 }, (_, i) => publish(event(a.id, { createdAt: T0 + i }))), store.claimDue(stale)]);
    expect(worker.held).toHaveLength(2);
    expect(writes.at(-1)).toEqual([]);
    expect(await store.claimDue(worker.claimOptions())).toEqual([]);
    worker.release(worker.held[0]!);
    const next = await store.claimDue(worker.claimOptions());
    expect(next).toHaveLength(1);
  });

  it('counts slots given back once the worker has launched what it was given', async () => {
    const { application, endpoint, event, publish } = fixtures(() => store);
    const a = await application();
    await endpoint(a.id);
    const worker = new CountingWorker({ concurrency: 64, perEndpoint: 2 });
    store.handOffTo(worker);
    await publish(event(a.id));
    await publish(event(a.id, { createdAt: T0 + 1 }));
    expect(worker.held).toHaveLength(2);
    const third = await publish(event(a.id, { createdAt: T0 + 2 }));
    expect(worker.held).toHaveLength(2); // no slot: it waits, due
    expect(await store.claimDue(worker.claimOptions())).toEqual([]);
    worker.release(worker.held[0]!);
    const claimed = await store.claimDue(worker.claimOptions());
    expect(claimed.map((c) => c.delivery.id)).toEqual([third.deliveries[0]!.id]);
  });

  it('stays within the worker\'s free slots across endpoints', async () => {
    const { application, endpoint, event, publish } = fixtures(() => store);
    const a = await application();
    await Promise.all(Array.from({ length: 4 }, () => endpoint(a.id)));
    const worker = new CountingWorker({ concurrency: 3, perEndpoint: 16 });
    store.handOffTo(worker);
    const published = await publish(event(a.id));
    expect(published.deliveries).toHaveLength(4);
    expect(worker.held).toHaveLength(3);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { histogramBucket } from '../../src/domain/histogram.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { admin, fixtures, T0 } from './contract-fixtures.js';

// The writer thread sums the statistics of one group commit and writes each row once at its end:
// what arrives together is counted in full, and a write of the batch that failed counts nothing.

describe('SQLite statistics of a group commit', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-batch-stats-'));
    store = SqliteStore.inDataDir(dir);
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts every publish and attempt sent together, each histogram bucket by its count, and nothing of a publish that failed', async () => {
    const { application, endpoint, event, publish, outcome } = fixtures(() => store);
    const a = await application();
    await endpoint(a.id);
    const taken = event(a.id);
    await publish(taken);
    // Sent in one go, so the writer takes them in one batch: 30 publishes and one of an ID already stored.
    const sent = await Promise.allSettled([...Array.from({ length: 30 }, () => publish(event(a.id))), publish(taken)]);
    expect(sent.filter((s) => s.status === 'rejected')).toHaveLength(1);
    const claims = await store.claimDue({ now: T0, limit: 100, leaseMs: 1000 });
    expect(claims).toHaveLength(31);
    // Two groups, the second adding to the rows the first wrote.
    for (const group of [claims.slice(0, 10), claims.slice(10)]) await Promise.all(group.map((c) => store.recordAttempt(c, outcome(c, true, null), T0 + 5)));
    const total = (await store.readStats(admin, { since: T0, until: T0 + 86_400_000, interval: 'DAY' })).get(T0)!;
    expect(total.counters).toMatchObject({ eventsPublished: 31, deliveriesCreated: 31, attempts: 31, succeeded: 31, success: 31 });
    expect([...total.histograms.attemptDuration]).toEqual([[histogramBucket(5), 31]]);
  });
});

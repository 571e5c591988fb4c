import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { fixtures, T0 } from './contract-fixtures.js';

// The embedded store's claim scans a bounded window of due rows (CLAIM_SCAN_ROWS, 2,048): work
// that may not be claimed now must not fill that window and hold back everyone else.

describe('SQLite claims with many deliveries waiting for a paused endpoint', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-claims-'));
    store = SqliteStore.inDataDir(dir);
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('still claims the other endpoints\' due deliveries when more than one scan window waits for a paused endpoint', async () => {
    const { application, endpoint, event, publish } = fixtures(() => store);
    const a = await application();
    const paused = await endpoint(a.id, { enabled: false, eventTypes: ['paused.*'] });
    const active = await endpoint(a.id, { eventTypes: ['active.*'] });
    await Promise.all(Array.from({ length: 2_100 }, (_, i) => publish(event(a.id, { type: 'paused.one', createdAt: T0 + i }))));
    const later = await publish(event(a.id, { type: 'active.one', createdAt: T0 + 5_000 }));
    const claimed = await store.claimDue({ now: T0 + 10_000, limit: 10, leaseMs: 1000 });
    expect(claimed.map((c) => [c.endpoint.id, c.delivery.id])).toEqual([[active.id, later.deliveries[0]!.id]]);
    expect(claimed.every((c) => c.endpoint.id !== paused.id)).toBe(true);
  });
});

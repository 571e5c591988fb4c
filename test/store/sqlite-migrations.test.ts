import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_SCOPE, DEFAULT_DELIVERY_OPTIONS } from '../../src/domain/records.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations/index.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { createAuthenticator } from '../../src/auth/authenticator.js';
import { hashToken } from '../../src/auth/tokens.js';

// The embedded store upgrades a database file of an earlier release in place, at start.

const T0 = Date.UTC(2026, 0, 1);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A data folder holding a database as Tidings 0.1 wrote it, with one pending delivery. */
function databaseOfRelease01(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-migrate-'));
  dirs.push(dir);
  const db = new Database(path.join(dir, 'tidings.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(fs.readFileSync(new URL('./fixtures/schema-0.1.sql', import.meta.url), 'utf8'));
  db.prepare('INSERT INTO applications VALUES (?, ?, ?, ?)').run('app_01', 'Acme', 'hash', T0);
  db.prepare(`INSERT INTO endpoints (id, application_id, url, description, event_types, enabled, secrets, created_at, updated_at, deleted_at)
    VALUES ('ep_01', 'app_01', 'https://example.com/h', NULL, '["*"]', 1, '[{"secret":"whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0","expiresAt":null}]', ?, ?, NULL)`).run(T0, T0);
  db.prepare(`INSERT INTO events VALUES ('evt_01', 'app_01', 'order.created', '{"n":1}', NULL, ?)`).run(T0);
  db.prepare(`INSERT INTO deliveries (id, application_id, event_id, endpoint_id, event_type, status, attempt_count, next_attempt_at, run_at, created_at, updated_at)
    VALUES ('dlv_01', 'app_01', 'evt_01', 'ep_01', 'order.created', 'PENDING', 0, ?, ?, ?, ?)`).run(T0, T0, T0, T0);
  db.close();
  return dir;
}

describe('SQLite schema migrations', () => {
  it('upgrades a 0.1 database to the current version, keeping its records usable', async () => {
    const dir = databaseOfRelease01();
    const store = SqliteStore.inDataDir(dir);
    try {
      const [claim] = await store.claimDue({ now: T0, limit: 10, leaseMs: 1000 });
      expect(claim).toMatchObject({ delivery: { id: 'dlv_01' }, event: { payload: '{"n":1}', channels: [] }, endpoint: { id: 'ep_01', delivery: DEFAULT_DELIVERY_OPTIONS }, attemptNumber: 1 });
      expect(await store.findApplication(ADMIN_SCOPE, 'app_01')).toMatchObject({ name: 'Acme' });
    } finally {
      await store.close();
    }
    const db = new Database(path.join(dir, 'tidings.sqlite'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'deliveries'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toContain('deliveries_due_covering');
    expect(indexes).not.toContain('deliveries_due');
    db.close();
  });

  it('gives endpoints of an earlier database the health they have, no overrides, parallel order and no rate limit', async () => {
    const dir = databaseOfRelease01();
    const db = new Database(path.join(dir, 'tidings.sqlite'));
    db.prepare(`INSERT INTO endpoints (id, application_id, url, description, event_types, enabled, secrets, created_at, updated_at, deleted_at)
      SELECT 'ep_02', application_id, url, description, event_types, 0, secrets, created_at, updated_at, NULL FROM endpoints WHERE id = 'ep_01'`).run();
    db.close();
    const store = SqliteStore.inDataDir(dir);
    try {
      const defaults = { timeoutMs: null, retryScheduleMs: null, rateLimitPerSecond: null, ordering: 'PARALLEL' };
      expect(await store.findEndpoint(ADMIN_SCOPE, 'ep_01')).toMatchObject({ ...defaults, health: { state: 'HEALTHY', consecutiveFailures: 0 } });
      expect(await store.findEndpoint(ADMIN_SCOPE, 'ep_02')).toMatchObject({ ...defaults, health: { state: 'DISABLED', disabledReason: 'MANUAL' } });
      const [claim] = await store.claimDue({ now: T0, limit: 10, leaseMs: 1000 });
      const attempt = { deliveryId: 'dlv_01', number: 1, startedAt: T0, durationMs: 1, success: false, responseStatus: 429, responseBody: '', error: 'x', retryAfterMs: 5000 };
      await store.recordAttempt(claim!, { attempt, status: 'RETRYING', nextAttemptAt: T0 + 5000 }, T0 + 1);
      expect((await store.listAttempts('dlv_01'))[0]).toMatchObject({ retryAfterMs: 5000 });
    } finally {
      await store.close();
    }
  });

  it('opens a current database again without changes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-migrate-'));
    dirs.push(dir);
    await SqliteStore.inDataDir(dir).close();
    const again = SqliteStore.inDataDir(dir);
    await again.ping();
    await again.close();
    const db = new Database(path.join(dir, 'tidings.sqlite'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it("turns each application's one API key of the previous version into its key \"default\" with both scopes, still accepted", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-migrate-'));
    dirs.push(dir);
    const db = new Database(path.join(dir, 'tidings.sqlite'));
    db.pragma('journal_mode = WAL');
    // The database as the previous version (before named keys) left it.
    const before = MIGRATIONS.indexOf(MIGRATIONS.find((m) => m.includes('CREATE TABLE IF NOT EXISTS api_keys'))!);
    for (const migration of MIGRATIONS.slice(0, before)) db.exec(migration);
    db.pragma(`user_version = ${before}`);
    db.prepare('INSERT INTO applications (id, name, api_key_hash, created_at) VALUES (?, ?, ?, ?)').run('app_01JD0000000000000000000001', 'Acme', hashToken('tdk_app_legacysecret'), T0);
    db.prepare('INSERT INTO applications (id, name, api_key_hash, created_at) VALUES (?, ?, ?, ?)').run('app_01JD0000000000000000000002', 'Globex', hashToken('tdk_app_othersecret'), T0 + 1);
    db.close();
    const store = SqliteStore.inDataDir(dir);
    try {
      const auth = createAuthenticator(store, hashToken('admin'), () => T0 + 10);
      expect(await auth.identify('Bearer tdk_app_legacysecret')).toEqual({
        scope: { kind: 'app', applicationId: 'app_01JD0000000000000000000001' },
        credential: { id: 'key_01JD0000000000000000000001', kind: 'api-key', name: 'default', scopes: ['READ', 'WRITE'] },
      });
      expect((await store.listApiKeys(ADMIN_SCOPE, 'app_01JD0000000000000000000002', { first: 10 })).items).toEqual([
        { id: 'key_01JD0000000000000000000002', applicationId: 'app_01JD0000000000000000000002', name: 'default', scopes: ['READ', 'WRITE'], rateLimit: null, createdAt: T0 + 1, expiresAt: null, lastUsedAt: null, revokedAt: null },
      ]);
      expect(await store.findApplication(ADMIN_SCOPE, 'app_01JD0000000000000000000001')).toEqual({ id: 'app_01JD0000000000000000000001', name: 'Acme', metadata: {}, createdAt: T0 });
    } finally {
      await store.close();
    }
    const after = new Database(path.join(dir, 'tidings.sqlite'), { readonly: true });
    // The column of earlier releases stays (unread), holding no hash any more.
    expect(after.prepare('SELECT id, api_key_hash FROM applications ORDER BY id').all()).toEqual([
      { id: 'app_01JD0000000000000000000001', api_key_hash: 'key_01JD0000000000000000000001' },
      { id: 'app_01JD0000000000000000000002', api_key_hash: 'key_01JD0000000000000000000002' },
    ]);
    after.close();
  });

  it('refuses a database written by a newer Tidings, naming both versions', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-migrate-'));
    dirs.push(dir);
    const db = new Database(path.join(dir, 'tidings.sqlite'));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => SqliteStore.inDataDir(dir)).toThrow(new RegExp(`schema version ${MIGRATIONS.length + 1}.*\\(${MIGRATIONS.length}\\)`));
  });
});

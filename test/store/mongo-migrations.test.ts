import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SCOPE, DEFAULT_DELIVERY_OPTIONS } from '../../src/domain/records.js';
import { MONGO_MIGRATIONS } from '../../src/store/mongo/migrations.js';
import { MongoStore } from '../../src/store/mongo/mongo-store.js';
import { createAuthenticator } from '../../src/auth/authenticator.js';
import { hashToken } from '../../src/auth/tokens.js';
import { startMongoServer, type MongoServer } from '../support/ferretdb.js';
import { TEST_KEY_RING } from '../support/keys.js';

// The MongoDB store upgrades a database of an earlier release at start, and records its version.

let server: MongoServer;
let client: MongoClient;
let n = 0;
beforeAll(async () => {
  server = await startMongoServer();
  client = await MongoClient.connect(server.uri);
});
afterAll(async () => {
  await client?.close();
  await server?.destroy();
});

const version = async (db: string) => (await client.db(db).collection<{ _id: string; value: string }>('settings').findOne({ _id: 'schema_version' }))?.value;

describe('MongoDB schema migrations', () => {
  it('brings a database of release 0.1 (no schema version) to the current version, keeping its records', async () => {
    const name = `tidings_migrate_${process.pid}_${++n}`;
    // Release 0.1 created its indexes at every start and kept no version.
    await client.db(name).collection('applications').createIndex({ apiKeyHash: 1 }, { unique: true });
    await client.db(name).collection('applications').insertOne({ _id: 'app_01' as never, name: 'Acme', apiKeyHash: 'hash', createdAt: 1 });
    const store = await MongoStore.connect(server.uri, name, { keyRing: TEST_KEY_RING });
    try {
      expect(await version(name)).toBe(String(MONGO_MIGRATIONS.length));
      expect(await store.findApplication(ADMIN_SCOPE, 'app_01')).toMatchObject({ name: 'Acme' });
      const indexes = (await client.db(name).collection('deliveries').indexes()).map((i) => JSON.stringify(i.key));
      expect(indexes).toContain(JSON.stringify({ eventId: 1, endpointId: 1 }));
    } finally {
      await store.dropDatabase();
      await store.close();
    }
  });

  it('gives endpoints and events of release 0.1 the default delivery options and no channels', async () => {
    const name = `tidings_migrate_${process.pid}_${++n}`;
    const db = client.db(name);
    await db.collection('endpoints').insertOne({
      _id: 'ep_01' as never, applicationId: 'app_01', url: 'https://example.com/h', description: null, eventTypes: ['*'], enabled: true,
      secrets: [{ secret: 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0', expiresAt: null }], createdAt: 1, updatedAt: 1, deletedAt: null,
    });
    await db.collection('events').insertOne({ _id: 'evt_01' as never, applicationId: 'app_01', type: 'order.created', payload: '{"n":1}', idempotencyKey: null, createdAt: 1, fanoutDone: true });
    const store = await MongoStore.connect(server.uri, name, { keyRing: TEST_KEY_RING });
    try {
      expect(await store.findEndpoint(ADMIN_SCOPE, 'ep_01')).toMatchObject({ id: 'ep_01', delivery: DEFAULT_DELIVERY_OPTIONS });
      expect(await store.findEvent(ADMIN_SCOPE, 'evt_01')).toMatchObject({ id: 'evt_01', channels: [] });
      expect(await db.collection('endpoints').findOne({ _id: 'ep_01' as never })).toMatchObject({ deliveryOptions: '{}' });
      expect(await db.collection('events').findOne({ _id: 'evt_01' as never })).toMatchObject({ channels: [] });
    } finally {
      await store.dropDatabase();
      await store.close();
    }
  });

  it('gives endpoints of an earlier database the health they have, no overrides, parallel order and no rate limit', async () => {
    const name = `tidings_migrate_${process.pid}_${++n}`;
    await client.db(name).collection('settings').insertOne({ _id: 'schema_version' as never, value: '1' });
    const endpoint = { applicationId: 'app_01', url: 'https://example.com/h', description: null, eventTypes: ['*'], secrets: [], createdAt: 1, updatedAt: 1, deletedAt: null };
    await client.db(name).collection('endpoints').insertMany([{ _id: 'ep_01' as never, ...endpoint, enabled: true }, { _id: 'ep_02' as never, ...endpoint, enabled: false }]);
    const store = await MongoStore.connect(server.uri, name, { keyRing: TEST_KEY_RING });
    try {
      expect(await version(name)).toBe(String(MONGO_MIGRATIONS.length));
      const stored = await client.db(name).collection('endpoints').find({}).sort({ _id: 1 }).toArray();
      expect(stored.map((e) => [e.health?.state, e.ordering, e.rateLimitPerSecond, e.timeoutMs])).toEqual([['HEALTHY', 'PARALLEL', null, null], ['DISABLED', 'PARALLEL', null, null]]);
      expect(await store.findEndpoint(ADMIN_SCOPE, 'ep_02')).toMatchObject({ health: { state: 'DISABLED', disabledReason: 'MANUAL' }, retryScheduleMs: null });
    } finally {
      await store.dropDatabase();
      await store.close();
    }
  });

  it("turns each application's one API key of the previous version into its key \"default\" with both scopes, still accepted", async () => {
    const name = `tidings_migrate_${process.pid}_${++n}`;
    const db = client.db(name);
    // The database as the previous version (before named keys) left it.
    const before = MONGO_MIGRATIONS.findIndex((m) => m.description === 'named API keys and admin tokens');
    for (const migration of MONGO_MIGRATIONS.slice(0, before)) await migration.up(db);
    await db.collection<{ _id: string; value: string }>('settings').insertOne({ _id: 'schema_version', value: String(before) });
    await db.collection('applications').insertMany([
      { _id: 'app_01JD0000000000000000000001' as never, name: 'Acme', apiKeyHash: hashToken('tdk_app_legacysecret'), createdAt: 1 },
      { _id: 'app_01JD0000000000000000000002' as never, name: 'Globex', apiKeyHash: hashToken('tdk_app_othersecret'), createdAt: 2 },
    ]);
    const store = await MongoStore.connect(server.uri, name, { keyRing: TEST_KEY_RING });
    try {
      expect(await version(name)).toBe(String(MONGO_MIGRATIONS.length));
      const auth = createAuthenticator(store, hashToken('admin'), () => 10);
      expect(await auth.identify('Bearer tdk_app_legacysecret')).toEqual({
        scope: { kind: 'app', applicationId: 'app_01JD0000000000000000000001' },
        credential: { id: 'key_01JD0000000000000000000001', kind: 'api-key', name: 'default', scopes: ['READ', 'WRITE'] },
      });
      expect((await store.listApiKeys(ADMIN_SCOPE, 'app_01JD0000000000000000000002', { first: 10 })).items).toEqual([
        { id: 'key_01JD0000000000000000000002', applicationId: 'app_01JD0000000000000000000002', name: 'default', scopes: ['READ', 'WRITE'], rateLimit: null, createdAt: 2, expiresAt: null, lastUsedAt: null, revokedAt: null },
      ]);
      expect(await db.collection('applications').findOne({ _id: 'app_01JD0000000000000000000001' as never })).toEqual({ _id: 'app_01JD0000000000000000000001', name: 'Acme', createdAt: 1 });
      // Run again (another process starting at the same time): no second copy of a key.
      await MONGO_MIGRATIONS[before]!.up(db);
      expect(await db.collection('api_keys').countDocuments({})).toBe(2);
    } finally {
      await store.dropDatabase();
      await store.close();
    }
  });

  it('keeps the idempotency keys of an earlier release (NUL-separated slots) in force: a publish retried after the upgrade returns the original event', async () => {
    const name = `tidings_migrate_${process.pid}_${++n}`;
    const db = client.db(name);
    const before = MONGO_MIGRATIONS.findIndex((m) => m.description === 'idempotency slots without U+0000 (FerretDB on PostgreSQL)');
    for (const migration of MONGO_MIGRATIONS.slice(0, before)) await migration.up(db);
    await db.collection<{ _id: string; value: string }>('settings').insertOne({ _id: 'schema_version', value: String(before) });
    const app = 'app_01JD0000000000000000000001';
    const now = Date.now();
    await db.collection('applications').insertOne({ _id: app as never, name: 'Acme', metadata: {}, createdAt: 1, deletedAt: null });
    await db.collection('events').insertOne({
      _id: 'evt_01JD0000000000000000000001' as never, applicationId: app, type: 'order.created', payload: '{"n":1}', channels: [], testEndpointId: null,
      idempotencyKey: 'order-1', createdAt: now - 1000, fanoutDone: true,
    });
    await db.collection('idempotency_keys').insertOne({ _id: `${app}\u0000order-1` as never, eventId: 'evt_01JD0000000000000000000001', createdAt: now - 1000 });
    const store = await MongoStore.connect(server.uri, name, { keyRing: TEST_KEY_RING });
    try {
      expect(await version(name)).toBe(String(MONGO_MIGRATIONS.length));
      expect((await db.collection('idempotency_keys').find({}).toArray()).map((k) => k._id)).toEqual([`${app}|order-1`]);
      const retried = { id: 'evt_01JD0000000000000000000002', applicationId: app, type: 'order.created', payload: '{"n":1}', channels: [], testEndpointId: null, idempotencyKey: 'order-1', createdAt: now };
      const result = await store.publishEvent(retried, { idempotentSince: now - 60_000 });
      expect({ created: result.created, id: result.event.id }).toEqual({ created: false, id: 'evt_01JD0000000000000000000001' });
      // Run again (another process starting at the same time): still one slot.
      await MONGO_MIGRATIONS[before]!.up(db);
      expect(await db.collection('idempotency_keys').countDocuments({})).toBe(1);
    } finally {
      await store.dropDatabase();
      await store.close();
    }
  });

  it('gives a database of the previous version the indexes of FIFO heads, backlogs and status listings, keeping its records', async () => {
    const name = `tidings_migrate_${process.pid}_${++n}`;
    const db = client.db(name);
    const before = MONGO_MIGRATIONS.findIndex((m) => m.description === 'indexes of the queue by endpoint and of deliveries by status');
    for (const migration of MONGO_MIGRATIONS.slice(0, before)) await migration.up(db);
    await db.collection<{ _id: string; value: string }>('settings').insertOne({ _id: 'schema_version', value: String(before) });
    await db.collection('queue').insertOne({ _id: 'dlv_01' as never, runAt: 1, endpointId: 'ep_01' });
    const keys = async (collection: string) => (await db.collection(collection).indexes()).map((i) => JSON.stringify(i.key));
    expect(await keys('queue')).not.toContain(JSON.stringify({ endpointId: 1, _id: 1 }));
    const store = await MongoStore.connect(server.uri, name, { keyRing: TEST_KEY_RING });
    try {
      expect(await version(name)).toBe(String(MONGO_MIGRATIONS.length));
      expect(await keys('queue')).toContain(JSON.stringify({ endpointId: 1, _id: 1 }));
      expect(await keys('deliveries')).toEqual(expect.arrayContaining([JSON.stringify({ applicationId: 1, status: 1, _id: -1 }), JSON.stringify({ endpointId: 1, status: 1, _id: -1 })]));
      expect(await db.collection('queue').countDocuments({})).toBe(1);
    } finally {
      await store.dropDatabase();
      await store.close();
    }
  });

  it('refuses a database written by a newer Tidings', async () => {
    const name = `tidings_migrate_${process.pid}_${++n}`;
    await client.db(name).collection<{ _id: string; value: string }>('settings').insertOne({ _id: 'schema_version', value: String(MONGO_MIGRATIONS.length + 1) });
    try {
      await expect(MongoStore.connect(server.uri, name, { keyRing: TEST_KEY_RING })).rejects.toThrow(/newer than this Tidings knows/);
    } finally {
      await client.db(name).dropDatabase();
    }
  });
});

import type { Db } from 'mongodb';

// The MongoDB store's schema: its indexes, as numbered migrations. The `settings` document
// `schema_version` says how many have run. A change is one new entry at the end of the list
// (never edit a released one); each must be safe to run again (several processes may start at once).

type IndexSpec = { key: Record<string, 1 | -1>; unique?: boolean };

/** Every index of the first release, listed in the README's "Scaling out" section. */
const INDEXES_1: Record<string, IndexSpec[]> = {
  applications: [{ key: { apiKeyHash: 1 }, unique: true }],
  endpoints: [{ key: { applicationId: 1, _id: -1 } }],
  events: [{ key: { applicationId: 1, _id: -1 } }, { key: { fanoutDone: 1, createdAt: 1 } }, { key: { createdAt: 1 } }],
  queue: [{ key: { runAt: 1 } }],
  deliveries: [
    { key: { eventId: 1, endpointId: 1 }, unique: true },
    { key: { endpointId: 1, parked: 1 } },
    { key: { applicationId: 1, _id: -1 } },
    { key: { endpointId: 1, _id: -1 } },
    { key: { createdAt: 1 } },
  ],
  attempts: [{ key: { deliveryId: 1, number: 1 } }],
  leases: [{ key: { expiresAt: 1 } }],
  idempotency_keys: [{ key: { createdAt: 1 } }],
};

async function createIndexes(db: Db, indexes: Record<string, IndexSpec[]>): Promise<void> {
  for (const [collection, specs] of Object.entries(indexes)) {
    for (const { key, unique } of specs) await db.collection(collection).createIndex(key, unique ? { unique } : {});
  }
}

/** Endpoint health (issue 9): endpoints stored before it get the health they have (healthy, or disabled by hand), no overrides and no rate limit. */
async function endpointHealth(db: Db): Promise<void> {
  const endpoints = db.collection('endpoints');
  const fresh = { consecutiveFailures: 0, lastSuccessAt: null, lastFailureAt: null, failingSince: null, circuitOpenUntil: null, circuitCooldownMs: null };
  await endpoints.updateMany({ health: { $exists: false }, enabled: true }, { $set: { health: { state: 'HEALTHY', disabledReason: null, ...fresh } } });
  await endpoints.updateMany({ health: { $exists: false }, enabled: false }, { $set: { health: { state: 'DISABLED', disabledReason: 'MANUAL', ...fresh } } });
  await endpoints.updateMany({ timeoutMs: { $exists: false } }, { $set: { timeoutMs: null, retryScheduleMs: null, rateLimitPerSecond: null, ordering: 'PARALLEL' } });
}

/**
 * Named API keys (issue 14): each application's one key of earlier releases becomes its key
 * "default" with both scopes, and the application loses its apiKeyHash. Safe to run again, and
 * by several processes at once: the unique tokenHash index lets only one copy of a key in.
 */
async function apiKeys(db: Db): Promise<void> {
  await createIndexes(db, { api_keys: [{ key: { tokenHash: 1 }, unique: true }, { key: { applicationId: 1, _id: -1 } }] });
  const applications = db.collection<{ _id: string; createdAt: number; apiKeyHash?: string }>('applications');
  for await (const app of applications.find({ apiKeyHash: { $exists: true } })) {
    const key = {
      _id: `key_${app._id.slice(app._id.indexOf('_') + 1)}`, applicationId: app._id, name: 'default', scopes: ['READ', 'WRITE'], tokenHash: app.apiKeyHash!,
      rateLimit: null, createdAt: app.createdAt, expiresAt: null, lastUsedAt: null, revokedAt: null,
    };
    await db.collection('api_keys').insertOne(key as never).catch((err: { code?: number; message?: string }) => {
      if (err.code !== 11000 && !(err.code === 1 && /UNIQUE constraint failed/.test(err.message ?? ''))) throw err;
    });
    await applications.updateOne({ _id: app._id }, { $unset: { apiKeyHash: '' } });
  }
  await applications.dropIndex('apiKeyHash_1').catch(() => undefined);
  const exists = await db.listCollections({ name: 'admin_tokens' }, { nameOnly: true }).hasNext();
  if (!exists) await db.createCollection('admin_tokens').catch((err: { code?: number }) => { if (err.code !== 48) throw err; });
}

/**
 * Idempotency slots without U+0000 (PostgreSQL's jsonb, under FerretDB's postgresql backend, refuses
 * it in any string): `<applicationId>\u0000<key>` becomes `<applicationId>|<key>`, so that a publish
 * retried after the upgrade still finds the event its key names. Safe to run again and by several
 * processes at once: the new slot is inserted under its unique _id (a copy already there wins), then
 * the old one removed. Statistics documents keep their NUL-separated IDs: reads filter on fields.
 */
async function idempotencySlotsWithoutNul(db: Db): Promise<void> {
  const keys = db.collection<{ _id: string; eventId: string; createdAt: number }>('idempotency_keys');
  for await (const slot of keys.find({})) {
    const nul = slot._id.indexOf('\u0000');
    if (nul < 0) continue;
    await keys.insertOne({ _id: `${slot._id.slice(0, nul)}|${slot._id.slice(nul + 1)}`, eventId: slot.eventId, createdAt: slot.createdAt }).catch((err: { code?: number; message?: string }) => {
      if (err.code !== 11000 && !(err.code === 1 && /UNIQUE constraint failed/.test(err.message ?? ''))) throw err;
    });
    await keys.deleteOne({ _id: slot._id });
  }
}

export const MONGO_MIGRATIONS: readonly { description: string; up(db: Db): Promise<void> }[] = [
  { description: 'indexes of the first release', up: (db) => createIndexes(db, INDEXES_1) },
  {
    // Issue 10: endpoints' triggers and converters as JSON text (defaults when absent), events'
    // channels and test target, event types' examples (JSON text: examples may hold "$" keys).
    description: 'delivery options on endpoints, channels and test target on events, examples on event types',
    up: async (db) => {
      await db.collection('endpoints').updateMany({ deliveryOptions: { $exists: false } }, { $set: { deliveryOptions: '{}' } });
      await db.collection('events').updateMany({ channels: { $exists: false } }, { $set: { channels: [], testEndpointId: null } });
      await db.collection('event_types').updateMany({ examplesText: { $exists: false } }, { $set: { examplesText: '[]' } });
    },
  },
  // Statistics documents are written by _id only; these serve range reads (MongoDB; FerretDB reads the collection).
  { description: 'delivery statistics', up: (db) => createIndexes(db, { delivery_stats: [{ key: { applicationId: 1, span: 1, start: 1 } }, { key: { span: 1, start: 1 } }] }) },
  {
    // Sessions are only ever read by _id (the token names its session), so no index beyond _id.
    description: 'portal sessions (createPortalSession)',
    up: async (db) => {
      const exists = await db.listCollections({ name: 'portal_sessions' }, { nameOnly: true }).hasNext();
      // Another process starting at the same time may create it first (NamespaceExists, 48).
      if (!exists) await db.createCollection('portal_sessions').catch((err: { code?: number }) => { if (err.code !== 48) throw err; });
    },
  },
  { description: 'endpoint health, per-endpoint timeout and retry schedule', up: endpointHealth },
  // Bulk recovery jobs; a replay relies on the unique (eventId, endpointId) index of the first release.
  { description: 'bulk recovery jobs', up: (db) => createIndexes(db, { bulk_jobs: [{ key: { applicationId: 1, _id: -1 } }, { key: { status: 1, leaseUntil: 1 } }] }) },
  {
    // Issue 14: applications get metadata and a deletion time (absent on older documents reads as
    // none / not deleted); the audit log is read newest first by application (an application key's
    // view) and removed by age; portal sessions are revoked by application when it is deleted.
    description: 'application metadata and deletion, audit log',
    up: async (db) => {
      await db.collection('applications').updateMany({ deletedAt: { $exists: false } }, { $set: { metadata: {}, deletedAt: null } });
      await createIndexes(db, {
        audit_log: [{ key: { applicationId: 1, _id: -1 } }, { key: { createdAt: 1 } }],
        portal_sessions: [{ key: { applicationId: 1 } }],
        applications: [{ key: { deletedAt: 1 } }],
      });
    },
  },
  { description: 'named API keys and admin tokens', up: apiKeys },
  { description: 'idempotency slots without U+0000 (FerretDB on PostgreSQL)', up: idempotencySlotsWithoutNul },
  {
    // Hot queries no earlier index served on MongoDB (README "Which index each query uses"): a FIFO
    // endpoint's head at every claim and an endpoint's backlog (queue by endpoint, oldest _id first);
    // deliveries listed by status within an application or an endpoint, newest first (also the
    // unfinished deliveries of a deleted endpoint). Equality fields first, the sort field last.
    description: 'indexes of the queue by endpoint and of deliveries by status',
    up: (db) => createIndexes(db, {
      queue: [{ key: { endpointId: 1, _id: 1 } }],
      deliveries: [{ key: { applicationId: 1, status: 1, _id: -1 } }, { key: { endpointId: 1, status: 1, _id: -1 } }],
    }),
  },
];

const VERSION_KEY = 'schema_version';

/** Runs the migrations the database has not had yet; returns the version it is at now. */
export async function migrateMongo(db: Db): Promise<number> {
  const settings = db.collection<{ _id: string; value: string }>('settings');
  const current = Number((await settings.findOne({ _id: VERSION_KEY }))?.value ?? 0);
  if (current > MONGO_MIGRATIONS.length) {
    throw new Error(`the database is at schema version ${current}, newer than this Tidings knows (${MONGO_MIGRATIONS.length}); run a newer version`);
  }
  for (let version = current; version < MONGO_MIGRATIONS.length; version++) {
    await MONGO_MIGRATIONS[version]!.up(db);
    await settings.updateOne({ _id: VERSION_KEY }, { $set: { value: String(version + 1) } }, { upsert: true });
  }
  return MONGO_MIGRATIONS.length;
}

import { randomUUID } from 'node:crypto';
import { MongoClient, MongoNetworkError, MongoServerError, MongoServerSelectionError, MongoTopologyClosedError, type Collection, type Db, type Filter } from 'mongodb';
import type { AuditEntryRecord, AuditFilter } from '../../domain/audit.js';
import { DELETED_APPLICATION_REASON } from '../../domain/applications.js';
import { afterBatch, type BulkJobRecord, type BulkJobTarget, type ClaimedBulkJob } from '../../domain/bulk-jobs.js';
import { EndpointSlots } from '../../domain/endpoint-slots.js';
import { DELETED_ENDPOINT_REASON, EXPIRED_WHILE_WAITING_REASON } from '../../domain/failure-reasons.js';
import { fanOutTargets, newDelivery } from '../../domain/fan-out.js';
import { healthOf, trackHealth, type HealthInput, type HealthSettings } from '../../domain/health.js';
import { openRateSlots } from '../../domain/rate-limit.js';
import { mayClaimInOrder } from '../../domain/ordering.js';
import {
  ACTIVE_STATUSES, DEFAULT_DELIVERY_OPTIONS, type ApplicationRecord, type AttemptOutcome, type AttemptRecord, type DeliveryFilter, type DeliveryRecord,
  type DeliveryOptions, type EndpointRecord, type EndpointSecret, type EventRecord, type EventTypeRecord, type Millis, type PortalSessionRecord, type Scope,
  type AdminTokenRecord, type ApiKeyRecord,
} from '../../domain/records.js';
import { settleOnStored } from '../../domain/settle.js';
import { ConflictError } from '../../errors.js';
import { newId } from '../../ids.js';
import type {
  ApplicationPatch, BacklogCounts, BulkJobStep, ClaimOptions, DeletedApplication, ClaimedDelivery, EndpointPatch, EventTypePatch, Page, PageArgs, PublishResult, HealthChange, ResealBatch, StatsQuery, Store, StoredAdminToken, StoredApiKey, StoredPortalSession,
  SweepOptions, SweepResult,
} from '../ports.js';
import { reportingUnavailable } from '../unavailable.js';
import { StartupError } from '../../startup-error.js';
import { endpointNeedsReseal, missingKeysMessage, openDelivery, openSecrets, resealEndpoint, sealDelivery, sealSecrets } from '../sealed-fields.js';
import { SecretBox, type KeyRing } from '../secret-box.js';
import { migrateMongo } from './migrations.js';
import { MongoStats, readMongoBacklog, STATS_COLLECTION } from './stats.js';
import { attemptIncrement, mergeIncrements, publishIncrements, type StatsTotals } from '../../domain/stats.js';

// The MongoDB store. One code path for MongoDB 6-8 and FerretDB 1.x, so it relies on no
// multi-document transaction, change stream, TTL or partial index, and on no atomic
// read-modify-write: exclusivity comes from inserts under unique indexes, which are atomic on both.
//  - publish: the event is written with `fanoutDone: false`, deliveries are inserted under a unique
//    (eventId, endpointId) index, then the flag is set; the sweep completes a fan-out cut short.
//  - claim: unfinished deliveries also have a small `queue` document (due time); a lease document
//    keyed by (delivery, the due time the claimer saw) is inserted, and only the claimer whose insert
//    wins moves the due time to the end of its lease. Lease documents outlive their attempt (the
//    sweeper removes them an hour later), so a claimer reading a stale due time always loses.
//  - hot paths touch documents by exact `_id` only, or the queue: FerretDB v1 (SQLite) uses an index
//    for nothing else, so any other filter reads the whole collection.
//  - payloads and JSON Schemas are stored as text (keys such as "$schema" are not valid field names).

/**
 * `metadata` is stored as its JSON text: its keys are the platform's, and MongoDB refuses field
 * names that start with "$" or hold U+0000 (in its text U+0000 is escaped). Documents of earlier releases hold it as an object.
 */
interface AppDoc { _id: string; name: string; metadata?: string | Record<string, string>; createdAt: number; deletedAt?: number | null }
interface AuditDoc extends Omit<AuditEntryRecord, 'id'> { _id: string }
/** API keys are read by _id (new tokens name their key) or by the unique tokenHash (keys of earlier releases). */
interface ApiKeyDoc extends Omit<StoredApiKey, 'id'> { _id: string }
interface AdminTokenDoc extends Omit<StoredAdminToken, 'id'> { _id: string }
interface EventTypeDoc { _id: string; description: string | null; schemaText: string | null; examplesText?: string; archived: boolean; createdAt: number; updatedAt: number }
/** Delivery options are stored as JSON text: a filter's keys (`$gt`, dotted paths) are not valid field names. */
interface EndpointDoc extends Omit<EndpointRecord, 'id' | 'delivery'> {
  _id: string;
  deliveryOptions?: string;
  /** Bumped by every health write of a worker, under a lease of the version (see recordHealth). */
  healthVersion?: number;
}
/**
 * One per endpoint whose circuit is open: claims skip its deliveries until `until`; after that the
 * claimer whose probe-lease insert wins takes one probe delivery and moves `until` to the end of its lease.
 */
interface CircuitDoc { _id: string; until: number }
interface EventDoc extends Omit<EventRecord, 'id' | 'channels' | 'testEndpointId'> { _id: string; fanoutDone: boolean; channels?: string[]; testEndpointId?: string | null }
interface DeliveryDoc extends Omit<DeliveryRecord, 'id'> {
  _id: string;
  /** Set while its endpoint is disabled: out of the queue until the endpoint is enabled again. */
  parked: boolean;
  /** The retry job that queued it again last: that job, resumed after a crash, does not queue it twice. */
  retriedBy?: string;
}
/** A bulk job, with the lease of its runner (taken by inserting `bulkjob:<id>#<leaseVersion>` into leases). */
interface BulkJobDoc extends Omit<BulkJobRecord, 'id'> { _id: string; leaseToken: string | null; leaseUntil: number; leaseVersion: number }
/**
 * One per claimable delivery: when a worker may claim it (its due time, or the end of the lease in
 * flight) and which lease holds it. Claims and their checks touch only this small collection.
 */
interface QueueDoc { _id: string; runAt: number; endpointId: string; leaseId?: string | null }
interface AttemptDoc extends AttemptRecord { _id: string }
/** `cancelled` is set on a bulk job's cancel marker only: the job as its cancel left it. */
interface LeaseDoc { _id: string; deliveryId: string; expiresAt: number; cancelled?: Omit<BulkJobDoc, '_id'> }
interface KeyDoc { _id: string; eventId: string; createdAt: number }
interface SettingDoc { _id: string; value: string }
interface PortalSessionDoc { _id: string; applicationId: string; tokenHash: string; expiresAt: number; revokedAt: number | null; createdAt: number }

const toApplication = ({ _id, name, metadata, createdAt }: AppDoc): ApplicationRecord => ({
  id: _id, name, metadata: typeof metadata === 'string' ? (JSON.parse(metadata) as Record<string, string>) : (metadata ?? {}), createdAt,
});
/** Applications written before deletion existed have no `deletedAt`. */
const live = (doc: AppDoc | null): doc is AppDoc => doc !== null && (doc.deletedAt ?? null) === null;
const toAuditEntry = ({ _id, ...rest }: AuditDoc): AuditEntryRecord => ({ id: _id, ...rest });
const toStoredApiKey = ({ _id, ...rest }: ApiKeyDoc): StoredApiKey => ({ id: _id, ...rest });
const toApiKey = ({ _id, tokenHash: _hash, ...rest }: ApiKeyDoc): ApiKeyRecord => ({ id: _id, ...rest });
const toAdminToken = ({ _id, tokenHash: _hash, ...rest }: AdminTokenDoc): AdminTokenRecord => ({ id: _id, ...rest });
const toApiKeyDoc = ({ id, ...rest }: StoredApiKey): ApiKeyDoc => ({ _id: id, ...rest });
const toEventType = (d: EventTypeDoc): EventTypeRecord => ({
  name: d._id, description: d.description, schema: d.schemaText === null ? null : JSON.parse(d.schemaText), examples: d.examplesText ? JSON.parse(d.examplesText) : [],
  archived: d.archived, createdAt: d.createdAt, updatedAt: d.updatedAt,
});
/** How endpoint documents map to records: their secret fields sealed in the document, opened in the record (sealed-fields.ts). */
function endpointMapping(box: SecretBox) {
  return {
    toEndpoint: ({ _id, deliveryOptions, healthVersion: _v, ...rest }: EndpointDoc): EndpointRecord => ({
      id: _id, ...rest, timeoutMs: rest.timeoutMs ?? null, retryScheduleMs: rest.retryScheduleMs ?? null, rateLimitPerSecond: rest.rateLimitPerSecond ?? null,
      ordering: rest.ordering ?? 'PARALLEL',
      health: healthOf(rest.health, rest.enabled),
      secrets: openSecrets(box, _id, rest.secrets),
      delivery: { ...DEFAULT_DELIVERY_OPTIONS, ...openDelivery(box, _id, deliveryOptions ? JSON.parse(deliveryOptions) : {}) } as DeliveryOptions,
    }),
    toEndpointDoc: ({ id, delivery, secrets, ...rest }: EndpointRecord): EndpointDoc =>
      ({ _id: id, ...rest, secrets: sealSecrets(box, id, secrets), deliveryOptions: JSON.stringify(sealDelivery(box, id, delivery)) }),
    secretsField: (id: string, secrets: readonly EndpointSecret[]) => sealSecrets(box, id, secrets),
    deliveryField: (id: string, delivery: DeliveryOptions) => JSON.stringify(sealDelivery(box, id, delivery)),
  };
}
const toEvent = ({ _id, applicationId, type, payload, channels, testEndpointId, idempotencyKey, createdAt }: EventDoc): EventRecord =>
  ({ id: _id, applicationId, type, payload, channels: channels ?? [], testEndpointId: testEndpointId ?? null, idempotencyKey, createdAt });
const toDelivery = (d: DeliveryDoc): DeliveryRecord => ({
  id: d._id, applicationId: d.applicationId, eventId: d.eventId, endpointId: d.endpointId, eventType: d.eventType,
  status: d.status, attemptCount: d.attemptCount, nextAttemptAt: d.nextAttemptAt, lastAttemptAt: d.lastAttemptAt,
  failureReason: d.failureReason, manualRetry: d.manualRetry, createdAt: d.createdAt, updatedAt: d.updatedAt,
});
/** The job if the caller may see it: the admin any, an application its own. */
const jobInScope = (scope: Scope, doc: BulkJobDoc | null) => (doc && (scope.kind === 'admin' || doc.applicationId === scope.applicationId) ? doc : null);
const cancelMarkerId = (jobId: string) => `bulkjob-cancel:${jobId}`;
const toBulkJob = ({ _id, leaseToken: _t, leaseUntil: _u, leaseVersion: _v, ...rest }: BulkJobDoc): BulkJobRecord => ({ id: _id, ...rest });
const toAttempt = ({ _id, ...rest }: AttemptDoc): AttemptRecord => ({ ...rest, retryAfterMs: rest.retryAfterMs ?? null });

/** A unique-index violation. FerretDB reports one raised by an update as code 1 with SQLite's text. */
export function isDuplicateKey(err: unknown): boolean {
  return err instanceof MongoServerError && (err.code === 11000 || (err.code === 1 && /UNIQUE constraint failed/.test(err.message)));
}

/** An unordered bulk insert whose every failure was a duplicate key (the rest was inserted). */
function onlyDuplicateKeys(err: unknown): boolean {
  const all = (err as { writeErrors?: unknown[] }).writeErrors;
  return isDuplicateKey(err) || (Array.isArray(all) && all.every((e) => (e as { code?: number }).code === 11000));
}

/**
 * The idempotency slot of an event's (application, key): the application ID has no "|", so the first
 * one ends it. No U+0000: PostgreSQL's jsonb (FerretDB's postgresql backend) refuses it in any string
 * (slots of earlier releases were NUL-separated; a migration renamed them).
 */
const keySlotId = (event: Pick<EventRecord, 'applicationId' | 'idempotencyKey'>) => `${event.applicationId}|${event.idempotencyKey}`;

/** The deliveries of an event to the endpoints the fan-out rule picks; a paused endpoint's is parked (out of the queue) until it is enabled again. */
function deliveryDocs(event: EventRecord, endpoints: readonly EndpointRecord[]): DeliveryDoc[] {
  return fanOutTargets(endpoints, event).map((e) => {
    const { id, ...delivery } = newDelivery(newId('Delivery', event.createdAt), event, e.id);
    return { _id: id, ...delivery, parked: !e.enabled };
  });
}

/** The database cannot be reached (as opposed to a query it refused). */
export function isConnectivityError(err: unknown): boolean {
  return err instanceof MongoNetworkError || err instanceof MongoServerSelectionError || err instanceof MongoTopologyClosedError;
}

/** Whether a document of some application is visible in the scope (checked after an `_id` read). */
const inScope = (scope: Scope, doc: { applicationId: string } | null): boolean =>
  doc !== null && (scope.kind === 'admin' || doc.applicationId === scope.applicationId);

const scopeFilter = (scope: Scope): { applicationId?: string } => (scope.kind === 'app' ? { applicationId: scope.applicationId } : {});
/** The query of a delivery filter within a scope (listDeliveries and the retry jobs walk by the same). */
function deliveryQuery(scope: Scope, filter: DeliveryFilter): Filter<DeliveryDoc> {
  const q: Filter<DeliveryDoc> = { ...scopeFilter(scope) };
  if (filter.applicationId !== undefined) q.applicationId = filter.applicationId;
  if (filter.endpointId !== undefined) q.endpointId = filter.endpointId;
  if (filter.eventId !== undefined) q.eventId = filter.eventId;
  if (filter.eventType !== undefined) q.eventType = filter.eventType;
  if (filter.status !== undefined) q.status = { $in: filter.status };
  if (filter.since !== undefined || filter.until !== undefined) {
    q.createdAt = { ...(filter.since !== undefined ? { $gte: filter.since } : {}), ...(filter.until !== undefined ? { $lt: filter.until } : {}) };
  }
  return q;
}

const attemptId = (deliveryId: string, n: number) => `${deliveryId}:${String(n).padStart(4, '0')}`;
const LEASE_RETENTION_MS = 60 * 60_000;
/** A health version whose winner has not written it after this long is taken over (its process died). */
const HEALTH_WRITE_GRACE_MS = 5_000;

export class MongoStore implements Store {
  private readonly settings: Collection<SettingDoc>;
  private readonly applications: Collection<AppDoc>;
  private readonly eventTypes: Collection<EventTypeDoc>;
  private readonly endpoints: Collection<EndpointDoc>;
  private readonly events: Collection<EventDoc>;
  private readonly deliveries: Collection<DeliveryDoc>;
  private readonly attempts: Collection<AttemptDoc>;
  private readonly leases: Collection<LeaseDoc>;
  private readonly keys: Collection<KeyDoc>;
  private readonly queue: Collection<QueueDoc>;
  private readonly stats: MongoStats;
  private readonly portalSessions: Collection<PortalSessionDoc>;
  private readonly circuits: Collection<CircuitDoc>;
  private readonly bulkJobs: Collection<BulkJobDoc>;
  private readonly auditLog: Collection<AuditDoc>;
  private readonly apiKeys: Collection<ApiKeyDoc>;
  private readonly adminTokens: Collection<AdminTokenDoc>;

  private readonly mapping: ReturnType<typeof endpointMapping>;
  private readonly box: SecretBox;

  private constructor(private readonly client: MongoClient, private readonly db: Db, keyRing: KeyRing) {
    this.box = new SecretBox(keyRing);
    this.mapping = endpointMapping(this.box);
    this.settings = db.collection('settings');
    this.applications = db.collection('applications');
    this.eventTypes = db.collection('event_types');
    this.endpoints = db.collection('endpoints');
    this.events = db.collection('events');
    this.deliveries = db.collection('deliveries');
    this.attempts = db.collection('attempts');
    this.leases = db.collection('leases');
    this.keys = db.collection('idempotency_keys');
    this.queue = db.collection('queue');
    this.stats = new MongoStats(db, isDuplicateKey);
    this.portalSessions = db.collection('portal_sessions');
    this.circuits = db.collection('circuits');
    this.bulkJobs = db.collection('bulk_jobs');
    this.auditLog = db.collection('audit_log');
    this.apiKeys = db.collection('api_keys');
    this.adminTokens = db.collection('admin_tokens');
  }

  /** Connects and brings the database's indexes up to date (migrations.ts); `keyRing` seals the stored secrets (secret-box.ts). */
  static async connect(uri: string, dbName: string, options: { keyRing: KeyRing; serverSelectionTimeoutMS?: number }): Promise<MongoStore> {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000, ignoreUndefined: true });
    await client.connect();
    const store = new MongoStore(client, client.db(dbName), options.keyRing);
    try {
      await migrateMongo(store.db);
      const stored = await store.endpoints.find({}, { projection: { secrets: 1, deliveryOptions: 1 } }).toArray();
      const missing = store.box.missingKeyIds(stored.map((d) => `${JSON.stringify(d.secrets)} ${d.deliveryOptions ?? ''}`));
      if (missing.length > 0) throw new StartupError(missingKeysMessage(missing));
    } catch (err) {
      await client.close();
      throw err;
    }
    return reportingUnavailable(store, isConnectivityError);
  }

  async resealSecrets(after: string | null, limit: number): Promise<ResealBatch> {
    const docs = await this.endpoints.find(after === null ? {} : { _id: { $gt: after } }, { projection: { _id: 1, secrets: 1, deliveryOptions: 1 } })
      .sort({ _id: 1 }).limit(limit).toArray();
    let resealed = 0;
    for (let doc of docs) {
      // Rewritten only if unchanged since read; changed meanwhile, it is read again (a few times at most).
      for (let tries = 0; doc && tries < 5; tries++) {
        const delivery = doc.deliveryOptions ? JSON.parse(doc.deliveryOptions) : {};
        if (!endpointNeedsReseal(this.box, doc.secrets, delivery)) break;
        const sealed = resealEndpoint(this.box, doc._id, doc.secrets, delivery);
        const { matchedCount } = await this.endpoints.updateOne(
          { _id: doc._id, secrets: doc.secrets, deliveryOptions: doc.deliveryOptions ?? { $exists: false } },
          { $set: { secrets: sealed.secrets, deliveryOptions: JSON.stringify(sealed.delivery) } },
        );
        if (matchedCount === 1) {
          resealed++;
          break;
        }
        doc = (await this.endpoints.findOne({ _id: doc._id }, { projection: { _id: 1, secrets: 1, deliveryOptions: 1 } }))!;
      }
    }
    return { walked: docs.length, resealed, last: docs.at(-1)?._id ?? null };
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  async takeRateSlot(id: string, expiresAt: Millis): Promise<boolean> {
    // One insert under the unique _id: of processes racing for a slot exactly one succeeds (the
    // primitive FerretDB keeps atomic; a read-modify-write of a counter would not be).
    try {
      await this.leases.insertOne({ _id: `api-rate:${id}`, deliveryId: id, expiresAt });
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return false;
    }
  }

  /** Removes the whole database (tests use one database each). */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  async ensureSetting(key: string, value: string): Promise<string> {
    try {
      await this.settings.insertOne({ _id: key, value });
      return value;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return (await this.getSetting(key))!;
    }
  }

  async getSetting(key: string): Promise<string | null> {
    return (await this.settings.findOne({ _id: key }))?.value ?? null;
  }

  async createApplication(app: ApplicationRecord, firstKey?: StoredApiKey): Promise<void> {
    // The key first: an application is never visible without the key it was created with.
    if (firstKey) await this.createApiKey(firstKey);
    try {
      await this.applications.insertOne({ _id: app.id, name: app.name, metadata: JSON.stringify(app.metadata ?? {}), createdAt: app.createdAt, deletedAt: null });
    } catch (err) {
      if (firstKey) await this.apiKeys.deleteOne({ _id: firstKey.id }).catch(() => undefined);
      throw err;
    }
  }

  async findApplication(scope: Scope, id: string): Promise<ApplicationRecord | null> {
    if (scope.kind === 'app' && scope.applicationId !== id) return null;
    const doc = await this.applications.findOne({ _id: id });
    return live(doc) ? toApplication(doc) : null;
  }

  async findApplications(scope: Scope, ids: readonly string[]): Promise<ApplicationRecord[]> {
    const wanted = scope.kind === 'app' ? ids.filter((id) => id === scope.applicationId) : [...ids];
    if (wanted.length === 0) return [];
    return (await this.applications.find({ _id: { $in: wanted } }).toArray()).filter(live).map(toApplication);
  }

  async updateApplication(id: string, patch: ApplicationPatch): Promise<ApplicationRecord | null> {
    if (!live(await this.applications.findOne({ _id: id }))) return null;
    const set: Partial<AppDoc> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.metadata !== undefined) set.metadata = JSON.stringify(patch.metadata);
    if (Object.keys(set).length) await this.applications.updateOne({ _id: id, deletedAt: null }, { $set: set });
    const doc = await this.applications.findOne({ _id: id });
    return live(doc) ? toApplication(doc) : null;
  }

  /**
   * Marks it deleted first (from then on nothing finds it), then deletes its endpoints and revokes
   * its sessions; a crash in between is completed by the next sweep (completeDeletions).
   */
  async deleteApplication(id: string, now: Millis, reason: string): Promise<DeletedApplication | null> {
    const doc = await this.applications.findOneAndUpdate({ _id: id, deletedAt: null }, { $set: { deletedAt: now } }, { returnDocument: 'after' });
    if (!doc) return null;
    return { application: toApplication(doc), ...(await this.completeDeletion(id, now, reason)) };
  }

  private async completeDeletion(applicationId: string, now: Millis, reason: string): Promise<Omit<DeletedApplication, 'application'>> {
    const cancelled: DeliveryRecord[] = [];
    for (const e of await this.endpoints.find({ applicationId, deletedAt: null }, { projection: { _id: 1 } }).toArray()) {
      await this.endpoints.updateOne({ _id: e._id }, { $set: { deletedAt: now, updatedAt: now, enabled: false } });
      cancelled.push(...(await this.cancelDeliveries(e._id, now, reason)));
    }
    const open = await this.portalSessions.find({ applicationId, revokedAt: null }, { projection: { _id: 1 } }).toArray();
    for (const s of open) await this.portalSessions.updateOne({ _id: s._id, revokedAt: null }, { $set: { revokedAt: now } });
    const keyFilter = { applicationId, $or: [{ revokedAt: null }, { revokedAt: { $gt: now } }] };
    const keys = await this.apiKeys.find(keyFilter, { projection: { _id: 1 } }).toArray();
    if (keys.length) await this.apiKeys.updateMany({ _id: { $in: keys.map((k) => k._id) } }, { $set: { revokedAt: now } });
    return { cancelled, revokedSessionIds: open.map((s) => s._id), revokedKeyIds: keys.map((k) => k._id) };
  }

  async recordAuditEntry(entry: AuditEntryRecord): Promise<void> {
    const { id, ...rest } = entry;
    await this.auditLog.insertOne({ _id: id, ...rest });
  }

  async listAuditEntries(scope: Scope, filter: AuditFilter, page: PageArgs): Promise<Page<AuditEntryRecord>> {
    const q: Filter<AuditDoc> = {};
    if (scope.kind === 'app') q.applicationId = scope.applicationId;
    if (filter.applicationId !== undefined) {
      if (scope.kind === 'app' && filter.applicationId !== scope.applicationId) return { items: [], hasNextPage: false };
      q.applicationId = filter.applicationId;
    }
    if (filter.actorId !== undefined) q.actorId = filter.actorId;
    if (filter.action !== undefined) q.action = filter.action;
    if (filter.since !== undefined || filter.until !== undefined) {
      q.createdAt = { ...(filter.since !== undefined ? { $gte: filter.since } : {}), ...(filter.until !== undefined ? { $lt: filter.until } : {}) };
    }
    return this.page(this.auditLog, q, page, toAuditEntry);
  }

  /**
   * Removes up to `limit` records of a deleted application: deliveries (with attempts and queue
   * entries), then events (with idempotency keys); once both are gone, its endpoints (and circuits),
   * statistics, portal sessions and the application. Returns the deliveries and events removed.
   */
  private async purgeApplication(applicationId: string, limit: number): Promise<number> {
    const deliveryIds = (await this.deliveries.find({ applicationId }, { projection: { _id: 1 } }).limit(limit).toArray()).map((d) => d._id);
    let removed = 0;
    if (deliveryIds.length) {
      await this.attempts.deleteMany({ deliveryId: { $in: deliveryIds } });
      await this.queue.deleteMany({ _id: { $in: deliveryIds } });
      removed += (await this.deliveries.deleteMany({ _id: { $in: deliveryIds } })).deletedCount;
    }
    if (removed < limit) {
      const eventIds = (await this.events.find({ applicationId }, { projection: { _id: 1 } }).limit(limit - removed).toArray()).map((e) => e._id);
      if (eventIds.length) {
        await this.keys.deleteMany({ eventId: { $in: eventIds } });
        removed += (await this.events.deleteMany({ _id: { $in: eventIds } })).deletedCount;
      }
    }
    if (removed < limit) {
      const endpointIds = (await this.endpoints.find({ applicationId }, { projection: { _id: 1 } }).toArray()).map((e) => e._id);
      if (endpointIds.length) await this.circuits.deleteMany({ _id: { $in: endpointIds } });
      await this.endpoints.deleteMany({ applicationId });
      await this.db.collection(STATS_COLLECTION).deleteMany({ applicationId });
      await this.portalSessions.deleteMany({ applicationId });
      await this.apiKeys.deleteMany({ applicationId });
      await this.applications.deleteOne({ _id: applicationId, deletedAt: { $ne: null } });
    }
    return removed;
  }

  async createApiKey(key: StoredApiKey): Promise<void> {
    await this.apiKeys.insertOne(toApiKeyDoc(key));
  }

  async findApiKeyForAuth(id: string): Promise<StoredApiKey | null> {
    const doc = await this.apiKeys.findOne({ _id: id });
    return doc ? toStoredApiKey(doc) : null;
  }

  async findApiKeyByHash(tokenHash: string): Promise<StoredApiKey | null> {
    const doc = await this.apiKeys.findOne({ tokenHash });
    return doc ? toStoredApiKey(doc) : null;
  }

  async findApiKey(scope: Scope, id: string): Promise<ApiKeyRecord | null> {
    const doc = await this.apiKeys.findOne({ _id: id });
    return doc && inScope(scope, doc) ? toApiKey(doc) : null;
  }

  async listApiKeys(scope: Scope, applicationId: string, page: PageArgs): Promise<Page<ApiKeyRecord>> {
    if (scope.kind === 'app' && scope.applicationId !== applicationId) return { items: [], hasNextPage: false };
    return this.page(this.apiKeys, { applicationId }, page, toApiKey);
  }

  async revokeApiKey(scope: Scope, id: string, now: Millis): Promise<ApiKeyRecord | null> {
    if (!(await this.findApiKey(scope, id))) return null;
    await this.apiKeys.updateOne({ _id: id, $or: [{ revokedAt: null }, { revokedAt: { $gt: now } }] }, { $set: { revokedAt: now } });
    return this.findApiKey(scope, id);
  }

  async rotateApiKey(scope: Scope, id: string, next: StoredApiKey, oldEndsAt: Millis): Promise<ApiKeyRecord | null> {
    // No transactions: the new key is inserted first, then the old one ended only if it is still
    // unrotated; when another rotation or revocation won, the new key is removed again.
    if (!(await this.findApiKey(scope, id))) return null;
    await this.createApiKey(next);
    const ended = await this.apiKeys.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: oldEndsAt } });
    if (ended.modifiedCount === 0) {
      await this.apiKeys.deleteOne({ _id: next.id });
      return null;
    }
    return this.findApiKey(scope, id);
  }

  async touchApiKey(id: string, now: Millis, minIntervalMs: number): Promise<void> {
    await this.apiKeys.updateOne({ _id: id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lte: now - minIntervalMs } }] }, { $set: { lastUsedAt: now } });
  }

  async createAdminToken(token: StoredAdminToken): Promise<void> {
    const { id, ...rest } = token;
    await this.adminTokens.insertOne({ _id: id, ...rest });
  }

  async findAdminToken(id: string): Promise<StoredAdminToken | null> {
    const doc = await this.adminTokens.findOne({ _id: id });
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { id: _id, ...rest };
  }

  async listAdminTokens(page: PageArgs): Promise<Page<AdminTokenRecord>> {
    return this.page(this.adminTokens, {}, page, toAdminToken);
  }

  async revokeAdminToken(id: string, now: Millis): Promise<AdminTokenRecord | null> {
    await this.adminTokens.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: now } });
    const doc = await this.adminTokens.findOne({ _id: id });
    return doc ? toAdminToken(doc) : null;
  }

  async createPortalSession(session: StoredPortalSession): Promise<void> {
    const { id, ...rest } = session;
    await this.portalSessions.insertOne({ _id: id, ...rest });
  }

  async findPortalSession(id: string): Promise<StoredPortalSession | null> {
    const doc = await this.portalSessions.findOne({ _id: id });
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { id: _id, ...rest };
  }

  async revokePortalSession(id: string, now: Millis): Promise<PortalSessionRecord | null> {
    // Two _id writes rather than one conditional update: the first revocation time is kept.
    await this.portalSessions.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: now } });
    const found = await this.findPortalSession(id);
    if (!found) return null;
    const { tokenHash: _hash, ...session } = found;
    return session;
  }

  async listApplications(scope: Scope, page: PageArgs): Promise<Page<ApplicationRecord>> {
    const filter: Filter<AppDoc> = scope.kind === 'app' ? { _id: scope.applicationId, deletedAt: null } : { deletedAt: null };
    return this.page(this.applications, filter, page, toApplication);
  }

  private async page<D extends { _id: string }, T>(collection: Collection<D>, filter: Filter<D>, page: PageArgs, map: (d: D) => T): Promise<Page<T>> {
    const query = (page.after ? { $and: [filter, { _id: { $lt: page.after } }] } : filter) as Filter<D>;
    const docs = (await collection.find(query).sort({ _id: -1 }).limit(page.first + 1).toArray()) as D[];
    return { items: docs.slice(0, page.first).map(map), hasNextPage: docs.length > page.first };
  }

  async createEventType(t: EventTypeRecord): Promise<void> {
    try {
      await this.eventTypes.insertOne({
        _id: t.name, description: t.description, schemaText: t.schema == null ? null : JSON.stringify(t.schema), examplesText: JSON.stringify(t.examples),
        archived: t.archived, createdAt: t.createdAt, updatedAt: t.updatedAt,
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw new ConflictError(`event type "${t.name}" already exists`);
      throw err;
    }
  }

  async updateEventType(name: string, patch: EventTypePatch, now: Millis): Promise<EventTypeRecord | null> {
    const set: Partial<EventTypeDoc> = { updatedAt: now };
    if (patch.description !== undefined) set.description = patch.description;
    if (patch.schema !== undefined) set.schemaText = patch.schema === null ? null : JSON.stringify(patch.schema);
    if (patch.archived !== undefined) set.archived = patch.archived;
    if (patch.examples !== undefined) set.examplesText = JSON.stringify(patch.examples);
    const doc = await this.eventTypes.findOneAndUpdate({ _id: name }, { $set: set }, { returnDocument: 'after' });
    return doc ? toEventType(doc) : null;
  }

  async findEventType(name: string): Promise<EventTypeRecord | null> {
    const doc = await this.eventTypes.findOne({ _id: name });
    return doc ? toEventType(doc) : null;
  }

  async listEventTypes(includeArchived: boolean): Promise<EventTypeRecord[]> {
    const docs = await this.eventTypes.find(includeArchived ? {} : { archived: false }).sort({ _id: 1 }).toArray();
    return docs.map(toEventType);
  }

  async createEndpoint(e: EndpointRecord): Promise<void> {
    await this.endpoints.insertOne(this.mapping.toEndpointDoc(e));
  }

  async findEndpoint(scope: Scope, id: string, options: { includeDeleted?: boolean } = {}): Promise<EndpointRecord | null> {
    const doc = await this.endpoints.findOne({ _id: id });
    return doc && inScope(scope, doc) && (options.includeDeleted || doc.deletedAt === null) ? this.mapping.toEndpoint(doc) : null;
  }

  async findEndpoints(scope: Scope, ids: readonly string[]): Promise<EndpointRecord[]> {
    if (ids.length === 0) return [];
    return (await this.endpoints.find({ _id: { $in: [...ids] } }).toArray()).filter((d) => inScope(scope, d)).map(this.mapping.toEndpoint);
  }

  async listEndpoints(scope: Scope, page: PageArgs): Promise<Page<EndpointRecord>> {
    return this.page(this.endpoints, { ...scopeFilter(scope), deletedAt: null }, page, this.mapping.toEndpoint);
  }

  async updateEndpoint(scope: Scope, id: string, patch: EndpointPatch, now: Millis): Promise<EndpointRecord | null> {
    const set: Partial<EndpointDoc> = { updatedAt: now };
    for (const key of ['url', 'description', 'eventTypes', 'enabled', 'timeoutMs', 'retryScheduleMs', 'rateLimitPerSecond', 'ordering', 'health'] as const) {
      if (patch[key] !== undefined) (set as Record<string, unknown>)[key] = patch[key];
    }
    if (patch.secrets !== undefined) set.secrets = this.mapping.secretsField(id, patch.secrets);
    if (patch.delivery !== undefined) set.deliveryOptions = this.mapping.deliveryField(id, patch.delivery);
    if (!(await this.findEndpoint(scope, id))) return null;
    const doc = await this.endpoints.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' });
    if (doc && patch.health !== undefined && patch.health.state !== 'CIRCUIT_OPEN') await this.circuits.deleteOne({ _id: id });
    if (doc?.enabled) await this.unpark(id, now);
    return doc ? this.mapping.toEndpoint(doc) : null;
  }

  /** Deliveries parked while their endpoint was disabled become due again. */
  private async unpark(endpointId: string, now: Millis): Promise<void> {
    const parked = await this.deliveries.find({ endpointId, parked: true }, { projection: { _id: 1 } }).toArray();
    for (const { _id } of parked) {
      await this.queue.replaceOne({ _id }, { runAt: now, endpointId }, { upsert: true });
      await this.deliveries.updateOne({ _id }, { $set: { parked: false } });
    }
  }

  async deleteEndpoint(scope: Scope, id: string, now: Millis, reason: string) {
    if (!(await this.findEndpoint(scope, id))) return null;
    const doc = await this.endpoints.findOneAndUpdate({ _id: id }, { $set: { deletedAt: now, updatedAt: now, enabled: false } }, { returnDocument: 'after' });
    if (!doc) return null;
    return { endpoint: this.mapping.toEndpoint(doc), cancelled: await this.cancelDeliveries(id, now, reason) };
  }

  /** Ends the unfinished deliveries of a deleted endpoint FAILED (also run by claims that meet one, after a crash here). */
  private async cancelDeliveries(endpointId: string, now: Millis, reason: string): Promise<DeliveryRecord[]> {
    const filter: Filter<DeliveryDoc> = { endpointId, status: { $in: [...ACTIVE_STATUSES] } };
    const pending = await this.deliveries.find(filter).toArray();
    if (pending.length === 0) return [];
    const set = { status: 'FAILED' as const, failureReason: reason, parked: false, nextAttemptAt: null, updatedAt: now };
    for (const d of pending) {
      // An attempt in flight keeps its entry, so that its outcome is still recorded (as FAILED unless it succeeded).
      const entry = await this.queue.findOne({ _id: d._id });
      if (!(entry?.leaseId && entry.runAt > now)) await this.queue.deleteOne({ _id: d._id });
      await this.deliveries.updateOne({ _id: d._id }, { $set: set });
    }
    return pending.map((d) => toDelivery({ ...d, ...set }));
  }

  async publishEvent(event: EventRecord, options: { idempotentSince: Millis }): Promise<PublishResult> {
    return (await this.publishEvents([event], options))[0]!;
  }

  /**
   * A batch in as few writes as its steps allow, each step one command for the whole batch: the
   * idempotency slots, the events (`fanoutDone: false`), their deliveries, their queue entries, the
   * statistics (one write per aggregate row), then the flags. A crash between steps leaves what one publishEvent would: events
   * the sweep fans out again, slots pointing at unwritten events that the next claim frees.
   */
  async publishEvents(events: readonly EventRecord[], options: { idempotentSince: Millis }): Promise<PublishResult[]> {
    const results: (PublishResult | undefined)[] = new Array(events.length);
    // The first event of a batch with an (application, key) takes the slot; later ones return it.
    const firstWithKey = new Map<string, number>();
    const sameKeyAs = new Map<number, number>();
    const keyed: number[] = [];
    events.forEach((e, i) => {
      if (e.idempotencyKey === null) return;
      const first = firstWithKey.get(keySlotId(e));
      if (first === undefined) firstWithKey.set(keySlotId(e), i), keyed.push(i);
      else sameKeyAs.set(i, first);
    });
    const earlier = await this.claimIdempotencyKeys(keyed.map((i) => events[i]!), options.idempotentSince);
    const replayed = new Map<number, EventRecord>();
    keyed.forEach((i, k) => earlier[k] && replayed.set(i, earlier[k]!));
    if (replayed.size) {
      const stored = await this.deliveriesOfEvents([...replayed.values()].map((e) => e.id));
      for (const [i, event] of replayed) results[i] = { event, deliveries: stored.get(event.id) ?? [], created: false };
    }
    const inserted = events.filter((_, i) => !replayed.has(i) && !sameKeyAs.has(i));
    if (inserted.length) {
      await this.events.insertMany(inserted.map(({ id, ...rest }) => ({ _id: id, ...rest, fanoutDone: false })));
      const created = await this.fanOutFresh(inserted);
      const gone = await this.dropOrphanTestEvents(inserted.filter((e) => created.get(e.id)!.length === 0));
      const fresh = inserted.filter((e) => !gone.has(e.id));
      await this.stats.apply(mergeIncrements(fresh.flatMap((e) => publishIncrements(e, created.get(e.id)!))));
      // One update: FerretDB 1.x stalls on an update command of a few hundred statements (a bulkWrite).
      if (fresh.length === 1) await this.events.updateOne({ _id: fresh[0]!.id }, { $set: { fanoutDone: true } });
      else if (fresh.length) await this.events.updateMany({ _id: { $in: fresh.map((e) => e.id) } }, { $set: { fanoutDone: true } });
      events.forEach((event, i) => {
        if (!replayed.has(i) && !sameKeyAs.has(i)) results[i] = { event, deliveries: created.get(event.id)!, created: !gone.has(event.id) };
      });
    }
    for (const [i, first] of sameKeyAs) results[i] = { ...results[first]!, created: false };
    return results as PublishResult[];
  }

  /**
   * A test event exists for its one delivery: when its endpoint was deleted before the fan-out read
   * it, the event is removed again, so the failed sendTestEvent leaves nothing behind. Returns the
   * ids removed (test events among `undelivered`, the events that got no delivery).
   */
  private async dropOrphanTestEvents(undelivered: readonly Pick<EventRecord, 'id' | 'testEndpointId'>[]): Promise<Set<string>> {
    const orphans = undelivered.filter((e) => e.testEndpointId).map((e) => e.id);
    if (orphans.length) await this.events.deleteMany({ _id: { $in: orphans } });
    return new Set(orphans);
  }

  /** The slots of events with distinct keys, in one insert; only those already taken are looked at one by one. */
  private async claimIdempotencyKeys(events: readonly EventRecord[], since: Millis): Promise<(EventRecord | null)[]> {
    if (events.length === 0) return [];
    let taken: number[] = [];
    try {
      await this.keys.insertMany(events.map((e) => ({ _id: keySlotId(e), eventId: e.id, createdAt: e.createdAt })), { ordered: false });
    } catch (err) {
      if (!onlyDuplicateKeys(err)) throw err;
      const writeErrors = (err as { writeErrors?: { index: number }[] }).writeErrors;
      taken = Array.isArray(writeErrors) ? writeErrors.map((e) => e.index) : events.map((_, i) => i);
    }
    const earlier: (EventRecord | null)[] = events.map(() => null);
    for (const i of taken) earlier[i] = await this.claimIdempotencyKey(events[i]!, since);
    return earlier;
  }

  /**
   * Takes the (application, key) slot for this event, or returns the event that holds it within the
   * window. A slot that is too old, or that points at an event a crashed publish never wrote, is freed.
   */
  private async claimIdempotencyKey(event: EventRecord, since: Millis): Promise<EventRecord | null> {
    const _id = keySlotId(event);
    for (let tries = 0; tries < 5; tries++) {
      try {
        await this.keys.insertOne({ _id, eventId: event.id, createdAt: event.createdAt });
        return null;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const slot = await this.keys.findOne({ _id });
      if (!slot) continue;
      const holder = slot.createdAt >= since ? await this.events.findOne({ _id: slot.eventId }) : null;
      if (holder) return toEvent(holder);
      await this.keys.deleteOne({ _id, eventId: slot.eventId });
    }
    throw new ConflictError(`idempotency key "${event.idempotencyKey}" is being used by a concurrent publish; try again`);
  }

  /** Inserts the event's deliveries; repeatable, since (eventId, endpointId) is unique. */
  private async fanOut(event: EventRecord): Promise<DeliveryRecord[]> {
    const endpoints = await this.endpoints.find({ applicationId: event.applicationId, deletedAt: null }).sort({ _id: 1 }).toArray();
    const docs = deliveryDocs(event, endpoints.map(this.mapping.toEndpoint));
    if (docs.length === 0) return [];
    try {
      await this.deliveries.insertMany(docs, { ordered: false });
    } catch (err) {
      if (!onlyDuplicateKeys(err)) throw err;
      // A repeated fan-out (the sweep after a crash): queue what was stored, whichever run stored it.
      const stored = await this.deliveriesOf(event.id);
      const parked = new Set(docs.filter((d) => d.parked).map((d) => d.endpointId));
      const waiting = stored.filter((d) => d.status === 'PENDING' && d.attemptCount === 0 && !parked.has(d.endpointId));
      await this.enqueue(waiting.map((d) => ({ _id: d.id, runAt: d.createdAt, endpointId: d.endpointId })));
      return stored;
    }
    await this.enqueue(docs.filter((d) => !d.parked).map((d) => ({ _id: d._id, runAt: d.createdAt, endpointId: d.endpointId })));
    return docs.map(toDelivery);
  }

  /**
   * The deliveries of events just inserted (none can exist yet), in one read of the endpoints, one
   * insert and one enqueue for the batch. Cut short, the sweep completes it through fanOut.
   */
  private async fanOutFresh(events: readonly EventRecord[]): Promise<Map<string, DeliveryRecord[]>> {
    const applications = [...new Set(events.map((e) => e.applicationId))];
    const endpoints = (await this.endpoints.find({ applicationId: applications.length === 1 ? applications[0]! : { $in: applications }, deletedAt: null }).sort({ _id: 1 }).toArray()).map(this.mapping.toEndpoint);
    const docs: DeliveryDoc[] = [];
    const created = new Map<string, DeliveryRecord[]>();
    for (const event of events) {
      const mine = deliveryDocs(event, endpoints);
      docs.push(...mine);
      created.set(event.id, mine.map(toDelivery));
    }
    if (docs.length) await this.deliveries.insertMany(docs, { ordered: false });
    await this.enqueue(docs.filter((d) => !d.parked).map((d) => ({ _id: d._id, runAt: d.createdAt, endpointId: d.endpointId })));
    return created;
  }

  private async enqueue(items: QueueDoc[]): Promise<void> {
    if (items.length === 0) return;
    try {
      await this.queue.insertMany(items, { ordered: false });
    } catch (err) {
      if (!onlyDuplicateKeys(err)) throw err;
    }
  }

  private async deliveriesOf(eventId: string): Promise<DeliveryRecord[]> {
    return (await this.deliveries.find({ eventId }).sort({ _id: 1 }).toArray()).map(toDelivery);
  }

  /** The deliveries of several events in one read, oldest first within each. */
  private async deliveriesOfEvents(eventIds: readonly string[]): Promise<Map<string, DeliveryRecord[]>> {
    if (eventIds.length === 1) return new Map([[eventIds[0]!, await this.deliveriesOf(eventIds[0]!)]]);
    const byEvent = new Map<string, DeliveryRecord[]>();
    for (const d of (await this.deliveries.find({ eventId: { $in: [...eventIds] } }).sort({ _id: 1 }).toArray()).map(toDelivery)) {
      byEvent.set(d.eventId, [...(byEvent.get(d.eventId) ?? []), d]);
    }
    return byEvent;
  }

  async findEvent(scope: Scope, id: string): Promise<EventRecord | null> {
    const doc = await this.events.findOne({ _id: id });
    return inScope(scope, doc) ? toEvent(doc!) : null;
  }

  async findEvents(scope: Scope, ids: readonly string[]): Promise<EventRecord[]> {
    if (ids.length === 0) return [];
    return (await this.events.find({ _id: { $in: [...ids] } }).toArray()).filter((d) => inScope(scope, d)).map(toEvent);
  }

  async listEvents(scope: Scope, filter: { type?: string }, page: PageArgs): Promise<Page<EventRecord>> {
    return this.page(this.events, { ...scopeFilter(scope), ...(filter.type !== undefined ? { type: filter.type } : {}) }, page, toEvent);
  }

  async findDelivery(scope: Scope, id: string): Promise<DeliveryRecord | null> {
    const doc = await this.deliveries.findOne({ _id: id });
    return inScope(scope, doc) ? toDelivery(doc!) : null;
  }

  async listDeliveries(scope: Scope, filter: DeliveryFilter, page: PageArgs): Promise<Page<DeliveryRecord>> {
    if (scope.kind === 'app' && filter.applicationId !== undefined && filter.applicationId !== scope.applicationId) return { items: [], hasNextPage: false };
    return this.page(this.deliveries, deliveryQuery(scope, filter), page, toDelivery);
  }

  async listAttempts(deliveryId: string): Promise<AttemptRecord[]> {
    return (await this.attempts.find({ deliveryId }).sort({ number: 1 }).toArray()).map(toAttempt);
  }

  async listAttemptsOf(deliveryIds: readonly string[]): Promise<AttemptRecord[]> {
    if (deliveryIds.length === 0) return [];
    return (await this.attempts.find({ deliveryId: { $in: [...deliveryIds] } }).sort({ deliveryId: 1, number: 1 }).toArray()).map(toAttempt);
  }

  async requeueDelivery(scope: Scope, id: string, now: Millis): Promise<DeliveryRecord | null> {
    const doc = await this.deliveries.findOne({ _id: id });
    if (!doc || !inScope(scope, doc)) return null;
    const entry = await this.queue.findOne({ _id: id });
    if (entry?.leaseId && entry.runAt > now) {
      throw new ConflictError(`delivery ${id} has an attempt in flight; retry it once that attempt has finished`);
    }
    const endpoint = await this.endpoints.findOne({ _id: doc.endpointId });
    if (!endpoint || endpoint.deletedAt !== null) throw new ConflictError(`delivery ${id} cannot be retried: its endpoint was deleted`);
    const set = {
      status: 'PENDING' as const, manualRetry: true, failureReason: null, nextAttemptAt: now, updatedAt: now,
      parked: !endpoint.enabled,
    };
    const updated = await this.deliveries.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' });
    if (endpoint.enabled) await this.queue.replaceOne({ _id: id }, { runAt: now, endpointId: doc.endpointId, leaseId: null }, { upsert: true });
    return toDelivery(updated!);
  }

  async claimDue(options: ClaimOptions): Promise<ClaimedDelivery[]> {
    const { now, limit, leaseMs } = options;
    const slots = new EndpointSlots(options);
    const circuits = await this.circuits.find({}).toArray();
    const probing = new Map(circuits.filter((c) => c.until <= now).map((c) => [c._id, c.until]));
    const exclude = [...slots.saturated(), ...circuits.filter((c) => c.until > now).map((c) => c._id)];
    // Over-fetch: other workers race for the same oldest entries, some may be parked here, and
    // each endpoint gets only its share.
    const found = await this.queue
      .find({ runAt: { $lte: now }, ...(exclude.length ? { endpointId: { $nin: exclude } } : {}) })
      .sort({ runAt: 1 })
      .limit(limit * 4)
      .toArray();
    const endpoints = new Map(
      (await this.endpoints.find({ _id: { $in: [...new Set(found.map((c) => c.endpointId))] } }).toArray()).map((e) => [e._id, e]),
    );
    const heads = await this.fifoHeads(found, endpoints);
    const probed = new Set<string>();
    const candidates = found.filter((c) => {
      if (heads.has(c.endpointId) && !mayClaimInOrder('FIFO', c._id, heads.get(c.endpointId))) return false;
      if (probing.has(c.endpointId) && probed.has(c.endpointId)) return false; // one probe per endpoint
      if (!slots.take(c.endpointId)) return false;
      if (probing.has(c.endpointId)) probed.add(c.endpointId);
      return true;
    });
    if (candidates.length === 0) return [];
    await this.takeRateSlots(candidates, endpoints, slots, now);
    // Try only as many as are still wanted, in order, so nothing is won beyond the limit.
    const won: ClaimedDelivery[] = [];
    for (let next = 0; next < candidates.length && won.length < limit; ) {
      const batch = candidates.slice(next, next + limit - won.length);
      next += batch.length;
      const claims = await Promise.all(batch.map((c) =>
        probing.has(c.endpointId) ? this.tryProbe(c, endpoints.get(c.endpointId), probing.get(c.endpointId)!, now, leaseMs) : this.tryClaim(c, endpoints.get(c.endpointId), now, leaseMs)));
      claims.forEach((c, i) => (c ? won.push(c) : slots.release(batch[i]!.endpointId)));
    }
    return won;
  }

  /** The head (oldest unfinished delivery, i.e. oldest queue entry) of each FIFO endpoint among the found entries. */
  private async fifoHeads(found: QueueDoc[], endpoints: Map<string, EndpointDoc>): Promise<Map<string, string | undefined>> {
    const heads = new Map<string, string | undefined>();
    for (const endpointId of new Set(found.map((c) => c.endpointId))) {
      if (endpoints.get(endpointId)?.ordering !== 'FIFO') continue;
      const [head] = await this.queue.find({ endpointId }).sort({ _id: 1 }).limit(1).toArray();
      heads.set(endpointId, head?._id);
    }
    return heads;
  }

  /**
   * Keeps, of the candidates of each rate-limited endpoint, as many as it wins rate slots for (one
   * insert each, under a unique _id, so a slot is used once across processes); the rest wait in the queue.
   */
  private async takeRateSlots(candidates: QueueDoc[], endpoints: Map<string, EndpointDoc>, slots: EndpointSlots, now: Millis): Promise<void> {
    const limited = [...new Set(candidates.map((c) => c.endpointId))].filter((id) => endpoints.get(id)?.rateLimitPerSecond);
    for (const endpointId of limited) {
      const limit = endpoints.get(endpointId)!.rateLimitPerSecond!;
      const mine = candidates.filter((c) => c.endpointId === endpointId);
      const tried = openRateSlots(limit, now).slice(0, mine.length);
      let won = 0;
      try {
        await this.leases.insertMany(tried.map((n) => ({ _id: `rate:${endpointId}#${limit}:${n}`, deliveryId: endpointId, expiresAt: now })), { ordered: false });
        won = tried.length;
      } catch (err) {
        if (!onlyDuplicateKeys(err)) throw err;
        won = tried.length - ((err as { writeErrors?: unknown[] }).writeErrors?.length ?? tried.length);
      }
      for (const c of mine.slice(won)) {
        candidates.splice(candidates.indexOf(c), 1);
        slots.release(endpointId);
      }
    }
  }

  /**
   * The probe of an endpoint whose cool-down is over: exactly one claimer across all processes wins
   * the probe lease for this cool-down's end (an insert under the unique _id), holds the circuit for
   * its lease, and claims the delivery as usual. A stale reader of `until` meets the winner's lease.
   */
  private async tryProbe(entry: QueueDoc, endpoint: EndpointDoc | undefined, until: Millis, now: Millis, leaseMs: number): Promise<ClaimedDelivery | null> {
    try {
      await this.leases.insertOne({ _id: `probe:${entry.endpointId}@${until}`, deliveryId: entry._id, expiresAt: now + leaseMs });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return null;
    }
    await this.circuits.updateOne({ _id: entry.endpointId, until }, { $set: { until: now + leaseMs } });
    const claim = await this.tryClaim(entry, endpoint, now, leaseMs);
    // No probe after all (the delivery was taken or parked): let the next claim probe instead.
    if (!claim) await this.circuits.updateOne({ _id: entry.endpointId, until: now + leaseMs }, { $set: { until: now + 1 } });
    return claim;
  }

  async recordHealth(endpointId: string, input: HealthInput, now: Millis, settings: HealthSettings): Promise<HealthChange | null> {
    // Exclusive like a claim: the outcome that inserts the lease of the next health version under
    // its unique _id writes that version; a concurrent one reads again and applies itself on top.
    for (let tries = 0; tries < 100; tries++) {
      const doc = await this.endpoints.findOne({ _id: endpointId });
      if (!doc || doc.deletedAt !== null) return null;
      const version = (doc.healthVersion ?? 0) + 1;
      const leaseId = `health:${endpointId}#${version}`;
      try {
        await this.leases.insertOne({ _id: leaseId, deliveryId: endpointId, expiresAt: now });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        // The winner writes in a moment; one that died before writing is replaced after a while.
        const lease = await this.leases.findOne({ _id: leaseId });
        if (lease && lease.expiresAt < now - HEALTH_WRITE_GRACE_MS) await this.leases.deleteOne({ _id: leaseId, expiresAt: lease.expiresAt });
        await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 10));
        continue;
      }
      const previous = this.mapping.toEndpoint(doc).health;
      const { health, decisions } = trackHealth(previous, input, now, settings);
      const disabled = decisions.some((d) => d.kind === 'disable');
      const set: Partial<EndpointDoc> = { health, healthVersion: version, ...(disabled ? { enabled: false } : {}) };
      await this.endpoints.updateOne({ _id: endpointId }, { $set: set });
      const opened = decisions.find((d) => d.kind === 'circuitOpened');
      if (opened) await this.circuits.replaceOne({ _id: endpointId }, { until: opened.until }, { upsert: true });
      else if (previous.state === 'CIRCUIT_OPEN' && health.state !== 'CIRCUIT_OPEN') await this.circuits.deleteOne({ _id: endpointId });
      return { endpoint: this.mapping.toEndpoint({ ...doc, ...set }), previous, decisions };
    }
    throw new ConflictError(`the health of endpoint ${endpointId} keeps changing under concurrent writes; its outcome was not counted`);
  }

  private async tryClaim(entry: QueueDoc, endpoint: EndpointDoc | undefined, now: Millis, leaseMs: number): Promise<ClaimedDelivery | null> {
    if (!endpoint || endpoint.deletedAt !== null) {
      await this.cancelDeliveries(entry.endpointId, now, DELETED_ENDPOINT_REASON);
      return null;
    }
    if (!endpoint.enabled) {
      await this.deliveries.updateOne({ _id: entry._id }, { $set: { parked: true } });
      await this.queue.deleteOne({ _id: entry._id });
      return null;
    }
    const leaseId = `${entry._id}@${entry.runAt}`;
    const leaseUntil = now + leaseMs;
    try {
      await this.leases.insertOne({ _id: leaseId, deliveryId: entry._id, expiresAt: leaseUntil });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Another claimer won, or one crashed between its lease and moving the due time: free an
      // expired lease so that the next claim can take the delivery.
      const lease = await this.leases.findOne({ _id: leaseId });
      const entryNow = await this.queue.findOne({ _id: entry._id });
      if (lease && lease.expiresAt <= now && entryNow?.runAt === entry.runAt) await this.leases.deleteOne({ _id: leaseId });
      return null;
    }
    // The lease is recorded on the queue entry only: no write to the (large) deliveries collection.
    const leaseToken = `${leaseId}/${randomUUID()}`;
    await this.queue.updateOne({ _id: entry._id }, { $set: { runAt: leaseUntil, leaseId: leaseToken } });
    const doc = await this.deliveries.findOne({ _id: entry._id });
    if (!doc) return null;
    const event = await this.events.findOne({ _id: doc.eventId });
    if (!event) throw new Error(`delivery ${doc._id} points at missing event ${doc.eventId}`);
    return { delivery: toDelivery(doc), event: toEvent(event), endpoint: this.mapping.toEndpoint(endpoint), attemptNumber: doc.attemptCount + 1, leaseToken, leaseUntil };
  }

  async recordAttempt(claim: Pick<ClaimedDelivery, 'delivery' | 'leaseToken'>, outcome: AttemptOutcome, now: Millis): Promise<DeliveryRecord | null> {
    const { attempt } = outcome;
    const entry = await this.queue.findOne({ _id: claim.delivery.id });
    if (!entry || entry.leaseId !== claim.leaseToken) return null;
    const current = await this.deliveries.findOne({ _id: claim.delivery.id });
    if (!current) return null;
    // The attempt first: if this process dies right after, the retried attempt replaces it.
    const _id = attemptId(attempt.deliveryId, attempt.number);
    try {
      await this.attempts.insertOne({ _id, ...attempt });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      await this.attempts.replaceOne({ _id }, attempt);
    }
    const { status, nextAttemptAt: next, cancelled } = settleOnStored(current.status, outcome);
    const updated = await this.deliveries.findOneAndUpdate(
      { _id: current._id },
      {
        $set: {
          status, attemptCount: attempt.number, nextAttemptAt: next, lastAttemptAt: attempt.startedAt, manualRetry: false, updatedAt: now,
          ...(!cancelled && outcome.failureReason ? { failureReason: outcome.failureReason } : {}),
        },
      },
      { returnDocument: 'after' },
    );
    if (next === null) await this.queue.deleteOne({ _id: current._id });
    else await this.queue.updateOne({ _id: current._id }, { $set: { runAt: next, leaseId: null } });
    await this.stats.apply([attemptIncrement(current, outcome, status)]);
    return updated ? toDelivery(updated) : null;
  }

  async readStats(scope: Scope, query: StatsQuery): Promise<Map<Millis, StatsTotals>> {
    return this.stats.read(scope, query);
  }

  async readBacklog(scope: Scope, filter: { applicationId?: string; endpointId?: string }): Promise<BacklogCounts> {
    return readMongoBacklog(this.db, scope, filter);
  }

  async sweep(options: SweepOptions): Promise<SweepResult> {
    const { now } = options;
    const created: DeliveryRecord[] = [];
    // Fan-outs cut short by a crash or a lost connection.
    const unfinished = await this.events.find({ fanoutDone: false, createdAt: { $lt: now - options.fanoutGraceMs } }).limit(1000).toArray();
    for (const doc of unfinished) {
      const before = new Set((await this.deliveriesOf(doc._id)).map((d) => d.id));
      const after = await this.fanOut(toEvent(doc));
      const added = after.filter((d) => !before.has(d.id));
      if (before.size === 0 && after.length === 0 && (await this.dropOrphanTestEvents([toEvent(doc)])).size) continue;
      created.push(...added);
      await this.stats.apply(publishIncrements(toEvent(doc), added));
      await this.events.updateOne({ _id: doc._id }, { $set: { fanoutDone: true } });
    }
    // Parked deliveries whose endpoint was enabled while the unpark did not complete.
    const parkedEndpoints = await this.deliveries.distinct('endpointId', { parked: true });
    if (parkedEndpoints.length) {
      for (const e of await this.endpoints.find({ _id: { $in: parkedEndpoints }, enabled: true }).toArray()) await this.unpark(e._id, now);
    }
    // Leases are kept an hour past their end: a claimer that read a due time before it changed
    // must meet the lease that already took it, never an empty slot.
    await this.leases.deleteMany({ expiresAt: { $lt: now - LEASE_RETENTION_MS } });
    // Retention, in batches so that one sweep after a long pause stays bounded; the next continues.
    const cutoff = now - options.retentionMs;
    await this.keys.deleteMany({ createdAt: { $lt: cutoff } });
    const expired = await this.expireWaiting(cutoff, now);
    // Finished history last changed before the cutoff goes; events once none of their deliveries is left.
    const old = await this.deliveries
      .find({ createdAt: { $lt: cutoff }, updatedAt: { $lt: cutoff }, status: { $in: ['SUCCEEDED', 'FAILED'] } }, { projection: { _id: 1 } })
      .limit(10_000)
      .toArray();
    const oldIds = old.map((d) => d._id);
    if (oldIds.length) await this.attempts.deleteMany({ deliveryId: { $in: oldIds } });
    const purgedDeliveries = oldIds.length ? (await this.deliveries.deleteMany({ _id: { $in: oldIds } })).deletedCount : 0;
    const oldEvents = (await this.events.find({ createdAt: { $lt: cutoff } }, { projection: { _id: 1 } }).limit(10_000).toArray()).map((e) => e._id);
    const kept = new Set(oldEvents.length ? await this.deliveries.distinct('eventId', { eventId: { $in: oldEvents } }) : []);
    const gone = oldEvents.filter((id) => !kept.has(id));
    const purgedEvents = gone.length ? (await this.events.deleteMany({ _id: { $in: gone } })).deletedCount : 0;
    // Applications deleted: an interrupted deletion is completed; past the retention period, everything of theirs goes.
    let purgedApplicationRecords = 0;
    for (const app of await this.applications.find({ deletedAt: { $ne: null } }, { projection: { _id: 1, deletedAt: 1 } }).limit(100).toArray()) {
      if (app.deletedAt == null) continue;
      const { cancelled } = await this.completeDeletion(app._id, now, DELETED_APPLICATION_REASON);
      expired.push(...cancelled);
      if (app.deletedAt < cutoff && purgedApplicationRecords < 10_000) purgedApplicationRecords += await this.purgeApplication(app._id, 10_000 - purgedApplicationRecords);
    }
    const purgedAuditEntries = (await this.auditLog.deleteMany({ createdAt: { $lt: cutoff } })).deletedCount;
    return { created, expired, purgedEvents, purgedDeliveries, purgedApplicationRecords, purgedAuditEntries };
  }

  /** Unfinished deliveries created before the cutoff (their endpoint stayed paused) end FAILED with a reason. */
  private async expireWaiting(cutoff: Millis, now: Millis): Promise<DeliveryRecord[]> {
    const stale = await this.deliveries.find({ createdAt: { $lt: cutoff }, status: { $in: [...ACTIVE_STATUSES] } }).limit(10_000).toArray();
    const expired: DeliveryRecord[] = [];
    const set = { status: 'FAILED' as const, failureReason: EXPIRED_WHILE_WAITING_REASON, parked: false, nextAttemptAt: null, updatedAt: now };
    for (const d of stale) {
      const entry = await this.queue.findOne({ _id: d._id });
      if (entry?.leaseId && entry.runAt > now) continue; // an attempt is in flight: its outcome decides
      await this.queue.deleteOne({ _id: d._id });
      await this.deliveries.updateOne({ _id: d._id }, { $set: set });
      expired.push(toDelivery({ ...d, ...set }));
    }
    return expired;
  }

  async createBulkJob(job: BulkJobRecord): Promise<void> {
    const { id, ...rest } = job;
    await this.bulkJobs.insertOne({ _id: id, ...rest, leaseToken: null, leaseUntil: 0, leaseVersion: 0 });
  }

  async findBulkJob(scope: Scope, id: string): Promise<BulkJobRecord | null> {
    const doc = jobInScope(scope, await this.bulkJobs.findOne({ _id: id }));
    return doc && toBulkJob(doc);
  }

  async listBulkJobs(scope: Scope, page: PageArgs): Promise<Page<BulkJobRecord>> {
    return this.page(this.bulkJobs, scopeFilter(scope), page, toBulkJob);
  }

  /**
   * A cancel is a marker first (a unique insert: the one atomic step FerretDB offers), then the
   * job's document. An update of one document is not atomic on FerretDB (it reads, then writes the
   * whole document back), so a runner's progress write may land on top of the cancel: the runner
   * looks for the marker before and after each batch and puts the cancelled state back.
   */
  async cancelBulkJob(scope: Scope, id: string, now: Millis): Promise<BulkJobRecord | null> {
    const doc = jobInScope(scope, await this.bulkJobs.findOne({ _id: id }));
    if (!doc) return null;
    if (doc.status !== 'QUEUED' && doc.status !== 'RUNNING') return toBulkJob(doc);
    const { _id, ...fields } = doc;
    const cancelled = { ...fields, status: 'CANCELLED' as const, finishedAt: now, updatedAt: now, leaseToken: null };
    try {
      await this.leases.insertOne({ _id: cancelMarkerId(id), deliveryId: id, expiresAt: Math.max(now, doc.leaseUntil), cancelled });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return this.findBulkJob(scope, id); // cancelled by another call meanwhile
    }
    await this.bulkJobs.updateOne({ _id: id }, { $set: cancelled });
    return toBulkJob({ _id: id, ...cancelled });
  }

  /** The job as its cancel left it, written back over whatever a runner wrote since; null if it was not cancelled. */
  private async restoreCancel(id: string): Promise<BulkJobRecord | null> {
    const marker = await this.leases.findOne({ _id: cancelMarkerId(id) });
    if (!marker?.cancelled) return null;
    await this.bulkJobs.updateOne({ _id: id }, { $set: marker.cancelled });
    return toBulkJob({ _id: id, ...marker.cancelled });
  }

  async claimBulkJob(now: Millis, leaseMs: number): Promise<ClaimedBulkJob | null> {
    const open = await this.bulkJobs.find({ status: { $in: ['QUEUED', 'RUNNING'] }, leaseUntil: { $lte: now } }).sort({ _id: 1 }).limit(10).toArray();
    for (const doc of open) {
      // Exclusive like a delivery claim: the claimer whose insert of the next lease version wins takes the job.
      const leaseVersion = doc.leaseVersion + 1;
      try {
        await this.leases.insertOne({ _id: `bulkjob:${doc._id}#${leaseVersion}`, deliveryId: doc._id, expiresAt: now + leaseMs });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        continue;
      }
      const leaseToken = randomUUID();
      const leaseUntil = now + leaseMs;
      const set = { status: 'RUNNING' as const, leaseToken, leaseUntil, leaseVersion, updatedAt: now };
      const claimed = await this.bulkJobs.findOneAndUpdate({ _id: doc._id, status: { $in: ['QUEUED', 'RUNNING'] } }, { $set: set }, { returnDocument: 'after' });
      if (claimed) return { job: toBulkJob(claimed), leaseToken, leaseUntil };
    }
    return null;
  }

  /**
   * One batch of a claimed job; its progress is stored last, so a crash in the middle makes the
   * next runner walk the batch again: a retried delivery carries the job's ID (not queued twice), a
   * replayed one meets the unique (event, endpoint) index (not created twice, queued if it was not).
   */
  async runBulkJobBatch(claim: Pick<ClaimedBulkJob, 'job' | 'leaseToken'>, options: { now: Millis; limit: number; leaseMs: number }): Promise<BulkJobStep | null> {
    const { now, limit, leaseMs } = options;
    const doc = await this.bulkJobs.findOne({ _id: claim.job.id });
    if (!doc) return null;
    const job = toBulkJob(doc);
    if (job.status !== 'RUNNING') return { job, changed: [] };
    if (doc.leaseToken !== claim.leaseToken) return null;
    const cancelledBefore = await this.restoreCancel(job.id);
    if (cancelledBefore) return { job: cancelledBefore, changed: [] };
    const step = job.target.walk === 'failedDeliveries' ? await this.retryBatch(job, job.target.filter, now, limit)
      : job.target.walk === 'events' ? await this.replayBatch(job, job.target, now, limit)
      : await this.purgeBatch(job, job.target.applicationId, limit);
    const next: BulkJobRecord = 'error' in step
      ? { ...job, status: 'FAILED', error: step.error, updatedAt: now, finishedAt: now }
      : afterBatch(job, step, limit, now);
    const finished = next.status !== 'RUNNING';
    const { id: _id, ...fields } = next;
    const written = await this.bulkJobs.updateOne(
      { _id: job.id, leaseToken: claim.leaseToken, status: 'RUNNING' },
      { $set: { ...fields, leaseToken: finished ? null : claim.leaseToken, leaseUntil: finished ? 0 : now + leaseMs } },
    );
    const changed = 'error' in step ? [] : step.changed;
    // Cancelled meanwhile: the batch's work stands, its progress does not.
    const cancelled = await this.restoreCancel(job.id);
    if (cancelled) return { job: cancelled, changed };
    return written.matchedCount === 0 ? null : { job: next, changed }; // 0: the lease was lost
  }

  /** The next records of a deleted application, removed; the total is its deliveries and events when the job starts. */
  private async purgeBatch(job: BulkJobRecord, applicationId: string, limit: number) {
    const app = await this.applications.findOne({ _id: applicationId });
    if (live(app)) return { error: `application ${applicationId} is not deleted` };
    const total = job.total ?? (await this.deliveries.countDocuments({ applicationId })) + (await this.events.countDocuments({ applicationId }));
    const removed = await this.purgeApplication(applicationId, limit);
    return { walked: removed, last: null, done: removed, failed: 0, total, changed: [] as DeliveryRecord[] };
  }

  private async retryBatch(job: BulkJobRecord, filter: DeliveryFilter, now: Millis, limit: number) {
    const { status: _status, ...rest } = filter; // FAILED only (the use-case checked the filter allows it)
    const base = deliveryQuery({ kind: 'admin' }, { ...rest, ...(job.applicationId ? { applicationId: job.applicationId } : {}) });
    const total = job.total ?? (await this.deliveries.countDocuments({ ...base, status: 'FAILED' }));
    const docs = await this.deliveries
      .find({ ...base, _id: { $gt: job.cursor ?? '' }, $or: [{ status: 'FAILED' }, { retriedBy: job.id }] })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
    const endpoints = new Map((await this.endpoints.find({ _id: { $in: [...new Set(docs.map((d) => d.endpointId))] } }).toArray()).map((e) => [e._id, e]));
    const changed: DeliveryRecord[] = [];
    const toQueue: QueueDoc[] = [];
    let failed = 0;
    let done = 0;
    const fresh: { doc: DeliveryDoc; parked: boolean }[] = [];
    for (const d of docs) {
      const endpoint = endpoints.get(d.endpointId);
      if (d.retriedBy === job.id) {
        // Queued by this job before a crash: queue it if that did not happen (an entry in place wins), count it once.
        done++;
        if (d.status === 'PENDING' && !d.parked) toQueue.push({ _id: d._id, runAt: d.nextAttemptAt ?? now, endpointId: d.endpointId });
      } else if (!endpoint || endpoint.deletedAt !== null) failed++;
      else fresh.push({ doc: d, parked: !endpoint.enabled });
    }
    const set = { status: 'PENDING' as const, manualRetry: true, failureReason: null, nextAttemptAt: now, updatedAt: now, retriedBy: job.id };
    for (const parked of [false, true]) {
      const ids = fresh.filter((f) => f.parked === parked).map((f) => f.doc._id);
      if (ids.length) await this.deliveries.updateMany({ _id: { $in: ids }, status: 'FAILED' }, { $set: { ...set, parked } });
    }
    for (const { doc, parked } of fresh) {
      done++;
      changed.push(toDelivery({ ...doc, ...set, parked }));
      if (!parked) toQueue.push({ _id: doc._id, runAt: now, endpointId: doc.endpointId });
    }
    await this.enqueue(toQueue);
    return { walked: docs.length, last: docs.at(-1)?._id ?? null, done, failed, total, changed };
  }

  private async replayBatch(job: BulkJobRecord, target: Extract<BulkJobTarget, { walk: 'events' }>, now: Millis, limit: number) {
    const endpointDoc = await this.endpoints.findOne({ _id: target.endpointId });
    if (!endpointDoc || endpointDoc.deletedAt !== null) return { error: `endpoint ${target.endpointId} was deleted` };
    const endpoint = this.mapping.toEndpoint(endpointDoc);
    const q: Filter<EventDoc> = { applicationId: endpoint.applicationId };
    if (target.since !== null || target.until !== null) {
      q.createdAt = { ...(target.since !== null ? { $gte: target.since } : {}), ...(target.until !== null ? { $lt: target.until } : {}) };
    }
    if (target.eventTypes !== null) q.type = { $in: target.eventTypes };
    const total = job.total ?? (await this.events.countDocuments(q));
    const events = (await this.events.find({ ...q, _id: { $gt: job.cursor ?? '' } }).sort({ _id: 1 }).limit(limit).toArray()).map(toEvent);
    const docs: DeliveryDoc[] = events.filter((e) => fanOutTargets([endpoint], e).length > 0).map((e) => {
      const { id, ...delivery } = newDelivery(newId('Delivery', now), { ...e, createdAt: now }, endpoint.id);
      return { _id: id, ...delivery, parked: !endpoint.enabled };
    });
    let inserted = docs;
    if (docs.length) {
      try {
        await this.deliveries.insertMany(docs, { ordered: false });
      } catch (err) {
        if (!onlyDuplicateKeys(err)) throw err;
        const writeErrors = (err as { writeErrors?: { index: number }[] }).writeErrors;
        const rejected = new Set(Array.isArray(writeErrors) ? writeErrors.map((w) => w.index) : docs.map((_, i) => i));
        inserted = docs.filter((_, i) => !rejected.has(i));
        // Events the endpoint has a delivery of already; one this job created before a crash may not be queued yet.
        const existing = await this.deliveries.find({ endpointId: endpoint.id, eventId: { $in: docs.filter((_, i) => rejected.has(i)).map((d) => d.eventId) } }).toArray();
        await this.enqueue(existing.filter((d) => d.status === 'PENDING' && d.attemptCount === 0 && !d.parked).map((d) => ({ _id: d._id, runAt: d.createdAt, endpointId: d.endpointId })));
      }
    }
    await this.enqueue(inserted.filter((d) => !d.parked).map((d) => ({ _id: d._id, runAt: now, endpointId: d.endpointId })));
    const byId = new Map(events.map((e) => [e.id, e]));
    if (inserted.length) await this.stats.apply(inserted.flatMap((d) => publishIncrements({ ...byId.get(d.eventId)!, createdAt: now }, [d]).slice(1)));
    return { walked: events.length, last: events.at(-1)?.id ?? null, done: events.length, failed: 0, total, changed: inserted.map(toDelivery) };
  }
}

import path from 'node:path';
import type Database from 'better-sqlite3';
import type {
  AdminTokenRecord, ApiKeyRecord, ApplicationRecord, AttemptOutcome, AttemptRecord, DeliveryFilter, DeliveryRecord, EndpointRecord, EventRecord, EventTypeRecord, Millis, PortalSessionRecord, Scope,
} from '../../domain/records.js';
import type { HealthInput, HealthSettings } from '../../domain/health.js';
import type {
  ApplicationPatch, BacklogCounts, BulkJobStep, DeletedApplication, ClaimOptions, HealthChange, ClaimedDelivery, EndpointPatch, LocalWorker, StatsQuery, EventTypePatch, Page, PageArgs, PublishResult, ResealBatch, Store, StoredAdminToken, StoredApiKey, StoredPortalSession, SweepOptions, SweepResult,
} from '../ports.js';
import { openDatabase, StatementCache } from './connection.js';
import { deliveryConditions, pageQuery, scoped, toApplication, toBulkJob, toAttempt, toDelivery, endpointMapping, type EndpointMapping, toEvent, toEventType, toPage, toPortalSession, toAuditEntry, toApiKey, toAdminToken, withoutHash, type Row } from './rows.js';
import { SqliteWriter } from './writer.js';
import type { Published } from './writes.js';
import { KEY_FILE_NAME, KeyRingError, loadOrCreateKeyFile, SecretBox, type KeyRing } from '../secret-box.js';
import { StartupError } from '../../startup-error.js';
import { missingKeysMessage } from '../sealed-fields.js';
import { readBacklog, readStats } from './stats.js';
import type { StatsTotals } from '../../domain/stats.js';
import type { BulkJobRecord, ClaimedBulkJob } from '../../domain/bulk-jobs.js';
import type { AuditEntryRecord, AuditFilter } from '../../domain/audit.js';

/**
 * The embedded store: one SQLite file. Reads run here on their own connection; writes go to the
 * writer thread (writes.ts), which commits them in batches with an fsync each, and resolve once
 * committed. In WAL mode a read sees every write that has resolved.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements: StatementCache;
  private readonly writer: SqliteWriter;
  private readonly endpoints: EndpointMapping;
  /** This process's worker, when it has one: publishes lease fresh deliveries to it (handOffTo). */
  private localWorker: LocalWorker | null = null;
  /** The key file beside the database, when no key ring was given (TIDINGS_ENCRYPTION_KEY unset); `created` on this start. */
  readonly keyFile: { path: string; created: boolean } | null;

  /** `keyRing` seals the stored secrets (secret-box.ts); without one, the key file beside `file` does (created when missing). */
  constructor(file: string, keyRing?: KeyRing) {
    // Opened here first, synchronously, so the folder and the tables exist before the first read.
    this.db = openDatabase(file);
    let ring = keyRing;
    this.keyFile = null;
    if (!ring) {
      const keyPath = path.join(path.dirname(file), KEY_FILE_NAME);
      try {
        const loaded = loadOrCreateKeyFile(keyPath);
        ring = loaded.ring;
        this.keyFile = { path: keyPath, created: loaded.created };
      } catch (err) {
        this.db.close();
        const reason = err instanceof KeyRingError ? err.message : `${keyPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
        throw new StartupError(`cannot use the encryption key file (${reason}): restore it from the backup taken with the database, or set TIDINGS_ENCRYPTION_KEY`, { cause: err });
      }
    }
    const box = new SecretBox(ring);
    this.endpoints = endpointMapping(box);
    this.statements = new StatementCache(this.db);
    const stored = (this.stmt('SELECT secrets, delivery_options FROM endpoints').all() as Row[]).map((r) => `${r.secrets} ${r.delivery_options ?? ''}`);
    const missing = box.missingKeyIds(stored);
    if (missing.length > 0) {
      this.db.close();
      throw new StartupError(missingKeysMessage(missing));
    }
    this.writer = new SqliteWriter(file, box.ringText());
  }

  static inDataDir(dataDir: string, keyRing?: KeyRing): SqliteStore {
    return new SqliteStore(path.join(dataDir, 'tidings.sqlite'), keyRing);
  }

  resealSecrets(after: string | null, limit: number): Promise<ResealBatch> {
    return this.writer.call('resealSecrets', after, limit);
  }

  private stmt(sql: string): Database.Statement {
    return this.statements.get(sql);
  }

  async ping(): Promise<void> {
    this.writer.check();
    this.stmt('SELECT 1').get();
  }

  /** Taken rate slots by ID, with when each expires (in memory: see RateSlots). */
  private readonly rateSlots = new Map<string, number>();
  private rateSlotsPrunedAt = 0;

  async takeRateSlot(id: string, expiresAt: Millis): Promise<boolean> {
    const now = Date.now();
    if (now - this.rateSlotsPrunedAt > 10_000) {
      this.rateSlotsPrunedAt = now;
      for (const [slot, until] of this.rateSlots) if (until < now) this.rateSlots.delete(slot);
    }
    if (this.rateSlots.has(id)) return false;
    this.rateSlots.set(id, expiresAt);
    return true;
  }

  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.open) this.db.close();
  }

  async ensureSetting(key: string, value: string): Promise<string> {
    await this.writer.call('ensureSetting', key, value);
    return (await this.getSetting(key))!;
  }

  async getSetting(key: string): Promise<string | null> {
    const row = this.stmt('SELECT value FROM settings WHERE key = ?').get(key) as Row | undefined;
    return row ? row.value : null;
  }

  async createApplication(app: ApplicationRecord, firstKey?: StoredApiKey): Promise<void> {
    await this.writer.call('createApplication', app, firstKey);
  }

  async findApplication(scope: Scope, id: string): Promise<ApplicationRecord | null> {
    const [cond, params] = scoped(scope, 'id');
    const row = this.stmt(`SELECT * FROM applications WHERE id = ? AND ${cond} AND deleted_at IS NULL`).get(id, ...params) as Row | undefined;
    return row ? toApplication(row) : null;
  }

  async findApplications(scope: Scope, ids: readonly string[]): Promise<ApplicationRecord[]> {
    const [cond, params] = scoped(scope, 'id');
    return this.byIds('applications', ids, `${cond} AND deleted_at IS NULL`, params).map(toApplication);
  }

  /** Rows of `table` whose id is one of `ids`, within the scope condition: one query for a whole batch. */
  private byIds(table: string, ids: readonly string[], cond: string, params: unknown[]): Row[] {
    if (ids.length === 0) return [];
    return this.stmt(`SELECT * FROM ${table} WHERE id IN (SELECT value FROM json_each(?)) AND ${cond}`).all(JSON.stringify(ids), ...params) as Row[];
  }

  async createApiKey(key: StoredApiKey): Promise<void> {
    await this.writer.call('createApiKey', key);
  }

  async findApiKeyForAuth(id: string): Promise<StoredApiKey | null> {
    const row = this.stmt('SELECT * FROM api_keys WHERE id = ?').get(id) as Row | undefined;
    return row ? toApiKey(row) : null;
  }

  async findApiKeyByHash(tokenHash: string): Promise<StoredApiKey | null> {
    const row = this.stmt('SELECT * FROM api_keys WHERE token_hash = ?').get(tokenHash) as Row | undefined;
    return row ? toApiKey(row) : null;
  }

  async findApiKey(scope: Scope, id: string): Promise<ApiKeyRecord | null> {
    const [cond, params] = scoped(scope);
    const row = this.stmt(`SELECT * FROM api_keys WHERE id = ? AND ${cond}`).get(id, ...params) as Row | undefined;
    return row ? withoutHash(toApiKey(row)) : null;
  }

  async listApiKeys(scope: Scope, applicationId: string, page: PageArgs): Promise<Page<ApiKeyRecord>> {
    const [cond, params] = scoped(scope);
    const [sql, all] = pageQuery('api_keys', [cond, 'application_id = ?'], [...params, applicationId], page);
    return toPage(this.stmt(sql).all(...all) as Row[], page.first, (r) => withoutHash(toApiKey(r)));
  }

  revokeApiKey(scope: Scope, id: string, now: Millis): Promise<ApiKeyRecord | null> {
    return this.writer.call('revokeApiKey', scope, id, now);
  }

  rotateApiKey(scope: Scope, id: string, next: StoredApiKey, oldEndsAt: Millis): Promise<ApiKeyRecord | null> {
    return this.writer.call('rotateApiKey', scope, id, next, oldEndsAt);
  }

  async touchApiKey(id: string, now: Millis, minIntervalMs: number): Promise<void> {
    await this.writer.call('touchApiKey', id, now, minIntervalMs);
  }

  async createAdminToken(token: StoredAdminToken): Promise<void> {
    await this.writer.call('createAdminToken', token);
  }

  async findAdminToken(id: string): Promise<StoredAdminToken | null> {
    const row = this.stmt('SELECT * FROM admin_tokens WHERE id = ?').get(id) as Row | undefined;
    return row ? toAdminToken(row) : null;
  }

  async listAdminTokens(page: PageArgs): Promise<Page<AdminTokenRecord>> {
    const [sql, all] = pageQuery('admin_tokens', [], [], page);
    return toPage(this.stmt(sql).all(...all) as Row[], page.first, (r) => withoutHash(toAdminToken(r)));
  }

  revokeAdminToken(id: string, now: Millis): Promise<AdminTokenRecord | null> {
    return this.writer.call('revokeAdminToken', id, now);
  }

  async listApplications(scope: Scope, page: PageArgs): Promise<Page<ApplicationRecord>> {
    const [cond, params] = scoped(scope, 'id');
    const [sql, all] = pageQuery('applications', [cond, 'deleted_at IS NULL'], params, page);
    return toPage(this.stmt(sql).all(...all) as Row[], page.first, toApplication);
  }

  updateApplication(id: string, patch: ApplicationPatch): Promise<ApplicationRecord | null> {
    return this.writer.call('updateApplication', id, patch);
  }

  deleteApplication(id: string, now: Millis, reason: string): Promise<DeletedApplication | null> {
    return this.writer.call('deleteApplication', id, now, reason);
  }

  async recordAuditEntry(entry: AuditEntryRecord): Promise<void> {
    await this.writer.call('recordAuditEntry', entry);
  }

  async listAuditEntries(scope: Scope, filter: AuditFilter, page: PageArgs): Promise<Page<AuditEntryRecord>> {
    const [cond, params] = scoped(scope);
    const conditions = [cond];
    const eq = (column: string, value: unknown) => {
      if (value !== undefined) conditions.push(`${column} = ?`), params.push(value);
    };
    eq('application_id', filter.applicationId);
    eq('actor_id', filter.actorId);
    eq('action', filter.action);
    if (filter.since !== undefined) conditions.push('created_at >= ?'), params.push(filter.since);
    if (filter.until !== undefined) conditions.push('created_at < ?'), params.push(filter.until);
    const [sql, all] = pageQuery('audit_log', conditions, params, page);
    return toPage(this.stmt(sql).all(...all) as Row[], page.first, toAuditEntry);
  }

  async createPortalSession(session: StoredPortalSession): Promise<void> {
    await this.writer.call('createPortalSession', session);
  }

  async findPortalSession(id: string): Promise<StoredPortalSession | null> {
    const row = this.stmt('SELECT * FROM portal_sessions WHERE id = ?').get(id) as Row | undefined;
    return row ? toPortalSession(row) : null;
  }

  revokePortalSession(id: string, now: Millis): Promise<PortalSessionRecord | null> {
    return this.writer.call('revokePortalSession', id, now);
  }

  async createEventType(t: EventTypeRecord): Promise<void> {
    await this.writer.call('createEventType', t);
  }

  updateEventType(name: string, patch: EventTypePatch, now: Millis): Promise<EventTypeRecord | null> {
    return this.writer.call('updateEventType', name, patch, now);
  }

  async findEventType(name: string): Promise<EventTypeRecord | null> {
    const row = this.stmt('SELECT * FROM event_types WHERE name = ?').get(name) as Row | undefined;
    return row ? toEventType(row) : null;
  }

  async listEventTypes(includeArchived: boolean): Promise<EventTypeRecord[]> {
    const rows = this.stmt(`SELECT * FROM event_types ${includeArchived ? '' : 'WHERE archived = 0'} ORDER BY name`).all() as Row[];
    return rows.map(toEventType);
  }

  async createEndpoint(e: EndpointRecord): Promise<void> {
    await this.writer.call('createEndpoint', e);
  }

  async findEndpoint(scope: Scope, id: string, options: { includeDeleted?: boolean } = {}): Promise<EndpointRecord | null> {
    const [cond, params] = scoped(scope);
    const deleted = options.includeDeleted ? '' : 'AND deleted_at IS NULL';
    const row = this.stmt(`SELECT * FROM endpoints WHERE id = ? AND ${cond} ${deleted}`).get(id, ...params) as Row | undefined;
    return row ? this.endpoints.toEndpoint(row) : null;
  }

  async findEndpoints(scope: Scope, ids: readonly string[]): Promise<EndpointRecord[]> {
    const [cond, params] = scoped(scope);
    return this.byIds('endpoints', ids, cond, params).map(this.endpoints.toEndpoint);
  }

  async listEndpoints(scope: Scope, page: PageArgs): Promise<Page<EndpointRecord>> {
    const [cond, params] = scoped(scope);
    const [sql, all] = pageQuery('endpoints', [cond, 'deleted_at IS NULL'], params, page);
    return toPage(this.stmt(sql).all(...all) as Row[], page.first, this.endpoints.toEndpoint);
  }

  updateEndpoint(scope: Scope, id: string, patch: EndpointPatch, now: Millis): Promise<EndpointRecord | null> {
    return this.writer.call('updateEndpoint', scope, id, patch, now);
  }

  deleteEndpoint(scope: Scope, id: string, now: Millis, reason: string) {
    return this.writer.call('deleteEndpoint', scope, id, now, reason);
  }

  handOffTo(worker: LocalWorker | null): void {
    this.localWorker = worker;
  }

  publishEvent(event: EventRecord, options: { idempotentSince: Millis }): Promise<PublishResult> {
    return this.handOff(this.writer.call('publishEvent', event, options.idempotentSince, this.localWorker?.share() ?? null));
  }

  publishEvents(events: readonly EventRecord[], options: { idempotentSince: Millis }): Promise<PublishResult[]> {
    return this.handOff(this.writer.call('publishEvents', events, options.idempotentSince, this.localWorker?.share() ?? null));
  }

  /** The deliveries a publish leased go to the worker as soon as the write is committed, before the caller hears of it. */
  private async handOff<R>(published: Promise<Published<R>>): Promise<R> {
    const { results, claimed } = await published;
    if (claimed.length) this.localWorker?.take(claimed);
    return results;
  }

  async findEvent(scope: Scope, id: string): Promise<EventRecord | null> {
    const [cond, params] = scoped(scope);
    const row = this.stmt(`SELECT * FROM events WHERE id = ? AND ${cond}`).get(id, ...params) as Row | undefined;
    return row ? toEvent(row) : null;
  }

  async findEvents(scope: Scope, ids: readonly string[]): Promise<EventRecord[]> {
    const [cond, params] = scoped(scope);
    return this.byIds('events', ids, cond, params).map(toEvent);
  }

  async listEvents(scope: Scope, filter: { type?: string }, page: PageArgs): Promise<Page<EventRecord>> {
    const [cond, params] = scoped(scope);
    const conditions = [cond];
    if (filter.type !== undefined) conditions.push('type = ?'), params.push(filter.type);
    const [sql, all] = pageQuery('events', conditions, params, page);
    return toPage(this.stmt(sql).all(...all) as Row[], page.first, toEvent);
  }

  async findDelivery(scope: Scope, id: string): Promise<DeliveryRecord | null> {
    const [cond, params] = scoped(scope);
    const row = this.stmt(`SELECT * FROM deliveries WHERE id = ? AND ${cond}`).get(id, ...params) as Row | undefined;
    return row ? toDelivery(row) : null;
  }

  async listDeliveries(scope: Scope, filter: DeliveryFilter, page: PageArgs): Promise<Page<DeliveryRecord>> {
    const [cond, params] = scoped(scope);
    const [conditions, filterParams] = deliveryConditions(filter);
    const [sql, all] = pageQuery('deliveries', [cond, ...conditions], [...params, ...filterParams], page);
    return toPage(this.stmt(sql).all(...all) as Row[], page.first, toDelivery);
  }

  async listAttempts(deliveryId: string): Promise<AttemptRecord[]> {
    return (this.stmt('SELECT * FROM attempts WHERE delivery_id = ? ORDER BY number').all(deliveryId) as Row[]).map(toAttempt);
  }

  async listAttemptsOf(deliveryIds: readonly string[]): Promise<AttemptRecord[]> {
    if (deliveryIds.length === 0) return [];
    const rows = this.stmt('SELECT * FROM attempts WHERE delivery_id IN (SELECT value FROM json_each(?)) ORDER BY delivery_id, number').all(JSON.stringify(deliveryIds)) as Row[];
    return rows.map(toAttempt);
  }

  requeueDelivery(scope: Scope, id: string, now: Millis): Promise<DeliveryRecord | null> {
    return this.writer.call('requeueDelivery', scope, id, now);
  }

  claimDue(options: ClaimOptions): Promise<ClaimedDelivery[]> {
    return this.writer.call('claimDue', options);
  }

  recordAttempt(claim: Pick<ClaimedDelivery, 'delivery' | 'leaseToken'>, outcome: AttemptOutcome, now: Millis): Promise<DeliveryRecord | null> {
    return this.writer.call('recordAttempt', claim.delivery.id, claim.leaseToken, outcome, now);
  }

  recordHealth(endpointId: string, input: HealthInput, now: Millis, settings: HealthSettings): Promise<HealthChange | null> {
    return this.writer.call('recordHealth', endpointId, input, now, settings);
  }

  sweep(options: SweepOptions): Promise<SweepResult> {
    return this.writer.call('sweep', options.now, options.now - options.retentionMs);
  }

  async readStats(scope: Scope, query: StatsQuery): Promise<Map<Millis, StatsTotals>> {
    return readStats((sql) => this.stmt(sql), scope, query);
  }

  async readBacklog(scope: Scope, filter: { applicationId?: string; endpointId?: string }): Promise<BacklogCounts> {
    return readBacklog((sql) => this.stmt(sql), scope, filter);
  }

  async createBulkJob(job: BulkJobRecord): Promise<void> {
    await this.writer.call('createBulkJob', job);
  }

  async findBulkJob(scope: Scope, id: string): Promise<BulkJobRecord | null> {
    const [cond, params] = scoped(scope);
    const row = this.stmt(`SELECT * FROM bulk_jobs WHERE id = ? AND ${cond}`).get(id, ...params) as Row | undefined;
    return row ? toBulkJob(row) : null;
  }

  async listBulkJobs(scope: Scope, page: PageArgs): Promise<Page<BulkJobRecord>> {
    const [cond, params] = scoped(scope);
    const [sql, all] = pageQuery('bulk_jobs', [cond], params, page);
    return toPage(this.stmt(sql).all(...all) as Row[], page.first, toBulkJob);
  }

  cancelBulkJob(scope: Scope, id: string, now: Millis): Promise<BulkJobRecord | null> {
    return this.writer.call('cancelBulkJob', scope, id, now);
  }

  claimBulkJob(now: Millis, leaseMs: number): Promise<ClaimedBulkJob | null> {
    return this.writer.call('claimBulkJob', now, leaseMs);
  }

  runBulkJobBatch(claim: Pick<ClaimedBulkJob, 'job' | 'leaseToken'>, options: { now: Millis; limit: number; leaseMs: number }): Promise<BulkJobStep | null> {
    return this.writer.call('runBulkJobBatch', claim.job.id, claim.leaseToken, options.now, options.limit, options.leaseMs);
  }
}

import path from 'node:path';
import type Database from 'better-sqlite3';
import type {
  ApplicationRecord, AttemptOutcome, AttemptRecord, DeliveryFilter, DeliveryRecord, EndpointRecord, EventRecord, EventTypeRecord, Millis, PortalSessionRecord, Scope,
} from '../../domain/records.js';
import type { HealthInput, HealthSettings } from '../../domain/health.js';
import type {
  BacklogCounts, BulkJobStep, ClaimOptions, HealthChange, ClaimedDelivery, EndpointPatch, StatsQuery, EventTypePatch, NewApplication, Page, PageArgs, PublishResult, Store, StoredPortalSession, SweepOptions, SweepResult,
} from '../ports.js';
import { openDatabase, StatementCache } from './connection.js';
import { deliveryConditions, pageQuery, scoped, toApplication, toBulkJob, toAttempt, toDelivery, toEndpoint, toEvent, toEventType, toPage, toPortalSession, type Row } from './rows.js';
import { SqliteWriter } from './writer.js';
import { readBacklog, readStats } from './stats.js';
import type { StatsTotals } from '../../domain/stats.js';
import type { BulkJobRecord, ClaimedBulkJob } from '../../domain/bulk-jobs.js';

/**
 * The embedded store: one SQLite file. Reads run here on their own connection; writes go to the
 * writer thread (writes.ts), which commits them in batches with an fsync each, and resolve once
 * committed. In WAL mode a read sees every write that has resolved.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements: StatementCache;
  private readonly writer: SqliteWriter;

  constructor(file: string) {
    // Opened here first, synchronously, so the tables exist before the first read.
    this.db = openDatabase(file);
    this.statements = new StatementCache(this.db);
    this.writer = new SqliteWriter(file);
  }

  static inDataDir(dataDir: string): SqliteStore {
    return new SqliteStore(path.join(dataDir, 'tidings.sqlite'));
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

  async createApplication(app: NewApplication): Promise<void> {
    await this.writer.call('createApplication', app);
  }

  async findApplication(scope: Scope, id: string): Promise<ApplicationRecord | null> {
    const [cond, params] = scoped(scope, 'id');
    const row = this.stmt(`SELECT * FROM applications WHERE id = ? AND ${cond}`).get(id, ...params) as Row | undefined;
    return row ? toApplication(row) : null;
  }

  async findApplications(scope: Scope, ids: readonly string[]): Promise<ApplicationRecord[]> {
    const [cond, params] = scoped(scope, 'id');
    return this.byIds('applications', ids, cond, params).map(toApplication);
  }

  /** Rows of `table` whose id is one of `ids`, within the scope condition: one query for a whole batch. */
  private byIds(table: string, ids: readonly string[], cond: string, params: unknown[]): Row[] {
    if (ids.length === 0) return [];
    return this.stmt(`SELECT * FROM ${table} WHERE id IN (SELECT value FROM json_each(?)) AND ${cond}`).all(JSON.stringify(ids), ...params) as Row[];
  }

  async findApplicationByKeyHash(apiKeyHash: string): Promise<ApplicationRecord | null> {
    const row = this.stmt('SELECT * FROM applications WHERE api_key_hash = ?').get(apiKeyHash) as Row | undefined;
    return row ? toApplication(row) : null;
  }

  async listApplications(scope: Scope, page: PageArgs): Promise<Page<ApplicationRecord>> {
    const [cond, params] = scoped(scope, 'id');
    const [sql, all] = pageQuery('applications', [cond], params, page);
    return toPage(this.stmt(sql).all(...all) as Row[], page.first, toApplication);
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
    return row ? toEndpoint(row) : null;
  }

  async findEndpoints(scope: Scope, ids: readonly string[]): Promise<EndpointRecord[]> {
    const [cond, params] = scoped(scope);
    return this.byIds('endpoints', ids, cond, params).map(toEndpoint);
  }

  async listEndpoints(scope: Scope, page: PageArgs): Promise<Page<EndpointRecord>> {
    const [cond, params] = scoped(scope);
    const [sql, all] = pageQuery('endpoints', [cond, 'deleted_at IS NULL'], params, page);
    return toPage(this.stmt(sql).all(...all) as Row[], page.first, toEndpoint);
  }

  updateEndpoint(scope: Scope, id: string, patch: EndpointPatch, now: Millis): Promise<EndpointRecord | null> {
    return this.writer.call('updateEndpoint', scope, id, patch, now);
  }

  deleteEndpoint(scope: Scope, id: string, now: Millis, reason: string) {
    return this.writer.call('deleteEndpoint', scope, id, now, reason);
  }

  publishEvent(event: EventRecord, options: { idempotentSince: Millis }): Promise<PublishResult> {
    return this.writer.call('publishEvent', event, options.idempotentSince);
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

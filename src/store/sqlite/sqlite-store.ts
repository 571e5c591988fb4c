import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { ConflictError } from '../../errors.js';
import { matchesEventType } from '../../event-type-patterns.js';
import type {
  ApplicationRecord, AttemptOutcome, AttemptRecord, ClaimOptions, ClaimedDelivery, DeliveryFilter, DeliveryRecord,
  EndpointPatch, EndpointRecord, EventRecord, EventTypePatch, EventTypeRecord, Millis, NewApplication, Page, PageArgs,
  PublishResult, Scope, Store, SweepOptions, SweepResult,
} from '../types.js';
import { EndpointSlots } from '../endpoint-slots.js';
import { SCHEMA } from './schema.sql.js';

type Row = Record<string, any>;

const toApplication = (r: Row): ApplicationRecord => ({ id: r.id, name: r.name, createdAt: r.created_at });

const toEventType = (r: Row): EventTypeRecord => ({
  name: r.name,
  description: r.description,
  schema: r.schema === null ? null : JSON.parse(r.schema),
  archived: r.archived === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toEndpoint = (r: Row): EndpointRecord => ({
  id: r.id,
  applicationId: r.application_id,
  url: r.url,
  description: r.description,
  eventTypes: JSON.parse(r.event_types),
  enabled: r.enabled === 1,
  secrets: JSON.parse(r.secrets),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

const toEvent = (r: Row): EventRecord => ({
  id: r.id,
  applicationId: r.application_id,
  type: r.type,
  payload: r.payload,
  idempotencyKey: r.idempotency_key,
  createdAt: r.created_at,
});

const toDelivery = (r: Row): DeliveryRecord => ({
  id: r.id,
  applicationId: r.application_id,
  eventId: r.event_id,
  endpointId: r.endpoint_id,
  eventType: r.event_type,
  status: r.status,
  attemptCount: r.attempt_count,
  nextAttemptAt: r.next_attempt_at,
  lastAttemptAt: r.last_attempt_at,
  failureReason: r.failure_reason,
  manualRetry: r.manual_retry === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toAttempt = (r: Row): AttemptRecord => ({
  deliveryId: r.delivery_id,
  number: r.number,
  startedAt: r.started_at,
  durationMs: r.duration_ms,
  success: r.success === 1,
  responseStatus: r.response_status,
  responseBody: r.response_body,
  error: r.error,
});

/**
 * How long the first write of a batch waits for others to join its commit. An fsync blocks the
 * process for 2-3 ms here; a millisecond of waiting lets the requests that arrived meanwhile share it.
 */
const COMMIT_DELAY_MS = 1;

/**
 * Due rows one claim looks at, oldest first. Due work further back waits until what is in front
 * of it is claimed; it only matters when more than this many due rows belong to endpoints whose
 * share is full.
 */
const CLAIM_SCAN_ROWS = 2048;

/** SQL condition and parameters restricting rows to the scope's application. */
function scoped(scope: Scope, column = 'application_id'): [string, unknown[]] {
  return scope.kind === 'admin' ? ['1 = 1', []] : [`${column} = ?`, [scope.applicationId]];
}

/** Newest-first keyset page: `conditions` are ANDed, then `id < after`, one extra row tells hasNextPage. */
function pageQuery(table: string, conditions: string[], params: unknown[], page: PageArgs): [string, unknown[]] {
  const where = [...conditions];
  const all = [...params];
  if (page.after) {
    where.push('id < ?');
    all.push(page.after);
  }
  return [`SELECT * FROM ${table} WHERE ${where.join(' AND ') || '1 = 1'} ORDER BY id DESC LIMIT ?`, [...all, page.first + 1]];
}

function toPage<T>(rows: Row[], first: number, map: (r: Row) => T): Page<T> {
  return { items: rows.slice(0, first).map(map), hasNextPage: rows.length > first };
}

/** The embedded store: one SQLite file, WAL journal, fsync on every commit (synchronous=FULL). */
export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: a publishEvent that returned is on disk even if the machine loses power right after.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  static inDataDir(dataDir: string): SqliteStore {
    return new SqliteStore(path.join(dataDir, 'tidings.sqlite'));
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared statements are reused: preparing costs more than running most of these queries. */
  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // Dynamic SQL (IN lists) varies in shape; keep the cache bounded all the same.
      if (this.statements.size > 1000) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private queue: { run: () => unknown; resolve: (value: any) => void; reject: (err: unknown) => void }[] = [];
  private flushScheduled = false;

  /**
   * Group commit: writes issued in the same turn of the event loop share one transaction and so
   * one fsync (2-3 ms here), instead of blocking the process for an fsync each. Each write runs in
   * its own savepoint, so one that throws is rolled back alone; none resolves before the commit.
   */
  private write<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setTimeout(() => this.flush(), COMMIT_DELAY_MS);
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    const results: { ok: boolean; value: unknown }[] = [];
    try {
      this.db.transaction(() => {
        for (const op of batch) {
          try {
            results.push({ ok: true, value: this.db.transaction(op.run)() });
          } catch (err) {
            results.push({ ok: false, value: err });
          }
        }
      }).immediate();
    } catch (err) {
      for (const op of batch) op.reject(err);
      return;
    }
    batch.forEach((op, i) => (results[i]!.ok ? op.resolve(results[i]!.value) : op.reject(results[i]!.value)));
  }

  async ping(): Promise<void> {
    this.stmt('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.queue.length) this.flush();
    if (this.db.open) this.db.close();
  }

  async ensureSetting(key: string, value: string): Promise<string> {
    await this.write(() => this.stmt('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(key, value));
    return (await this.getSetting(key))!;
  }

  async getSetting(key: string): Promise<string | null> {
    const row = this.stmt('SELECT value FROM settings WHERE key = ?').get(key) as Row | undefined;
    return row ? row.value : null;
  }

  async createApplication(app: NewApplication): Promise<void> {
    await this.write(() =>
      this.stmt('INSERT INTO applications (id, name, api_key_hash, created_at) VALUES (?, ?, ?, ?)').run(app.id, app.name, app.apiKeyHash, app.createdAt),
    );
  }

  async findApplication(scope: Scope, id: string): Promise<ApplicationRecord | null> {
    const [cond, params] = scoped(scope, 'id');
    const row = this.stmt(`SELECT * FROM applications WHERE id = ? AND ${cond}`).get(id, ...params) as Row | undefined;
    return row ? toApplication(row) : null;
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

  async createEventType(t: EventTypeRecord): Promise<void> {
    const result = await this.write(() => this.stmt(
        `INSERT INTO event_types (name, description, schema, archived, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING`,
      )
      .run(t.name, t.description, t.schema == null ? null : JSON.stringify(t.schema), t.archived ? 1 : 0, t.createdAt, t.updatedAt));
    if (result.changes === 0) throw new ConflictError(`event type "${t.name}" already exists`);
  }

  async updateEventType(name: string, patch: EventTypePatch, now: Millis): Promise<EventTypeRecord | null> {
    const sets: string[] = ['updated_at = ?'];
    const params: unknown[] = [now];
    if (patch.description !== undefined) sets.push('description = ?'), params.push(patch.description);
    if (patch.schema !== undefined) sets.push('schema = ?'), params.push(patch.schema === null ? null : JSON.stringify(patch.schema));
    if (patch.archived !== undefined) sets.push('archived = ?'), params.push(patch.archived ? 1 : 0);
    const row = await this.write(() => this.stmt(`UPDATE event_types SET ${sets.join(', ')} WHERE name = ? RETURNING *`).get(...params, name) as Row | undefined);
    return row ? toEventType(row) : null;
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
    await this.write(() => this.stmt(
        `INSERT INTO endpoints (id, application_id, url, description, event_types, enabled, secrets, created_at, updated_at, deleted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.id, e.applicationId, e.url, e.description, JSON.stringify(e.eventTypes), e.enabled ? 1 : 0, JSON.stringify(e.secrets), e.createdAt, e.updatedAt, e.deletedAt));
  }

  async findEndpoint(scope: Scope, id: string, options: { includeDeleted?: boolean } = {}): Promise<EndpointRecord | null> {
    const [cond, params] = scoped(scope);
    const deleted = options.includeDeleted ? '' : 'AND deleted_at IS NULL';
    const row = this.stmt(`SELECT * FROM endpoints WHERE id = ? AND ${cond} ${deleted}`).get(id, ...params) as Row | undefined;
    return row ? toEndpoint(row) : null;
  }

  async listEndpoints(scope: Scope, page: PageArgs): Promise<Page<EndpointRecord>> {
    const [cond, params] = scoped(scope);
    const [sql, all] = pageQuery('endpoints', [cond, 'deleted_at IS NULL'], params, page);
    return toPage(this.stmt(sql).all(...all) as Row[], page.first, toEndpoint);
  }

  async updateEndpoint(scope: Scope, id: string, patch: EndpointPatch, now: Millis): Promise<EndpointRecord | null> {
    const sets: string[] = ['updated_at = ?'];
    const params: unknown[] = [now];
    if (patch.url !== undefined) sets.push('url = ?'), params.push(patch.url);
    if (patch.description !== undefined) sets.push('description = ?'), params.push(patch.description);
    if (patch.eventTypes !== undefined) sets.push('event_types = ?'), params.push(JSON.stringify(patch.eventTypes));
    if (patch.enabled !== undefined) sets.push('enabled = ?'), params.push(patch.enabled ? 1 : 0);
    if (patch.secrets !== undefined) sets.push('secrets = ?'), params.push(JSON.stringify(patch.secrets));
    const [cond, scopeParams] = scoped(scope);
    const row = await this.write(() => this.stmt(`UPDATE endpoints SET ${sets.join(', ')} WHERE id = ? AND ${cond} AND deleted_at IS NULL RETURNING *`)
      .get(...params, id, ...scopeParams) as Row | undefined);
    return row ? toEndpoint(row) : null;
  }

  async deleteEndpoint(scope: Scope, id: string, now: Millis, reason: string) {
    const [cond, params] = scoped(scope);
    return this.write(() => {
      const row = this.stmt(`UPDATE endpoints SET deleted_at = ?, updated_at = ?, enabled = 0 WHERE id = ? AND ${cond} AND deleted_at IS NULL RETURNING *`)
        .get(now, now, id, ...params) as Row | undefined;
      if (!row) return null;
      const cancelled = this.stmt(
          `UPDATE deliveries SET status = 'FAILED', failure_reason = ?, run_at = NULL, next_attempt_at = NULL, updated_at = ?
           WHERE endpoint_id = ? AND status IN ('PENDING', 'RETRYING') RETURNING *`,
        )
        .all(reason, now, id) as Row[];
      return { endpoint: toEndpoint(row), cancelled: cancelled.map(toDelivery) };
    });
  }

  async publishEvent(event: EventRecord, options: { idempotentSince: Millis; newDeliveryId: () => string }): Promise<PublishResult> {
    return this.write((): PublishResult => {
      if (event.idempotencyKey !== null) {
        const earlier = this.stmt('SELECT * FROM events WHERE application_id = ? AND idempotency_key = ? AND created_at >= ? ORDER BY id LIMIT 1')
          .get(event.applicationId, event.idempotencyKey, options.idempotentSince) as Row | undefined;
        if (earlier) {
          const deliveries = this.stmt('SELECT * FROM deliveries WHERE event_id = ? ORDER BY id').all(earlier.id) as Row[];
          return { event: toEvent(earlier), deliveries: deliveries.map(toDelivery), created: false };
        }
      }
      this.stmt('INSERT INTO events (id, application_id, type, payload, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(event.id, event.applicationId, event.type, event.payload, event.idempotencyKey, event.createdAt);
      const endpoints = (this.stmt('SELECT * FROM endpoints WHERE application_id = ? AND enabled = 1 AND deleted_at IS NULL ORDER BY id')
        .all(event.applicationId) as Row[]).map(toEndpoint);
      const insert = this.stmt(
        `INSERT INTO deliveries (id, application_id, event_id, endpoint_id, event_type, status, attempt_count, next_attempt_at,
           run_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?) RETURNING *`,
      );
      const deliveries = endpoints
        .filter((endpoint) => matchesEventType(endpoint.eventTypes, event.type))
        .map((endpoint) =>
          toDelivery(insert.get(options.newDeliveryId(), event.applicationId, event.id, endpoint.id, event.type,
            event.createdAt, event.createdAt, event.createdAt, event.createdAt) as Row),
        );
      return { event, deliveries, created: true };
    });
  }

  async findEvent(scope: Scope, id: string): Promise<EventRecord | null> {
    const [cond, params] = scoped(scope);
    const row = this.stmt(`SELECT * FROM events WHERE id = ? AND ${cond}`).get(id, ...params) as Row | undefined;
    return row ? toEvent(row) : null;
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
    const conditions = [cond];
    const eq = (column: string, value: unknown) => {
      if (value !== undefined) conditions.push(`${column} = ?`), params.push(value);
    };
    eq('application_id', filter.applicationId);
    eq('endpoint_id', filter.endpointId);
    eq('event_id', filter.eventId);
    eq('event_type', filter.eventType);
    if (filter.status !== undefined) {
      conditions.push(`status IN (${filter.status.map(() => '?').join(', ') || 'NULL'})`);
      params.push(...filter.status);
    }
    if (filter.since !== undefined) conditions.push('created_at >= ?'), params.push(filter.since);
    if (filter.until !== undefined) conditions.push('created_at < ?'), params.push(filter.until);
    const [sql, all] = pageQuery('deliveries', conditions, params, page);
    return toPage(this.stmt(sql).all(...all) as Row[], page.first, toDelivery);
  }

  async listAttempts(deliveryId: string): Promise<AttemptRecord[]> {
    return (this.stmt('SELECT * FROM attempts WHERE delivery_id = ? ORDER BY number').all(deliveryId) as Row[]).map(toAttempt);
  }

  async requeueDelivery(scope: Scope, id: string, now: Millis): Promise<DeliveryRecord | null> {
    const [cond, params] = scoped(scope, 'd.application_id');
    return this.write(() => {
      const row = this.stmt(`SELECT d.*, e.deleted_at AS endpoint_deleted_at FROM deliveries d JOIN endpoints e ON e.id = d.endpoint_id WHERE d.id = ? AND ${cond}`)
        .get(id, ...params) as Row | undefined;
      if (!row) return null;
      if (row.lease_token !== null && row.run_at !== null && row.run_at > now) {
        throw new ConflictError(`delivery ${id} has an attempt in flight; retry it once that attempt has finished`);
      }
      if (row.endpoint_deleted_at !== null) throw new ConflictError(`delivery ${id} cannot be retried: its endpoint was deleted`);
      const updated = this.stmt(
          `UPDATE deliveries SET status = 'PENDING', manual_retry = 1, failure_reason = NULL, next_attempt_at = ?, run_at = ?,
             lease_token = NULL, updated_at = ? WHERE id = ? RETURNING *`,
        )
        .get(now, now, now, id) as Row;
      return toDelivery(updated);
    });
  }

  async claimDue(options: ClaimOptions): Promise<ClaimedDelivery[]> {
    const { now, limit, leaseMs } = options;
    const slots = new EndpointSlots(options);
    const leaseToken = randomUUID();
    const leaseUntil = now + leaseMs;
    return this.write(() => {
      const rows = this.dueCandidates(now, limit, slots);
      if (rows.length === 0) return [];
      const claim = this.stmt('UPDATE deliveries SET run_at = ?, lease_token = ? WHERE id = ? RETURNING *');
      const findEvent = this.stmt('SELECT * FROM events WHERE id = ?');
      const findEndpoint = this.stmt('SELECT * FROM endpoints WHERE id = ?');
      return rows.map((id) => {
        const delivery = toDelivery(claim.get(leaseUntil, leaseToken, id) as Row);
        return {
          delivery,
          event: toEvent(findEvent.get(delivery.eventId) as Row),
          endpoint: toEndpoint(findEndpoint.get(delivery.endpointId) as Row),
          attemptNumber: delivery.attemptCount + 1,
          leaseToken,
          leaseUntil,
        };
      });
    });
  }

  /**
   * Up to `limit` due delivery IDs, oldest due first, each endpoint within its share. Endpoints with
   * no share left and paused endpoints are left out in the query; when an endpoint's share fills
   * up during the scan, the scan starts again without it. A claim reads at most CLAIM_SCAN_ROWS
   * due rows (index only), so a claim that finds nothing costs the same with any backlog.
   */
  private dueCandidates(now: Millis, limit: number, slots: EndpointSlots): string[] {
    const due = this.stmt(
      `SELECT id, endpoint_id FROM (SELECT id, endpoint_id FROM deliveries WHERE run_at IS NOT NULL AND run_at <= ? ORDER BY run_at LIMIT ?)
       WHERE endpoint_id NOT IN (SELECT value FROM json_each(?))`,
    );
    const paused = (this.stmt('SELECT id FROM endpoints WHERE enabled = 0 AND deleted_at IS NULL').all() as Row[]).map((r) => r.id as string);
    const taken = new Set<string>();
    let excluded = [...slots.saturated(), ...paused];
    scan: for (;;) {
      for (const row of due.iterate(now, CLAIM_SCAN_ROWS, JSON.stringify(excluded)) as Iterable<Row>) {
        if (taken.has(row.id)) continue; // taken before a restart
        if (!slots.take(row.endpoint_id)) {
          excluded = [...excluded, row.endpoint_id];
          continue scan; // leaving the loop closes the iterator
        }
        taken.add(row.id);
        if (taken.size === limit) break scan;
      }
      break;
    }
    return [...taken];
  }

  async recordAttempt(claim: Pick<ClaimedDelivery, 'delivery' | 'leaseToken'>, outcome: AttemptOutcome, now: Millis): Promise<DeliveryRecord | null> {
    const { attempt } = outcome;
    return this.write(() => {
      const current = this.stmt('SELECT status FROM deliveries WHERE id = ? AND lease_token = ?').get(claim.delivery.id, claim.leaseToken) as Row | undefined;
      if (!current) return null;
      // Cancelled while the attempt was in flight (endpoint deleted): a failed attempt cannot revive it.
      const cancelled = current.status === 'FAILED' && !attempt.success;
      const status = cancelled ? 'FAILED' : outcome.status;
      const next = cancelled ? null : outcome.nextAttemptAt;
      const row = this.stmt(
          `UPDATE deliveries SET status = ?, attempt_count = ?, next_attempt_at = ?, last_attempt_at = ?, run_at = ?,
             lease_token = NULL, manual_retry = 0, updated_at = ?
           WHERE id = ? RETURNING *`,
        )
        .get(status, attempt.number, next, attempt.startedAt, next, now, claim.delivery.id) as Row;
      this.stmt(
          `INSERT OR REPLACE INTO attempts (delivery_id, number, started_at, duration_ms, success, response_status, response_body, error)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(attempt.deliveryId, attempt.number, attempt.startedAt, attempt.durationMs, attempt.success ? 1 : 0, attempt.responseStatus, attempt.responseBody, attempt.error);
      return toDelivery(row);
    });
  }

  /** Fan-out is transactional here, so only the retention period needs applying. */
  async sweep(options: SweepOptions): Promise<SweepResult> {
    const cutoff = options.now - options.retentionMs;
    return this.write((): SweepResult => {
      this.stmt('DELETE FROM attempts WHERE delivery_id IN (SELECT id FROM deliveries WHERE created_at < ?)').run(cutoff);
      const purgedDeliveries = this.stmt('DELETE FROM deliveries WHERE created_at < ?').run(cutoff).changes;
      const purgedEvents = this.stmt('DELETE FROM events WHERE created_at < ?').run(cutoff).changes;
      return { created: [], purgedEvents, purgedDeliveries };
    });
  }
}

import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditEntryRecord } from '../../domain/audit.js';
import { afterBatch, type BulkJobRecord, type ClaimedBulkJob } from '../../domain/bulk-jobs.js';
import { EndpointSlots } from '../../domain/endpoint-slots.js';
import { EXPIRED_WHILE_WAITING_REASON } from '../../domain/failure-reasons.js';
import { fanOutTargets, newDelivery } from '../../domain/fan-out.js';
import { trackHealth, type HealthInput, type HealthSettings } from '../../domain/health.js';
import { takeRateSlot } from '../../domain/rate-limit.js';
import { mayClaimInOrder } from '../../domain/ordering.js';
import type { AdminTokenRecord, ApiKeyRecord, ApplicationRecord, AttemptOutcome, DeliveryFilter, DeliveryRecord, EndpointRecord, EventRecord, EventTypeRecord, Millis, PortalSessionRecord, Scope } from '../../domain/records.js';
import { settleOnStored } from '../../domain/settle.js';
import { attemptIncrement, mergeIncrements, publishIncrements, type StatsIncrement } from '../../domain/stats.js';
import { ConflictError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { ApplicationPatch, BulkJobStep, ClaimOptions, DeletedApplication, ClaimedDelivery, EndpointPatch, EventTypePatch, HealthChange, PublishResult, ResealBatch, StoredAdminToken, StoredApiKey, StoredPortalSession, SweepResult } from '../ports.js';
import { StatementCache } from './connection.js';
import { deliveryConditions, scoped, toApplication, toBulkJob, toDelivery, toEvent, endpointMapping, type EndpointMapping, toEventType, toPortalSession, toApiKey, toAdminToken, withoutHash, type Row } from './rows.js';
import { applyStats } from './stats.js';
import type { SecretBox } from '../secret-box.js';
import { endpointNeedsReseal, resealEndpoint } from '../sealed-fields.js';
import { GrantLedger } from './grant-ledger.js';

/**
 * Due rows one claim looks at, oldest first. Due work further back waits until what is in front
 * of it is claimed; it only matters when more than this many due rows belong to endpoints whose
 * share is full.
 */
const CLAIM_SCAN_ROWS = 2048;
/** One endpoint's due work, oldest first, through its own index (deliveries_due_by_endpoint). */
const DUE_OF_ENDPOINT = 'SELECT id, endpoint_id FROM deliveries WHERE endpoint_id = ? AND run_at IS NOT NULL AND run_at <= ? ORDER BY run_at LIMIT ?';

/** A publish's results, and the deliveries it leased to the worker's share (see publishEvents). */
export interface Published<R> { results: R; claimed: ClaimedDelivery[] }

/**
 * Every write of the embedded store. These run in the writer thread (writer-thread.ts), one batch
 * per transaction; each method is synchronous, takes and returns plain data (it crosses threads),
 * and throws ConflictError for a request that conflicts with what is stored.
 */
export class SqliteWrites {
  private readonly stmt: (sql: string) => Database.Statement;
  private readonly endpoints: EndpointMapping;
  private readonly ledger = new GrantLedger();
  /** The statistics increments of the batch runBatch is running (null outside one). */
  private batchStats: StatsIncrement[] | null = null;

  /** `stats: false` leaves the statistics out: only the benchmark's baseline uses it (test/bench/stats.ts). */
  constructor(private readonly db: Database.Database, private readonly box: SecretBox, private readonly options: { stats: boolean } = { stats: true }) {
    const cache = new StatementCache(db);
    this.stmt = (sql) => cache.get(sql);
    this.endpoints = endpointMapping(box);
  }

  /**
   * Runs the operations in one transaction, so they share one fsync; each in its own savepoint, so
   * one that throws is rolled back alone. Throws only when the transaction itself fails. The
   * statistics increments of the operations that succeeded are summed and written once at the end
   * (a group commit of publishes and attempts to one endpoint touches the same few rows).
   */
  runBatch(operations: (() => unknown)[]): { ok: boolean; value: unknown }[] {
    const results: { ok: boolean; value: unknown }[] = [];
    this.db.transaction(() => {
      const stats: StatsIncrement[] = (this.batchStats = []);
      try {
        for (const operation of operations) {
          const before = stats.length;
          try {
            results.push({ ok: true, value: this.db.transaction(operation)() });
          } catch (err) {
            stats.length = before;
            results.push({ ok: false, value: err });
          }
        }
      } finally {
        this.batchStats = null;
      }
      this.addStats(stats);
    }).immediate();
    return results;
  }

  /** The writer thread has applied every write of the batch it took from its queue (both its commits). */
  endBatch(): void {
    this.ledger.endBatch();
  }

  /** Statistics increments, written at once, or at the end of the batch being run. */
  private addStats(increments: readonly StatsIncrement[]): void {
    if (!this.options.stats || increments.length === 0) return;
    if (this.batchStats) this.batchStats.push(...increments);
    else applyStats(this.stmt, mergeIncrements(increments));
  }

  ensureSetting(key: string, value: string): void {
    this.stmt('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(key, value);
  }

  createApplication(app: ApplicationRecord, firstKey?: StoredApiKey): void {
    // api_key_hash is a column of earlier releases, no longer read (migration 009): the first key's ID.
    this.stmt('INSERT INTO applications (id, name, api_key_hash, metadata, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(app.id, app.name, firstKey?.id ?? `none:${app.id}`, JSON.stringify(app.metadata ?? {}), app.createdAt);
    if (firstKey) this.createApiKey(firstKey);
  }

  createApiKey(k: StoredApiKey): void {
    this.stmt(`INSERT INTO api_keys (id, application_id, name, scopes, token_hash, rate_limit, created_at, expires_at, last_used_at, revoked_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(k.id, k.applicationId, k.name, JSON.stringify(k.scopes), k.tokenHash, k.rateLimit, k.createdAt, k.expiresAt, k.lastUsedAt, k.revokedAt);
  }

  private scopedApiKey(scope: Scope, id: string): ApiKeyRecord | null {
    const [cond, params] = scoped(scope);
    const row = this.stmt(`SELECT * FROM api_keys WHERE id = ? AND ${cond}`).get(id, ...params) as Row | undefined;
    return row ? withoutHash(toApiKey(row)) : null;
  }

  revokeApiKey(scope: Scope, id: string, now: Millis): ApiKeyRecord | null {
    const [cond, params] = scoped(scope);
    this.stmt(`UPDATE api_keys SET revoked_at = ? WHERE id = ? AND ${cond} AND (revoked_at IS NULL OR revoked_at > ?)`).run(now, id, ...params, now);
    return this.scopedApiKey(scope, id);
  }

  rotateApiKey(scope: Scope, id: string, next: StoredApiKey, oldEndsAt: Millis): ApiKeyRecord | null {
    const [cond, params] = scoped(scope);
    const ended = this.stmt(`UPDATE api_keys SET revoked_at = ? WHERE id = ? AND ${cond} AND revoked_at IS NULL`).run(oldEndsAt, id, ...params);
    if (ended.changes === 0) return null;
    this.createApiKey(next);
    return this.scopedApiKey(scope, id);
  }

  touchApiKey(id: string, now: Millis, minIntervalMs: number): void {
    this.stmt('UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)').run(now, id, now - minIntervalMs);
  }

  createAdminToken(t: StoredAdminToken): void {
    this.stmt('INSERT INTO admin_tokens (id, name, token_hash, rate_limit, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(t.id, t.name, t.tokenHash, t.rateLimit, t.createdAt, t.revokedAt);
  }

  revokeAdminToken(id: string, now: Millis): AdminTokenRecord | null {
    this.stmt('UPDATE admin_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
    const row = this.stmt('SELECT * FROM admin_tokens WHERE id = ?').get(id) as Row | undefined;
    return row ? withoutHash(toAdminToken(row)) : null;
  }

  updateApplication(id: string, patch: ApplicationPatch): ApplicationRecord | null {
    const sets: string[] = [];
    const params: unknown[] = [];
    if (patch.name !== undefined) sets.push('name = ?'), params.push(patch.name);
    if (patch.metadata !== undefined) sets.push('metadata = ?'), params.push(JSON.stringify(patch.metadata));
    if (sets.length === 0) {
      const row = this.stmt('SELECT * FROM applications WHERE id = ? AND deleted_at IS NULL').get(id) as Row | undefined;
      return row ? toApplication(row) : null;
    }
    const row = this.stmt(`UPDATE applications SET ${sets.join(', ')} WHERE id = ? AND deleted_at IS NULL RETURNING *`).get(...params, id) as Row | undefined;
    return row ? toApplication(row) : null;
  }

  /** The application, its endpoints and its unfinished deliveries, and its open portal sessions, in one transaction. */
  deleteApplication(id: string, now: Millis, reason: string): DeletedApplication | null {
    const row = this.stmt('UPDATE applications SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL RETURNING *').get(now, id) as Row | undefined;
    if (!row) return null;
    const cancelled: DeliveryRecord[] = [];
    for (const e of this.stmt('SELECT id FROM endpoints WHERE application_id = ? AND deleted_at IS NULL').all(id) as Row[]) {
      cancelled.push(...this.deleteEndpoint({ kind: 'admin' }, e.id, now, reason)!.cancelled);
    }
    const revoked = this.stmt('UPDATE portal_sessions SET revoked_at = ? WHERE application_id = ? AND revoked_at IS NULL RETURNING id').all(now, id) as Row[];
    const keys = this.stmt('UPDATE api_keys SET revoked_at = ? WHERE application_id = ? AND (revoked_at IS NULL OR revoked_at > ?) RETURNING id').all(now, id, now) as Row[];
    return { application: toApplication(row), cancelled, revokedSessionIds: revoked.map((r) => r.id as string), revokedKeyIds: keys.map((r) => r.id as string) };
  }

  recordAuditEntry(e: AuditEntryRecord): void {
    this.stmt(
      `INSERT INTO audit_log (id, actor_id, actor_kind, actor_name, action, application_id, target_ids, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(e.id, e.actorId, e.actorKind, e.actorName, e.action, e.applicationId, JSON.stringify(e.targetIds), e.createdAt);
  }

  /**
   * Removes up to `limit` records of a deleted application: deliveries (with their attempts) first,
   * then events; once both are gone, its endpoints, statistics, portal sessions and the application
   * row. Returns how many deliveries and events were removed (`removed < limit` means it is all gone).
   */
  private purgeApplication(applicationId: string, limit: number): number {
    const batch = `SELECT id FROM deliveries WHERE application_id = ? ORDER BY id LIMIT ?`;
    this.stmt(`DELETE FROM attempts WHERE delivery_id IN (${batch})`).run(applicationId, limit);
    let removed = this.stmt(`DELETE FROM deliveries WHERE id IN (${batch})`).run(applicationId, limit).changes;
    if (removed < limit) {
      removed += this.stmt('DELETE FROM events WHERE id IN (SELECT id FROM events WHERE application_id = ? ORDER BY id LIMIT ?)').run(applicationId, limit - removed).changes;
    }
    if (removed < limit) {
      this.stmt('DELETE FROM endpoints WHERE application_id = ?').run(applicationId);
      this.stmt('DELETE FROM delivery_stats WHERE application_id = ?').run(applicationId);
      this.stmt('DELETE FROM delivery_stats_cells WHERE application_id = ?').run(applicationId);
      this.stmt('DELETE FROM portal_sessions WHERE application_id = ?').run(applicationId);
      this.stmt('DELETE FROM api_keys WHERE application_id = ?').run(applicationId);
      this.stmt('DELETE FROM applications WHERE id = ? AND deleted_at IS NOT NULL').run(applicationId);
    }
    return removed;
  }

  /** One batch of rotate-encryption-key: endpoints after `after` in ID order, each rewritten only if its secret fields are unchanged since read. */
  resealSecrets(after: string | null, limit: number): ResealBatch {
    const box = this.box;
    const rows = this.stmt('SELECT id, secrets, delivery_options FROM endpoints WHERE id > ? ORDER BY id LIMIT ?').all(after ?? '', limit) as Row[];
    const update = this.stmt('UPDATE endpoints SET secrets = ?, delivery_options = ? WHERE id = ? AND secrets = ? AND delivery_options IS ?');
    let resealed = 0;
    for (const r of rows) {
      const secrets = JSON.parse(r.secrets);
      const delivery = r.delivery_options ? JSON.parse(r.delivery_options) : {};
      if (!endpointNeedsReseal(box, secrets, delivery)) continue;
      const sealed = resealEndpoint(box, r.id, secrets, delivery);
      resealed += update.run(JSON.stringify(sealed.secrets), JSON.stringify(sealed.delivery), r.id, r.secrets, r.delivery_options).changes;
    }
    return { walked: rows.length, resealed, last: rows.at(-1)?.id ?? null };
  }

  createPortalSession(s: StoredPortalSession): void {
    this.stmt('INSERT INTO portal_sessions (id, application_id, token_hash, expires_at, revoked_at, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(s.id, s.applicationId, s.tokenHash, s.expiresAt, s.revokedAt, s.createdAt);
  }

  revokePortalSession(id: string, now: Millis): PortalSessionRecord | null {
    this.stmt('UPDATE portal_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
    const row = this.stmt('SELECT * FROM portal_sessions WHERE id = ?').get(id) as Row | undefined;
    if (!row) return null;
    const { tokenHash: _hash, ...session } = toPortalSession(row);
    return session;
  }

  createEventType(t: EventTypeRecord): void {
    const result = this.stmt(
      `INSERT INTO event_types (name, description, schema, examples, archived, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING`,
    ).run(t.name, t.description, t.schema == null ? null : JSON.stringify(t.schema), JSON.stringify(t.examples), t.archived ? 1 : 0, t.createdAt, t.updatedAt);
    if (result.changes === 0) throw new ConflictError(`event type "${t.name}" already exists`);
  }

  updateEventType(name: string, patch: EventTypePatch, now: Millis): EventTypeRecord | null {
    const sets: string[] = ['updated_at = ?'];
    const params: unknown[] = [now];
    if (patch.description !== undefined) sets.push('description = ?'), params.push(patch.description);
    if (patch.schema !== undefined) sets.push('schema = ?'), params.push(patch.schema === null ? null : JSON.stringify(patch.schema));
    if (patch.archived !== undefined) sets.push('archived = ?'), params.push(patch.archived ? 1 : 0);
    if (patch.examples !== undefined) sets.push('examples = ?'), params.push(JSON.stringify(patch.examples));
    const row = this.stmt(`UPDATE event_types SET ${sets.join(', ')} WHERE name = ? RETURNING *`).get(...params, name) as Row | undefined;
    return row ? toEventType(row) : null;
  }

  createEndpoint(e: EndpointRecord): void {
    this.stmt(
      `INSERT INTO endpoints (id, application_id, url, description, event_types, enabled, secrets, delivery_options, created_at, updated_at, deleted_at,
         timeout_ms, retry_schedule, health, rate_limit, ordering)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(e.id, e.applicationId, e.url, e.description, JSON.stringify(e.eventTypes), e.enabled ? 1 : 0, this.endpoints.secretsColumn(e.id, e.secrets), this.endpoints.deliveryColumn(e.id, e.delivery), e.createdAt, e.updatedAt, e.deletedAt,
      e.timeoutMs, e.retryScheduleMs === null ? null : JSON.stringify(e.retryScheduleMs), JSON.stringify(e.health), e.rateLimitPerSecond, e.ordering);
  }

  updateEndpoint(scope: Scope, id: string, patch: EndpointPatch, now: Millis): EndpointRecord | null {
    const sets: string[] = ['updated_at = ?'];
    const params: unknown[] = [now];
    if (patch.url !== undefined) sets.push('url = ?'), params.push(patch.url);
    if (patch.description !== undefined) sets.push('description = ?'), params.push(patch.description);
    if (patch.eventTypes !== undefined) sets.push('event_types = ?'), params.push(JSON.stringify(patch.eventTypes));
    if (patch.enabled !== undefined) sets.push('enabled = ?'), params.push(patch.enabled ? 1 : 0);
    if (patch.secrets !== undefined) sets.push('secrets = ?'), params.push(this.endpoints.secretsColumn(id, patch.secrets));
    if (patch.delivery !== undefined) sets.push('delivery_options = ?'), params.push(this.endpoints.deliveryColumn(id, patch.delivery));
    if (patch.timeoutMs !== undefined) sets.push('timeout_ms = ?'), params.push(patch.timeoutMs);
    if (patch.rateLimitPerSecond !== undefined) sets.push('rate_limit = ?'), params.push(patch.rateLimitPerSecond);
    if (patch.ordering !== undefined) sets.push('ordering = ?'), params.push(patch.ordering);
    if (patch.retryScheduleMs !== undefined) sets.push('retry_schedule = ?'), params.push(patch.retryScheduleMs === null ? null : JSON.stringify(patch.retryScheduleMs));
    if (patch.health !== undefined) {
      sets.push('health = ?'), params.push(JSON.stringify(patch.health));
      if (patch.health.state !== 'CIRCUIT_OPEN') sets.push('circuit_until = NULL');
    }
    const [cond, scopeParams] = scoped(scope);
    const row = this.stmt(`UPDATE endpoints SET ${sets.join(', ')} WHERE id = ? AND ${cond} AND deleted_at IS NULL RETURNING *`)
      .get(...params, id, ...scopeParams) as Row | undefined;
    if (row && patch.health !== undefined && patch.health.state !== 'CIRCUIT_OPEN') {
      // Deliveries held back by a circuit that is now closed are due again when the schedule says.
      this.stmt('UPDATE deliveries SET run_at = next_attempt_at WHERE endpoint_id = ? AND run_at > next_attempt_at AND lease_token IS NULL').run(id);
    }
    return row ? this.endpoints.toEndpoint(row) : null;
  }

  deleteEndpoint(scope: Scope, id: string, now: Millis, reason: string): { endpoint: EndpointRecord; cancelled: DeliveryRecord[] } | null {
    const [cond, params] = scoped(scope);
    const row = this.stmt(`UPDATE endpoints SET deleted_at = ?, updated_at = ?, enabled = 0 WHERE id = ? AND ${cond} AND deleted_at IS NULL RETURNING *`)
      .get(now, now, id, ...params) as Row | undefined;
    if (!row) return null;
    const cancelled = this.stmt(
      `UPDATE deliveries SET status = 'FAILED', failure_reason = ?, run_at = NULL, next_attempt_at = NULL, updated_at = ?
       WHERE endpoint_id = ? AND status IN ('PENDING', 'RETRYING') RETURNING *`,
    ).all(reason, now, id) as Row[];
    return { endpoint: this.endpoints.toEndpoint(row), cancelled: cancelled.map(toDelivery) };
  }

  publishEvent(event: EventRecord, idempotentSince: Millis, share: ClaimOptions | null = null): Published<PublishResult> {
    const { results, claimed } = this.publishEvents([event], idempotentSince, share);
    return { results: results[0]!, claimed };
  }

  /**
   * The events in order, each with its deliveries (or the earlier event its idempotency key names,
   * an earlier one of this batch included), in the one transaction this write runs in. With a
   * worker's share, deliveries it may attempt at once are leased to it in the same write (directLease).
   */
  publishEvents(events: readonly EventRecord[], idempotentSince: Millis, share: ClaimOptions | null = null): Published<PublishResult[]> {
    const findEarlier = this.stmt('SELECT * FROM events WHERE application_id = ? AND idempotency_key = ? AND created_at >= ? ORDER BY id LIMIT 1');
    const deliveriesOf = this.stmt('SELECT * FROM deliveries WHERE event_id = ? ORDER BY id');
    const insertEvent = this.stmt('INSERT INTO events (id, application_id, type, payload, channels, test_endpoint_id, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const endpointsOf = this.stmt('SELECT * FROM endpoints WHERE application_id = ? AND deleted_at IS NULL ORDER BY id');
    const insertDelivery = this.stmt(
      `INSERT INTO deliveries (id, application_id, event_id, endpoint_id, event_type, status, attempt_count, next_attempt_at,
         run_at, lease_token, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Endpoints are read once per application of the batch: nothing else writes during this transaction.
    const endpoints = new Map<string, EndpointRecord[]>();
    const increments: StatsIncrement[] = [];
    const claimed: ClaimedDelivery[] = [];
    const lease = share && this.directLease(share, claimed);
    const results = events.map((event): PublishResult => {
      if (event.idempotencyKey !== null) {
        const earlier = findEarlier.get(event.applicationId, event.idempotencyKey, idempotentSince) as Row | undefined;
        if (earlier) return { event: toEvent(earlier), deliveries: (deliveriesOf.all(earlier.id) as Row[]).map(toDelivery), created: false };
      }
      let candidates = endpoints.get(event.applicationId);
      if (!candidates) endpoints.set(event.applicationId, (candidates = (endpointsOf.all(event.applicationId) as Row[]).map(this.endpoints.toEndpoint)));
      const targets = fanOutTargets(candidates, event);
      // A test event exists for its one delivery: once its endpoint is gone, nothing is stored.
      if (event.testEndpointId && targets.length === 0) return { event, deliveries: [], created: false };
      insertEvent.run(event.id, event.applicationId, event.type, event.payload, JSON.stringify(event.channels), event.testEndpointId, event.idempotencyKey, event.createdAt);
      const deliveries = targets.map((endpoint) => {
        const d = newDelivery(newId('Delivery', event.createdAt), event, endpoint.id);
        const leased = lease?.take(endpoint);
        insertDelivery.run(d.id, d.applicationId, d.eventId, d.endpointId, d.eventType, d.status, d.attemptCount, d.nextAttemptAt,
          leased ? lease!.until : d.nextAttemptAt, leased ? lease!.token : null, d.createdAt, d.updatedAt);
        if (leased) claimed.push({ delivery: d, event, endpoint, attemptNumber: 1, leaseToken: lease!.token, leaseUntil: lease!.until });
        return d;
      });
      increments.push(...publishIncrements(event, deliveries));
      return { event, deliveries, created: true };
    });
    this.addStats(increments);
    if (lease) this.ledger.grant(share!, lease.token, lease.until, claimed.map((c) => c.endpoint.id));
    return { results, claimed };
  }

  /**
   * Which deliveries a publish leases to the worker: those of endpoints taking plain parallel
   * delivery (enabled, not FIFO, no rate limit, circuit closed) with a slot free in the worker's
   * share. Work of the endpoint that is already due goes first, oldest first (claimDue's rule), into
   * `claimed`; fresh deliveries get what slots are left, and none once anything of it still waits.
   */
  private directLease(share: ClaimOptions, claimed: ClaimedDelivery[]): { token: string; until: Millis; take(endpoint: EndpointRecord): boolean } | null {
    const options = this.ledger.account(share);
    if (options.limit <= 0) return null;
    const slots = new EndpointSlots(options);
    const token = randomUUID();
    const until = options.now + options.leaseMs;
    const due = this.stmt(DUE_OF_ENDPOINT);
    // Per endpoint, decided at its first delivery of the batch: once one waits, the rest of the batch waits behind it.
    const open = new Map<string, boolean>();
    let left = options.limit;
    const lease = (ids: string[]) => this.lease(ids, token, until);
    return {
      token,
      until,
      take(endpoint) {
        let ok = open.get(endpoint.id);
        if (ok === undefined) {
          ok = endpoint.enabled && endpoint.ordering === 'PARALLEL' && endpoint.rateLimitPerSecond === null && endpoint.health.state !== 'CIRCUIT_OPEN';
          // With no slot free nothing is leased, so the due work is not read (at saturation, most publishes).
          const room = Math.min(left, slots.free(endpoint.id));
          ok &&= room > 0;
          if (ok) {
            const waiting = (due.all(endpoint.id, options.now, room + 1) as Row[]).map((r) => r.id as string);
            const taken = waiting.slice(0, room).filter(() => slots.take(endpoint.id));
            claimed.push(...lease(taken));
            left -= taken.length;
            ok = taken.length === waiting.length;
          }
        }
        ok = ok && left > 0 && slots.take(endpoint.id);
        open.set(endpoint.id, ok);
        if (ok) left--;
        return ok;
      },
    };
  }

  requeueDelivery(scope: Scope, id: string, now: Millis): DeliveryRecord | null {
    const [cond, params] = scoped(scope, 'd.application_id');
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
    ).get(now, now, now, id) as Row;
    return toDelivery(updated);
  }

  claimDue(share: ClaimOptions): ClaimedDelivery[] {
    const options = this.ledger.account(share);
    const { now, limit, leaseMs } = options;
    if (limit <= 0) return [];
    const ids = this.dueCandidates(now, limit, new EndpointSlots(options), leaseMs, options.endpointId);
    if (ids.length === 0) return [];
    const leaseToken = randomUUID();
    const leaseUntil = now + leaseMs;
    const claimed = this.lease(ids, leaseToken, leaseUntil);
    this.ledger.grant(share, leaseToken, leaseUntil, claimed.map((c) => c.endpoint.id));
    return claimed;
  }

  /** Leases the deliveries to one claimer, with what their attempts need. */
  private lease(ids: readonly string[], leaseToken: string, leaseUntil: Millis): ClaimedDelivery[] {
    const claim = this.stmt('UPDATE deliveries SET run_at = ?, lease_token = ? WHERE id = ? RETURNING *');
    const findEvent = this.stmt('SELECT * FROM events WHERE id = ?');
    const findEndpoint = this.stmt('SELECT * FROM endpoints WHERE id = ?');
    return ids.map((id) => {
      const delivery = toDelivery(claim.get(leaseUntil, leaseToken, id) as Row);
      return {
        delivery,
        event: toEvent(findEvent.get(delivery.eventId) as Row),
        endpoint: this.endpoints.toEndpoint(findEndpoint.get(delivery.endpointId) as Row),
        attemptNumber: delivery.attemptCount + 1,
        leaseToken,
        leaseUntil,
      };
    });
  }

  /**
   * Up to `limit` due delivery IDs, oldest due first, each endpoint within its share. Endpoints with
   * no share left, paused endpoints and open circuits are left out in the query; when an endpoint's
   * share fills up during the scan, the scan starts again without it. A claim reads at most
   * CLAIM_SCAN_ROWS due rows of endpoints it may claim, besides skipping the index entries of the
   * excluded ones, so claims stay cheap with any backlog of claimable work.
   */
  private dueCandidates(now: Millis, limit: number, slots: EndpointSlots, leaseMs: number, endpointId?: string): string[] {
    const scan = this.stmt(
      // Excluded endpoints (paused, circuit open, share full) are left out inside the bounded scan:
      // their due rows can be many (a paused endpoint's deliveries wait), and left out after the
      // LIMIT they would fill the window and hold back every other endpoint. The index is covering,
      // so skipping them reads index entries only.
      `SELECT id, endpoint_id FROM deliveries WHERE run_at IS NOT NULL AND run_at <= ? AND endpoint_id NOT IN (SELECT value FROM json_each(?))
       ORDER BY run_at LIMIT ?`,
    );
    const single = endpointId !== undefined;
    const due = (excluded: string[]) => (single ? this.stmt(DUE_OF_ENDPOINT).iterate(endpointId, now, CLAIM_SCAN_ROWS) : scan.iterate(now, JSON.stringify(excluded), CLAIM_SCAN_ROWS)) as Iterable<Row>;
    const paused = (this.stmt('SELECT id FROM endpoints WHERE enabled = 0 AND deleted_at IS NULL').all() as Row[]).map((r) => r.id as string);
    const circuits = this.circuits(now);
    const probes: string[] = [];
    // FIFO endpoints, with their head once looked up.
    const fifo = new Map((this.stmt(`SELECT id FROM endpoints WHERE ordering = 'FIFO' AND deleted_at IS NULL`).all() as Row[]).map((r) => [r.id as string, undefined as string | undefined]));
    // Rate-limited endpoints and their rule's state, updated as slots are taken and written back after the scan.
    const rates = new Map((this.stmt('SELECT id, rate_limit, rate_tat FROM endpoints WHERE rate_limit IS NOT NULL AND deleted_at IS NULL').all() as Row[])
      .map((r) => [r.id as string, { limit: r.rate_limit as number, tat: r.rate_tat as number | null, changed: false }]));
    const taken = new Set<string>();
    let excluded = [...slots.saturated(), ...paused, ...circuits.open];
    // One endpoint's scan reads its due rows only while it may take them: it does not start when
    // the endpoint is excluded, and stops once it is (a rescan without it would find nothing).
    if (single && excluded.includes(endpointId)) return [];
    scan: for (;;) {
      for (const row of due(excluded)) {
        if (taken.has(row.id)) continue; // taken before a restart
        if (fifo.has(row.endpoint_id)) {
          if (!mayClaimInOrder('FIFO', row.id, this.fifoHead(fifo, row.endpoint_id))) continue;
          excluded = [...excluded, row.endpoint_id]; // its head only: one in flight
        }
        const rate = rates.get(row.endpoint_id);
        const slot = rate ? takeRateSlot(rate.tat, rate.limit, now) : undefined;
        if (slot?.granted === false || !slots.take(row.endpoint_id)) {
          excluded = [...excluded, row.endpoint_id];
          if (single) break scan;
          continue scan; // leaving the loop closes the iterator
        }
        taken.add(row.id);
        if (rate) (rate.tat = slot!.tat), (rate.changed = true);
        if (circuits.probing.has(row.endpoint_id)) {
          // One probe of an endpoint whose cool-down is over: it holds the circuit for its lease.
          probes.push(row.endpoint_id);
          excluded = [...excluded, row.endpoint_id];
          if (taken.size === limit || single) break scan;
          continue scan;
        }
        if (taken.size === limit || (single && fifo.has(row.endpoint_id))) break scan;
      }
      break;
    }
    for (const [endpointId, { tat, changed }] of rates) if (changed) this.stmt('UPDATE endpoints SET rate_tat = ? WHERE id = ?').run(tat, endpointId);
    for (const endpointId of probes) this.stmt('UPDATE endpoints SET circuit_until = ? WHERE id = ?').run(now + leaseMs, endpointId);
    return [...taken];
  }

  /** The oldest unfinished delivery of a FIFO endpoint (looked up once a claim). */
  private fifoHead(heads: Map<string, string | undefined>, endpointId: string): string | undefined {
    if (heads.get(endpointId) === undefined) {
      const row = this.stmt(`SELECT id FROM deliveries WHERE endpoint_id = ? AND status IN ('PENDING', 'RETRYING') ORDER BY id LIMIT 1`).get(endpointId) as Row | undefined;
      heads.set(endpointId, row?.id ?? '');
    }
    return heads.get(endpointId);
  }

  /** Endpoints whose circuit is open (claims skip them) and those whose cool-down is over (one probe may go). */
  private circuits(now: Millis): { open: string[]; probing: Set<string> } {
    const rows = this.stmt('SELECT id, circuit_until FROM endpoints WHERE circuit_until IS NOT NULL').all() as Row[];
    return {
      open: rows.filter((r) => r.circuit_until > now).map((r) => r.id as string),
      probing: new Set(rows.filter((r) => r.circuit_until <= now).map((r) => r.id as string)),
    };
  }

  /** Applies an attempt's outcome to the endpoint's health (domain/health.ts) and acts on the decisions, in one transaction. */
  recordHealth(endpointId: string, input: HealthInput, now: Millis, settings: HealthSettings): HealthChange | null {
    const row = this.stmt('SELECT * FROM endpoints WHERE id = ? AND deleted_at IS NULL').get(endpointId) as Row | undefined;
    if (!row) return null;
    const previous = this.endpoints.toEndpoint(row).health;
    const { health, decisions } = trackHealth(previous, input, now, settings);
    let circuitUntil: Millis | null = row.circuit_until;
    let enabled = row.enabled;
    for (const decision of decisions) {
      if (decision.kind === 'disable') (enabled = 0), (circuitUntil = null);
      if (decision.kind === 'recovered') circuitUntil = null;
      if (decision.kind === 'circuitOpened') {
        circuitUntil = decision.until;
        // Its due deliveries move to the end of the cool-down, so the claim scan does not wade through them.
        this.stmt('UPDATE deliveries SET run_at = MAX(run_at, ?) WHERE endpoint_id = ? AND run_at IS NOT NULL').run(decision.until, endpointId);
      }
    }
    if (health.state !== 'CIRCUIT_OPEN') circuitUntil = null;
    const updated = this.stmt('UPDATE endpoints SET health = ?, enabled = ?, circuit_until = ? WHERE id = ? RETURNING *')
      .get(JSON.stringify(health), enabled, circuitUntil, endpointId) as Row;
    return { endpoint: this.endpoints.toEndpoint(updated), previous, decisions };
  }

  /** Records the attempt if the lease is still held; null when it was lost (another worker took over). */
  recordAttempt(deliveryId: string, leaseToken: string, outcome: AttemptOutcome, now: Millis): DeliveryRecord | null {
    const { attempt } = outcome;
    const current = this.stmt('SELECT status FROM deliveries WHERE id = ? AND lease_token = ?').get(deliveryId, leaseToken) as Row | undefined;
    if (!current) return null;
    const { status, nextAttemptAt: next, cancelled } = settleOnStored(current.status, outcome);
    const reason = cancelled ? null : (outcome.failureReason ?? null);
    const row = this.stmt(
      `UPDATE deliveries SET status = ?, attempt_count = ?, next_attempt_at = ?, last_attempt_at = ?, run_at = ?,
         lease_token = NULL, manual_retry = 0, failure_reason = COALESCE(?, failure_reason), updated_at = ?
       WHERE id = ? RETURNING *`,
    ).get(status, attempt.number, next, attempt.startedAt, next, reason, now, deliveryId) as Row;
    this.stmt(
      `INSERT OR REPLACE INTO attempts (delivery_id, number, started_at, duration_ms, success, response_status, response_body, error, retry_after_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(attempt.deliveryId, attempt.number, attempt.startedAt, attempt.durationMs, attempt.success ? 1 : 0, attempt.responseStatus, attempt.responseBody, attempt.error,
      attempt.retryAfterMs ?? null);
    const delivery = toDelivery(row);
    this.addStats([attemptIncrement(delivery, outcome, status)]);
    return delivery;
  }

  /**
   * Fan-out is transactional here, so only the retention period needs applying: unfinished
   * deliveries created before the cutoff (their endpoint stayed paused) end FAILED with a reason and
   * stay readable for another period; finished ones last changed before it are removed, and events
   * once none of their deliveries is left. At most `batch` rows of each a sweep, so one sweep after
   * a long pause stays short; the next sweep continues.
   */
  sweep(now: Millis, cutoff: Millis, batch = 10_000): SweepResult {
    const expired = (this.stmt(
      `UPDATE deliveries SET status = 'FAILED', failure_reason = ?, run_at = NULL, next_attempt_at = NULL, lease_token = NULL, updated_at = ?
       WHERE id IN (SELECT id FROM deliveries WHERE created_at < ? AND status IN ('PENDING', 'RETRYING') AND (lease_token IS NULL OR run_at <= ?) LIMIT ?)
       RETURNING *`,
    ).all(EXPIRED_WHILE_WAITING_REASON, now, cutoff, now, batch) as Row[]).map(toDelivery);
    const old = `SELECT id FROM deliveries WHERE created_at < ? AND updated_at < ? AND status IN ('SUCCEEDED', 'FAILED') LIMIT ?`;
    this.stmt(`DELETE FROM attempts WHERE delivery_id IN (${old})`).run(cutoff, cutoff, batch);
    const purgedDeliveries = this.stmt(`DELETE FROM deliveries WHERE id IN (${old})`).run(cutoff, cutoff, batch).changes;
    const purgedEvents = this.stmt(
      `DELETE FROM events WHERE id IN (SELECT id FROM events WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = events.id) LIMIT ?)`,
    ).run(cutoff, batch).changes;
    let purgedApplicationRecords = 0;
    for (const app of this.stmt('SELECT id FROM applications WHERE deleted_at IS NOT NULL AND deleted_at < ? LIMIT 100').all(cutoff) as Row[]) {
      if (purgedApplicationRecords >= batch) break;
      purgedApplicationRecords += this.purgeApplication(app.id, batch - purgedApplicationRecords);
    }
    const purgedAuditEntries = this.stmt('DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE created_at < ? LIMIT ?)').run(cutoff, batch).changes;
    return { created: [], expired, purgedEvents, purgedDeliveries, purgedApplicationRecords, purgedAuditEntries };
  }

  createBulkJob(job: BulkJobRecord): void {
    this.stmt(
      `INSERT INTO bulk_jobs (id, application_id, kind, target, status, total, done, failed, cursor, error, created_at, updated_at, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(job.id, job.applicationId, job.kind, JSON.stringify(job.target), job.status, job.total, job.done, job.failed, job.cursor, job.error, job.createdAt, job.updatedAt, job.finishedAt);
  }

  cancelBulkJob(scope: Scope, id: string, now: Millis): BulkJobRecord | null {
    const [cond, params] = scoped(scope);
    this.stmt(`UPDATE bulk_jobs SET status = 'CANCELLED', finished_at = ?, updated_at = ?, lease_token = NULL WHERE id = ? AND ${cond} AND status IN ('QUEUED', 'RUNNING')`)
      .run(now, now, id, ...params);
    const row = this.stmt(`SELECT * FROM bulk_jobs WHERE id = ? AND ${cond}`).get(id, ...params) as Row | undefined;
    return row ? toBulkJob(row) : null;
  }

  claimBulkJob(now: Millis, leaseMs: number): ClaimedBulkJob | null {
    const row = this.stmt(
      `SELECT id FROM bulk_jobs WHERE status IN ('QUEUED', 'RUNNING') AND (lease_until IS NULL OR lease_until <= ?) ORDER BY id LIMIT 1`,
    ).get(now) as Row | undefined;
    if (!row) return null;
    const leaseToken = randomUUID();
    const leaseUntil = now + leaseMs;
    const claimed = this.stmt(`UPDATE bulk_jobs SET status = 'RUNNING', lease_token = ?, lease_until = ?, updated_at = ? WHERE id = ? RETURNING *`)
      .get(leaseToken, leaseUntil, now, row.id) as Row;
    return { job: toBulkJob(claimed), leaseToken, leaseUntil };
  }

  /** One batch of a claimed job and its progress, in one transaction: a crash leaves the job exactly at a batch boundary. */
  runBulkJobBatch(jobId: string, leaseToken: string, now: Millis, limit: number, leaseMs: number): BulkJobStep | null {
    const row = this.stmt('SELECT * FROM bulk_jobs WHERE id = ?').get(jobId) as Row | undefined;
    if (!row) return null;
    const job = toBulkJob(row);
    if (job.status !== 'RUNNING') return { job, changed: [] };
    if (row.lease_token !== leaseToken) return null;
    const step = job.target.walk === 'failedDeliveries' ? this.retryBatch(job, job.target.filter, now, limit)
      : job.target.walk === 'events' ? this.replayBatch(job, job.target, now, limit)
      : this.purgeBatch(job, job.target.applicationId, limit);
    const next: BulkJobRecord = 'error' in step
      ? { ...job, status: 'FAILED', error: step.error, updatedAt: now, finishedAt: now }
      : afterBatch(job, step, limit, now);
    const finished = next.status !== 'RUNNING';
    this.stmt(
      `UPDATE bulk_jobs SET status = ?, total = ?, done = ?, failed = ?, cursor = ?, error = ?, updated_at = ?, finished_at = ?, lease_token = ?, lease_until = ?
       WHERE id = ?`,
    ).run(next.status, next.total, next.done, next.failed, next.cursor, next.error, now, next.finishedAt, finished ? null : leaseToken, finished ? null : now + leaseMs, jobId);
    return { job: next, changed: 'error' in step ? [] : step.changed };
  }

  /** The next records of a deleted application, removed; the total is its deliveries and events when the job starts. */
  private purgeBatch(job: BulkJobRecord, applicationId: string, limit: number) {
    const app = this.stmt('SELECT deleted_at FROM applications WHERE id = ?').get(applicationId) as Row | undefined;
    if (app && app.deleted_at === null) return { error: `application ${applicationId} is not deleted` };
    const total = job.total ?? ((this.stmt('SELECT COUNT(*) AS n FROM deliveries WHERE application_id = ?').get(applicationId) as Row).n as number)
      + ((this.stmt('SELECT COUNT(*) AS n FROM events WHERE application_id = ?').get(applicationId) as Row).n as number);
    const removed = this.purgeApplication(applicationId, limit);
    return { walked: removed, last: null, done: removed, failed: 0, total, changed: [] as DeliveryRecord[] };
  }

  /** The next FAILED deliveries of the filter after the cursor, each queued for one more attempt (as requeueDelivery does). */
  private retryBatch(job: BulkJobRecord, filter: DeliveryFilter, now: Millis, limit: number) {
    const [conditions, params] = deliveryConditions({ ...filter, ...(job.applicationId ? { applicationId: job.applicationId } : {}), status: ['FAILED'] });
    const total = job.total ?? (this.stmt(`SELECT COUNT(*) AS n FROM deliveries WHERE ${conditions.join(' AND ')}`).get(...params) as Row).n as number;
    const rows = this.stmt(`SELECT * FROM deliveries WHERE ${[...conditions, 'id > ?'].join(' AND ')} ORDER BY id LIMIT ?`)
      .all(...params, job.cursor ?? '', limit) as Row[];
    const deleted = new Set((this.stmt('SELECT id FROM endpoints WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NOT NULL')
      .all(JSON.stringify([...new Set(rows.map((r) => r.endpoint_id))])) as Row[]).map((r) => r.id as string));
    const requeue = this.stmt(
      `UPDATE deliveries SET status = 'PENDING', manual_retry = 1, failure_reason = NULL, next_attempt_at = ?, run_at = ?,
         lease_token = NULL, updated_at = ? WHERE id = ? RETURNING *`,
    );
    const changed: DeliveryRecord[] = [];
    let failed = 0;
    for (const r of rows) {
      // Deleted endpoint, or an attempt still in flight (ended FAILED when its endpoint was deleted).
      if (deleted.has(r.endpoint_id) || (r.lease_token !== null && r.run_at !== null && r.run_at > now)) failed++;
      else changed.push(toDelivery(requeue.get(now, now, now, r.id) as Row));
    }
    return { walked: rows.length, last: rows.at(-1)?.id ?? null, done: changed.length, failed, total, changed };
  }

  /** The next events of the endpoint's application after the cursor, each given the delivery it never had when the endpoint hears it. */
  private replayBatch(job: BulkJobRecord, target: Extract<BulkJobRecord['target'], { walk: 'events' }>, now: Millis, limit: number) {
    const endpointRow = this.stmt('SELECT * FROM endpoints WHERE id = ? AND deleted_at IS NULL').get(target.endpointId) as Row | undefined;
    if (!endpointRow) return { error: `endpoint ${target.endpointId} was deleted` };
    const endpoint = this.endpoints.toEndpoint(endpointRow);
    const conditions = ['application_id = ?'];
    const params: unknown[] = [endpoint.applicationId];
    if (target.since !== null) conditions.push('created_at >= ?'), params.push(target.since);
    if (target.until !== null) conditions.push('created_at < ?'), params.push(target.until);
    if (target.eventTypes !== null) conditions.push('type IN (SELECT value FROM json_each(?))'), params.push(JSON.stringify(target.eventTypes));
    const total = job.total ?? (this.stmt(`SELECT COUNT(*) AS n FROM events WHERE ${conditions.join(' AND ')}`).get(...params) as Row).n as number;
    const rows = this.stmt(`SELECT * FROM events WHERE ${[...conditions, 'id > ?'].join(' AND ')} ORDER BY id LIMIT ?`).all(...params, job.cursor ?? '', limit) as Row[];
    const insert = this.stmt(
      `INSERT INTO deliveries (id, application_id, event_id, endpoint_id, event_type, status, attempt_count, next_attempt_at,
         run_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, endpoint_id) DO NOTHING`,
    );
    const changed: DeliveryRecord[] = [];
    for (const event of rows.map(toEvent)) {
      if (fanOutTargets([endpoint], event).length === 0) continue;
      const d = newDelivery(newId('Delivery', now), { ...event, createdAt: now }, endpoint.id);
      if (insert.run(d.id, d.applicationId, d.eventId, d.endpointId, d.eventType, d.status, d.attemptCount, d.nextAttemptAt, d.nextAttemptAt, d.createdAt, d.updatedAt).changes === 1) {
        changed.push(d);
        this.addStats(publishIncrements({ ...event, createdAt: now }, [d]).slice(1));
      }
    }
    return { walked: rows.length, last: rows.at(-1)?.id ?? null, done: rows.length, failed: 0, total, changed };
  }
}

/** The operations the writer thread accepts: every method of SqliteWrites but the batch runner and its end. */
export type WriteOp = Exclude<keyof SqliteWrites, 'runBatch' | 'endBatch'>;

/**
 * Writes that only take a lease: if one is lost with the last commits in a power failure, its
 * deliveries are simply due again (as after any crash), and nobody was told anything. The writer
 * thread commits them without waiting for an fsync, ahead of the rest of their batch; every other
 * write is acknowledged to someone and waits for its fsync.
 */
export const LEASE_OPS: ReadonlySet<WriteOp> = new Set<WriteOp>(['claimDue']);

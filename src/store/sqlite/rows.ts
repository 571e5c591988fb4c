// Rows of the embedded store and how they map to the store's records; shared by the reading
// connection (main thread) and the writer thread.
import { DEFAULT_DELIVERY_OPTIONS, type DeliveryOptions } from '../../domain/records.js';
import type { AuditEntryRecord } from '../../domain/audit.js';
import type { BulkJobRecord } from '../../domain/bulk-jobs.js';
import type { ApplicationRecord, AttemptRecord, DeliveryFilter, DeliveryRecord, EndpointRecord, EndpointSecret, EventRecord, EventTypeRecord, Scope } from '../../domain/records.js';
import { healthOf } from '../../domain/health.js';
import type { Page, PageArgs, StoredAdminToken, StoredApiKey, StoredPortalSession } from '../ports.js';
import { openDelivery, openSecrets, sealDelivery, sealSecrets } from '../sealed-fields.js';
import type { SecretBox } from '../secret-box.js';

export type Row = Record<string, any>;

export const toApplication = (r: Row): ApplicationRecord => ({ id: r.id, name: r.name, metadata: r.metadata ? JSON.parse(r.metadata) : {}, createdAt: r.created_at });

export const toAuditEntry = (r: Row): AuditEntryRecord => ({
  id: r.id,
  actorId: r.actor_id,
  actorKind: r.actor_kind,
  actorName: r.actor_name,
  action: r.action,
  applicationId: r.application_id,
  targetIds: JSON.parse(r.target_ids),
  createdAt: r.created_at,
});

export const toApiKey = (r: Row): StoredApiKey => ({
  id: r.id,
  applicationId: r.application_id,
  name: r.name,
  scopes: JSON.parse(r.scopes),
  rateLimit: r.rate_limit,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  tokenHash: r.token_hash,
});

export const toAdminToken = (r: Row): StoredAdminToken => ({
  id: r.id, name: r.name, rateLimit: r.rate_limit, createdAt: r.created_at, revokedAt: r.revoked_at, tokenHash: r.token_hash,
});

/** A stored record without its token hash (what the API may show). */
export function withoutHash<T extends { tokenHash: string }>({ tokenHash: _hash, ...rest }: T): Omit<T, 'tokenHash'> {
  return rest;
}

export const toPortalSession = (r: Row): StoredPortalSession => ({
  id: r.id,
  applicationId: r.application_id,
  tokenHash: r.token_hash,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  createdAt: r.created_at,
});

export const toEventType = (r: Row): EventTypeRecord => ({
  name: r.name,
  description: r.description,
  schema: r.schema === null ? null : JSON.parse(r.schema),
  examples: r.examples == null ? [] : JSON.parse(r.examples),
  archived: r.archived === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** How endpoint rows map to records: their secret fields sealed in the row, opened in the record (sealed-fields.ts). */
export function endpointMapping(box: SecretBox) {
  return {
    toEndpoint: (r: Row): EndpointRecord => ({
      id: r.id,
      applicationId: r.application_id,
      url: r.url,
      description: r.description,
      eventTypes: JSON.parse(r.event_types),
      enabled: r.enabled === 1,
      secrets: openSecrets(box, r.id, JSON.parse(r.secrets)),
      // Stored delivery options (JSON), completed with the defaults of options added later.
      delivery: { ...DEFAULT_DELIVERY_OPTIONS, ...openDelivery(box, r.id, r.delivery_options ? JSON.parse(r.delivery_options) : {}) } as DeliveryOptions,
      timeoutMs: r.timeout_ms ?? null,
      rateLimitPerSecond: r.rate_limit ?? null,
      ordering: r.ordering ?? 'PARALLEL',
      retryScheduleMs: r.retry_schedule ? JSON.parse(r.retry_schedule) : null,
      health: healthOf(r.health ? JSON.parse(r.health) : null, r.enabled === 1),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
    }),
    /** The `secrets` column of an endpoint. */
    secretsColumn: (endpointId: string, secrets: readonly EndpointSecret[]): string => JSON.stringify(sealSecrets(box, endpointId, secrets)),
    /** The `delivery_options` column of an endpoint. */
    deliveryColumn: (endpointId: string, delivery: DeliveryOptions): string => JSON.stringify(sealDelivery(box, endpointId, delivery)),
  };
}

export type EndpointMapping = ReturnType<typeof endpointMapping>;

export const toEvent = (r: Row): EventRecord => ({
  id: r.id,
  applicationId: r.application_id,
  type: r.type,
  payload: r.payload,
  channels: r.channels == null ? [] : JSON.parse(r.channels),
  testEndpointId: r.test_endpoint_id ?? null,
  idempotencyKey: r.idempotency_key,
  createdAt: r.created_at,
});

export const toDelivery = (r: Row): DeliveryRecord => ({
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

export const toAttempt = (r: Row): AttemptRecord => ({
  deliveryId: r.delivery_id,
  number: r.number,
  startedAt: r.started_at,
  durationMs: r.duration_ms,
  success: r.success === 1,
  responseStatus: r.response_status,
  responseBody: r.response_body,
  error: r.error,
  retryAfterMs: r.retry_after_ms ?? null,
});

/** SQL condition and parameters restricting rows to the scope's application. */
export function scoped(scope: Scope, column = 'application_id'): [string, unknown[]] {
  return scope.kind === 'admin' ? ['1 = 1', []] : [`${column} = ?`, [scope.applicationId]];
}

/** Newest-first keyset page: `conditions` are ANDed, then `id < after`, one extra row tells hasNextPage. */
export function pageQuery(table: string, conditions: string[], params: unknown[], page: PageArgs): [string, unknown[]] {
  const where = [...conditions];
  const all = [...params];
  if (page.after) {
    where.push('id < ?');
    all.push(page.after);
  }
  return [`SELECT * FROM ${table} WHERE ${where.join(' AND ') || '1 = 1'} ORDER BY id DESC LIMIT ?`, [...all, page.first + 1]];
}

export function toPage<T>(rows: Row[], first: number, map: (r: Row) => T): Page<T> {
  return { items: rows.slice(0, first).map(map), hasNextPage: rows.length > first };
}

export const toBulkJob = (r: Row): BulkJobRecord => ({
  id: r.id,
  applicationId: r.application_id,
  kind: r.kind,
  target: JSON.parse(r.target),
  status: r.status,
  total: r.total,
  done: r.done,
  failed: r.failed,
  cursor: r.cursor,
  error: r.error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
});

/** SQL conditions and parameters of a delivery filter (listDeliveries and the retry jobs walk by the same). */
export function deliveryConditions(filter: DeliveryFilter): [string[], unknown[]] {
  const conditions: string[] = [];
  const params: unknown[] = [];
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
  return [conditions, params];
}

// The store's ports, one per job. Adapters (sqlite/, mongo/) implement all of them and run the
// same contract suites (test/store/). Consumers ask for the narrowest of them, or a Pick of one.
// Tenant data is always read through a Scope, so a cross-tenant read cannot be written by accident.
import type { AuditEntryRecord, AuditFilter } from '../domain/audit.js';
import type { BulkJobRecord, ClaimedBulkJob } from '../domain/bulk-jobs.js';
import type { EndpointShare } from '../domain/endpoint-slots.js';
import type { StatsInterval, StatsTotals } from '../domain/stats.js';
import type { EndpointHealth, HealthDecision, HealthInput, HealthSettings } from '../domain/health.js';
import type {
  ApplicationRecord, AttemptOutcome, AttemptRecord, DeliveryFilter, DeliveryRecord, EndpointRecord, EventRecord,
  EventTypeRecord, Millis, PortalSessionRecord, Scope, ApiKeyRecord, AdminTokenRecord,
} from '../domain/records.js';

export interface PageArgs {
  first: number;
  /** Cursor: the ID of the last record of the previous page (IDs sort by creation). */
  after?: string;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
}

export interface StoredApiKey extends ApiKeyRecord {
  tokenHash: string;
}

export interface StoredAdminToken extends AdminTokenRecord {
  tokenHash: string;
}

export interface StoredPortalSession extends PortalSessionRecord {
  tokenHash: string;
}

export type ApplicationPatch = Partial<Pick<ApplicationRecord, 'name' | 'metadata'>>;

/** What deleting an application did at once. */
export interface DeletedApplication {
  application: ApplicationRecord;
  /** Its unfinished deliveries, ended FAILED with the reason (to announce them). */
  cancelled: DeliveryRecord[];
  /** Its portal sessions that were still open, now revoked (their live connections are closed). */
  revokedSessionIds: string[];
  /** Its API keys that still worked, now revoked (their live connections are closed). */
  revokedKeyIds: string[];
}

export type EventTypePatch = Partial<Pick<EventTypeRecord, 'description' | 'schema' | 'examples' | 'archived'>>;
export type EndpointPatch = Partial<Pick<EndpointRecord, 'url' | 'description' | 'eventTypes' | 'enabled' | 'secrets' | 'delivery' | 'timeoutMs' | 'retryScheduleMs' | 'rateLimitPerSecond' | 'ordering' | 'health'>>;

/** Settings, applications, event types and endpoints: what the platform configures. */
export interface Catalogue {
  /** Process-wide settings such as the admin token hash: sets the value unless one exists, returns the stored one. */
  ensureSetting(key: string, value: string): Promise<string>;
  getSetting(key: string): Promise<string | null>;

  /** Creates the application with its first API key (if any) in one write. */
  createApplication(app: ApplicationRecord, firstKey?: StoredApiKey): Promise<void>;
  findApplication(scope: Scope, id: string): Promise<ApplicationRecord | null>;
  /** Applications by ID within the scope, in any order; missing or invisible ones are left out (batched reads). */
  findApplications(scope: Scope, ids: readonly string[]): Promise<ApplicationRecord[]>;
  listApplications(scope: Scope, page: PageArgs): Promise<Page<ApplicationRecord>>;
  /** Renames it or replaces its metadata; null when it does not exist or was deleted. */
  updateApplication(id: string, patch: ApplicationPatch): Promise<ApplicationRecord | null>;
  /**
   * Deletes it for the API at once: no read finds it (nor its key), its endpoints are deleted and
   * their unfinished deliveries end FAILED with `reason`, its open portal sessions are revoked. Its
   * history stays stored until the retention purge (sweep) or a purge job removes it. Null when it
   * does not exist or was deleted already.
   */
  deleteApplication(id: string, now: Millis, reason: string): Promise<DeletedApplication | null>;

  /** Throws ConflictError when the name is taken. */
  createEventType(eventType: EventTypeRecord): Promise<void>;
  updateEventType(name: string, patch: EventTypePatch, now: Millis): Promise<EventTypeRecord | null>;
  findEventType(name: string): Promise<EventTypeRecord | null>;
  listEventTypes(includeArchived: boolean): Promise<EventTypeRecord[]>;

  createEndpoint(endpoint: EndpointRecord): Promise<void>;
  /** Deleted endpoints are found only with includeDeleted (delivery history still points at them). */
  findEndpoint(scope: Scope, id: string, options?: { includeDeleted?: boolean }): Promise<EndpointRecord | null>;
  /** Endpoints by ID within the scope, deleted ones included, in any order (batched reads). */
  findEndpoints(scope: Scope, ids: readonly string[]): Promise<EndpointRecord[]>;
  listEndpoints(scope: Scope, page: PageArgs): Promise<Page<EndpointRecord>>;
  /**
   * Changes an endpoint. Enabling a paused endpoint makes its waiting deliveries due at once. A
   * patched `health` replaces the stored one; one that is not CIRCUIT_OPEN closes the circuit.
   */
  updateEndpoint(scope: Scope, id: string, patch: EndpointPatch, now: Millis): Promise<EndpointRecord | null>;
  /**
   * API keys. Tokens of keys made since named keys exist name their key (found by ID); keys of
   * earlier releases are found by their hash (unique). These two are unscoped: authentication.
   */
  createApiKey(key: StoredApiKey): Promise<void>;
  findApiKeyForAuth(id: string): Promise<StoredApiKey | null>;
  findApiKeyByHash(tokenHash: string): Promise<StoredApiKey | null>;
  /** A key within the scope (an application sees only its own); null when missing or invisible. */
  findApiKey(scope: Scope, id: string): Promise<ApiKeyRecord | null>;
  /** One application's keys (revoked ones included), newest first; empty for an application outside the scope. */
  listApiKeys(scope: Scope, applicationId: string, page: PageArgs): Promise<Page<ApiKeyRecord>>;
  /** Makes the key stop at `now` unless it already has (an earlier time is kept); null when missing or invisible. */
  revokeApiKey(scope: Scope, id: string, now: Millis): Promise<ApiKeyRecord | null>;
  /**
   * Replaces a key that was never revoked nor rotated: stores `next` and makes the old one stop at
   * `oldEndsAt`. Returns the old key as it is now; null (and nothing written) when the scope has no
   * such key or it was revoked or rotated already.
   */
  rotateApiKey(scope: Scope, id: string, next: StoredApiKey, oldEndsAt: Millis): Promise<ApiKeyRecord | null>;
  /** Sets lastUsedAt to `now` unless it was set within `minIntervalMs` (the write throttle). */
  touchApiKey(id: string, now: Millis, minIntervalMs: number): Promise<void>;

  /** Named admin tokens (their tokens name them: found by ID). */
  createAdminToken(token: StoredAdminToken): Promise<void>;
  findAdminToken(id: string): Promise<StoredAdminToken | null>;
  listAdminTokens(page: PageArgs): Promise<Page<AdminTokenRecord>>;
  /** Marks the token revoked (the first revocation time is kept); null when it does not exist. */
  revokeAdminToken(id: string, now: Millis): Promise<AdminTokenRecord | null>;

  /** Portal sessions (admin only): created with their token's hash, found by ID (the token names its session). */
  createPortalSession(session: StoredPortalSession): Promise<void>;
  findPortalSession(id: string): Promise<StoredPortalSession | null>;
  /** Marks the session revoked (the first revocation time is kept); null when it does not exist. */
  revokePortalSession(id: string, now: Millis): Promise<PortalSessionRecord | null>;

  /** Marks the endpoint deleted and ends its unfinished deliveries FAILED with `reason`. */
  deleteEndpoint(scope: Scope, id: string, now: Millis, reason: string): Promise<{ endpoint: EndpointRecord; cancelled: DeliveryRecord[] } | null>;
}

export interface PublishResult {
  event: EventRecord;
  deliveries: DeliveryRecord[];
  /**
   * False when nothing new was stored: an idempotency key matched an earlier event, which is
   * returned instead, or the endpoint of a test event was gone (no deliveries).
   */
  created: boolean;
}

/** The history: events, their deliveries and every attempt, as the API reads and changes them. */
export interface DeliveryLog {
  /**
   * Stores the event and one PENDING delivery per endpoint chosen by the fan-out rule
   * (domain/fan-out.ts), all or nothing, before returning. With an idempotency key that the
   * application used at or after `idempotentSince`, stores nothing and returns that event. A test
   * event (`testEndpointId`) whose endpoint is gone by then stores nothing either: its result has
   * no deliveries and `created: false`.
   */
  publishEvent(event: EventRecord, options: { idempotentSince: Millis }): Promise<PublishResult>;
  /**
   * Publishes many events as publishEvent would one after another, in order (an event whose
   * idempotency key an earlier one of the same batch and application holds returns that one), with
   * every event and delivery durable before returning: one write where the store can (SQLite: one
   * transaction), as few as it can otherwise. One result per event, in the order given.
   */
  publishEvents(events: readonly EventRecord[], options: { idempotentSince: Millis }): Promise<PublishResult[]>;
  findEvent(scope: Scope, id: string): Promise<EventRecord | null>;
  /** Events by ID within the scope, in any order (batched reads). */
  findEvents(scope: Scope, ids: readonly string[]): Promise<EventRecord[]>;
  listEvents(scope: Scope, filter: { type?: string }, page: PageArgs): Promise<Page<EventRecord>>;

  findDelivery(scope: Scope, id: string): Promise<DeliveryRecord | null>;
  listDeliveries(scope: Scope, filter: DeliveryFilter, page: PageArgs): Promise<Page<DeliveryRecord>>;
  listAttempts(deliveryId: string): Promise<AttemptRecord[]>;
  /** Attempts of several deliveries, oldest first within each (batched reads). */
  listAttemptsOf(deliveryIds: readonly string[]): Promise<AttemptRecord[]>;
  /**
   * Queues one manual attempt now (status PENDING). Returns null when not found in scope; throws
   * ConflictError while an attempt is in flight or when the endpoint was deleted.
   */
  requeueDelivery(scope: Scope, id: string, now: Millis): Promise<DeliveryRecord | null>;
}

/** A delivery reserved for one attempt by one worker until `leaseUntil`. */
export interface ClaimedDelivery {
  delivery: DeliveryRecord;
  event: EventRecord;
  endpoint: EndpointRecord;
  attemptNumber: number;
  leaseToken: string;
  leaseUntil: Millis;
}

export interface ClaimOptions extends EndpointShare {
  now: Millis;
  limit: number;
  leaseMs: number;
  /**
   * What the worker launched since its last share: the lease tokens of earlier grants that
   * inFlightByEndpoint counts now (the embedded store counts the others: grant-ledger.ts), and
   * this share's number in the order the worker took its shares (the store may apply an older
   * share after a newer one).
   */
  launched?: { seq: number; tokens: readonly string[] };
  /** Only this endpoint's due deliveries (a worker filling a slot the endpoint just gave back). */
  endpointId?: string;
}

/**
 * A worker in the store's own process that takes fresh deliveries as they are published, leased to
 * it in the publish's own write (DeliveryQueue.handOffTo): no claim, no wake-up, no extra commit.
 */
export interface LocalWorker {
  /** What a publish may lease for it now; null when it takes nothing (stopped, or no slot free). */
  share(): ClaimOptions | null;
  /** Deliveries a publish leased to it, to attempt now. */
  take(claims: readonly ClaimedDelivery[]): void;
}

export interface SweepOptions {
  now: Millis;
  /** Events, deliveries and attempts created before now - retentionMs are removed. */
  retentionMs: number;
  /** A publish whose fan-out has not completed after this long is completed by the sweep. */
  fanoutGraceMs: number;
}

export interface SweepResult {
  /** Deliveries created by completing interrupted fan-outs (to announce them). */
  created: DeliveryRecord[];
  /** Deliveries that waited longer than the retention period and were ended FAILED (to announce them). */
  expired: DeliveryRecord[];
  purgedEvents: number;
  purgedDeliveries: number;
  /** Records of applications deleted before the cutoff that were removed (deliveries, events, the rest once those are gone). */
  purgedApplicationRecords: number;
  /** Audit entries older than the retention period that were removed. */
  purgedAuditEntries: number;
}

/** The lease protocol of the workers: claim due work, record what happened, maintain. */
export interface DeliveryQueue {
  /**
   * Optional: publishes lease what they create for this worker when it has a free slot, the
   * endpoint takes plain parallel delivery (enabled, not FIFO, no rate limit, circuit closed) and
   * nothing of it is due before them. The embedded store does; null stops it.
   */
  handOffTo?(worker: LocalWorker | null): void;
  /**
   * Reserves due deliveries of enabled endpoints, oldest due first. Endpoints whose circuit is open
   * are left out; once its cool-down is over, one claim takes one probe delivery of it and holds the
   * probe for the lease (see EndpointHealthLog).
   */
  claimDue(options: ClaimOptions): Promise<ClaimedDelivery[]>;
  /** Records an attempt if the lease is still held; null when it was lost (another worker owns it now). */
  recordAttempt(claim: Pick<ClaimedDelivery, 'delivery' | 'leaseToken'>, outcome: AttemptOutcome, now: Millis): Promise<DeliveryRecord | null>;
  /**
   * Periodic maintenance: completes interrupted work, ends FAILED what waited longer than the
   * retention period, and removes finished history older than it, audit entries older than it, and
   * everything of applications deleted longer ago than it.
   */
  sweep(options: SweepOptions): Promise<SweepResult>;
}

/** A range of the statistics: within a scope, optionally one application, endpoint or event type. */
export interface StatsQuery {
  applicationId?: string;
  endpointId?: string;
  eventType?: string;
  /** Inclusive, at minute resolution (the minute holding it counts). */
  since: Millis;
  /** Exclusive. */
  until: Millis;
  interval: StatsInterval;
}

/** Unfinished deliveries now. */
export interface BacklogCounts {
  /** PENDING: not attempted yet (or queued again by a manual retry). */
  waiting: number;
  /** RETRYING: failed at least once, waiting for the next attempt. */
  retrying: number;
  /** Creation time of the oldest PENDING delivery. */
  oldestWaitingSince: Millis | null;
}

/**
 * The delivery statistics: per-minute aggregates that publishEvent and recordAttempt maintain in
 * the same write (domain/stats.ts says what each adds), read back rolled up by interval.
 */
export interface DeliveryStatsLog {
  /** Summed aggregates per interval bucket, keyed by the bucket's start (UTC-aligned); empty buckets are absent. */
  readStats(scope: Scope, query: StatsQuery): Promise<Map<Millis, StatsTotals>>;
  readBacklog(scope: Scope, filter: { applicationId?: string; endpointId?: string }): Promise<BacklogCounts>;
}

/** What recording one attempt's outcome did to its endpoint's health. */
export interface HealthChange {
  endpoint: EndpointRecord;
  previous: EndpointHealth;
  /** What the health rule decided; the store has acted on each already (disabled, circuit opened or closed). */
  decisions: HealthDecision[];
}

/** Endpoint health, kept by the workers (domain/health.ts decides; the store persists and acts). */
export interface EndpointHealthLog {
  /**
   * Applies one attempt's outcome to the endpoint's health with the health rule, atomically against
   * other workers, and acts on its decisions: a disable sets the endpoint disabled (its deliveries
   * wait); an open circuit keeps its deliveries from being claimed until the cool-down ends, then
   * lets exactly one claim (across all processes) take one probe delivery; a success closes it.
   * Null when the endpoint is gone.
   */
  recordHealth(endpointId: string, input: HealthInput, now: Millis, settings: HealthSettings): Promise<HealthChange | null>;
}

/** What one batch of a bulk job did. */
export interface BulkJobStep {
  /** The job after the batch: RUNNING while there is more, or finished (SUCCEEDED, FAILED, CANCELLED). */
  job: BulkJobRecord;
  /** Deliveries the batch queued again or created (to announce them). */
  changed: DeliveryRecord[];
}

/**
 * Bulk recovery jobs (domain/bulk-jobs.ts): stored with their progress, claimed by job runners
 * under a lease like deliveries, and run a small batch per write, so a crashed runner's job is
 * resumed by another from its cursor and no write holds the store for long.
 */
export interface BulkJobLog {
  createBulkJob(job: BulkJobRecord): Promise<void>;
  /** A job within the scope: an application sees its own jobs, the admin every job. */
  findBulkJob(scope: Scope, id: string): Promise<BulkJobRecord | null>;
  listBulkJobs(scope: Scope, page: PageArgs): Promise<Page<BulkJobRecord>>;
  /** Marks a QUEUED or RUNNING job CANCELLED (its runner stops before its next batch); a finished job is returned as it is. */
  cancelBulkJob(scope: Scope, id: string, now: Millis): Promise<BulkJobRecord | null>;
  /** Takes the oldest QUEUED job, or a RUNNING one whose lease ran out, under a new lease; null when there is none. */
  claimBulkJob(now: Millis, leaseMs: number): Promise<ClaimedBulkJob | null>;
  /**
   * Runs the next batch of up to `limit` records of a claimed job and stores its progress, renewing
   * the lease. Retry jobs queue one more attempt of each FAILED delivery walked (as
   * requeueDelivery does); replay jobs create the delivery of each event walked that the
   * endpoint hears (domain/fan-out.ts) and does not have yet; (event, endpoint) is unique, so a
   * batch run twice creates nothing twice. Purge jobs remove up to `limit` records of a deleted
   * application (deliveries with their attempts, then events; the endpoints, statistics, portal
   * sessions and the application last); removing is resumable as it is. Null when the lease was
   * lost to another runner.
   */
  runBulkJobBatch(claim: Pick<ClaimedBulkJob, 'job' | 'leaseToken'>, options: { now: Millis; limit: number; leaseMs: number }): Promise<BulkJobStep | null>;
}

/** The audit log of management mutations (domain/audit.ts), kept for the retention period. */
export interface AuditLog {
  recordAuditEntry(entry: AuditEntryRecord): Promise<void>;
  /** Entries within the scope (an application sees its own application's), newest first. */
  listAuditEntries(scope: Scope, filter: AuditFilter, page: PageArgs): Promise<Page<AuditEntryRecord>>;
}

export interface StoreLifecycle {
  /** Throws when the store cannot serve requests (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** One batch of re-encryption: endpoints looked at, endpoints rewritten, the last ID looked at (the next batch's `after`). */
export interface ResealBatch {
  walked: number;
  resealed: number;
  last: string | null;
}

/** Secrets at rest (secret-box.ts): sealing them again under the key ring's first key (`tidings rotate-encryption-key`). */
export interface SecretsAtRest {
  /**
   * Seals again, under the key ring's first key, the secret fields of up to `limit` endpoints after
   * `after` in ID order (deleted ones included) that are plain text or sealed under another key. An
   * endpoint is rewritten only if its secret fields are unchanged since read, so it is safe while
   * servers write; a batch shorter than `limit` is the last.
   */
  resealSecrets(after: string | null, limit: number): Promise<ResealBatch>;
}

/**
 * Token slots of the API rate limits (domain/api-rate-limit.ts, graphql/rate-limits.ts): each slot
 * ID can be taken once, by one of the processes sharing the store. MongoDB: an insert under a
 * unique _id in `leases` (removed by the sweeper once expired). SQLite: kept in the process's
 * memory, since the embedded store serves one API process.
 */
export interface RateSlots {
  /** Takes the slot `id`, kept until `expiresAt`; false when it was already taken. */
  takeRateSlot(id: string, expiresAt: Millis): Promise<boolean>;
}

/** Everything an adapter provides. */
export type Store = StoreLifecycle & Catalogue & DeliveryLog & DeliveryQueue & DeliveryStatsLog & EndpointHealthLog & BulkJobLog & AuditLog & SecretsAtRest & RateSlots;

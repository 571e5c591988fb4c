// The Store port: the records Tidings keeps and every operation on them. Adapters (sqlite/, and
// later mongo/) implement it and run the same contract suite (test/store/contract.ts).
// Tenant data is always read through a Scope, so a cross-tenant read cannot be written by accident.

/** Who a read or write is for: the platform (every application) or one application. */
export type Scope = { kind: 'admin' } | { kind: 'app'; applicationId: string };

export const ADMIN_SCOPE: Scope = { kind: 'admin' };

/** Times are milliseconds since the Unix epoch. */
export type Millis = number;

export interface ApplicationRecord {
  id: string;
  name: string;
  createdAt: Millis;
}

export interface EventTypeRecord {
  name: string;
  description: string | null;
  /** JSON Schema that payloads of this type must match; null accepts any JSON. */
  schema: unknown;
  archived: boolean;
  createdAt: Millis;
  updatedAt: Millis;
}

export interface EndpointSecret {
  /** `whsec_` + base64 of the HMAC key. */
  secret: string;
  /** Null for the current secret; set on a rotated-out one, which signs until then. */
  expiresAt: Millis | null;
}

export interface EndpointRecord {
  id: string;
  applicationId: string;
  url: string;
  description: string | null;
  /** Exact names, `prefix.*` wildcards, or `*`. */
  eventTypes: string[];
  enabled: boolean;
  /** Newest first; the first one is the current secret. */
  secrets: EndpointSecret[];
  createdAt: Millis;
  updatedAt: Millis;
  deletedAt: Millis | null;
}

export interface EventRecord {
  id: string;
  applicationId: string;
  type: string;
  /** The payload as exact JSON text, so every attempt sends byte-identical bodies. */
  payload: string;
  idempotencyKey: string | null;
  createdAt: Millis;
}

export type DeliveryStatus = 'PENDING' | 'RETRYING' | 'SUCCEEDED' | 'FAILED';

export interface DeliveryRecord {
  id: string;
  applicationId: string;
  eventId: string;
  endpointId: string;
  eventType: string;
  status: DeliveryStatus;
  attemptCount: number;
  nextAttemptAt: Millis | null;
  lastAttemptAt: Millis | null;
  /** Why a delivery ended FAILED without exhausting its schedule (e.g. its endpoint was deleted). */
  failureReason: string | null;
  /** A one-shot attempt asked for by retryDelivery: its failure ends the delivery FAILED. */
  manualRetry: boolean;
  createdAt: Millis;
  updatedAt: Millis;
}

export interface AttemptRecord {
  deliveryId: string;
  number: number;
  startedAt: Millis;
  durationMs: number;
  success: boolean;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
}

export interface DeliveryFilter {
  applicationId?: string;
  endpointId?: string;
  eventId?: string;
  eventType?: string;
  status?: DeliveryStatus[];
  /** Inclusive, on createdAt. */
  since?: Millis;
  /** Exclusive, on createdAt. */
  until?: Millis;
}

export interface PageArgs {
  first: number;
  /** Cursor: the ID of the last record of the previous page (IDs sort by creation). */
  after?: string;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
}

export interface NewApplication extends ApplicationRecord {
  apiKeyHash: string;
}

export type EventTypePatch = Partial<Pick<EventTypeRecord, 'description' | 'schema' | 'archived'>>;
export type EndpointPatch = Partial<Pick<EndpointRecord, 'url' | 'description' | 'eventTypes' | 'enabled' | 'secrets'>>;

export interface PublishResult {
  event: EventRecord;
  deliveries: DeliveryRecord[];
  /** False when an idempotency key matched an earlier event, which is returned instead. */
  created: boolean;
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

export interface ClaimOptions {
  now: Millis;
  limit: number;
  leaseMs: number;
  /** Most deliveries of one endpoint the worker may hold at once, so one slow endpoint cannot take every slot. */
  perEndpointLimit?: number;
  /** Attempts the worker already has in flight, by endpoint ID (they count against perEndpointLimit). */
  inFlightByEndpoint?: ReadonlyMap<string, number>;
}

/** What the worker decided after one attempt. */
export interface AttemptOutcome {
  attempt: AttemptRecord;
  status: DeliveryStatus;
  nextAttemptAt: Millis | null;
  /** Why the delivery was given up at once (a permanent failure, e.g. a refused target); recorded when given. */
  failureReason?: string | null;
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
  purgedEvents: number;
  purgedDeliveries: number;
}

export interface Store {
  /** Throws when the store cannot serve requests (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;

  /** Process-wide settings such as the admin token hash: sets the value unless one exists, returns the stored one. */
  ensureSetting(key: string, value: string): Promise<string>;
  getSetting(key: string): Promise<string | null>;

  createApplication(app: NewApplication): Promise<void>;
  findApplication(scope: Scope, id: string): Promise<ApplicationRecord | null>;
  findApplicationByKeyHash(apiKeyHash: string): Promise<ApplicationRecord | null>;
  listApplications(scope: Scope, page: PageArgs): Promise<Page<ApplicationRecord>>;

  /** Throws ConflictError when the name is taken. */
  createEventType(eventType: EventTypeRecord): Promise<void>;
  updateEventType(name: string, patch: EventTypePatch, now: Millis): Promise<EventTypeRecord | null>;
  findEventType(name: string): Promise<EventTypeRecord | null>;
  listEventTypes(includeArchived: boolean): Promise<EventTypeRecord[]>;

  createEndpoint(endpoint: EndpointRecord): Promise<void>;
  /** Deleted endpoints are found only with includeDeleted (delivery history still points at them). */
  findEndpoint(scope: Scope, id: string, options?: { includeDeleted?: boolean }): Promise<EndpointRecord | null>;
  listEndpoints(scope: Scope, page: PageArgs): Promise<Page<EndpointRecord>>;
  updateEndpoint(scope: Scope, id: string, patch: EndpointPatch, now: Millis): Promise<EndpointRecord | null>;
  /** Marks the endpoint deleted and ends its unfinished deliveries FAILED with `reason`, atomically. */
  deleteEndpoint(scope: Scope, id: string, now: Millis, reason: string): Promise<{ endpoint: EndpointRecord; cancelled: DeliveryRecord[] } | null>;

  /**
   * Stores the event and one PENDING delivery per enabled endpoint of its
   * application whose event types match, all or nothing, before returning. With an idempotency key
   * that the application used at or after `idempotentSince`, stores nothing and returns that event.
   */
  publishEvent(event: EventRecord, options: { idempotentSince: Millis }): Promise<PublishResult>;
  findEvent(scope: Scope, id: string): Promise<EventRecord | null>;
  listEvents(scope: Scope, filter: { type?: string }, page: PageArgs): Promise<Page<EventRecord>>;

  findDelivery(scope: Scope, id: string): Promise<DeliveryRecord | null>;
  listDeliveries(scope: Scope, filter: DeliveryFilter, page: PageArgs): Promise<Page<DeliveryRecord>>;
  listAttempts(deliveryId: string): Promise<AttemptRecord[]>;
  /**
   * Queues one manual attempt now (status PENDING). Returns null when not found in scope; throws
   * ConflictError while an attempt is in flight or when the endpoint was deleted.
   */
  requeueDelivery(scope: Scope, id: string, now: Millis): Promise<DeliveryRecord | null>;

  /** Reserves due deliveries of enabled endpoints, oldest due first. */
  claimDue(options: ClaimOptions): Promise<ClaimedDelivery[]>;
  /** Records an attempt if the lease is still held; null when it was lost (another worker owns it now). */
  recordAttempt(claim: Pick<ClaimedDelivery, 'delivery' | 'leaseToken'>, outcome: AttemptOutcome, now: Millis): Promise<DeliveryRecord | null>;

  /** Periodic maintenance: completes interrupted work and applies the retention period. */
  sweep(options: SweepOptions): Promise<SweepResult>;
}

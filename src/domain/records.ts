// The records Tidings keeps, as plain values. Everything else (stores, rules, API) speaks these.
// Times are milliseconds since the Unix epoch.
import type { EndpointHealth } from './health.js';
import type { EndpointOrdering } from './ordering.js';

export type Millis = number;

/** Who a read or write is for: the platform (every application) or one application. */
export type Scope = { kind: 'admin' } | { kind: 'app'; applicationId: string };

/** The platform's scope: the admin token's. */
export type AdminScope = Extract<Scope, { kind: 'admin' }>;

export const ADMIN_SCOPE: AdminScope = { kind: 'admin' };

/** The scope of one application (what nested reads of that application's records use). */
export const appScope = (applicationId: string): Scope => ({ kind: 'app', applicationId });

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
  /** False while paused: its deliveries are created and wait; none is attempted. */
  enabled: boolean;
  /** Newest first; the first one is the current secret. */
  secrets: EndpointSecret[];
  /** Longest one attempt to it may take; null = the platform's TIDINGS_DELIVERY_TIMEOUT. */
  timeoutMs: number | null;
  /** Its retry schedule; null = the platform's TIDINGS_RETRY_SCHEDULE. */
  retryScheduleMs: number[] | null;
  /** PARALLEL, or FIFO: strictly in publish order, one in flight (ordering.ts). */
  ordering: EndpointOrdering;
  /** Most attempts a second, summed over all worker processes (rate-limit.ts); null = no limit. */
  rateLimitPerSecond: number | null;
  /** Computed from its attempts by the health rule (health.ts). */
  health: EndpointHealth;
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

/** Statuses of a delivery that is not finished: it will be attempted (again). */
export const ACTIVE_STATUSES: readonly DeliveryStatus[] = ['PENDING', 'RETRYING'];

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
  /** The receiver's Retry-After (429/503) that delayed the next attempt, as honoured (capped); null when none applied. */
  retryAfterMs: number | null;
}

/** What settling an attempt decided: the attempt as recorded and where the delivery goes next. */
export interface AttemptOutcome {
  attempt: AttemptRecord;
  status: DeliveryStatus;
  nextAttemptAt: Millis | null;
  /** Set when the delivery ends FAILED for a reason other than an exhausted schedule. */
  failureReason?: string | null;
  /** The receiver answered 410 Gone: its endpoint is disabled at once (reason GONE). */
  endpointGone?: boolean;
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

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
  /** The platform's own labels for it (e.g. its customer ID): string values, see domain/applications.ts for the limits. */
  metadata: Record<string, string>;
  createdAt: Millis;
}

/**
 * A short-lived sign-in for one application's portal: its token acts as that application's key
 * until `expiresAt`, or until revoked. Only the token's hash is stored (see PortalSessionWithHash).
 */
export interface PortalSessionRecord {
  id: string;
  applicationId: string;
  expiresAt: Millis;
  /** Set once revoked; the token is refused from then on. */
  revokedAt: Millis | null;
  createdAt: Millis;
}

/** What an API key may do: READ = queries and subscriptions; WRITE = mutations as well (it implies READ). */
export type ApiKeyScope = 'READ' | 'WRITE';

/**
 * A named key of one application. Only its token's hash is stored (StoredApiKey). It works until
 * `expiresAt` or `revokedAt`, whichever comes first; after a rotation `revokedAt` is the end of
 * the grace, in the future.
 */
export interface ApiKeyRecord {
  id: string;
  applicationId: string;
  name: string;
  scopes: ApiKeyScope[];
  /** Requests per second this key may make; null = the server default. */
  rateLimit: number | null;
  createdAt: Millis;
  expiresAt: Millis | null;
  /** When the key last authenticated a request (written at most once a minute). */
  lastUsedAt: Millis | null;
  revokedAt: Millis | null;
}

/** A named admin token (the bootstrap token of TIDINGS_ADMIN_TOKEN is not one: it is a setting). */
export interface AdminTokenRecord {
  id: string;
  name: string;
  rateLimit: number | null;
  createdAt: Millis;
  revokedAt: Millis | null;
}

export interface EventTypeRecord {
  name: string;
  description: string | null;
  /** JSON Schema that payloads of this type must match; null accepts any JSON. */
  schema: unknown;
  /** Example payloads (each matches the schema); sendTestEvent sends the first one. */
  examples: unknown[];
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

/** How an endpoint's requests are shaped (delivery/formats/). */
export type EndpointFormat = 'STANDARD_WEBHOOKS' | 'CLOUDEVENTS_STRUCTURED' | 'CLOUDEVENTS_BINARY' | 'FORM';

export interface HeaderRecord {
  name: string;
  value: string;
}

/** Credentials a receiver requires; write-only in the API (only the kind is shown), never logged. */
export type EndpointAuth =
  | { kind: 'BASIC'; username: string; password: string }
  | { kind: 'BEARER'; token: string }
  | { kind: 'OAUTH2_CLIENT_CREDENTIALS'; tokenUrl: string; clientId: string; clientSecret: string; scope: string | null };

/**
 * What an endpoint hears and how its requests are built, applied in this fixed order:
 * channels and filter (fan-out) → includeFields → transform → format → sign.
 */
export interface DeliveryOptions {
  format: EndpointFormat;
  /** CloudEvents `source`; null = `tidings://<TIDINGS_CLOUDEVENTS_SOURCE>/applications/<application id>`. */
  cloudEventsSource: string | null;
  /** Null hears every event; otherwise only events published on at least one of these channels. */
  channels: string[] | null;
  /** A MongoDB-style query on the event's data (domain/event-filter.ts); null matches every event. */
  filter: Record<string, unknown> | null;
  /** Dotted paths of the data to keep; null keeps all of it. */
  includeFields: string[] | null;
  /** A JSONata expression computing the body (or `{ body, headers }`); null sends the format's body. */
  transform: string | null;
  /** Extra request headers, sent on every attempt. */
  headers: HeaderRecord[];
  /** Credentials sent as the Authorization header (an OAuth2 token is fetched and cached). */
  auth: EndpointAuth | null;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  format: 'STANDARD_WEBHOOKS', cloudEventsSource: null, channels: null, filter: null, includeFields: null, transform: null, headers: [], auth: null,
};

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
  /** Triggers and converters (what it hears, how its requests are built). */
  delivery: DeliveryOptions;
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
  /** Channels it was published on (endpoints that listen to channels hear only matching events). */
  channels: string[];
  /** Set on a test event (sendTestEvent): it goes to this endpoint only, whatever its triggers. */
  testEndpointId: string | null;
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
  /** What the statistics count for this attempt (domain/stats.ts); without it only the attempt record is counted. */
  measures?: AttemptMeasures;
  /** The receiver answered 410 Gone: its endpoint is disabled at once (reason GONE). */
  endpointGone?: boolean;
}

/** How an attempt ended, as the statistics class it: by HTTP status class, or why no answer came. */
export type AttemptOutcomeClass = 'success' | 'clientError' | 'serverError' | 'otherStatus' | 'timeout' | 'networkError' | 'refused';

/** Times measured around one attempt, in milliseconds. */
export interface AttemptMeasures {
  outcome: AttemptOutcomeClass;
  /** Time spent preparing the request (filter, transform, format, sign). */
  preparationMs: number;
  /** Publish → start of this attempt, on the first attempt only. */
  sendLatencyMs: number | null;
  /** Publish → end of this attempt, when it succeeded. */
  endToEndMs: number | null;
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

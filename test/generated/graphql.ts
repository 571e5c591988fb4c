import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A point in time, as an ISO-8601 string with milliseconds in UTC (e.g. "2026-01-31T12:00:00.000Z"). */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

/** A named admin token: acts as the platform, like the bootstrap token, and can be revoked alone. Its token is shown once; only the token's hash is stored. */
export type AdminToken = {
  __typename?: 'AdminToken';
  /** When the token was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The admin token ID (adm_…); revokeAdminToken takes it. */
  id: Scalars['ID']['output'];
  /** Who or what the token is for. */
  name: Scalars['String']['output'];
  /** Requests per second this token may make; null means the server's default. */
  rateLimit?: Maybe<Scalars['Int']['output']>;
  /** When the token was revoked; null while it is not. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A page of admin tokens, newest first. */
export type AdminTokenConnection = {
  __typename?: 'AdminTokenConnection';
  /** The admin tokens of this page. */
  edges: Array<AdminTokenEdge>;
  /** Whether more pages follow, and the cursors to read them. */
  pageInfo: PageInfo;
};

/** One admin token in a list, with its cursor. */
export type AdminTokenEdge = {
  __typename?: 'AdminTokenEdge';
  /** Pass as `after` to read the records after this one. */
  cursor: Scalars['String']['output'];
  /** The admin token. */
  node: AdminToken;
};

/** A named key of one application. Its token is shown once, at creation or rotation; only the token's hash is stored. */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** When the key was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the key stops working on its own; null when it never expires. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The key ID (key_…); revokeApiKey and rotateApiKey take it. Tokens of keys created since named keys exist begin with tdk_app_<this id>. */
  id: Scalars['ID']['output'];
  /** When the key last authenticated a request, to the minute (it is written at most once a minute); null when never used. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the key is for, as its creator named it. */
  name: Scalars['String']['output'];
  /** Requests per second this key may make; null means the server's default. */
  rateLimit?: Maybe<Scalars['Int']['output']>;
  /** When the key was revoked, or, after rotateApiKey, when its grace ends (then possibly in the future); null while neither. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the key may do. */
  scopes: Array<ApiKeyScope>;
};

/** A page of API keys, newest first. */
export type ApiKeyConnection = {
  __typename?: 'ApiKeyConnection';
  /** The API keys of this page. */
  edges: Array<ApiKeyEdge>;
  /** Whether more pages follow, and the cursors to read them. */
  pageInfo: PageInfo;
};

/** One API key in a list, with its cursor. */
export type ApiKeyEdge = {
  __typename?: 'ApiKeyEdge';
  /** Pass as `after` to read the records after this one. */
  cursor: Scalars['String']['output'];
  /** The API key. */
  node: ApiKey;
};

/** What an API key may do. */
export type ApiKeyScope =
  /** Queries and subscriptions. */
  | 'READ'
  /** Mutations as well as queries and subscriptions. */
  | 'WRITE';

/** One third-party integration of the platform: it owns endpoints, events and deliveries, and has its own API keys (apiKeys). */
export type Application = Node & {
  __typename?: 'Application';
  /** This application's API keys, newest first, revoked and expired ones included (never their tokens). */
  apiKeys: ApiKeyConnection;
  /** When the application was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Endpoints of this application, newest first (deleted ones are left out). */
  endpoints: EndpointConnection;
  /** Globally unique, type-prefixed, time-sortable ID. */
  id: Scalars['ID']['output'];
  /** The platform's own labels for it (e.g. its customer ID): a JSON object of string values, {} when none. */
  metadata: Scalars['JSON']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};


/** One third-party integration of the platform: it owns endpoints, events and deliveries, and has its own API keys (apiKeys). */
export type ApplicationApiKeysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** One third-party integration of the platform: it owns endpoints, events and deliveries, and has its own API keys (apiKeys). */
export type ApplicationEndpointsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of applications, newest first. */
export type ApplicationConnection = {
  __typename?: 'ApplicationConnection';
  /** The applications of this page. */
  edges: Array<ApplicationEdge>;
  /** Whether more pages follow, and the cursors to read them. */
  pageInfo: PageInfo;
};

/** One application in a list, with its cursor. */
export type ApplicationEdge = {
  __typename?: 'ApplicationEdge';
  /** Pass as `after` to read the records after this one. */
  cursor: Scalars['String']['output'];
  /** The application. */
  node: Application;
};

/** The event type to archive. */
export type ArchiveEventTypeInput = {
  /** The event type name. */
  name: Scalars['String']['input'];
};

/** The archived event type. */
export type ArchiveEventTypePayload = {
  __typename?: 'ArchiveEventTypePayload';
  /** The event type as it now stands. */
  eventType: EventType;
};

/** Attempts by how they ended. */
export type AttemptOutcomes = {
  __typename?: 'AttemptOutcomes';
  /** Answered 4xx. */
  clientError: Scalars['Int']['output'];
  /** The connection failed (refused, reset, DNS). */
  networkError: Scalars['Int']['output'];
  /** Answered another status (1xx, 3xx: redirects are not followed). */
  otherStatus: Scalars['Int']['output'];
  /** Tidings refused the target (a private address): the delivery failed at once. */
  refused: Scalars['Int']['output'];
  /** Answered 5xx. */
  serverError: Scalars['Int']['output'];
  /** Answered 2xx. */
  success: Scalars['Int']['output'];
  /** No complete answer within TIDINGS_DELIVERY_TIMEOUT. */
  timeout: Scalars['Int']['output'];
};

/** The credential a change was made with (never its token). */
export type AuditActor = {
  __typename?: 'AuditActor';
  /** The credential's ID (for an application key today, its application's ID; "admin" for the admin token). */
  id: Scalars['ID']['output'];
  /** What kind of credential it is. */
  kind: AuditActorKind;
  /** A name a person recognises. */
  name: Scalars['String']['output'];
};

/** What kind of credential made a change. */
export type AuditActorKind =
  /** The bootstrap admin token (TIDINGS_ADMIN_TOKEN or the generated one). */
  | 'ADMIN_BOOTSTRAP'
  /** A named admin token (createAdminToken). */
  | 'ADMIN_TOKEN'
  /** An application's API key. */
  | 'API_KEY'
  /** A portal session's token (createPortalSession). */
  | 'PORTAL_SESSION';

/** One management change that succeeded: every mutation but publishEvent (events are their own record). */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** The mutation, e.g. deleteEndpoint. */
  action: Scalars['String']['output'];
  /** Who made the change. */
  actor: AuditActor;
  /** The application it acted on; null for platform-wide changes (event types). */
  applicationId?: Maybe<Scalars['ID']['output']>;
  /** When the change was made. */
  createdAt: Scalars['DateTime']['output'];
  /** The entry ID (IDs sort by time). */
  id: Scalars['ID']['output'];
  /** IDs named in the mutation's input or returned in its payload (event types by name); IDs of another application's records are left out. */
  targetIds: Array<Scalars['ID']['output']>;
};

/** A page of audit entrys, newest first. */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** The audit entrys of this page. */
  edges: Array<AuditEntryEdge>;
  /** Whether more pages follow, and the cursors to read them. */
  pageInfo: PageInfo;
};

/** One audit entry in a list, with its cursor. */
export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  /** Pass as `after` to read the records after this one. */
  cursor: Scalars['String']['output'];
  /** The audit entry. */
  node: AuditEntry;
};

/** Which audit entries to list; every field given must match. */
export type AuditLogFilter = {
  /** Entries of this mutation, e.g. deleteEndpoint. */
  action?: InputMaybe<Scalars['String']['input']>;
  /** Entries made with this credential (AuditActor.id). */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Entries about this application (an application key sees only its own anyway). */
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  /** Entries made at or after this time. */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** Entries made before this time. */
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Unfinished deliveries now. */
export type Backlog = {
  __typename?: 'Backlog';
  /** Age of the oldest PENDING delivery in milliseconds; null when none waits. */
  oldestWaitingAgeMs?: Maybe<Scalars['Float']['output']>;
  /** RETRYING deliveries: waiting for their next attempt. */
  retrying: Scalars['Int']['output'];
  /** PENDING deliveries: not attempted yet (paused endpoints included). */
  waiting: Scalars['Int']['output'];
};

/** HTTP Basic credentials. */
export type BasicAuthInput = {
  /** The password. */
  password: Scalars['String']['input'];
  /** The user name (no ":"). */
  username: Scalars['String']['input'];
};

/** A static bearer token. */
export type BearerAuthInput = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: Scalars['String']['input'];
};

/** A background job of bulk recovery, with its progress. Survives restarts: another worker process resumes it where it was. */
export type BulkJob = Node & {
  __typename?: 'BulkJob';
  /** When the job was asked for. */
  createdAt: Scalars['DateTime']['output'];
  /** Records handled so far: deliveries queued again, or events replayed (or found already delivered or not for the endpoint). */
  done: Scalars['Int']['output'];
  /** Why the job FAILED; null otherwise. */
  error?: Maybe<Scalars['String']['output']>;
  /** Records that could not be handled, e.g. deliveries whose endpoint was deleted. */
  failed: Scalars['Int']['output'];
  /** When it SUCCEEDED, FAILED or was CANCELLED; null before. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Globally unique, type-prefixed, time-sortable ID. */
  id: Scalars['ID']['output'];
  /** What the job does. */
  kind: BulkJobKind;
  /** Where the job stands. */
  status: BulkJobStatus;
  /** Records to walk (FAILED deliveries, events for a replay, deliveries and events for a purge), counted when the job starts; null while QUEUED. */
  total?: Maybe<Scalars['Int']['output']>;
};

/** A page of bulk jobs, newest first. */
export type BulkJobConnection = {
  __typename?: 'BulkJobConnection';
  /** The bulk jobs of this page. */
  edges: Array<BulkJobEdge>;
  /** Whether more pages follow, and the cursors to read them. */
  pageInfo: PageInfo;
};

/** One bulk job in a list, with its cursor. */
export type BulkJobEdge = {
  __typename?: 'BulkJobEdge';
  /** Pass as `after` to read the records after this one. */
  cursor: Scalars['String']['output'];
  /** The bulk job. */
  node: BulkJob;
};

/** What a bulk job does. */
export type BulkJobKind =
  /** deleteApplication with purge: removes the deleted application's history (deliveries and events are counted as progress). */
  | 'PURGE_APPLICATION'
  /** recoverEndpoint: one more attempt for every delivery that FAILED to an endpoint since a time. */
  | 'RECOVER_ENDPOINT'
  /** replayEvents: deliveries of past events to an endpoint that never had them. */
  | 'REPLAY_EVENTS'
  /** retryDeliveries: one more attempt for every FAILED delivery matching a filter. */
  | 'RETRY_DELIVERIES';

/** Where a bulk job stands. */
export type BulkJobStatus =
  /** Stopped by cancelBulkJob; what it did before stays done. */
  | 'CANCELLED'
  /** Stopped early: its endpoint was deleted while it ran (see error). */
  | 'FAILED'
  /** Waiting for a job runner of a worker process. */
  | 'QUEUED'
  /** A job runner is working through it, a small batch at a time. */
  | 'RUNNING'
  /** Every record was walked. */
  | 'SUCCEEDED';

/** The job to cancel. */
export type CancelBulkJobInput = {
  /** The bulk job ID. */
  id: Scalars['ID']['input'];
};

/** The job, CANCELLED (or as it finished, if it had). */
export type CancelBulkJobPayload = {
  __typename?: 'CancelBulkJobPayload';
  /** The job; follow it with bulkJobUpdated or node(id:). */
  job: BulkJob;
};

/** A new admin token. */
export type CreateAdminTokenInput = {
  /** Who or what it is for, 1 to 256 characters. */
  name: Scalars['String']['input'];
  /** Requests per second it may make, 1 to 100000; the server's default when omitted or null. */
  rateLimit?: InputMaybe<Scalars['Int']['input']>;
};

/** The new admin token and its token string. */
export type CreateAdminTokenPayload = {
  __typename?: 'CreateAdminTokenPayload';
  /** The admin token. */
  adminToken: AdminToken;
  /** The token, shown this once: only its hash is stored. */
  token: Scalars['String']['output'];
};

/** A new API key. */
export type CreateApiKeyInput = {
  /** The application the key acts as: required with an admin token; an application's key may only name its own (or omit it). */
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  /** When it stops working (in the future); never when omitted. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** What the key is for, 1 to 256 characters. */
  name: Scalars['String']['input'];
  /** Requests per second it may make, 1 to 100000; the server's default when omitted or null. */
  rateLimit?: InputMaybe<Scalars['Int']['input']>;
  /** What it may do: at least one of READ, WRITE. */
  scopes: Array<ApiKeyScope>;
};

/** The new key and its token. */
export type CreateApiKeyPayload = {
  __typename?: 'CreateApiKeyPayload';
  /** The key. */
  apiKey: ApiKey;
  /** The token, shown this once: only its hash is stored. */
  key: Scalars['String']['output'];
};

/** A new application. */
export type CreateApplicationInput = {
  /** Display name, 1 to 256 characters. */
  name: Scalars['String']['input'];
};

/** The new application and its API key. */
export type CreateApplicationPayload = {
  __typename?: 'CreateApplicationPayload';
  /** The token of its first API key, "default" (READ and WRITE), shown this once: only its hash is stored. */
  apiKey: Scalars['String']['output'];
  /** The application. */
  application: Application;
};

/** A new endpoint. */
export type CreateEndpointInput = {
  /** The owning application: required with the admin token, implied by an application key. */
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  /** Credentials sent as the Authorization header (write-only); on update, null removes them. */
  auth?: InputMaybe<EndpointAuthInput>;
  /** Only events published on at least one of these channels; omitted or null = every event. Must not be empty. */
  channels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** CloudEvents `source` (a URI reference); defaults to tidings://<TIDINGS_CLOUDEVENTS_SOURCE>/applications/<application id>. */
  cloudEventsSource?: InputMaybe<Scalars['String']['input']>;
  /** Free text for people, up to 1024 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Exact names, "prefix.*" wildcards or "*"; omitted means every type. Must not be empty. */
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A condition on the event's data in a subset of the MongoDB query language ($eq $ne $gt $gte $lt $lte $in $nin $exists $and $or $not $regex, with $options for $regex; dotted paths), e.g. {"total": {"$gte": 100}, "customer.country": {"$in": ["DE", "FR"]}}. Events that do not match create no delivery for this endpoint. */
  filter?: InputMaybe<Scalars['JSON']['input']>;
  /** How requests are shaped; STANDARD_WEBHOOKS when omitted. */
  format?: InputMaybe<EndpointFormat>;
  /** Extra headers sent with every request to this endpoint (replaces the list). */
  headers?: InputMaybe<Array<HeaderInput>>;
  /** Dotted paths of the data to keep (e.g. ["id", "customer.email"]); the rest is left out. */
  includeFields?: InputMaybe<Array<Scalars['String']['input']>>;
  /** PARALLEL (the default) or FIFO: strictly in publish order, one in flight. */
  ordering?: InputMaybe<EndpointOrdering>;
  /** Most attempts a second to it, summed over all worker processes (1 to 100000); omitted = no limit. */
  rateLimitPerSecond?: InputMaybe<Scalars['Int']['input']>;
  /** Delays after each failed attempt, written like TIDINGS_RETRY_SCHEDULE (["5s", "5m", "30m"]); omitted = the platform's. */
  retrySchedule?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Bring your own signing key ("whsec_" + base64 of 24-64 bytes; for ED25519 "whsk_" + base64 of seed and public key); generated when omitted. */
  secret?: InputMaybe<Scalars['String']['input']>;
  /** HMAC_SHA256 (the default) or ED25519; kept for the life of the endpoint (rotation keeps it). */
  signatureScheme?: InputMaybe<SignatureScheme>;
  /** Longest one attempt may take, written like TIDINGS_DELIVERY_TIMEOUT ("10s"); omitted = the platform's. */
  timeout?: InputMaybe<Scalars['String']['input']>;
  /** A JSONata expression over { event: { id, type, timestamp, data, channels }, endpoint: { id, url } } returning the body, or { body, headers }. */
  transform?: InputMaybe<Scalars['String']['input']>;
  /** Absolute http(s) URL that receives the POSTs. */
  url: Scalars['String']['input'];
};

/** The new endpoint and its signing secret. */
export type CreateEndpointPayload = {
  __typename?: 'CreateEndpointPayload';
  /** The endpoint. */
  endpoint: Endpoint;
  /** What receivers verify signatures with: the HMAC secret ("whsec_…"), or for ED25519 the public key ("whpk_…"; Tidings keeps the private key). */
  secret: Scalars['String']['output'];
};

/** A new event type. */
export type CreateEventTypeInput = {
  /** What the event means and when it is sent. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Example payloads, each matching the schema; sendTestEvent sends the first one. */
  examples?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Dot-separated segments of letters, digits, "_" and "-", e.g. "order.created". */
  name: Scalars['String']['input'];
  /** JSON Schema (draft 2020-12 keywords via ajv) that payloads must match. */
  schema?: InputMaybe<Scalars['JSON']['input']>;
};

/** The new event type. */
export type CreateEventTypePayload = {
  __typename?: 'CreateEventTypePayload';
  /** The event type as it now stands. */
  eventType: EventType;
};

/** The application whose portal to open, and for how long. */
export type CreatePortalSessionInput = {
  /** The application the token acts as. */
  applicationId: Scalars['ID']['input'];
  /** Lifetime in seconds, 60 to 604800 (7 days); 3600 when omitted. */
  expiresIn?: InputMaybe<Scalars['Int']['input']>;
};

/** The new portal session: a link to hand to the application, and its token. */
export type CreatePortalSessionPayload = {
  __typename?: 'CreatePortalSessionPayload';
  /** When the token stops working. */
  expiresAt: Scalars['DateTime']['output'];
  /** The session (revokePortalSession takes its id). */
  portalSession: PortalSession;
  /** The token, shown this once: only its hash is stored. */
  token: Scalars['String']['output'];
  /** The portal page with the token in its #fragment (browsers never send it to a server): open it, or put it in an iframe. */
  url: Scalars['String']['output'];
};

/** The application to delete. */
export type DeleteApplicationInput = {
  /** The application ID. */
  id: Scalars['ID']['input'];
  /** Also remove its history now, in a PURGE_APPLICATION bulk job, instead of after the retention period (default false). */
  purge?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The deleted application, and the job removing its history when purge was asked for. */
export type DeleteApplicationPayload = {
  __typename?: 'DeleteApplicationPayload';
  /** ID of the deleted application. */
  deletedApplicationId: Scalars['ID']['output'];
  /** The PURGE_APPLICATION job removing its history (follow it with bulkJobUpdated); null without purge. */
  job?: Maybe<BulkJob>;
};

/** The endpoint to delete. */
export type DeleteEndpointInput = {
  /** The endpoint ID. */
  id: Scalars['ID']['input'];
};

/** What was deleted. */
export type DeleteEndpointPayload = {
  __typename?: 'DeleteEndpointPayload';
  /** The ID of the deleted endpoint. */
  deletedEndpointId: Scalars['ID']['output'];
};

/** One event on its way to one endpoint, with every attempt made. */
export type Delivery = Node & {
  __typename?: 'Delivery';
  /** Attempts made so far. */
  attemptCount: Scalars['Int']['output'];
  /** Every attempt, oldest first. */
  attempts: Array<DeliveryAttempt>;
  /** When the delivery was created (with its event). */
  createdAt: Scalars['DateTime']['output'];
  /** The endpoint it goes to (also when that endpoint was deleted since). */
  endpoint: Endpoint;
  /** The event being delivered. */
  event: Event;
  /** The type of the event. */
  eventType: Scalars['String']['output'];
  /** Why it was given up early, e.g. its endpoint was deleted. */
  failureReason?: Maybe<Scalars['String']['output']>;
  /** Globally unique, type-prefixed, time-sortable ID. */
  id: Scalars['ID']['output'];
  /** When the last attempt started. */
  lastAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the next attempt is due; null once finished. */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the delivery stands. */
  status: DeliveryStatus;
  /** When the delivery last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** One HTTP POST of a delivery and what came back. */
export type DeliveryAttempt = {
  __typename?: 'DeliveryAttempt';
  /** Milliseconds from sending to the end of the response (or the failure). */
  durationMs: Scalars['Int']['output'];
  /** Why the attempt failed: timeout, network error, refused target, or non-2xx status. */
  error?: Maybe<Scalars['String']['output']>;
  /** 1 for the first attempt, then 2, 3, … */
  number: Scalars['Int']['output'];
  /** The first 4 KiB of the response body. */
  responseBody?: Maybe<Scalars['String']['output']>;
  /** HTTP status, when a response arrived. */
  responseStatus?: Maybe<Scalars['Int']['output']>;
  /** The receiver's Retry-After (on 429 or 503) as honoured, in milliseconds (capped at TIDINGS_RETRY_AFTER_MAX): the next attempt waited at least this long. Null when none applied. */
  retryAfterMs?: Maybe<Scalars['Int']['output']>;
  /** When the request started. */
  startedAt: Scalars['DateTime']['output'];
  /** True when the endpoint answered 2xx. */
  success: Scalars['Boolean']['output'];
};

/** A page of deliverys, newest first. */
export type DeliveryConnection = {
  __typename?: 'DeliveryConnection';
  /** The deliverys of this page. */
  edges: Array<DeliveryEdge>;
  /** Whether more pages follow, and the cursors to read them. */
  pageInfo: PageInfo;
};

/** One delivery in a list, with its cursor. */
export type DeliveryEdge = {
  __typename?: 'DeliveryEdge';
  /** Pass as `after` to read the records after this one. */
  cursor: Scalars['String']['output'];
  /** The delivery. */
  node: Delivery;
};

/** Narrows a list or subscription of deliveries; every given field must match. */
export type DeliveryFilter = {
  /** Only deliveries of this application. */
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  /** Only deliveries to this endpoint. */
  endpointId?: InputMaybe<Scalars['ID']['input']>;
  /** Only deliveries of this event. */
  eventId?: InputMaybe<Scalars['ID']['input']>;
  /** Only deliveries of events of this exact type. */
  eventType?: InputMaybe<Scalars['String']['input']>;
  /** Only deliveries created at or after this time (inclusive). */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only deliveries in one of these statuses. */
  status?: InputMaybe<Array<DeliveryStatus>>;
  /** Only deliveries created before this time (exclusive). */
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** The request an endpoint would get for an event (after channels, filter, includeFields, transform and format, signed), or why it would get none. */
export type DeliveryPreview = {
  __typename?: 'DeliveryPreview';
  /** The exact body that would be sent (and signed). */
  body?: Maybe<Scalars['String']['output']>;
  /** Every header of the request, the signature included. */
  headers?: Maybe<Array<Header>>;
  /** Why nothing would be sent; null when wouldSend. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Where the request would be POSTed. */
  url?: Maybe<Scalars['String']['output']>;
  /** False when the endpoint does not hear the event (type, channels, filter) or its transform fails for it. */
  wouldSend: Scalars['Boolean']['output'];
};

/** Delivery statistics of a time range, computed from per-minute aggregates. */
export type DeliveryStats = {
  __typename?: 'DeliveryStats';
  /** Unfinished deliveries now (for the endpoint, when one is asked for). */
  backlog: Backlog;
  /** One per interval, oldest first, empty ones included. */
  buckets: Array<StatsBucket>;
  /** The whole range. */
  total: StatsBucket;
};

/** Which statistics: a time range, bucketed by interval, optionally narrowed. */
export type DeliveryStatsInput = {
  /** One application (admin token); an application key always sees its own. */
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  /** One endpoint. */
  endpointId?: InputMaybe<Scalars['ID']['input']>;
  /** One event type (exact name). */
  eventType?: InputMaybe<Scalars['String']['input']>;
  /** Bucket width; HOUR when omitted. At most 2000 buckets. */
  interval?: InputMaybe<StatsInterval>;
  /** Start of the range (inclusive; at minute resolution). */
  since: Scalars['DateTime']['input'];
  /** End of the range (exclusive); now when omitted. */
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Which statistics to follow live. */
export type DeliveryStatsUpdatedInput = {
  /** One application (admin token); an application key always sees its own. */
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  /** One endpoint. */
  endpointId?: InputMaybe<Scalars['ID']['input']>;
  /** One event type (exact name). */
  eventType?: InputMaybe<Scalars['String']['input']>;
  /** Width of the current bucket; MINUTE when omitted. */
  interval?: InputMaybe<StatsInterval>;
};

/** Where a delivery stands. */
export type DeliveryStatus =
  /** Given up: the retry schedule is exhausted, a manual retry failed, or the endpoint was deleted. */
  | 'FAILED'
  /** Waiting for its first attempt, or for a retry asked for with retryDelivery. */
  | 'PENDING'
  /** Failed at least once; the next attempt is scheduled (see nextAttemptAt). */
  | 'RETRYING'
  /** The endpoint answered with a 2xx status. */
  | 'SUCCEEDED';

/** A URL of an application that receives signed webhook POSTs. */
export type Endpoint = Node & {
  __typename?: 'Endpoint';
  /** The application that owns the endpoint; null once that application is deleted (its history stays readable until purged). */
  application?: Maybe<Application>;
  /** The kind of credentials it sends; null = none. The credentials are never shown. */
  authKind?: Maybe<EndpointAuthKind>;
  /** The channels it listens to; null = every event. */
  channels?: Maybe<Array<Scalars['String']['output']>>;
  /** The CloudEvents `source` of its events (CloudEvents formats). */
  cloudEventsSource: Scalars['String']['output'];
  /** When the endpoint was registered. */
  createdAt: Scalars['DateTime']['output'];
  /** True once the endpoint was deleted (its delivery history stays readable). */
  deleted: Scalars['Boolean']['output'];
  /** Deliveries to this endpoint, newest first. */
  deliveries: DeliveryConnection;
  /** Free text for people. */
  description?: Maybe<Scalars['String']['output']>;
  /** A disabled endpoint is paused: its deliveries wait and no new ones are created. */
  enabled: Scalars['Boolean']['output'];
  /** Event types it receives: exact names, "prefix.*" wildcards, or "*" for all. */
  eventTypes: Array<Scalars['String']['output']>;
  /** The condition on events' data it receives; null = every event. */
  filter?: Maybe<Scalars['JSON']['output']>;
  /** How requests to it are shaped. */
  format: EndpointFormat;
  /** Extra headers sent with every request to it. */
  headers: Array<Header>;
  /** How the endpoint is doing: failures, circuit breaker, disabling. */
  health: EndpointHealth;
  /** Globally unique, type-prefixed, time-sortable ID. */
  id: Scalars['ID']['output'];
  /** The dotted paths of the data it receives; null = all of the data. */
  includeFields?: Maybe<Array<Scalars['String']['output']>>;
  /** PARALLEL, or FIFO: strictly in publish order, one in flight. */
  ordering: EndpointOrdering;
  /** For ED25519: the current public key ("whpk_…") receivers verify with; null for HMAC_SHA256. */
  publicKey?: Maybe<Scalars['String']['output']>;
  /** Most attempts a second to it, summed over all worker processes; the rest wait in the store. Null = no limit. */
  rateLimitPerSecond?: Maybe<Scalars['Int']['output']>;
  /** Its own retry schedule (["5s", "5m"]); null = the platform's TIDINGS_RETRY_SCHEDULE. */
  retrySchedule?: Maybe<Array<Scalars['String']['output']>>;
  /** How its requests are signed. */
  signatureScheme: SignatureScheme;
  /** Delivery statistics of this endpoint since a time, bucketed by interval, with its backlog. */
  stats: DeliveryStats;
  /** Its own attempt timeout ("10s"); null = the platform's TIDINGS_DELIVERY_TIMEOUT. */
  timeout?: Maybe<Scalars['String']['output']>;
  /** The JSONata expression its bodies are computed with; null = none. */
  transform?: Maybe<Scalars['String']['output']>;
  /** When the endpoint was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Where deliveries are POSTed. */
  url: Scalars['String']['output'];
};


/** A URL of an application that receives signed webhook POSTs. */
export type EndpointDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DeliveryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A URL of an application that receives signed webhook POSTs. */
export type EndpointStatsArgs = {
  interval?: InputMaybe<StatsInterval>;
  since: Scalars['DateTime']['input'];
};

/** Credentials the receiver requires: exactly one of the fields. Write-only: the API shows only Endpoint.authKind. */
export type EndpointAuthInput = {
  /** HTTP Basic credentials. */
  basic?: InputMaybe<BasicAuthInput>;
  /** A static bearer token. */
  bearer?: InputMaybe<BearerAuthInput>;
  /** OAuth2 client credentials. */
  oauth2ClientCredentials?: InputMaybe<OAuth2ClientCredentialsInput>;
};

/** The kind of credentials an endpoint sends (the credentials themselves are write-only). */
export type EndpointAuthKind =
  /** HTTP Basic: `Authorization: Basic base64(username:password)`. */
  | 'BASIC'
  /** A static bearer token: `Authorization: Bearer <token>`. */
  | 'BEARER'
  /** An OAuth2 client-credentials token, fetched from the token URL, cached until it expires, sent as a bearer token. */
  | 'OAUTH2_CLIENT_CREDENTIALS';

/** A page of endpoints, newest first. */
export type EndpointConnection = {
  __typename?: 'EndpointConnection';
  /** The endpoints of this page. */
  edges: Array<EndpointEdge>;
  /** Whether more pages follow, and the cursors to read them. */
  pageInfo: PageInfo;
};

/** Why an endpoint is disabled. */
export type EndpointDisabledReason =
  /** No attempt succeeded for TIDINGS_DISABLE_AFTER (5 days by default) while it failed. */
  | 'FAILING'
  /** The receiver answered 410 Gone. */
  | 'GONE'
  /** Disabled through updateEndpoint. */
  | 'MANUAL';

/** One endpoint in a list, with its cursor. */
export type EndpointEdge = {
  __typename?: 'EndpointEdge';
  /** Pass as `after` to read the records after this one. */
  cursor: Scalars['String']['output'];
  /** The endpoint. */
  node: Endpoint;
};

/** How the requests to an endpoint are shaped. Every format is signed with the Standard Webhooks headers over the exact bytes sent. */
export type EndpointFormat =
  /** CloudEvents 1.0 binary mode: `ce-*` headers, the body is the data. */
  | 'CLOUDEVENTS_BINARY'
  /** A CloudEvents 1.0 envelope as `application/cloudevents+json` (specversion, id, source, type, time, datacontenttype, data). */
  | 'CLOUDEVENTS_STRUCTURED'
  /** `application/x-www-form-urlencoded` with `payload=<the JSON>`, as GitHub sends it. */
  | 'FORM'
  /** JSON `{ id, type, timestamp, data }` (the default). */
  | 'STANDARD_WEBHOOKS';

/** The health of an endpoint, computed from the outcomes of its attempts. */
export type EndpointHealth = {
  __typename?: 'EndpointHealth';
  /** While the circuit is open: when its cool-down ends and one probe attempt is made. */
  circuitOpenUntil?: Maybe<Scalars['DateTime']['output']>;
  /** Failed attempts since the last success. */
  consecutiveFailures: Scalars['Int']['output'];
  /** Why it is disabled; null unless DISABLED. */
  disabledReason?: Maybe<EndpointDisabledReason>;
  /** The first failure since the last success; null while healthy. */
  failingSince?: Maybe<Scalars['DateTime']['output']>;
  /** When an attempt last failed. */
  lastFailureAt?: Maybe<Scalars['DateTime']['output']>;
  /** When an attempt last succeeded. */
  lastSuccessAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the endpoint stands. */
  state: EndpointHealthState;
};

/** Which endpoints a health feed follows; omitted fields do not filter. */
export type EndpointHealthFilter = {
  /** Only endpoints of this application. */
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this endpoint. */
  endpointId?: InputMaybe<Scalars['ID']['input']>;
  /** Only changes into one of these states. */
  states?: InputMaybe<Array<EndpointHealthState>>;
};

/** How an endpoint is doing, from its recent attempts. */
export type EndpointHealthState =
  /** Too many failures in a row: its deliveries wait, keeping their attempts, until one probe attempt after the cool-down succeeds. */
  | 'CIRCUIT_OPEN'
  /** Disabled (see disabledReason): its deliveries wait until it is enabled again. */
  | 'DISABLED'
  /** Its recent attempts failed, fewer than TIDINGS_CIRCUIT_FAILURES in a row. */
  | 'FAILING'
  /** Its last attempt succeeded (or none was made yet). */
  | 'HEALTHY';

/** In which order an endpoint gets its deliveries. */
export type EndpointOrdering =
  /** Strictly in publish order, one in flight: a failing delivery holds the ones behind it until it succeeds or ends FAILED. */
  | 'FIFO'
  /** As they come due, several at once (the default). */
  | 'PARALLEL';

/** Something that happened in the platform, published for one application. */
export type Event = Node & {
  __typename?: 'Event';
  /** The application the event was published for; null once that application is deleted (its history stays readable until purged). */
  application?: Maybe<Application>;
  /** The channels it was published on. */
  channels: Array<Scalars['String']['output']>;
  /** When the event was accepted; also the `timestamp` of the webhook body. */
  createdAt: Scalars['DateTime']['output'];
  /** One delivery per endpoint the event was sent to, newest first. */
  deliveries: DeliveryConnection;
  /** Globally unique, type-prefixed, time-sortable ID. */
  id: Scalars['ID']['output'];
  /** The key given at publish time, if any. */
  idempotencyKey?: Maybe<Scalars['String']['output']>;
  /** The payload, sent as `data` in the webhook body. */
  payload: Scalars['JSON']['output'];
  /** The payload as the exact JSON text stored and sent (byte for byte what payloadText was at publish). */
  payloadText: Scalars['String']['output'];
  /** The event type name. */
  type: Scalars['String']['output'];
};


/** Something that happened in the platform, published for one application. */
export type EventDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of events, newest first. */
export type EventConnection = {
  __typename?: 'EventConnection';
  /** The events of this page. */
  edges: Array<EventEdge>;
  /** Whether more pages follow, and the cursors to read them. */
  pageInfo: PageInfo;
};

/** One event in a list, with its cursor. */
export type EventEdge = {
  __typename?: 'EventEdge';
  /** Pass as `after` to read the records after this one. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: Event;
};

/** Which published events a subscriber receives. */
export type EventPublishedFilter = {
  /** Only events of this application (an application key sees only its own anyway). */
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  /** Exact type names, `prefix.*` wildcards or `*`, as endpoints take them; omitted means all. */
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A kind of event in the platform-wide catalogue; the admin defines them, everyone reads them. */
export type EventType = {
  __typename?: 'EventType';
  /** Archived types accept no new events and are hidden from the default list. */
  archived: Scalars['Boolean']['output'];
  /** When the type was defined. */
  createdAt: Scalars['DateTime']['output'];
  /** What the event means and when it is sent. */
  description?: Maybe<Scalars['String']['output']>;
  /** Example payloads, each matching the schema; sendTestEvent sends the first one. */
  examples: Array<Scalars['JSON']['output']>;
  /** Unique name, e.g. "order.created". */
  name: Scalars['String']['output'];
  /** JSON Schema that every payload of this type must match; null accepts any JSON. */
  schema?: Maybe<Scalars['JSON']['output']>;
  /** When the type was last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** An HTTP header. */
export type Header = {
  __typename?: 'Header';
  /** The header name (lower case). */
  name: Scalars['String']['output'];
  /** The header value. */
  value: Scalars['String']['output'];
};

/** An extra request header for an endpoint. */
export type HeaderInput = {
  /** Header name; names Tidings sets are refused (host, content-length, content-type, transfer-encoding, connection, webhook-*, ce-*, tidings-*, ...). */
  name: Scalars['String']['input'];
  /** Header value, at most 4096 characters, no line breaks. */
  value: Scalars['String']['input'];
};

/** The current bucket so far and the backlog now. */
export type LiveDeliveryStats = {
  __typename?: 'LiveDeliveryStats';
  /** Unfinished deliveries now. */
  backlog: Backlog;
  /** The interval bucket holding now, up to now. */
  bucket: StatsBucket;
};

/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Archives an event type: it accepts no new events; history stays (admin only). */
  archiveEventType: ArchiveEventTypePayload;
  /** Stops a QUEUED or RUNNING bulk job before its next batch; what it did stays done. */
  cancelBulkJob: CancelBulkJobPayload;
  /** Creates a named admin token (admin only). */
  createAdminToken: CreateAdminTokenPayload;
  /** Creates an API key: the admin token for any application, an application's key (with WRITE) for its own. NOT_FOUND for an application the caller cannot see. */
  createApiKey: CreateApiKeyPayload;
  /** Creates an application and returns its API key (admin only). */
  createApplication: CreateApplicationPayload;
  /** Registers an endpoint and returns its signing secret. */
  createEndpoint: CreateEndpointPayload;
  /** Adds an event type to the catalogue (admin only). CONFLICT when the name exists. */
  createEventType: CreateEventTypePayload;
  /** Opens the console for one application's developers (admin only): a token that acts exactly as that application's key until it expires or is revoked. */
  createPortalSession: CreatePortalSessionPayload;
  /** Deletes an application (admin only): at once its API key and portal sessions are refused, its endpoints are deleted and their unfinished deliveries end FAILED; its history is removed after the retention period (TIDINGS_RETENTION), or now with purge. */
  deleteApplication: DeleteApplicationPayload;
  /** Deletes an endpoint: its unfinished deliveries end FAILED; its history stays readable. */
  deleteEndpoint: DeleteEndpointPayload;
  /** Publishes an event (admin only): stored with its deliveries before this returns, then delivered. */
  publishEvent: PublishEventPayload;
  /** Publishes a batch of events (admin only). Each event is published or refused on its own; every accepted event and its deliveries are stored before this returns, in one write. */
  publishEvents: PublishEventsPayload;
  /** Starts a background job that sends again everything that FAILED to the endpoint since a time. Returns at once. */
  recoverEndpoint: RecoverEndpointPayload;
  /** Starts a background job that creates deliveries of past events the endpoint hears but never had (one per event, never two). Returns at once. */
  replayEvents: ReplayEventsPayload;
  /** Starts a background job that queues exactly one more attempt of every FAILED delivery matching the filter, as retryDelivery does. Returns at once. */
  retryDeliveries: RetryDeliveriesPayload;
  /** Queues exactly one more attempt now, whatever the status; it ends SUCCEEDED or FAILED. CONFLICT while an attempt is in flight. */
  retryDelivery: RetryDeliveryPayload;
  /** Ends a named admin token now (admin only): refused from the next request on, its live connections closed. NOT_FOUND for an unknown ID; CONFLICT when revoked already. The bootstrap token cannot be revoked here. */
  revokeAdminToken: RevokeAdminTokenPayload;
  /** Ends an API key now: every process refuses its token from the next request on and closes its live connections. NOT_FOUND for a key the caller cannot see; CONFLICT when it was revoked already. */
  revokeApiKey: RevokeApiKeyPayload;
  /** Ends a portal session now (admin only): its token is refused from the next request on. NOT_FOUND for an unknown ID. */
  revokePortalSession: RevokePortalSessionPayload;
  /** Replaces an API key with a new one; the old token keeps working for the grace, then stops (its live connections close). CONFLICT for a key revoked, rotated or expired already. */
  rotateApiKey: RotateApiKeyPayload;
  /** Issues a new signing secret; the old one keeps signing during the grace period (TIDINGS_SECRET_ROTATION_GRACE, 24h). */
  rotateEndpointSecret: RotateEndpointSecretPayload;
  /** Publishes the event type's first example to one endpoint only, as a real event with a recorded delivery. */
  sendTestEvent: SendTestEventPayload;
  /** Renames an application or replaces its metadata (admin only). */
  updateApplication: UpdateApplicationPayload;
  /** Changes an endpoint; disabling pauses its deliveries until it is enabled again. */
  updateEndpoint: UpdateEndpointPayload;
  /** Changes an event type (admin only). */
  updateEventType: UpdateEventTypePayload;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationArchiveEventTypeArgs = {
  input: ArchiveEventTypeInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationCancelBulkJobArgs = {
  input: CancelBulkJobInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationCreateAdminTokenArgs = {
  input: CreateAdminTokenInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationCreateApplicationArgs = {
  input: CreateApplicationInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationCreateEndpointArgs = {
  input: CreateEndpointInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationCreateEventTypeArgs = {
  input: CreateEventTypeInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationCreatePortalSessionArgs = {
  input: CreatePortalSessionInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationDeleteApplicationArgs = {
  input: DeleteApplicationInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationDeleteEndpointArgs = {
  input: DeleteEndpointInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationPublishEventArgs = {
  input: PublishEventInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationPublishEventsArgs = {
  input: PublishEventsInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationRecoverEndpointArgs = {
  input: RecoverEndpointInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationReplayEventsArgs = {
  input: ReplayEventsInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationRetryDeliveriesArgs = {
  input: RetryDeliveriesInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationRetryDeliveryArgs = {
  input: RetryDeliveryInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationRevokeAdminTokenArgs = {
  input: RevokeAdminTokenInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationRevokeApiKeyArgs = {
  input: RevokeApiKeyInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationRevokePortalSessionArgs = {
  input: RevokePortalSessionInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationRotateApiKeyArgs = {
  input: RotateApiKeyInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationRotateEndpointSecretArgs = {
  input: RotateEndpointSecretInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationSendTestEventArgs = {
  input: SendTestEventInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationUpdateApplicationArgs = {
  input: UpdateApplicationInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationUpdateEndpointArgs = {
  input: UpdateEndpointInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope. */
export type MutationUpdateEventTypeArgs = {
  input: UpdateEventTypeInput;
};

/** An object with a globally unique ID that `node(id:)` can fetch. */
export type Node = {
  /** Globally unique, type-prefixed, time-sortable ID. */
  id: Scalars['ID']['output'];
};

/** OAuth2 client credentials (RFC 6749 section 4.4): Tidings fetches a token and sends it as a bearer token. */
export type OAuth2ClientCredentialsInput = {
  /** The client ID (sent with the secret as HTTP Basic to the token endpoint). */
  clientId: Scalars['String']['input'];
  /** The client secret. */
  clientSecret: Scalars['String']['input'];
  /** The scope to ask for, if any. */
  scope?: InputMaybe<Scalars['String']['input']>;
  /** The token endpoint (http or https; it passes the same target checks as endpoint URLs). */
  tokenUrl: Scalars['String']['input'];
};

/** Where a page sits in the whole list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last record of this page; pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more (older) records follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Always false: pages are read forward from the newest record. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first record of this page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Percentiles of a duration in milliseconds, from log-spaced histogram buckets: each within 9.5 % of the exact value. */
export type Percentiles = {
  __typename?: 'Percentiles';
  /** Median, in milliseconds. */
  p50: Scalars['Float']['output'];
  /** 95th percentile, in milliseconds. */
  p95: Scalars['Float']['output'];
  /** 99th percentile, in milliseconds. */
  p99: Scalars['Float']['output'];
};

/** A short-lived sign-in to the console for one application's developers; its token acts exactly as that application's key. */
export type PortalSession = {
  __typename?: 'PortalSession';
  /** The one application the token acts as; null once that application is deleted. */
  application?: Maybe<Application>;
  /** When the session was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the token stops working. */
  expiresAt: Scalars['DateTime']['output'];
  /** The session ID (ps_…); revokePortalSession takes it. */
  id: Scalars['ID']['output'];
  /** When the session was revoked; null while it is not. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** An event to preview against one endpoint. */
export type PreviewDeliveryInput = {
  /** Channels the event would be published on. */
  channels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The endpoint. */
  endpointId: Scalars['ID']['input'];
  /** An existing, not archived event type. */
  eventType: Scalars['String']['input'];
  /** The event data; must match the type's JSON Schema. */
  payload: Scalars['JSON']['input'];
};

/** Why one event of a batch was not published; nothing was stored for it. */
export type PublishEventError = {
  __typename?: 'PublishEventError';
  /** The error code, as a failed publishEvent would give it in extensions.code. */
  code: PublishEventErrorCode;
  /** The input field at fault (payload, type, idempotencyKey, ...), when one is. */
  field?: Maybe<Scalars['String']['output']>;
  /** What is wrong, for a person. */
  message: Scalars['String']['output'];
};

/** Why one event of a batch was not published. */
export type PublishEventErrorCode =
  /** The event broke a rule (unknown or archived type, payload not matching its schema, too deep or too large, invalid channels, an idempotency key already in this batch): see field and message. */
  | 'BAD_USER_INPUT'
  /** Its idempotency key was already used for an event with another type or payload. */
  | 'CONFLICT'
  /** Its application does not exist. */
  | 'NOT_FOUND';

/** An event to publish for one application. */
export type PublishEventInput = {
  /** The application whose endpoints receive the event. */
  applicationId: Scalars['ID']['input'];
  /** Channels the event is published on: endpoints that listen to channels receive it only when one of theirs is among these. */
  channels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Publishing again with the same key (same application, within 24h) returns the original event and creates nothing. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The event data, any JSON value but null; must match the type's JSON Schema. Give this or payloadText. */
  payload?: InputMaybe<Scalars['JSON']['input']>;
  /** The event data as JSON text, stored and sent byte for byte (numbers such as 12345678901234567890 arrive unchanged). Give this or payload. */
  payloadText?: InputMaybe<Scalars['String']['input']>;
  /** An existing, not archived event type. */
  type: Scalars['String']['input'];
};

/** The stored event and its deliveries. */
export type PublishEventPayload = {
  __typename?: 'PublishEventPayload';
  /** One delivery per matching enabled endpoint. */
  deliveries: Array<Delivery>;
  /** True when the idempotency key matched an earlier event and nothing new was stored. */
  duplicate: Scalars['Boolean']['output'];
  /** The event (the original one when the idempotency key was seen before). */
  event: Event;
};

/** What became of one event of a batch: published (or an idempotent repeat), or refused with an error. */
export type PublishEventResult = {
  __typename?: 'PublishEventResult';
  /** One delivery per matching endpoint; empty when refused. */
  deliveries: Array<Delivery>;
  /** True when the idempotency key matched an earlier event and nothing new was stored. */
  duplicate: Scalars['Boolean']['output'];
  /** Why the event was not published; null when it was. */
  error?: Maybe<PublishEventError>;
  /** The stored event (the original one when the idempotency key was seen before); null when refused. */
  event?: Maybe<Event>;
  /** Its position in the input list, from 0. */
  index: Scalars['Int']['output'];
};

/** A batch of events to publish, each for its own application. */
export type PublishEventsInput = {
  /** The events, in order; at most TIDINGS_MAX_EVENTS_PER_CALL (default 1000). Each is checked and published as publishEvent would; an idempotency key may appear once per application in a batch. */
  events: Array<PublishEventInput>;
};

/** One result per event of the batch, in input order. */
export type PublishEventsPayload = {
  __typename?: 'PublishEventsPayload';
  /** The results, in the order of input.events. */
  results: Array<PublishEventResult>;
};

/** Read the catalogue, applications, endpoints, events and deliveries. */
export type Query = {
  __typename?: 'Query';
  /** The named admin tokens, newest first, revoked ones included (admin only; the bootstrap token is not listed). */
  adminTokens: AdminTokenConnection;
  /** One application; an application key sees only its own. */
  application?: Maybe<Application>;
  /** Every application, newest first (admin only). */
  applications: ApplicationConnection;
  /** The audit log of management changes, newest first, kept for the retention period (TIDINGS_RETENTION). The admin sees every entry; an application key its own application's. */
  auditLog: AuditEntryConnection;
  /** One bulk job; null when it does not exist or belongs to another application. */
  bulkJob?: Maybe<BulkJob>;
  /** Bulk jobs the caller can see, newest first: an application's own, or every job for the admin. */
  bulkJobs: BulkJobConnection;
  /** Deliveries the caller can see, newest first. */
  deliveries: DeliveryConnection;
  /** One delivery; null when it does not exist or belongs to another application. */
  delivery?: Maybe<Delivery>;
  /** Event rate, attempts, outcomes, success rates and latency percentiles over a range, and the backlog now. */
  deliveryStats: DeliveryStats;
  /** One endpoint; null when it does not exist, was deleted, or belongs to another application. */
  endpoint?: Maybe<Endpoint>;
  /** Endpoints the caller can see, newest first. */
  endpoints: EndpointConnection;
  /** One event; null when it does not exist or belongs to another application. */
  event?: Maybe<Event>;
  /** One event type by name, archived or not. */
  eventType?: Maybe<EventType>;
  /** The event type catalogue, by name. */
  eventTypes: Array<EventType>;
  /** Events the caller can see, newest first. */
  events: EventConnection;
  /** Any object by its ID; null when it does not exist or belongs to another application. */
  node?: Maybe<Node>;
  /** The reserved application of operational events (tidings.endpoint.disabled, .enabled, .circuit_opened, .recovered, tidings.delivery.exhausted): register endpoints on it to be told. */
  operationsApplication: Application;
  /** Exactly the request Tidings would send to an endpoint for an event, built by the delivery code itself; nothing is stored or sent. */
  previewDelivery: DeliveryPreview;
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryAdminTokensArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryApplicationArgs = {
  id: Scalars['ID']['input'];
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryApplicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryBulkJobArgs = {
  id: Scalars['ID']['input'];
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryBulkJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DeliveryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryDeliveryArgs = {
  id: Scalars['ID']['input'];
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryDeliveryStatsArgs = {
  input: DeliveryStatsInput;
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryEndpointArgs = {
  id: Scalars['ID']['input'];
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryEndpointsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryEventArgs = {
  id: Scalars['ID']['input'];
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryEventTypeArgs = {
  name: Scalars['String']['input'];
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryEventTypesArgs = {
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Read the catalogue, applications, endpoints, events and deliveries. */
export type QueryPreviewDeliveryArgs = {
  input: PreviewDeliveryInput;
};

/** The endpoint to recover and from when. */
export type RecoverEndpointInput = {
  /** The endpoint. */
  endpointId: Scalars['ID']['input'];
  /** Deliveries created at or after this time that FAILED are sent again. */
  since: Scalars['DateTime']['input'];
};

/** The job that sends the endpoint's FAILED deliveries again. */
export type RecoverEndpointPayload = {
  __typename?: 'RecoverEndpointPayload';
  /** The job; follow it with bulkJobUpdated or node(id:). */
  job: BulkJob;
};

/** Which past events to deliver to an endpoint that never had them. */
export type ReplayEventsInput = {
  /** The endpoint; the events are those of its application that it hears (event types, channels, filter). */
  endpointId: Scalars['ID']['input'];
  /** Only events of these exact types; all the endpoint hears when left out. */
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Events published at or after this time. */
  since: Scalars['DateTime']['input'];
  /** Events published before this time (exclusive); all since `since` when left out. */
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** The job that creates the missing deliveries. */
export type ReplayEventsPayload = {
  __typename?: 'ReplayEventsPayload';
  /** The job; follow it with bulkJobUpdated or node(id:). */
  job: BulkJob;
};

/** Which FAILED deliveries to attempt once more. */
export type RetryDeliveriesInput = {
  /** Deliveries matching it that are FAILED (a status, if given, must include FAILED). */
  filter: DeliveryFilter;
};

/** The job that queues one more attempt of each matching FAILED delivery. */
export type RetryDeliveriesPayload = {
  __typename?: 'RetryDeliveriesPayload';
  /** The job; follow it with bulkJobUpdated or node(id:). */
  job: BulkJob;
};

/** The delivery to attempt again. */
export type RetryDeliveryInput = {
  /** The delivery ID. */
  id: Scalars['ID']['input'];
};

/** The delivery, queued for one more attempt. */
export type RetryDeliveryPayload = {
  __typename?: 'RetryDeliveryPayload';
  /** The delivery, PENDING until the attempt ends. */
  delivery: Delivery;
};

/** The admin token to end. */
export type RevokeAdminTokenInput = {
  /** The admin token ID (adm_…). */
  id: Scalars['ID']['input'];
};

/** The revoked admin token. */
export type RevokeAdminTokenPayload = {
  __typename?: 'RevokeAdminTokenPayload';
  /** The admin token, with revokedAt set. */
  adminToken: AdminToken;
};

/** The API key to end. */
export type RevokeApiKeyInput = {
  /** The key ID (key_…). */
  id: Scalars['ID']['input'];
};

/** The revoked key. */
export type RevokeApiKeyPayload = {
  __typename?: 'RevokeApiKeyPayload';
  /** The key, with revokedAt set. */
  apiKey: ApiKey;
};

/** The portal session to end. */
export type RevokePortalSessionInput = {
  /** The session ID (ps_…). */
  id: Scalars['ID']['input'];
};

/** The revoked portal session. */
export type RevokePortalSessionPayload = {
  __typename?: 'RevokePortalSessionPayload';
  /** The session, with revokedAt set. */
  portalSession: PortalSession;
};

/** The API key to replace, and how long its token keeps working. */
export type RotateApiKeyInput = {
  /** Seconds the old token keeps working, 0 to 604800 (7 days); 3600 when omitted. 0 ends it now. */
  grace?: InputMaybe<Scalars['Int']['input']>;
  /** The key ID (key_…). */
  id: Scalars['ID']['input'];
};

/** The new key (same name, scopes, expiry and rate limit) and its token; the old key stops at the end of the grace. */
export type RotateApiKeyPayload = {
  __typename?: 'RotateApiKeyPayload';
  /** The new key. */
  apiKey: ApiKey;
  /** The new key's token, shown this once: only its hash is stored. */
  key: Scalars['String']['output'];
  /** The old key, its revokedAt the end of the grace. */
  previousApiKey: ApiKey;
};

/** The endpoint whose signing secret to replace. */
export type RotateEndpointSecretInput = {
  /** The endpoint ID. */
  id: Scalars['ID']['input'];
};

/** The endpoint and its new signing secret. */
export type RotateEndpointSecretPayload = {
  __typename?: 'RotateEndpointSecretPayload';
  /** The endpoint. */
  endpoint: Endpoint;
  /** The new secret (for ED25519 the new public key). The previous one keeps signing (both signatures are sent) for 24 hours by default. */
  secret: Scalars['String']['output'];
};

/** The endpoint to test and the event type whose first example to send. */
export type SendTestEventInput = {
  /** The endpoint; it gets the event whatever its event types, channels and filter. */
  endpointId: Scalars['ID']['input'];
  /** An event type with at least one example. */
  eventType: Scalars['String']['input'];
};

/** The delivery of the test event. */
export type SendTestEventPayload = {
  __typename?: 'SendTestEventPayload';
  /** A real, recorded delivery (retried like any other). */
  delivery: Delivery;
};

/** How requests are signed (Standard Webhooks `webhook-signature`). */
export type SignatureScheme =
  /** `v1a,` Ed25519: Tidings signs with its private key, receivers verify with Endpoint.publicKey ("whpk_…"). */
  | 'ED25519'
  /** `v1,` HMAC-SHA256 with a shared secret ("whsec_…"). */
  | 'HMAC_SHA256';

/** Delivery figures of one time bucket (or of the whole range). */
export type StatsBucket = {
  __typename?: 'StatsBucket';
  /** How long attempts took, request to last response byte (receiver time). */
  attemptDuration?: Maybe<Percentiles>;
  /** Share of attempts answered 2xx (0 to 1); null without attempts. */
  attemptSuccessRate?: Maybe<Scalars['Float']['output']>;
  /** Attempts made (counted in the minute they started). */
  attempts: Scalars['Int']['output'];
  /** Deliveries created (one per event and endpoint). */
  deliveriesCreated: Scalars['Int']['output'];
  /** succeeded / (succeeded + failed); null when none finished. */
  deliverySuccessRate?: Maybe<Scalars['Float']['output']>;
  /** End of the bucket (exclusive). */
  end: Scalars['DateTime']['output'];
  /** Publish → end of the successful attempt. */
  endToEndLatency?: Maybe<Percentiles>;
  /** Events published per second of the bucket. */
  eventRate: Scalars['Float']['output'];
  /** Events published; for one endpoint, the events that reached it. */
  eventsPublished: Scalars['Int']['output'];
  /** Deliveries that an attempt ended FAILED for good. */
  failed: Scalars['Int']['output'];
  /** Attempts by how they ended. */
  outcomes: AttemptOutcomes;
  /** Time Tidings spent preparing each request (format, sign). */
  preparation?: Maybe<Percentiles>;
  /** Failed attempts after which the delivery was scheduled again. */
  retried: Scalars['Int']['output'];
  /** Publish → start of the first attempt. */
  sendLatency?: Maybe<Percentiles>;
  /** Start of the bucket (inclusive). */
  start: Scalars['DateTime']['output'];
  /** Deliveries that succeeded. */
  succeeded: Scalars['Int']['output'];
};

/** The width of a statistics bucket; buckets are aligned in UTC. */
export type StatsInterval =
  /** One UTC day, rolled up from its minutes. */
  | 'DAY'
  /** One hour, rolled up from its minutes. */
  | 'HOUR'
  /** One minute (the resolution the statistics are kept at). */
  | 'MINUTE';

/** Live updates. */
export type Subscription = {
  __typename?: 'Subscription';
  /** The progress of one bulk job: its current state first, then one message per batch; ends after the message that says it finished. */
  bulkJobUpdated: BulkJob;
  /** The current bucket and the backlog at once, then every TIDINGS_STATS_LIVE_INTERVAL (5 s by default), for live charts. */
  deliveryStatsUpdated: LiveDeliveryStats;
  /** One message each time a delivery the caller can see is created or changes state (every attempt included). */
  deliveryUpdated: Delivery;
  /** One message each time the health state of an endpoint the caller can see changes: failing, circuit opened, recovered, disabled or enabled. */
  endpointHealthChanged: Endpoint;
  /** One message per event published from now on that the caller can see, with its payload (what `tidings listen` forwards). */
  eventPublished: Event;
};


/** Live updates. */
export type SubscriptionBulkJobUpdatedArgs = {
  id: Scalars['ID']['input'];
};


/** Live updates. */
export type SubscriptionDeliveryStatsUpdatedArgs = {
  input?: InputMaybe<DeliveryStatsUpdatedInput>;
};


/** Live updates. */
export type SubscriptionDeliveryUpdatedArgs = {
  filter?: InputMaybe<DeliveryFilter>;
};


/** Live updates. */
export type SubscriptionEndpointHealthChangedArgs = {
  filter?: InputMaybe<EndpointHealthFilter>;
};


/** Live updates. */
export type SubscriptionEventPublishedArgs = {
  filter?: InputMaybe<EventPublishedFilter>;
};

/** Changes to an application; fields left out stay as they are. */
export type UpdateApplicationInput = {
  /** The application ID. */
  id: Scalars['ID']['input'];
  /** Replaces its metadata: a JSON object of string values, at most 50 keys of 1 to 40 characters, values of at most 500 characters ({} clears it). */
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  /** New display name, 1 to 256 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** The changed application. */
export type UpdateApplicationPayload = {
  __typename?: 'UpdateApplicationPayload';
  /** The application as it now stands. */
  application: Application;
};

/** Changes to an endpoint; omitted fields stay as they are. */
export type UpdateEndpointInput = {
  /** Credentials sent as the Authorization header (write-only); on update, null removes them. */
  auth?: InputMaybe<EndpointAuthInput>;
  /** Only events published on at least one of these channels; omitted or null = every event. Must not be empty. */
  channels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** CloudEvents `source` (a URI reference); defaults to tidings://<TIDINGS_CLOUDEVENTS_SOURCE>/applications/<application id>. */
  cloudEventsSource?: InputMaybe<Scalars['String']['input']>;
  /** New description; null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Pause (false) or resume (true) deliveries. Enabling starts its health afresh (HEALTHY, circuit closed). */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** New event type filter; null means every type. */
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A condition on the event's data in a subset of the MongoDB query language ($eq $ne $gt $gte $lt $lte $in $nin $exists $and $or $not $regex, with $options for $regex; dotted paths), e.g. {"total": {"$gte": 100}, "customer.country": {"$in": ["DE", "FR"]}}. Events that do not match create no delivery for this endpoint. */
  filter?: InputMaybe<Scalars['JSON']['input']>;
  /** How requests are shaped; STANDARD_WEBHOOKS when omitted. */
  format?: InputMaybe<EndpointFormat>;
  /** Extra headers sent with every request to this endpoint (replaces the list). */
  headers?: InputMaybe<Array<HeaderInput>>;
  /** The endpoint to change. */
  id: Scalars['ID']['input'];
  /** Dotted paths of the data to keep (e.g. ["id", "customer.email"]); the rest is left out. */
  includeFields?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New ordering; FIFO applies to its unfinished deliveries from now on. */
  ordering?: InputMaybe<EndpointOrdering>;
  /** New rate limit (attempts a second across all workers); null = no limit. */
  rateLimitPerSecond?: InputMaybe<Scalars['Int']['input']>;
  /** New retry schedule (["5s", "5m"]); null = the platform's again. */
  retrySchedule?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New timeout ("10s"); null = the platform's again. */
  timeout?: InputMaybe<Scalars['String']['input']>;
  /** A JSONata expression over { event: { id, type, timestamp, data, channels }, endpoint: { id, url } } returning the body, or { body, headers }. */
  transform?: InputMaybe<Scalars['String']['input']>;
  /** New URL. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** The changed endpoint. */
export type UpdateEndpointPayload = {
  __typename?: 'UpdateEndpointPayload';
  /** The endpoint as it now stands. */
  endpoint: Endpoint;
};

/** Changes to an event type; omitted fields stay as they are. */
export type UpdateEventTypeInput = {
  /** Archive (true) or restore (false) the type. */
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  /** New description; null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New example payloads (replacing the list), each matching the schema; null clears them. */
  examples?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** The event type to change. */
  name: Scalars['String']['input'];
  /** New JSON Schema; null removes validation. The examples must match it. */
  schema?: InputMaybe<Scalars['JSON']['input']>;
};

/** The changed event type. */
export type UpdateEventTypePayload = {
  __typename?: 'UpdateEventTypePayload';
  /** The event type as it now stands. */
  eventType: EventType;
};

/**
 * A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.
 *
 * In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
 */
export type __Directive = {
  __typename?: '__Directive';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  isRepeatable: Scalars['Boolean']['output'];
  locations: Array<__DirectiveLocation>;
  args: Array<__InputValue>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};


/**
 * A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.
 *
 * In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
 */
export type __DirectiveArgsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies. */
export type __DirectiveLocation =
  /** Location adjacent to a query operation. */
  | 'QUERY'
  /** Location adjacent to a mutation operation. */
  | 'MUTATION'
  /** Location adjacent to a subscription operation. */
  | 'SUBSCRIPTION'
  /** Location adjacent to a field. */
  | 'FIELD'
  /** Location adjacent to a fragment definition. */
  | 'FRAGMENT_DEFINITION'
  /** Location adjacent to a fragment spread. */
  | 'FRAGMENT_SPREAD'
  /** Location adjacent to an inline fragment. */
  | 'INLINE_FRAGMENT'
  /** Location adjacent to a variable definition. */
  | 'VARIABLE_DEFINITION'
  /** Location adjacent to a schema definition. */
  | 'SCHEMA'
  /** Location adjacent to a scalar definition. */
  | 'SCALAR'
  /** Location adjacent to an object type definition. */
  | 'OBJECT'
  /** Location adjacent to a field definition. */
  | 'FIELD_DEFINITION'
  /** Location adjacent to an argument definition. */
  | 'ARGUMENT_DEFINITION'
  /** Location adjacent to an interface definition. */
  | 'INTERFACE'
  /** Location adjacent to a union definition. */
  | 'UNION'
  /** Location adjacent to an enum definition. */
  | 'ENUM'
  /** Location adjacent to an enum value definition. */
  | 'ENUM_VALUE'
  /** Location adjacent to an input object type definition. */
  | 'INPUT_OBJECT'
  /** Location adjacent to an input object field definition. */
  | 'INPUT_FIELD_DEFINITION'
  /** Location adjacent to a directive definition. */
  | 'DIRECTIVE_DEFINITION';

/** One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string. */
export type __EnumValue = {
  __typename?: '__EnumValue';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};

/** Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type. */
export type __Field = {
  __typename?: '__Field';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  args: Array<__InputValue>;
  type: __Type;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};


/** Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type. */
export type __FieldArgsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value. */
export type __InputValue = {
  __typename?: '__InputValue';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  type: __Type;
  /** A GraphQL-formatted string representing the default value for this input value. */
  defaultValue?: Maybe<Scalars['String']['output']>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};

/** A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations. */
export type __Schema = {
  __typename?: '__Schema';
  description?: Maybe<Scalars['String']['output']>;
  /** A list of all types supported by this server. */
  types: Array<__Type>;
  /** The type that query operations will be rooted at. */
  queryType: __Type;
  /** If this server supports mutation, the type that mutation operations will be rooted at. */
  mutationType?: Maybe<__Type>;
  /** If this server support subscription, the type that subscription operations will be rooted at. */
  subscriptionType?: Maybe<__Type>;
  /** A list of all directives supported by this server. */
  directives: Array<__Directive>;
};


/** A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations. */
export type __SchemaDirectivesArgs = {
  includeDeprecated?: Scalars['Boolean']['input'];
};

/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __Type = {
  __typename?: '__Type';
  kind: __TypeKind;
  name?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  specifiedByURL?: Maybe<Scalars['String']['output']>;
  fields?: Maybe<Array<__Field>>;
  interfaces?: Maybe<Array<__Type>>;
  possibleTypes?: Maybe<Array<__Type>>;
  enumValues?: Maybe<Array<__EnumValue>>;
  inputFields?: Maybe<Array<__InputValue>>;
  ofType?: Maybe<__Type>;
  isOneOf?: Maybe<Scalars['Boolean']['output']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeFieldsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeEnumValuesArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeInputFieldsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An enum describing what kind of type a given `__Type` is. */
export type __TypeKind =
  /** Indicates this type is a scalar. */
  | 'SCALAR'
  /** Indicates this type is an object. `fields` and `interfaces` are valid fields. */
  | 'OBJECT'
  /** Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields. */
  | 'INTERFACE'
  /** Indicates this type is a union. `possibleTypes` is a valid field. */
  | 'UNION'
  /** Indicates this type is an enum. `enumValues` is a valid field. */
  | 'ENUM'
  /** Indicates this type is an input object. `inputFields` is a valid field. */
  | 'INPUT_OBJECT'
  /** Indicates this type is a list. `ofType` is a valid field. */
  | 'LIST'
  /** Indicates this type is a non-null. `ofType` is a valid field. */
  | 'NON_NULL';

export type CreateApplicationMutationVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type CreateApplicationMutation = { __typename?: 'Mutation', createApplication: { __typename?: 'CreateApplicationPayload', apiKey: string, application: { __typename?: 'Application', id: string, name: string, createdAt: string } } };

export type ApplicationsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ApplicationsQuery = { __typename?: 'Query', applications: { __typename?: 'ApplicationConnection', edges: Array<{ __typename?: 'ApplicationEdge', cursor: string, node: { __typename?: 'Application', id: string, name: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type ApplicationQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApplicationQuery = { __typename?: 'Query', application?: { __typename?: 'Application', id: string, name: string } | null };

export type CreateEventTypeMutationVariables = Exact<{
  input: CreateEventTypeInput;
}>;


export type CreateEventTypeMutation = { __typename?: 'Mutation', createEventType: { __typename?: 'CreateEventTypePayload', eventType: { __typename?: 'EventType', name: string, description?: string | null, schema?: unknown | null, archived: boolean, createdAt: string, updatedAt: string } } };

export type UpdateEventTypeMutationVariables = Exact<{
  input: UpdateEventTypeInput;
}>;


export type UpdateEventTypeMutation = { __typename?: 'Mutation', updateEventType: { __typename?: 'UpdateEventTypePayload', eventType: { __typename?: 'EventType', name: string, description?: string | null, schema?: unknown | null, archived: boolean } } };

export type ArchiveEventTypeMutationVariables = Exact<{
  input: ArchiveEventTypeInput;
}>;


export type ArchiveEventTypeMutation = { __typename?: 'Mutation', archiveEventType: { __typename?: 'ArchiveEventTypePayload', eventType: { __typename?: 'EventType', name: string, archived: boolean } } };

export type EventTypesQueryVariables = Exact<{
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type EventTypesQuery = { __typename?: 'Query', eventTypes: Array<{ __typename?: 'EventType', name: string, archived: boolean }> };

export type EventTypeQueryVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type EventTypeQuery = { __typename?: 'Query', eventType?: { __typename?: 'EventType', name: string, description?: string | null, schema?: unknown | null, archived: boolean } | null };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { __typename?: 'Mutation', createApiKey: { __typename?: 'CreateApiKeyPayload', key: string, apiKey: { __typename?: 'ApiKey', id: string, name: string, scopes: Array<ApiKeyScope>, rateLimit?: number | null, createdAt: string, expiresAt?: string | null, lastUsedAt?: string | null, revokedAt?: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { __typename?: 'Mutation', revokeApiKey: { __typename?: 'RevokeApiKeyPayload', apiKey: { __typename?: 'ApiKey', id: string, revokedAt?: string | null } } };

export type RotateApiKeyMutationVariables = Exact<{
  input: RotateApiKeyInput;
}>;


export type RotateApiKeyMutation = { __typename?: 'Mutation', rotateApiKey: { __typename?: 'RotateApiKeyPayload', key: string, apiKey: { __typename?: 'ApiKey', id: string, name: string, scopes: Array<ApiKeyScope>, rateLimit?: number | null, expiresAt?: string | null, revokedAt?: string | null }, previousApiKey: { __typename?: 'ApiKey', id: string, revokedAt?: string | null } } };

export type ApplicationApiKeysQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ApplicationApiKeysQuery = { __typename?: 'Query', application?: { __typename?: 'Application', id: string, apiKeys: { __typename?: 'ApiKeyConnection', edges: Array<{ __typename?: 'ApiKeyEdge', cursor: string, node: { __typename?: 'ApiKey', id: string, name: string, scopes: Array<ApiKeyScope>, rateLimit?: number | null, createdAt: string, expiresAt?: string | null, lastUsedAt?: string | null, revokedAt?: string | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } | null };

export type CreateAdminTokenMutationVariables = Exact<{
  input: CreateAdminTokenInput;
}>;


export type CreateAdminTokenMutation = { __typename?: 'Mutation', createAdminToken: { __typename?: 'CreateAdminTokenPayload', token: string, adminToken: { __typename?: 'AdminToken', id: string, name: string, rateLimit?: number | null, createdAt: string, revokedAt?: string | null } } };

export type RevokeAdminTokenMutationVariables = Exact<{
  input: RevokeAdminTokenInput;
}>;


export type RevokeAdminTokenMutation = { __typename?: 'Mutation', revokeAdminToken: { __typename?: 'RevokeAdminTokenPayload', adminToken: { __typename?: 'AdminToken', id: string, revokedAt?: string | null } } };

export type AdminTokensQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminTokensQuery = { __typename?: 'Query', adminTokens: { __typename?: 'AdminTokenConnection', edges: Array<{ __typename?: 'AdminTokenEdge', node: { __typename?: 'AdminToken', id: string, name: string, rateLimit?: number | null, createdAt: string, revokedAt?: string | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type IntrospectionQueryVariables = Exact<{ [key: string]: never; }>;


export type IntrospectionQuery = { __typename?: 'Query', __schema: { __typename?: '__Schema', queryType: { __typename?: '__Type', name?: string | null }, mutationType?: { __typename?: '__Type', name?: string | null } | null, subscriptionType?: { __typename?: '__Type', name?: string | null } | null, types: Array<{ __typename?: '__Type', name?: string | null, kind: __TypeKind, description?: string | null }> } };

export type DepthAtLimitQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DepthAtLimitQuery = { __typename?: 'Query', endpoint?: { __typename?: 'Endpoint', application?: { __typename?: 'Application', endpoints: { __typename?: 'EndpointConnection', edges: Array<{ __typename?: 'EndpointEdge', node: { __typename?: 'Endpoint', application?: { __typename?: 'Application', endpoints: { __typename?: 'EndpointConnection', edges: Array<{ __typename?: 'EndpointEdge', node: { __typename?: 'Endpoint', deliveries: { __typename?: 'DeliveryConnection', edges: Array<{ __typename?: 'DeliveryEdge', cursor: string }> } } }> } } | null } }> } } | null } | null };

export type DepthOverLimitQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DepthOverLimitQuery = { __typename?: 'Query', endpoint?: { __typename?: 'Endpoint', application?: { __typename?: 'Application', endpoints: { __typename?: 'EndpointConnection', edges: Array<{ __typename?: 'EndpointEdge', node: { __typename?: 'Endpoint', application?: { __typename?: 'Application', endpoints: { __typename?: 'EndpointConnection', edges: Array<{ __typename?: 'EndpointEdge', node: { __typename?: 'Endpoint', deliveries: { __typename?: 'DeliveryConnection', edges: Array<{ __typename?: 'DeliveryEdge', node: { __typename?: 'Delivery', id: string } }> } } }> } } | null } }> } } | null } | null };

export type PublishInlinePayloadMutationVariables = Exact<{
  applicationId: Scalars['ID']['input'];
  type: Scalars['String']['input'];
  i: Scalars['Int']['input'];
}>;


export type PublishInlinePayloadMutation = { __typename?: 'Mutation', publishEvent: { __typename?: 'PublishEventPayload', event: { __typename?: 'Event', id: string, payload: unknown } } };

export type EventsPageQueryVariables = Exact<{
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EventsPageQuery = { __typename?: 'Query', events: { __typename?: 'EventConnection', edges: Array<{ __typename?: 'EventEdge', cursor: string, node: { __typename?: 'Event', id: string, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type DeliveriesPageQueryVariables = Exact<{
  filter?: InputMaybe<DeliveryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DeliveriesPageQuery = { __typename?: 'Query', deliveries: { __typename?: 'DeliveryConnection', edges: Array<{ __typename?: 'DeliveryEdge', cursor: string, node: { __typename?: 'Delivery', id: string, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type ApplicationsPageQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ApplicationsPageQuery = { __typename?: 'Query', applications: { __typename?: 'ApplicationConnection', edges: Array<{ __typename?: 'ApplicationEdge', cursor: string, node: { __typename?: 'Application', id: string, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type EndpointCountQueryVariables = Exact<{
  applicationId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type EndpointCountQuery = { __typename?: 'Query', endpoints: { __typename?: 'EndpointConnection', edges: Array<{ __typename?: 'EndpointEdge', node: { __typename?: 'Endpoint', id: string, url: string, description?: string | null, eventTypes: Array<string>, enabled: boolean } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean } } };

export type EventDeliveriesPageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EventDeliveriesPageQuery = { __typename?: 'Query', event?: { __typename?: 'Event', deliveries: { __typename?: 'DeliveryConnection', edges: Array<{ __typename?: 'DeliveryEdge', cursor: string, node: { __typename?: 'Delivery', id: string, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } } | null };

export type UpdateApplicationMutationVariables = Exact<{
  input: UpdateApplicationInput;
}>;


export type UpdateApplicationMutation = { __typename?: 'Mutation', updateApplication: { __typename?: 'UpdateApplicationPayload', application: { __typename?: 'Application', id: string, name: string, metadata: unknown, createdAt: string } } };

export type DeleteApplicationMutationVariables = Exact<{
  input: DeleteApplicationInput;
}>;


export type DeleteApplicationMutation = { __typename?: 'Mutation', deleteApplication: { __typename?: 'DeleteApplicationPayload', deletedApplicationId: string, job?: { __typename?: 'BulkJob', id: string, kind: BulkJobKind, status: BulkJobStatus, total?: number | null, done: number, failed: number, error?: string | null, createdAt: string, finishedAt?: string | null } | null } };

export type ApplicationMetadataQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApplicationMetadataQuery = { __typename?: 'Query', application?: { __typename?: 'Application', id: string, name: string, metadata: unknown } | null };

export type AuditLogQueryVariables = Exact<{
  filter?: InputMaybe<AuditLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditLogQuery = { __typename?: 'Query', auditLog: { __typename?: 'AuditEntryConnection', edges: Array<{ __typename?: 'AuditEntryEdge', cursor: string, node: { __typename?: 'AuditEntry', id: string, action: string, applicationId?: string | null, targetIds: Array<string>, createdAt: string, actor: { __typename?: 'AuditActor', id: string, kind: AuditActorKind, name: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type BulkJobFieldsFragment = { __typename?: 'BulkJob', id: string, kind: BulkJobKind, status: BulkJobStatus, total?: number | null, done: number, failed: number, error?: string | null, createdAt: string, finishedAt?: string | null };

export type RetryDeliveriesMutationVariables = Exact<{
  input: RetryDeliveriesInput;
}>;


export type RetryDeliveriesMutation = { __typename?: 'Mutation', retryDeliveries: { __typename?: 'RetryDeliveriesPayload', job: { __typename?: 'BulkJob', id: string, kind: BulkJobKind, status: BulkJobStatus, total?: number | null, done: number, failed: number, error?: string | null, createdAt: string, finishedAt?: string | null } } };

export type RecoverEndpointMutationVariables = Exact<{
  input: RecoverEndpointInput;
}>;


export type RecoverEndpointMutation = { __typename?: 'Mutation', recoverEndpoint: { __typename?: 'RecoverEndpointPayload', job: { __typename?: 'BulkJob', id: string, kind: BulkJobKind, status: BulkJobStatus, total?: number | null, done: number, failed: number, error?: string | null, createdAt: string, finishedAt?: string | null } } };

export type ReplayEventsMutationVariables = Exact<{
  input: ReplayEventsInput;
}>;


export type ReplayEventsMutation = { __typename?: 'Mutation', replayEvents: { __typename?: 'ReplayEventsPayload', job: { __typename?: 'BulkJob', id: string, kind: BulkJobKind, status: BulkJobStatus, total?: number | null, done: number, failed: number, error?: string | null, createdAt: string, finishedAt?: string | null } } };

export type CancelBulkJobMutationVariables = Exact<{
  input: CancelBulkJobInput;
}>;


export type CancelBulkJobMutation = { __typename?: 'Mutation', cancelBulkJob: { __typename?: 'CancelBulkJobPayload', job: { __typename?: 'BulkJob', id: string, kind: BulkJobKind, status: BulkJobStatus, total?: number | null, done: number, failed: number, error?: string | null, createdAt: string, finishedAt?: string | null } } };

export type BulkJobQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type BulkJobQuery = { __typename?: 'Query', bulkJob?: { __typename?: 'BulkJob', id: string, kind: BulkJobKind, status: BulkJobStatus, total?: number | null, done: number, failed: number, error?: string | null, createdAt: string, finishedAt?: string | null } | null };

export type BulkJobNodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type BulkJobNodeQuery = { __typename?: 'Query', node?: { __typename: 'Application', id: string } | { __typename: 'BulkJob', status: BulkJobStatus, kind: BulkJobKind, id: string } | { __typename: 'Delivery', id: string } | { __typename: 'Endpoint', id: string } | { __typename: 'Event', id: string } | null };

export type BulkJobsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type BulkJobsQuery = { __typename?: 'Query', bulkJobs: { __typename?: 'BulkJobConnection', edges: Array<{ __typename?: 'BulkJobEdge', node: { __typename?: 'BulkJob', id: string, kind: BulkJobKind, status: BulkJobStatus, total?: number | null, done: number, failed: number, error?: string | null, createdAt: string, finishedAt?: string | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type EndpointDeliveryPageQueryVariables = Exact<{
  filter?: InputMaybe<DeliveryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EndpointDeliveryPageQuery = { __typename?: 'Query', deliveries: { __typename?: 'DeliveryConnection', edges: Array<{ __typename?: 'DeliveryEdge', node: { __typename?: 'Delivery', id: string, status: DeliveryStatus, attemptCount: number, event: { __typename?: 'Event', id: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type BulkJobUpdatedSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type BulkJobUpdatedSubscription = { __typename?: 'Subscription', bulkJobUpdated: { __typename?: 'BulkJob', id: string, kind: BulkJobKind, status: BulkJobStatus, total?: number | null, done: number, failed: number, error?: string | null, createdAt: string, finishedAt?: string | null } };

export type EndpointOptionFieldsFragment = { __typename?: 'Endpoint', id: string, format: EndpointFormat, cloudEventsSource: string, channels?: Array<string> | null, filter?: unknown | null, includeFields?: Array<string> | null, transform?: string | null, headers: Array<{ __typename?: 'Header', name: string, value: string }> };

export type CreateEndpointWithOptionsMutationVariables = Exact<{
  input: CreateEndpointInput;
}>;


export type CreateEndpointWithOptionsMutation = { __typename?: 'Mutation', createEndpoint: { __typename?: 'CreateEndpointPayload', secret: string, endpoint: { __typename?: 'Endpoint', id: string, format: EndpointFormat, cloudEventsSource: string, channels?: Array<string> | null, filter?: unknown | null, includeFields?: Array<string> | null, transform?: string | null, headers: Array<{ __typename?: 'Header', name: string, value: string }> } } };

export type UpdateEndpointOptionsMutationVariables = Exact<{
  input: UpdateEndpointInput;
}>;


export type UpdateEndpointOptionsMutation = { __typename?: 'Mutation', updateEndpoint: { __typename?: 'UpdateEndpointPayload', endpoint: { __typename?: 'Endpoint', id: string, format: EndpointFormat, cloudEventsSource: string, channels?: Array<string> | null, filter?: unknown | null, includeFields?: Array<string> | null, transform?: string | null, headers: Array<{ __typename?: 'Header', name: string, value: string }> } } };

export type EndpointOptionsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EndpointOptionsQuery = { __typename?: 'Query', endpoint?: { __typename?: 'Endpoint', id: string, format: EndpointFormat, cloudEventsSource: string, channels?: Array<string> | null, filter?: unknown | null, includeFields?: Array<string> | null, transform?: string | null, headers: Array<{ __typename?: 'Header', name: string, value: string }> } | null };

export type PreviewDeliveryQueryVariables = Exact<{
  input: PreviewDeliveryInput;
}>;


export type PreviewDeliveryQuery = { __typename?: 'Query', previewDelivery: { __typename?: 'DeliveryPreview', wouldSend: boolean, reason?: string | null, url?: string | null, body?: string | null, headers?: Array<{ __typename?: 'Header', name: string, value: string }> | null } };

export type EventChannelsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EventChannelsQuery = { __typename?: 'Query', event?: { __typename?: 'Event', id: string, channels: Array<string>, payloadText: string } | null };

export type CreateEventTypeWithExamplesMutationVariables = Exact<{
  input: CreateEventTypeInput;
}>;


export type CreateEventTypeWithExamplesMutation = { __typename?: 'Mutation', createEventType: { __typename?: 'CreateEventTypePayload', eventType: { __typename?: 'EventType', name: string, schema?: unknown | null, examples: Array<unknown> } } };

export type UpdateEventTypeExamplesMutationVariables = Exact<{
  input: UpdateEventTypeInput;
}>;


export type UpdateEventTypeExamplesMutation = { __typename?: 'Mutation', updateEventType: { __typename?: 'UpdateEventTypePayload', eventType: { __typename?: 'EventType', name: string, schema?: unknown | null, examples: Array<unknown> } } };

export type SendTestEventMutationVariables = Exact<{
  input: SendTestEventInput;
}>;


export type SendTestEventMutation = { __typename?: 'Mutation', sendTestEvent: { __typename?: 'SendTestEventPayload', delivery: { __typename?: 'Delivery', id: string, status: DeliveryStatus, eventType: string, event: { __typename?: 'Event', id: string, type: string, payload: unknown }, endpoint: { __typename?: 'Endpoint', id: string } } } };

export type EndpointKeysQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EndpointKeysQuery = { __typename?: 'Query', endpoint?: { __typename?: 'Endpoint', id: string, signatureScheme: SignatureScheme, publicKey?: string | null } | null };

export type EndpointAuthKindQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EndpointAuthKindQuery = { __typename?: 'Query', endpoint?: { __typename?: 'Endpoint', id: string, authKind?: EndpointAuthKind | null } | null };

export type EndpointFieldsFragment = { __typename?: 'Endpoint', id: string, url: string, description?: string | null, eventTypes: Array<string>, enabled: boolean, deleted: boolean, createdAt: string, application?: { __typename?: 'Application', id: string } | null };

export type CreateEndpointMutationVariables = Exact<{
  input: CreateEndpointInput;
}>;


export type CreateEndpointMutation = { __typename?: 'Mutation', createEndpoint: { __typename?: 'CreateEndpointPayload', secret: string, endpoint: { __typename?: 'Endpoint', id: string, url: string, description?: string | null, eventTypes: Array<string>, enabled: boolean, deleted: boolean, createdAt: string, application?: { __typename?: 'Application', id: string } | null } } };

export type UpdateEndpointMutationVariables = Exact<{
  input: UpdateEndpointInput;
}>;


export type UpdateEndpointMutation = { __typename?: 'Mutation', updateEndpoint: { __typename?: 'UpdateEndpointPayload', endpoint: { __typename?: 'Endpoint', id: string, url: string, description?: string | null, eventTypes: Array<string>, enabled: boolean, deleted: boolean, createdAt: string, application?: { __typename?: 'Application', id: string } | null } } };

export type DeleteEndpointMutationVariables = Exact<{
  input: DeleteEndpointInput;
}>;


export type DeleteEndpointMutation = { __typename?: 'Mutation', deleteEndpoint: { __typename?: 'DeleteEndpointPayload', deletedEndpointId: string } };

export type RotateEndpointSecretMutationVariables = Exact<{
  input: RotateEndpointSecretInput;
}>;


export type RotateEndpointSecretMutation = { __typename?: 'Mutation', rotateEndpointSecret: { __typename?: 'RotateEndpointSecretPayload', secret: string, endpoint: { __typename?: 'Endpoint', id: string } } };

export type EndpointQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EndpointQuery = { __typename?: 'Query', endpoint?: { __typename?: 'Endpoint', id: string, url: string, description?: string | null, eventTypes: Array<string>, enabled: boolean, deleted: boolean, createdAt: string, application?: { __typename?: 'Application', id: string } | null } | null };

export type EndpointsQueryVariables = Exact<{
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EndpointsQuery = { __typename?: 'Query', endpoints: { __typename?: 'EndpointConnection', edges: Array<{ __typename?: 'EndpointEdge', cursor: string, node: { __typename?: 'Endpoint', id: string, url: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type EndpointHealthQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EndpointHealthQuery = { __typename?: 'Query', endpoint?: { __typename?: 'Endpoint', id: string, enabled: boolean, timeout?: string | null, retrySchedule?: Array<string> | null, rateLimitPerSecond?: number | null, ordering: EndpointOrdering, health: { __typename?: 'EndpointHealth', state: EndpointHealthState, consecutiveFailures: number, lastSuccessAt?: string | null, lastFailureAt?: string | null, failingSince?: string | null, disabledReason?: EndpointDisabledReason | null, circuitOpenUntil?: string | null } } | null };

export type OperationsApplicationQueryVariables = Exact<{ [key: string]: never; }>;


export type OperationsApplicationQuery = { __typename?: 'Query', operationsApplication: { __typename?: 'Application', id: string, name: string } };

export type EndpointHealthChangedSubscriptionVariables = Exact<{
  filter?: InputMaybe<EndpointHealthFilter>;
}>;


export type EndpointHealthChangedSubscription = { __typename?: 'Subscription', endpointHealthChanged: { __typename?: 'Endpoint', id: string, enabled: boolean, health: { __typename?: 'EndpointHealth', state: EndpointHealthState, disabledReason?: EndpointDisabledReason | null, consecutiveFailures: number } } };

export type DeliveryFieldsFragment = { __typename?: 'Delivery', id: string, status: DeliveryStatus, attemptCount: number, eventType: string, nextAttemptAt?: string | null, lastAttemptAt?: string | null, failureReason?: string | null, createdAt: string, updatedAt: string, event: { __typename?: 'Event', id: string, type: string }, endpoint: { __typename?: 'Endpoint', id: string, url: string, deleted: boolean } };

export type PublishEventMutationVariables = Exact<{
  input: PublishEventInput;
}>;


export type PublishEventMutation = { __typename?: 'Mutation', publishEvent: { __typename?: 'PublishEventPayload', duplicate: boolean, event: { __typename?: 'Event', id: string, type: string, payload: unknown, idempotencyKey?: string | null, createdAt: string, application?: { __typename?: 'Application', id: string } | null }, deliveries: Array<{ __typename?: 'Delivery', id: string, status: DeliveryStatus, attemptCount: number, eventType: string, nextAttemptAt?: string | null, lastAttemptAt?: string | null, failureReason?: string | null, createdAt: string, updatedAt: string, event: { __typename?: 'Event', id: string, type: string }, endpoint: { __typename?: 'Endpoint', id: string, url: string, deleted: boolean } }> } };

export type PublishEventsMutationVariables = Exact<{
  input: PublishEventsInput;
}>;


export type PublishEventsMutation = { __typename?: 'Mutation', publishEvents: { __typename?: 'PublishEventsPayload', results: Array<{ __typename?: 'PublishEventResult', index: number, duplicate: boolean, event?: { __typename?: 'Event', id: string, type: string, payload: unknown, idempotencyKey?: string | null, createdAt: string, application?: { __typename?: 'Application', id: string } | null } | null, deliveries: Array<{ __typename?: 'Delivery', id: string, status: DeliveryStatus, attemptCount: number, eventType: string, nextAttemptAt?: string | null, lastAttemptAt?: string | null, failureReason?: string | null, createdAt: string, updatedAt: string, event: { __typename?: 'Event', id: string, type: string }, endpoint: { __typename?: 'Endpoint', id: string, url: string, deleted: boolean } }>, error?: { __typename?: 'PublishEventError', code: PublishEventErrorCode, message: string, field?: string | null } | null }> } };

export type EventQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EventQuery = { __typename?: 'Query', event?: { __typename?: 'Event', id: string, type: string, payload: unknown, deliveries: { __typename?: 'DeliveryConnection', edges: Array<{ __typename?: 'DeliveryEdge', node: { __typename?: 'Delivery', id: string, status: DeliveryStatus } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean } } } | null };

export type EventsQueryVariables = Exact<{
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EventsQuery = { __typename?: 'Query', events: { __typename?: 'EventConnection', edges: Array<{ __typename?: 'EventEdge', cursor: string, node: { __typename?: 'Event', id: string, type: string, payload: unknown } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type DeliveryQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeliveryQuery = { __typename?: 'Query', delivery?: { __typename?: 'Delivery', id: string, status: DeliveryStatus, attemptCount: number, eventType: string, nextAttemptAt?: string | null, lastAttemptAt?: string | null, failureReason?: string | null, createdAt: string, updatedAt: string, attempts: Array<{ __typename?: 'DeliveryAttempt', number: number, startedAt: string, durationMs: number, success: boolean, responseStatus?: number | null, responseBody?: string | null, error?: string | null, retryAfterMs?: number | null }>, event: { __typename?: 'Event', id: string, type: string }, endpoint: { __typename?: 'Endpoint', id: string, url: string, deleted: boolean } } | null };

export type DeliveriesQueryVariables = Exact<{
  filter?: InputMaybe<DeliveryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DeliveriesQuery = { __typename?: 'Query', deliveries: { __typename?: 'DeliveryConnection', edges: Array<{ __typename?: 'DeliveryEdge', cursor: string, node: { __typename?: 'Delivery', id: string, status: DeliveryStatus, createdAt: string, endpoint: { __typename?: 'Endpoint', id: string }, event: { __typename?: 'Event', id: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type RetryDeliveryMutationVariables = Exact<{
  input: RetryDeliveryInput;
}>;


export type RetryDeliveryMutation = { __typename?: 'Mutation', retryDelivery: { __typename?: 'RetryDeliveryPayload', delivery: { __typename?: 'Delivery', id: string, status: DeliveryStatus, attemptCount: number, eventType: string, nextAttemptAt?: string | null, lastAttemptAt?: string | null, failureReason?: string | null, createdAt: string, updatedAt: string, event: { __typename?: 'Event', id: string, type: string }, endpoint: { __typename?: 'Endpoint', id: string, url: string, deleted: boolean } } } };

export type NodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NodeQuery = { __typename?: 'Query', node?: { __typename: 'Application', id: string } | { __typename: 'BulkJob', id: string } | { __typename: 'Delivery', id: string } | { __typename: 'Endpoint', id: string } | { __typename: 'Event', id: string } | null };

export type DeliveryUpdatedSubscriptionVariables = Exact<{
  filter?: InputMaybe<DeliveryFilter>;
}>;


export type DeliveryUpdatedSubscription = { __typename?: 'Subscription', deliveryUpdated: { __typename?: 'Delivery', id: string, status: DeliveryStatus, attemptCount: number, event: { __typename?: 'Event', id: string, application?: { __typename?: 'Application', id: string } | null }, endpoint: { __typename?: 'Endpoint', id: string } } };

export type LiveDeliveriesSubscriptionVariables = Exact<{
  filter?: InputMaybe<DeliveryFilter>;
}>;


export type LiveDeliveriesSubscription = { __typename?: 'Subscription', deliveryUpdated: { __typename?: 'Delivery', id: string, status: DeliveryStatus, attemptCount: number, eventType: string, nextAttemptAt?: string | null, lastAttemptAt?: string | null, event: { __typename?: 'Event', id: string, application?: { __typename?: 'Application', id: string } | null }, endpoint: { __typename?: 'Endpoint', id: string } } };

export type NodeDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NodeDetailQuery = { __typename?: 'Query', node?: { __typename: 'Application', name: string, id: string } | { __typename: 'BulkJob', id: string } | { __typename: 'Delivery', status: DeliveryStatus, id: string, endpoint: { __typename?: 'Endpoint', id: string }, event: { __typename?: 'Event', id: string } } | { __typename: 'Endpoint', url: string, id: string, application?: { __typename?: 'Application', id: string } | null } | { __typename: 'Event', type: string, id: string, application?: { __typename?: 'Application', id: string } | null } | null };

export type EndpointStateQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EndpointStateQuery = { __typename?: 'Query', endpoint?: { __typename?: 'Endpoint', id: string, url: string, description?: string | null, eventTypes: Array<string>, enabled: boolean, deleted: boolean, updatedAt: string, application?: { __typename?: 'Application', id: string } | null } | null };

export type LiveDeliveryIdsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LiveDeliveryIdsSubscription = { __typename?: 'Subscription', deliveryUpdated: { __typename?: 'Delivery', id: string } };

export type CreatePortalSessionMutationVariables = Exact<{
  input: CreatePortalSessionInput;
}>;


export type CreatePortalSessionMutation = { __typename?: 'Mutation', createPortalSession: { __typename?: 'CreatePortalSessionPayload', url: string, token: string, expiresAt: string, portalSession: { __typename?: 'PortalSession', id: string, expiresAt: string, revokedAt?: string | null, application?: { __typename?: 'Application', id: string } | null } } };

export type RevokePortalSessionMutationVariables = Exact<{
  input: RevokePortalSessionInput;
}>;


export type RevokePortalSessionMutation = { __typename?: 'Mutation', revokePortalSession: { __typename?: 'RevokePortalSessionPayload', portalSession: { __typename?: 'PortalSession', id: string, revokedAt?: string | null } } };

export type EventPublishedSubscriptionVariables = Exact<{
  filter?: InputMaybe<EventPublishedFilter>;
}>;


export type EventPublishedSubscription = { __typename?: 'Subscription', eventPublished: { __typename?: 'Event', id: string, type: string, payload: unknown, createdAt: string, application?: { __typename?: 'Application', id: string } | null } };

export type PctFragment = { __typename?: 'Percentiles', p50: number, p95: number, p99: number };

export type BucketFieldsFragment = { __typename?: 'StatsBucket', start: string, end: string, eventsPublished: number, eventRate: number, deliveriesCreated: number, attempts: number, succeeded: number, failed: number, retried: number, attemptSuccessRate?: number | null, deliverySuccessRate?: number | null, sendLatency?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, endToEndLatency?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, attemptDuration?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, preparation?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, outcomes: { __typename?: 'AttemptOutcomes', success: number, clientError: number, serverError: number, otherStatus: number, timeout: number, networkError: number, refused: number } };

export type DeliveryStatsQueryVariables = Exact<{
  input: DeliveryStatsInput;
}>;


export type DeliveryStatsQuery = { __typename?: 'Query', deliveryStats: { __typename?: 'DeliveryStats', total: { __typename?: 'StatsBucket', start: string, end: string, eventsPublished: number, eventRate: number, deliveriesCreated: number, attempts: number, succeeded: number, failed: number, retried: number, attemptSuccessRate?: number | null, deliverySuccessRate?: number | null, sendLatency?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, endToEndLatency?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, attemptDuration?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, preparation?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, outcomes: { __typename?: 'AttemptOutcomes', success: number, clientError: number, serverError: number, otherStatus: number, timeout: number, networkError: number, refused: number } }, buckets: Array<{ __typename?: 'StatsBucket', start: string, end: string, eventsPublished: number, eventRate: number, deliveriesCreated: number, attempts: number, succeeded: number, failed: number, retried: number, attemptSuccessRate?: number | null, deliverySuccessRate?: number | null, sendLatency?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, endToEndLatency?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, attemptDuration?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, preparation?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, outcomes: { __typename?: 'AttemptOutcomes', success: number, clientError: number, serverError: number, otherStatus: number, timeout: number, networkError: number, refused: number } }>, backlog: { __typename?: 'Backlog', waiting: number, retrying: number, oldestWaitingAgeMs?: number | null } } };

export type EndpointStatsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  since: Scalars['DateTime']['input'];
  interval?: InputMaybe<StatsInterval>;
}>;


export type EndpointStatsQuery = { __typename?: 'Query', endpoint?: { __typename?: 'Endpoint', id: string, stats: { __typename?: 'DeliveryStats', total: { __typename?: 'StatsBucket', start: string, end: string, eventsPublished: number, eventRate: number, deliveriesCreated: number, attempts: number, succeeded: number, failed: number, retried: number, attemptSuccessRate?: number | null, deliverySuccessRate?: number | null, sendLatency?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, endToEndLatency?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, attemptDuration?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, preparation?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, outcomes: { __typename?: 'AttemptOutcomes', success: number, clientError: number, serverError: number, otherStatus: number, timeout: number, networkError: number, refused: number } }, buckets: Array<{ __typename?: 'StatsBucket', start: string, attempts: number }>, backlog: { __typename?: 'Backlog', waiting: number, retrying: number, oldestWaitingAgeMs?: number | null } } } | null };

export type DeliveryStatsUpdatedSubscriptionVariables = Exact<{
  input?: InputMaybe<DeliveryStatsUpdatedInput>;
}>;


export type DeliveryStatsUpdatedSubscription = { __typename?: 'Subscription', deliveryStatsUpdated: { __typename?: 'LiveDeliveryStats', bucket: { __typename?: 'StatsBucket', start: string, end: string, eventsPublished: number, eventRate: number, deliveriesCreated: number, attempts: number, succeeded: number, failed: number, retried: number, attemptSuccessRate?: number | null, deliverySuccessRate?: number | null, sendLatency?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, endToEndLatency?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, attemptDuration?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, preparation?: { __typename?: 'Percentiles', p50: number, p95: number, p99: number } | null, outcomes: { __typename?: 'AttemptOutcomes', success: number, clientError: number, serverError: number, otherStatus: number, timeout: number, networkError: number, refused: number } }, backlog: { __typename?: 'Backlog', waiting: number, retrying: number, oldestWaitingAgeMs?: number | null } } };

export const BulkJobFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<BulkJobFieldsFragment, unknown>;
export const EndpointOptionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EndpointOptionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Endpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"cloudEventsSource"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"filter"}},{"kind":"Field","name":{"kind":"Name","value":"includeFields"}},{"kind":"Field","name":{"kind":"Name","value":"transform"}},{"kind":"Field","name":{"kind":"Name","value":"headers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<EndpointOptionFieldsFragment, unknown>;
export const EndpointFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EndpointFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Endpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<EndpointFieldsFragment, unknown>;
export const DeliveryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]}}]} as unknown as DocumentNode<DeliveryFieldsFragment, unknown>;
export const PctFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Pct"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Percentiles"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"p50"}},{"kind":"Field","name":{"kind":"Name","value":"p95"}},{"kind":"Field","name":{"kind":"Name","value":"p99"}}]}}]} as unknown as DocumentNode<PctFragment, unknown>;
export const BucketFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BucketFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatsBucket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"eventsPublished"}},{"kind":"Field","name":{"kind":"Name","value":"eventRate"}},{"kind":"Field","name":{"kind":"Name","value":"deliveriesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"retried"}},{"kind":"Field","name":{"kind":"Name","value":"attemptSuccessRate"}},{"kind":"Field","name":{"kind":"Name","value":"deliverySuccessRate"}},{"kind":"Field","name":{"kind":"Name","value":"sendLatency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endToEndLatency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attemptDuration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preparation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"clientError"}},{"kind":"Field","name":{"kind":"Name","value":"serverError"}},{"kind":"Field","name":{"kind":"Name","value":"otherStatus"}},{"kind":"Field","name":{"kind":"Name","value":"timeout"}},{"kind":"Field","name":{"kind":"Name","value":"networkError"}},{"kind":"Field","name":{"kind":"Name","value":"refused"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Pct"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Percentiles"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"p50"}},{"kind":"Field","name":{"kind":"Name","value":"p95"}},{"kind":"Field","name":{"kind":"Name","value":"p99"}}]}}]} as unknown as DocumentNode<BucketFieldsFragment, unknown>;
export const CreateApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKey"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApplicationMutation, CreateApplicationMutationVariables>;
export const ApplicationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Applications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationsQuery, ApplicationsQueryVariables>;
export const ApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Application"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ApplicationQuery, ApplicationQueryVariables>;
export const CreateEventTypeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateEventType"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEventTypeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEventType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CreateEventTypeMutation, CreateEventTypeMutationVariables>;
export const UpdateEventTypeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateEventType"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateEventTypeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEventType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateEventTypeMutation, UpdateEventTypeMutationVariables>;
export const ArchiveEventTypeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ArchiveEventType"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ArchiveEventTypeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveEventType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}}]}}]} as unknown as DocumentNode<ArchiveEventTypeMutation, ArchiveEventTypeMutationVariables>;
export const EventTypesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventTypes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeArchived"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventTypes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeArchived"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeArchived"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}}]} as unknown as DocumentNode<EventTypesQuery, EventTypesQueryVariables>;
export const EventTypeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventType"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}}]} as unknown as DocumentNode<EventTypeQuery, EventTypeQueryVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimit"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const RotateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RotateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimit"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousApiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RotateApiKeyMutation, RotateApiKeyMutationVariables>;
export const ApplicationApiKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationApiKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimit"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationApiKeysQuery, ApplicationApiKeysQueryVariables>;
export const CreateAdminTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAdminToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAdminTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAdminToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"adminToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimit"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CreateAdminTokenMutation, CreateAdminTokenMutationVariables>;
export const RevokeAdminTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeAdminToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeAdminTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeAdminToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeAdminTokenMutation, RevokeAdminTokenMutationVariables>;
export const AdminTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimit"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AdminTokensQuery, AdminTokensQueryVariables>;
export const IntrospectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Introspection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queryType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mutationType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subscriptionType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"types"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<IntrospectionQuery, IntrospectionQueryVariables>;
export const DepthAtLimitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepthAtLimit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DepthAtLimitQuery, DepthAtLimitQueryVariables>;
export const DepthOverLimitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepthOverLimit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DepthOverLimitQuery, DepthOverLimitQueryVariables>;
export const PublishInlinePayloadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishInlinePayload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"payload"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"i"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"nested"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"list"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"i"}}]}}]}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]}}]} as unknown as DocumentNode<PublishInlinePayloadMutation, PublishInlinePayloadMutationVariables>;
export const EventsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<EventsPageQuery, EventsPageQueryVariables>;
export const DeliveriesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeliveriesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DeliveriesPageQuery, DeliveriesPageQueryVariables>;
export const ApplicationsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationsPageQuery, ApplicationsPageQueryVariables>;
export const EndpointCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EndpointCount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<EndpointCountQuery, EndpointCountQueryVariables>;
export const EventDeliveriesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventDeliveriesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EventDeliveriesPageQuery, EventDeliveriesPageQueryVariables>;
export const UpdateApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateApplicationMutation, UpdateApplicationMutationVariables>;
export const DeleteApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedApplicationId"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BulkJobFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<DeleteApplicationMutation, DeleteApplicationMutationVariables>;
export const ApplicationMetadataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationMetadata"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}}]}}]}}]} as unknown as DocumentNode<ApplicationMetadataQuery, ApplicationMetadataQueryVariables>;
export const AuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLogFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"targetIds"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const RetryDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RetryDeliveriesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BulkJobFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<RetryDeliveriesMutation, RetryDeliveriesMutationVariables>;
export const RecoverEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecoverEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecoverEndpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recoverEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BulkJobFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<RecoverEndpointMutation, RecoverEndpointMutationVariables>;
export const ReplayEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplayEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayEventsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BulkJobFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<ReplayEventsMutation, ReplayEventsMutationVariables>;
export const CancelBulkJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelBulkJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelBulkJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelBulkJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BulkJobFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<CancelBulkJobMutation, CancelBulkJobMutationVariables>;
export const BulkJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BulkJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BulkJobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<BulkJobQuery, BulkJobQueryVariables>;
export const BulkJobNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BulkJobNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<BulkJobNodeQuery, BulkJobNodeQueryVariables>;
export const BulkJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BulkJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BulkJobFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<BulkJobsQuery, BulkJobsQueryVariables>;
export const EndpointDeliveryPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EndpointDeliveryPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<EndpointDeliveryPageQuery, EndpointDeliveryPageQueryVariables>;
export const BulkJobUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BulkJobUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkJobUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BulkJobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<BulkJobUpdatedSubscription, BulkJobUpdatedSubscriptionVariables>;
export const CreateEndpointWithOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateEndpointWithOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEndpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EndpointOptionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EndpointOptionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Endpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"cloudEventsSource"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"filter"}},{"kind":"Field","name":{"kind":"Name","value":"includeFields"}},{"kind":"Field","name":{"kind":"Name","value":"transform"}},{"kind":"Field","name":{"kind":"Name","value":"headers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<CreateEndpointWithOptionsMutation, CreateEndpointWithOptionsMutationVariables>;
export const UpdateEndpointOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateEndpointOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateEndpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EndpointOptionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EndpointOptionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Endpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"cloudEventsSource"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"filter"}},{"kind":"Field","name":{"kind":"Name","value":"includeFields"}},{"kind":"Field","name":{"kind":"Name","value":"transform"}},{"kind":"Field","name":{"kind":"Name","value":"headers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<UpdateEndpointOptionsMutation, UpdateEndpointOptionsMutationVariables>;
export const EndpointOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EndpointOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EndpointOptionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EndpointOptionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Endpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"cloudEventsSource"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"filter"}},{"kind":"Field","name":{"kind":"Name","value":"includeFields"}},{"kind":"Field","name":{"kind":"Name","value":"transform"}},{"kind":"Field","name":{"kind":"Name","value":"headers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<EndpointOptionsQuery, EndpointOptionsQueryVariables>;
export const PreviewDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreviewDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PreviewDeliveryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wouldSend"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"headers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}}]} as unknown as DocumentNode<PreviewDeliveryQuery, PreviewDeliveryQueryVariables>;
export const EventChannelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventChannels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"payloadText"}}]}}]}}]} as unknown as DocumentNode<EventChannelsQuery, EventChannelsQueryVariables>;
export const CreateEventTypeWithExamplesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateEventTypeWithExamples"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEventTypeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEventType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"examples"}}]}}]}}]}}]} as unknown as DocumentNode<CreateEventTypeWithExamplesMutation, CreateEventTypeWithExamplesMutationVariables>;
export const UpdateEventTypeExamplesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateEventTypeExamples"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateEventTypeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEventType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"examples"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateEventTypeExamplesMutation, UpdateEventTypeExamplesMutationVariables>;
export const SendTestEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendTestEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendTestEventInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendTestEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SendTestEventMutation, SendTestEventMutationVariables>;
export const EndpointKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EndpointKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"signatureScheme"}},{"kind":"Field","name":{"kind":"Name","value":"publicKey"}}]}}]}}]} as unknown as DocumentNode<EndpointKeysQuery, EndpointKeysQueryVariables>;
export const EndpointAuthKindDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EndpointAuthKind"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"authKind"}}]}}]}}]} as unknown as DocumentNode<EndpointAuthKindQuery, EndpointAuthKindQueryVariables>;
export const CreateEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEndpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EndpointFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EndpointFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Endpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateEndpointMutation, CreateEndpointMutationVariables>;
export const UpdateEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateEndpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EndpointFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EndpointFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Endpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<UpdateEndpointMutation, UpdateEndpointMutationVariables>;
export const DeleteEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteEndpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedEndpointId"}}]}}]}}]} as unknown as DocumentNode<DeleteEndpointMutation, DeleteEndpointMutationVariables>;
export const RotateEndpointSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateEndpointSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RotateEndpointSecretInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateEndpointSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RotateEndpointSecretMutation, RotateEndpointSecretMutationVariables>;
export const EndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Endpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EndpointFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EndpointFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Endpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<EndpointQuery, EndpointQueryVariables>;
export const EndpointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Endpoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<EndpointsQuery, EndpointsQueryVariables>;
export const EndpointHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EndpointHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"timeout"}},{"kind":"Field","name":{"kind":"Name","value":"retrySchedule"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"ordering"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"circuitOpenUntil"}}]}}]}}]}}]} as unknown as DocumentNode<EndpointHealthQuery, EndpointHealthQueryVariables>;
export const OperationsApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationsApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationsApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<OperationsApplicationQuery, OperationsApplicationQueryVariables>;
export const EndpointHealthChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"EndpointHealthChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EndpointHealthFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpointHealthChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}}]}}]}}]}}]} as unknown as DocumentNode<EndpointHealthChangedSubscription, EndpointHealthChangedSubscriptionVariables>;
export const PublishEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishEventInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicate"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeliveryFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]}}]} as unknown as DocumentNode<PublishEventMutation, PublishEventMutationVariables>;
export const PublishEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishEventsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"duplicate"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeliveryFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]}}]} as unknown as DocumentNode<PublishEventsMutation, PublishEventsMutationVariables>;
export const EventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Event"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EventQuery, EventQueryVariables>;
export const EventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Events"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<EventsQuery, EventsQueryVariables>;
export const DeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Delivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeliveryFields"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"responseBody"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterMs"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]}}]} as unknown as DocumentNode<DeliveryQuery, DeliveryQueryVariables>;
export const DeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Deliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DeliveriesQuery, DeliveriesQueryVariables>;
export const RetryDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RetryDeliveryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeliveryFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]}}]} as unknown as DocumentNode<RetryDeliveryMutation, RetryDeliveryMutationVariables>;
export const NodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Node"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<NodeQuery, NodeQueryVariables>;
export const DeliveryUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DeliveryUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<DeliveryUpdatedSubscription, DeliveryUpdatedSubscriptionVariables>;
export const LiveDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<LiveDeliveriesSubscription, LiveDeliveriesSubscriptionVariables>;
export const NodeDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Application"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Endpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Event"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NodeDetailQuery, NodeDetailQueryVariables>;
export const EndpointStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EndpointState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<EndpointStateQuery, EndpointStateQueryVariables>;
export const LiveDeliveryIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveDeliveryIds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<LiveDeliveryIdsSubscription, LiveDeliveryIdsSubscriptionVariables>;
export const CreatePortalSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePortalSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePortalSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPortalSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"portalSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreatePortalSessionMutation, CreatePortalSessionMutationVariables>;
export const RevokePortalSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokePortalSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokePortalSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokePortalSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RevokePortalSessionMutation, RevokePortalSessionMutationVariables>;
export const EventPublishedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"EventPublished"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EventPublishedFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventPublished"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<EventPublishedSubscription, EventPublishedSubscriptionVariables>;
export const DeliveryStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeliveryStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryStatsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BucketFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BucketFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"backlog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waiting"}},{"kind":"Field","name":{"kind":"Name","value":"retrying"}},{"kind":"Field","name":{"kind":"Name","value":"oldestWaitingAgeMs"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Pct"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Percentiles"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"p50"}},{"kind":"Field","name":{"kind":"Name","value":"p95"}},{"kind":"Field","name":{"kind":"Name","value":"p99"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BucketFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatsBucket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"eventsPublished"}},{"kind":"Field","name":{"kind":"Name","value":"eventRate"}},{"kind":"Field","name":{"kind":"Name","value":"deliveriesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"retried"}},{"kind":"Field","name":{"kind":"Name","value":"attemptSuccessRate"}},{"kind":"Field","name":{"kind":"Name","value":"deliverySuccessRate"}},{"kind":"Field","name":{"kind":"Name","value":"sendLatency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endToEndLatency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attemptDuration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preparation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"clientError"}},{"kind":"Field","name":{"kind":"Name","value":"serverError"}},{"kind":"Field","name":{"kind":"Name","value":"otherStatus"}},{"kind":"Field","name":{"kind":"Name","value":"timeout"}},{"kind":"Field","name":{"kind":"Name","value":"networkError"}},{"kind":"Field","name":{"kind":"Name","value":"refused"}}]}}]}}]} as unknown as DocumentNode<DeliveryStatsQuery, DeliveryStatsQueryVariables>;
export const EndpointStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EndpointStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StatsInterval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BucketFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"backlog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waiting"}},{"kind":"Field","name":{"kind":"Name","value":"retrying"}},{"kind":"Field","name":{"kind":"Name","value":"oldestWaitingAgeMs"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Pct"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Percentiles"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"p50"}},{"kind":"Field","name":{"kind":"Name","value":"p95"}},{"kind":"Field","name":{"kind":"Name","value":"p99"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BucketFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatsBucket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"eventsPublished"}},{"kind":"Field","name":{"kind":"Name","value":"eventRate"}},{"kind":"Field","name":{"kind":"Name","value":"deliveriesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"retried"}},{"kind":"Field","name":{"kind":"Name","value":"attemptSuccessRate"}},{"kind":"Field","name":{"kind":"Name","value":"deliverySuccessRate"}},{"kind":"Field","name":{"kind":"Name","value":"sendLatency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endToEndLatency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attemptDuration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preparation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"clientError"}},{"kind":"Field","name":{"kind":"Name","value":"serverError"}},{"kind":"Field","name":{"kind":"Name","value":"otherStatus"}},{"kind":"Field","name":{"kind":"Name","value":"timeout"}},{"kind":"Field","name":{"kind":"Name","value":"networkError"}},{"kind":"Field","name":{"kind":"Name","value":"refused"}}]}}]}}]} as unknown as DocumentNode<EndpointStatsQuery, EndpointStatsQueryVariables>;
export const DeliveryStatsUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DeliveryStatsUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryStatsUpdatedInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryStatsUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bucket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BucketFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"backlog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waiting"}},{"kind":"Field","name":{"kind":"Name","value":"retrying"}},{"kind":"Field","name":{"kind":"Name","value":"oldestWaitingAgeMs"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Pct"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Percentiles"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"p50"}},{"kind":"Field","name":{"kind":"Name","value":"p95"}},{"kind":"Field","name":{"kind":"Name","value":"p99"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BucketFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatsBucket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"eventsPublished"}},{"kind":"Field","name":{"kind":"Name","value":"eventRate"}},{"kind":"Field","name":{"kind":"Name","value":"deliveriesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"retried"}},{"kind":"Field","name":{"kind":"Name","value":"attemptSuccessRate"}},{"kind":"Field","name":{"kind":"Name","value":"deliverySuccessRate"}},{"kind":"Field","name":{"kind":"Name","value":"sendLatency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endToEndLatency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attemptDuration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preparation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Pct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"clientError"}},{"kind":"Field","name":{"kind":"Name","value":"serverError"}},{"kind":"Field","name":{"kind":"Name","value":"otherStatus"}},{"kind":"Field","name":{"kind":"Name","value":"timeout"}},{"kind":"Field","name":{"kind":"Name","value":"networkError"}},{"kind":"Field","name":{"kind":"Name","value":"refused"}}]}}]}}]} as unknown as DocumentNode<DeliveryStatsUpdatedSubscription, DeliveryStatsUpdatedSubscriptionVariables>;
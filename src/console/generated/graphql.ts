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

/** One third-party integration of the platform: it owns endpoints, events and deliveries, and has its own API key. */
export type Application = Node & {
  __typename?: 'Application';
  /** When the application was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Endpoints of this application, newest first (deleted ones are left out). */
  endpoints: EndpointConnection;
  /** Globally unique, type-prefixed, time-sortable ID. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};


/** One third-party integration of the platform: it owns endpoints, events and deliveries, and has its own API key. */
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

/** A new application. */
export type CreateApplicationInput = {
  /** Display name, 1 to 256 characters. */
  name: Scalars['String']['input'];
};

/** The new application and its API key. */
export type CreateApplicationPayload = {
  __typename?: 'CreateApplicationPayload';
  /** The API key, shown this once: only its hash is stored. */
  apiKey: Scalars['String']['output'];
  /** The application. */
  application: Application;
};

/** A new endpoint. */
export type CreateEndpointInput = {
  /** The owning application: required with the admin token, implied by an application key. */
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  /** Free text for people, up to 1024 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Exact names, "prefix.*" wildcards or "*"; omitted means every type. Must not be empty. */
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Bring your own signing secret ("whsec_" + base64 of 24-64 bytes); generated when omitted. */
  secret?: InputMaybe<Scalars['String']['input']>;
  /** Absolute http(s) URL that receives the POSTs. */
  url: Scalars['String']['input'];
};

/** The new endpoint and its signing secret. */
export type CreateEndpointPayload = {
  __typename?: 'CreateEndpointPayload';
  /** The endpoint. */
  endpoint: Endpoint;
  /** The signing secret ("whsec_…") receivers verify signatures with. */
  secret: Scalars['String']['output'];
};

/** A new event type. */
export type CreateEventTypeInput = {
  /** What the event means and when it is sent. */
  description?: InputMaybe<Scalars['String']['input']>;
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
  /** The application that owns the endpoint. */
  application: Application;
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
  /** Globally unique, type-prefixed, time-sortable ID. */
  id: Scalars['ID']['output'];
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

/** A page of endpoints, newest first. */
export type EndpointConnection = {
  __typename?: 'EndpointConnection';
  /** The endpoints of this page. */
  edges: Array<EndpointEdge>;
  /** Whether more pages follow, and the cursors to read them. */
  pageInfo: PageInfo;
};

/** One endpoint in a list, with its cursor. */
export type EndpointEdge = {
  __typename?: 'EndpointEdge';
  /** Pass as `after` to read the records after this one. */
  cursor: Scalars['String']['output'];
  /** The endpoint. */
  node: Endpoint;
};

/** Something that happened in the platform, published for one application. */
export type Event = Node & {
  __typename?: 'Event';
  /** The application the event was published for. */
  application: Application;
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
  /** Unique name, e.g. "order.created". */
  name: Scalars['String']['output'];
  /** JSON Schema that every payload of this type must match; null accepts any JSON. */
  schema?: Maybe<Scalars['JSON']['output']>;
  /** When the type was last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** Change the catalogue, applications and endpoints; publish events; retry deliveries. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Archives an event type: it accepts no new events; history stays (admin only). */
  archiveEventType: ArchiveEventTypePayload;
  /** Creates an application and returns its API key (admin only). */
  createApplication: CreateApplicationPayload;
  /** Registers an endpoint and returns its signing secret. */
  createEndpoint: CreateEndpointPayload;
  /** Adds an event type to the catalogue (admin only). CONFLICT when the name exists. */
  createEventType: CreateEventTypePayload;
  /** Opens the console for one application's developers (admin only): a token that acts exactly as that application's key until it expires or is revoked. */
  createPortalSession: CreatePortalSessionPayload;
  /** Deletes an endpoint: its unfinished deliveries end FAILED; its history stays readable. */
  deleteEndpoint: DeleteEndpointPayload;
  /** Publishes an event (admin only): stored with its deliveries before this returns, then delivered. */
  publishEvent: PublishEventPayload;
  /** Queues exactly one more attempt now, whatever the status; it ends SUCCEEDED or FAILED. CONFLICT while an attempt is in flight. */
  retryDelivery: RetryDeliveryPayload;
  /** Ends a portal session now (admin only): its token is refused from the next request on. NOT_FOUND for an unknown ID. */
  revokePortalSession: RevokePortalSessionPayload;
  /** Issues a new signing secret; the old one keeps signing during the grace period (TIDINGS_SECRET_ROTATION_GRACE, 24h). */
  rotateEndpointSecret: RotateEndpointSecretPayload;
  /** Changes an endpoint; disabling pauses its deliveries until it is enabled again. */
  updateEndpoint: UpdateEndpointPayload;
  /** Changes an event type (admin only). */
  updateEventType: UpdateEventTypePayload;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. */
export type MutationArchiveEventTypeArgs = {
  input: ArchiveEventTypeInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. */
export type MutationCreateApplicationArgs = {
  input: CreateApplicationInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. */
export type MutationCreateEndpointArgs = {
  input: CreateEndpointInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. */
export type MutationCreateEventTypeArgs = {
  input: CreateEventTypeInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. */
export type MutationCreatePortalSessionArgs = {
  input: CreatePortalSessionInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. */
export type MutationDeleteEndpointArgs = {
  input: DeleteEndpointInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. */
export type MutationPublishEventArgs = {
  input: PublishEventInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. */
export type MutationRetryDeliveryArgs = {
  input: RetryDeliveryInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. */
export type MutationRevokePortalSessionArgs = {
  input: RevokePortalSessionInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. */
export type MutationRotateEndpointSecretArgs = {
  input: RotateEndpointSecretInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. */
export type MutationUpdateEndpointArgs = {
  input: UpdateEndpointInput;
};


/** Change the catalogue, applications and endpoints; publish events; retry deliveries. */
export type MutationUpdateEventTypeArgs = {
  input: UpdateEventTypeInput;
};

/** An object with a globally unique ID that `node(id:)` can fetch. */
export type Node = {
  /** Globally unique, type-prefixed, time-sortable ID. */
  id: Scalars['ID']['output'];
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

/** A short-lived sign-in to the console for one application's developers; its token acts exactly as that application's key. */
export type PortalSession = {
  __typename?: 'PortalSession';
  /** The one application the token acts as. */
  application: Application;
  /** When the session was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the token stops working. */
  expiresAt: Scalars['DateTime']['output'];
  /** The session ID (ps_…); revokePortalSession takes it. */
  id: Scalars['ID']['output'];
  /** When the session was revoked; null while it is not. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** An event to publish for one application. */
export type PublishEventInput = {
  /** The application whose endpoints receive the event. */
  applicationId: Scalars['ID']['input'];
  /** Publishing again with the same key (same application, within 24h) returns the original event and creates nothing. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The event data; must match the type's JSON Schema. */
  payload: Scalars['JSON']['input'];
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

/** Read the catalogue, applications, endpoints, events and deliveries. */
export type Query = {
  __typename?: 'Query';
  /** One application; an application key sees only its own. */
  application?: Maybe<Application>;
  /** Every application, newest first (admin only). */
  applications: ApplicationConnection;
  /** Deliveries the caller can see, newest first. */
  deliveries: DeliveryConnection;
  /** One delivery; null when it does not exist or belongs to another application. */
  delivery?: Maybe<Delivery>;
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
  /** The new secret. The previous one keeps signing (both signatures are sent) for 24 hours by default. */
  secret: Scalars['String']['output'];
};

/** Live updates. */
export type Subscription = {
  __typename?: 'Subscription';
  /** One message each time a delivery the caller can see is created or changes state (every attempt included). */
  deliveryUpdated: Delivery;
  /** One message per event published from now on that the caller can see, with its payload (what `tidings listen` forwards). */
  eventPublished: Event;
};


/** Live updates. */
export type SubscriptionDeliveryUpdatedArgs = {
  filter?: InputMaybe<DeliveryFilter>;
};


/** Live updates. */
export type SubscriptionEventPublishedArgs = {
  filter?: InputMaybe<EventPublishedFilter>;
};

/** Changes to an endpoint; omitted fields stay as they are. */
export type UpdateEndpointInput = {
  /** New description; null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Pause (false) or resume (true) deliveries. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** New event type filter; null means every type. */
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The endpoint to change. */
  id: Scalars['ID']['input'];
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
  /** The event type to change. */
  name: Scalars['String']['input'];
  /** New JSON Schema; null removes validation. */
  schema?: InputMaybe<Scalars['JSON']['input']>;
};

/** The changed event type. */
export type UpdateEventTypePayload = {
  __typename?: 'UpdateEventTypePayload';
  /** The event type as it now stands. */
  eventType: EventType;
};

export type DeliveryRowFragment = { __typename?: 'Delivery', id: string, status: DeliveryStatus, eventType: string, attemptCount: number, createdAt: string, updatedAt: string, nextAttemptAt?: string | null, endpoint: { __typename?: 'Endpoint', id: string, url: string }, event: { __typename?: 'Event', id: string, application: { __typename?: 'Application', id: string, name: string } } };

export type ConsoleDeliveriesQueryVariables = Exact<{
  filter?: InputMaybe<DeliveryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ConsoleDeliveriesQuery = { __typename?: 'Query', deliveries: { __typename?: 'DeliveryConnection', edges: Array<{ __typename?: 'DeliveryEdge', node: { __typename?: 'Delivery', id: string, status: DeliveryStatus, eventType: string, attemptCount: number, createdAt: string, updatedAt: string, nextAttemptAt?: string | null, endpoint: { __typename?: 'Endpoint', id: string, url: string }, event: { __typename?: 'Event', id: string, application: { __typename?: 'Application', id: string, name: string } } } }> } };

export type ConsoleDeliveryUpdatedSubscriptionVariables = Exact<{
  filter?: InputMaybe<DeliveryFilter>;
}>;


export type ConsoleDeliveryUpdatedSubscription = { __typename?: 'Subscription', deliveryUpdated: { __typename?: 'Delivery', id: string, status: DeliveryStatus, eventType: string, attemptCount: number, createdAt: string, updatedAt: string, nextAttemptAt?: string | null, endpoint: { __typename?: 'Endpoint', id: string, url: string }, event: { __typename?: 'Event', id: string, application: { __typename?: 'Application', id: string, name: string } } } };

export type ConsoleDeliveryQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleDeliveryQuery = { __typename?: 'Query', delivery?: { __typename?: 'Delivery', failureReason?: string | null, lastAttemptAt?: string | null, id: string, status: DeliveryStatus, eventType: string, attemptCount: number, createdAt: string, updatedAt: string, nextAttemptAt?: string | null, event: { __typename?: 'Event', id: string, type: string, payload: unknown, createdAt: string, application: { __typename?: 'Application', id: string, name: string } }, attempts: Array<{ __typename?: 'DeliveryAttempt', number: number, startedAt: string, durationMs: number, success: boolean, responseStatus?: number | null, responseBody?: string | null, error?: string | null }>, endpoint: { __typename?: 'Endpoint', id: string, url: string } } | null };

export type ConsoleRetryDeliveryMutationVariables = Exact<{
  input: RetryDeliveryInput;
}>;


export type ConsoleRetryDeliveryMutation = { __typename?: 'Mutation', retryDelivery: { __typename?: 'RetryDeliveryPayload', delivery: { __typename?: 'Delivery', id: string, status: DeliveryStatus } } };

export type EndpointRowFragment = { __typename?: 'Endpoint', id: string, url: string, description?: string | null, enabled: boolean, eventTypes: Array<string>, createdAt: string, updatedAt: string, application: { __typename?: 'Application', id: string, name: string } };

export type ConsoleEndpointsQueryVariables = Exact<{
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ConsoleEndpointsQuery = { __typename?: 'Query', endpoints: { __typename?: 'EndpointConnection', edges: Array<{ __typename?: 'EndpointEdge', node: { __typename?: 'Endpoint', id: string, url: string, description?: string | null, enabled: boolean, eventTypes: Array<string>, createdAt: string, updatedAt: string, application: { __typename?: 'Application', id: string, name: string } } }> } };

export type ConsoleEndpointQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleEndpointQuery = { __typename?: 'Query', endpoint?: { __typename?: 'Endpoint', deleted: boolean, id: string, url: string, description?: string | null, enabled: boolean, eventTypes: Array<string>, createdAt: string, updatedAt: string, application: { __typename?: 'Application', id: string, name: string } } | null };

export type ConsoleSetEndpointEnabledMutationVariables = Exact<{
  input: UpdateEndpointInput;
}>;


export type ConsoleSetEndpointEnabledMutation = { __typename?: 'Mutation', updateEndpoint: { __typename?: 'UpdateEndpointPayload', endpoint: { __typename?: 'Endpoint', id: string, url: string, description?: string | null, enabled: boolean, eventTypes: Array<string>, createdAt: string, updatedAt: string, application: { __typename?: 'Application', id: string, name: string } } } };

export type ConsoleRotateSecretMutationVariables = Exact<{
  input: RotateEndpointSecretInput;
}>;


export type ConsoleRotateSecretMutation = { __typename?: 'Mutation', rotateEndpointSecret: { __typename?: 'RotateEndpointSecretPayload', secret: string, endpoint: { __typename?: 'Endpoint', id: string, updatedAt: string } } };

export type ConsoleEventTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleEventTypesQuery = { __typename?: 'Query', eventTypes: Array<{ __typename?: 'EventType', name: string, description?: string | null, schema?: unknown | null, archived: boolean, createdAt: string }> };

export const DeliveryRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DeliveryRowFragment, unknown>;
export const EndpointRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EndpointRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Endpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<EndpointRowFragment, unknown>;
export const ConsoleDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeliveryRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleDeliveriesQuery, ConsoleDeliveriesQueryVariables>;
export const ConsoleDeliveryUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleDeliveryUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeliveryRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleDeliveryUpdatedSubscription, ConsoleDeliveryUpdatedSubscriptionVariables>;
export const ConsoleDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeliveryRow"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"responseBody"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleDeliveryQuery, ConsoleDeliveryQueryVariables>;
export const ConsoleRetryDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRetryDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RetryDeliveryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleRetryDeliveryMutation, ConsoleRetryDeliveryMutationVariables>;
export const ConsoleEndpointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleEndpoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EndpointRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EndpointRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Endpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleEndpointsQuery, ConsoleEndpointsQueryVariables>;
export const ConsoleEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EndpointRow"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EndpointRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Endpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleEndpointQuery, ConsoleEndpointQueryVariables>;
export const ConsoleSetEndpointEnabledDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSetEndpointEnabled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateEndpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EndpointRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EndpointRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Endpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleSetEndpointEnabledMutation, ConsoleSetEndpointEnabledMutationVariables>;
export const ConsoleRotateSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRotateSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RotateEndpointSecretInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateEndpointSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleRotateSecretMutation, ConsoleRotateSecretMutationVariables>;
export const ConsoleEventTypesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleEventTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleEventTypesQuery, ConsoleEventTypesQueryVariables>;
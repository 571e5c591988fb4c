import { loadApplications } from '../../use-cases/applications.js';
import { listDeliveries } from '../../use-cases/deliveries.js';
import { findEvent, followEvents, ITEM_ERROR_CODES, listEvents, publishEvent, publishEvents, type PublishOutcome } from '../../use-cases/events.js';
import type { PublishResult } from '../../store/ports.js';
import { builder, byId, scopeOf } from './builder.js';
import { pageArgs, pageFrom, toConnection } from './connection.js';
import { isKind, NodeRef } from './node.js';
import { ApplicationRef, DeliveryConnection, DeliveryRef, EventConnection, EventRef } from './refs.js';

EventRef.implement({
  description: 'Something that happened in the platform, published for one application.',
  interfaces: [NodeRef],
  isTypeOf: isKind('Event'),
  fields: (t) => ({
    application: t.loadable({
      type: ApplicationRef,
      nullable: true,
      description: 'The application the event was published for; null once that application is deleted (its history stays readable until purged).',
      ...byId(loadApplications),
      resolve: (e) => e.applicationId,
    }),
    type: t.exposeString('type', { description: 'The event type name.' }),
    payload: t.field({ type: 'JSON', description: 'The payload, sent as `data` in the webhook body.', resolve: (e) => JSON.parse(e.payload) }),
    payloadText: t.exposeString('payload', { description: 'The payload as the exact JSON text stored and sent (byte for byte what payloadText was at publish).' }),
    channels: t.exposeStringList('channels', { description: 'The channels it was published on.' }),
    idempotencyKey: t.exposeString('idempotencyKey', { nullable: true, description: 'The key given at publish time, if any.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When the event was accepted; also the `timestamp` of the webhook body.', resolve: (e) => e.createdAt }),
    deliveries: t.field({
      type: DeliveryConnection,
      description: 'One delivery per endpoint the event was sent to, newest first.',
      args: pageArgs,
      resolve: async (e, args, context) =>
        toConnection(await listDeliveries(context.deps, scopeOf(context), { eventId: e.id }, pageFrom(args, context.deps.config.maxPageSize, 'Delivery'))),
    }),
  }),
});

const PublishEventInput = builder.inputType('PublishEventInput', {
  description: 'An event to publish for one application.',
  fields: (t) => ({
    applicationId: t.id({ required: true, description: 'The application whose endpoints receive the event.' }),
    type: t.string({ required: true, description: 'An existing, not archived event type.' }),
    payload: t.field({ type: 'JSON', description: "The event data, any JSON value but null; must match the type's JSON Schema. Give this or payloadText." }),
    payloadText: t.string({ description: 'The event data as JSON text, stored and sent byte for byte (numbers such as 12345678901234567890 arrive unchanged). Give this or payload.' }),
    channels: t.stringList({ description: 'Channels the event is published on: endpoints that listen to channels receive it only when one of theirs is among these.' }),
    idempotencyKey: t.string({ description: 'Publishing again with the same key (same application, within 24h) returns the original event and creates nothing.' }),
  }),
});

const PublishEventPayload = builder.objectRef<PublishResult>('PublishEventPayload').implement({
  description: 'The stored event and its deliveries.',
  fields: (t) => ({
    event: t.withAuth({ caller: true }).field({ type: EventRef, description: 'The event (the original one when the idempotency key was seen before).', resolve: (p) => p.event }),
    deliveries: t.field({ type: [DeliveryRef], description: 'One delivery per matching enabled endpoint.', resolve: (p) => p.deliveries }),
    duplicate: t.boolean({ description: 'True when the idempotency key matched an earlier event and nothing new was stored.', resolve: (p) => !p.created }),
  }),
});

builder.mutationField('publishEvent', (t) =>
  t.withAuth({ admin: true }).field({
    type: PublishEventPayload,
    description: 'Publishes an event (admin only): stored with its deliveries before this returns, then delivered.',
    args: { input: t.arg({ type: PublishEventInput, required: true, description: 'The event to publish.' }) },
    resolve: (_root, { input }, { caller, deps }) => publishEvent(deps, caller, input),
  }),
);

const PublishEventsInput = builder.inputType('PublishEventsInput', {
  description: 'A batch of events to publish, each for its own application.',
  fields: (t) => ({
    events: t.field({
      type: [PublishEventInput],
      required: true,
      description: 'The events, in order; at most TIDINGS_MAX_EVENTS_PER_CALL (default 1000). Each is checked and published as publishEvent would; an idempotency key may appear once per application in a batch.',
    }),
  }),
});

const PublishEventErrorCode = builder.enumType('PublishEventErrorCode', {
  description: 'Why one event of a batch was not published.',
  values: {
    BAD_USER_INPUT: { description: 'The event broke a rule (unknown or archived type, payload not matching its schema, too deep or too large, invalid channels, an idempotency key already in this batch): see field and message.' },
    NOT_FOUND: { description: 'Its application does not exist.' },
    CONFLICT: { description: 'Its idempotency key was already used for an event with another type or payload.' },
  } satisfies Record<(typeof ITEM_ERROR_CODES)[number], unknown>,
});

// A plain record, not the error itself: graphql-js would treat an Error a resolver returns as thrown.
type ItemError = { code: NonNullable<PublishOutcome['error']>['code']; message: string; field: string | null };

const PublishEventError = builder.objectRef<ItemError>('PublishEventError').implement({
  description: 'Why one event of a batch was not published; nothing was stored for it.',
  fields: (t) => ({
    code: t.field({ type: PublishEventErrorCode, description: 'The error code, as a failed publishEvent would give it in extensions.code.', resolve: (e) => e.code }),
    message: t.exposeString('message', { description: 'What is wrong, for a person.' }),
    field: t.exposeString('field', { nullable: true, description: 'The input field at fault (payload, type, idempotencyKey, ...), when one is.' }),
  }),
});

const PublishEventResult = builder.objectRef<PublishOutcome>('PublishEventResult').implement({
  description: 'What became of one event of a batch: published (or an idempotent repeat), or refused with an error.',
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Its position in the input list, from 0.' }),
    event: t.withAuth({ caller: true }).field({
      type: EventRef,
      nullable: true,
      description: 'The stored event (the original one when the idempotency key was seen before); null when refused.',
      resolve: (o) => o.result?.event ?? null,
    }),
    deliveries: t.field({ type: [DeliveryRef], description: 'One delivery per matching endpoint; empty when refused.', resolve: (o) => o.result?.deliveries ?? [] }),
    duplicate: t.boolean({ description: 'True when the idempotency key matched an earlier event and nothing new was stored.', resolve: (o) => o.result !== undefined && !o.result.created }),
    error: t.field({
      type: PublishEventError,
      nullable: true,
      description: 'Why the event was not published; null when it was.',
      resolve: ({ error }) => error ? { code: error.code, message: error.message, field: typeof error.details.field === 'string' ? error.details.field : null } : null,
    }),
  }),
});

const PublishEventsPayload = builder.objectRef<PublishOutcome[]>('PublishEventsPayload').implement({
  description: 'One result per event of the batch, in input order.',
  fields: (t) => ({
    results: t.field({ type: [PublishEventResult], description: 'The results, in the order of input.events.', resolve: (outcomes) => outcomes }),
  }),
});

builder.mutationField('publishEvents', (t) =>
  t.withAuth({ admin: true }).field({
    type: PublishEventsPayload,
    description:
      'Publishes a batch of events (admin only). Each event is published or refused on its own; every accepted event and its deliveries are stored before this returns, in one write.',
    args: { input: t.arg({ type: PublishEventsInput, required: true, description: 'The events to publish.' }) },
    resolve: (_root, { input }, { caller, deps }) => publishEvents(deps, caller, input.events),
  }),
);

builder.queryFields((t) => ({
  events: t.withAuth({ caller: true }).field({
    type: EventConnection,
    description: 'Events the caller can see, newest first.',
    args: {
      applicationId: t.arg.id({ description: 'Only events of this application.' }),
      type: t.arg.string({ description: 'Only events of this exact type.' }),
      ...pageArgs,
    },
    resolve: async (_root, args, { caller, deps }) =>
      toConnection(await listEvents(deps, caller, { applicationId: args.applicationId, type: args.type }, pageFrom(args, deps.config.maxPageSize, 'Event'))),
  }),
  event: t.withAuth({ caller: true }).field({
    type: EventRef,
    nullable: true,
    description: 'One event; null when it does not exist or belongs to another application.',
    args: { id: t.arg.id({ required: true, description: 'The event ID.' }) },
    resolve: (_root, { id }, { caller, deps }) => findEvent(deps, caller, id),
  }),
}));

const EventPublishedFilter = builder.inputType('EventPublishedFilter', {
  description: 'Which published events a subscriber receives.',
  fields: (t) => ({
    applicationId: t.id({ description: 'Only events of this application (an application key sees only its own anyway).' }),
    eventTypes: t.stringList({ description: 'Exact type names, `prefix.*` wildcards or `*`, as endpoints take them; omitted means all.' }),
  }),
});

builder.subscriptionField('eventPublished', (t) =>
  t.withAuth({ caller: true }).field({
    type: EventRef,
    description: 'One message per event published from now on that the caller can see, with its payload (what `tidings listen` forwards).',
    args: { filter: t.arg({ type: EventPublishedFilter, description: 'Narrows the feed.' }) },
    subscribe: (_root, args, { caller, deps }) => followEvents(deps, caller, args.filter),
    resolve: (event) => event,
  }),
);

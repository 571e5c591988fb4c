import type { AttemptRecord, DeliveryRecord } from '../../domain/records.js';
import { findDelivery, followDeliveries, listDeliveries, loadAttempts, retryDelivery } from '../../use-cases/deliveries.js';
import { loadEndpoints } from '../../use-cases/endpoints.js';
import { loadEvents } from '../../use-cases/events.js';
import { builder, byId } from './builder.js';
import { pageArgs, pageFrom, toConnection } from './connection.js';
import { isKind, NodeRef } from './node.js';
import { DeliveryConnection, DeliveryFilterRef, DeliveryRef, DeliveryStatusEnum, EndpointRef, EventRef } from './refs.js';

const DeliveryAttemptRef = builder.objectRef<AttemptRecord>('DeliveryAttempt').implement({
  description: 'One HTTP POST of a delivery and what came back.',
  fields: (t) => ({
    number: t.exposeInt('number', { description: '1 for the first attempt, then 2, 3, …' }),
    startedAt: t.field({ type: 'DateTime', description: 'When the request started.', resolve: (a) => a.startedAt }),
    durationMs: t.exposeInt('durationMs', { description: 'Milliseconds from sending to the end of the response (or the failure).' }),
    success: t.exposeBoolean('success', { description: 'True when the endpoint answered 2xx.' }),
    responseStatus: t.exposeInt('responseStatus', { nullable: true, description: 'HTTP status, when a response arrived.' }),
    responseBody: t.exposeString('responseBody', { nullable: true, description: 'The first 4 KiB of the response body.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why the attempt failed: timeout, network error, refused target, or non-2xx status.' }),
    retryAfterMs: t.exposeInt('retryAfterMs', {
      nullable: true,
      description: "The receiver's Retry-After (on 429 or 503) as honoured, in milliseconds (capped at TIDINGS_RETRY_AFTER_MAX): the next attempt waited at least this long. Null when none applied.",
    }),
  }),
});

DeliveryRef.implement({
  description: 'One event on its way to one endpoint, with every attempt made.',
  interfaces: [NodeRef],
  isTypeOf: isKind('Delivery'),
  fields: (t) => ({
    event: t.loadable({
      type: EventRef,
      description: 'The event being delivered.',
      ...byId(loadEvents),
      resolve: (d) => d.eventId,
    }),
    endpoint: t.loadable({
      type: EndpointRef,
      description: 'The endpoint it goes to (also when that endpoint was deleted since).',
      ...byId(loadEndpoints),
      resolve: (d) => d.endpointId,
    }),
    eventType: t.exposeString('eventType', { description: 'The type of the event.' }),
    status: t.field({ type: DeliveryStatusEnum, description: 'Where the delivery stands.', resolve: (d) => d.status }),
    attemptCount: t.exposeInt('attemptCount', { description: 'Attempts made so far.' }),
    nextAttemptAt: t.field({ type: 'DateTime', nullable: true, description: 'When the next attempt is due; null once finished.', resolve: (d) => d.nextAttemptAt }),
    lastAttemptAt: t.field({ type: 'DateTime', nullable: true, description: 'When the last attempt started.', resolve: (d) => d.lastAttemptAt }),
    failureReason: t.exposeString('failureReason', { nullable: true, description: 'Why it was given up early, e.g. its endpoint was deleted.' }),
    attempts: t.loadableGroup({
      type: DeliveryAttemptRef,
      description: 'Every attempt, oldest first.',
      load: (ids: string[], context) => loadAttempts(context.deps, ids),
      group: (a) => a.deliveryId,
      resolve: (d) => d.id,
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When the delivery was created (with its event).', resolve: (d) => d.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the delivery last changed.', resolve: (d) => d.updatedAt }),
  }),
});

const RetryDeliveryInput = builder.inputType('RetryDeliveryInput', {
  description: 'The delivery to attempt again.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The delivery ID.' }) }),
});

const RetryDeliveryPayload = builder.objectRef<{ delivery: DeliveryRecord }>('RetryDeliveryPayload').implement({
  description: 'The delivery, queued for one more attempt.',
  fields: (t) => ({ delivery: t.field({ type: DeliveryRef, description: 'The delivery, PENDING until the attempt ends.', resolve: (p) => p.delivery }) }),
});

builder.mutationField('retryDelivery', (t) =>
  t.withAuth({ caller: true }).field({
    type: RetryDeliveryPayload,
    description: 'Queues exactly one more attempt now, whatever the status; it ends SUCCEEDED or FAILED. CONFLICT while an attempt is in flight.',
    args: { input: t.arg({ type: RetryDeliveryInput, required: true, description: 'The delivery to retry.' }) },
    resolve: async (_root, { input }, { caller, deps }) => ({ delivery: await retryDelivery(deps, caller, input.id) }),
  }),
);

builder.queryFields((t) => ({
  deliveries: t.withAuth({ caller: true }).field({
    type: DeliveryConnection,
    description: 'Deliveries the caller can see, newest first.',
    args: { filter: t.arg({ type: DeliveryFilterRef, description: 'Narrows the list.' }), ...pageArgs },
    resolve: async (_root, args, { caller, deps }) => toConnection(await listDeliveries(deps, caller, args.filter, pageFrom(args, deps.config.maxPageSize, 'Delivery'))),
  }),
  delivery: t.withAuth({ caller: true }).field({
    type: DeliveryRef,
    nullable: true,
    description: 'One delivery; null when it does not exist or belongs to another application.',
    args: { id: t.arg.id({ required: true, description: 'The delivery ID.' }) },
    resolve: (_root, { id }, { caller, deps }) => findDelivery(deps, caller, id),
  }),
}));

builder.subscriptionField('deliveryUpdated', (t) =>
  t.withAuth({ caller: true }).field({
    type: DeliveryRef,
    description: 'One message each time a delivery the caller can see is created or changes state (every attempt included).',
    args: { filter: t.arg({ type: DeliveryFilterRef, description: 'Only deliveries matching this filter.' }) },
    subscribe: (_root, args, { caller, deps }) => followDeliveries(deps, caller, args.filter),
    resolve: (delivery) => delivery,
  }),
);

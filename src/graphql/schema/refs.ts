import type { DeliveryFilterInput } from '../../use-cases/deliveries.js';
import type { EndpointOrdering } from '../../domain/ordering.js';
import type { ApplicationRecord, DeliveryRecord, DeliveryStatus, EndpointRecord, EventRecord, EventTypeRecord } from '../../domain/records.js';
import { builder } from './builder.js';
import { connectionOf } from './connection.js';

// The object types, declared here and implemented in their domain files, so that domain files
// can point at each other without circular imports.

export const ApplicationRef = builder.objectRef<ApplicationRecord>('Application');
export const EventTypeRef = builder.objectRef<EventTypeRecord>('EventType');
export const EndpointRef = builder.objectRef<EndpointRecord>('Endpoint');
export const EventRef = builder.objectRef<EventRecord>('Event');
export const DeliveryRef = builder.objectRef<DeliveryRecord>('Delivery');

export const ApplicationConnection = connectionOf('Application', ApplicationRef, 'application');
export const EndpointConnection = connectionOf('Endpoint', EndpointRef, 'endpoint');
export const EventConnection = connectionOf('Event', EventRef, 'event');
export const DeliveryConnection = connectionOf('Delivery', DeliveryRef, 'delivery');

export const EndpointOrderingEnum = builder.enumType('EndpointOrdering', {
  description: 'In which order an endpoint gets its deliveries.',
  values: {
    PARALLEL: { description: 'As they come due, several at once (the default).' },
    FIFO: { description: 'Strictly in publish order, one in flight: a failing delivery holds the ones behind it until it succeeds or ends FAILED.' },
  } satisfies Record<EndpointOrdering, unknown>,
});

export const DeliveryStatusEnum = builder.enumType('DeliveryStatus', {
  description: 'Where a delivery stands.',
  values: {
    PENDING: { description: 'Waiting for its first attempt, or for a retry asked for with retryDelivery.' },
    RETRYING: { description: 'Failed at least once; the next attempt is scheduled (see nextAttemptAt).' },
    SUCCEEDED: { description: 'The endpoint answered with a 2xx status.' },
    FAILED: { description: 'Given up: the retry schedule is exhausted, a manual retry failed, or the endpoint was deleted.' },
  } satisfies Record<DeliveryStatus, unknown>,
});


export const DeliveryFilterRef = builder.inputRef<DeliveryFilterInput>('DeliveryFilter').implement({
  description: 'Narrows a list or subscription of deliveries; every given field must match.',
  fields: (t) => ({
    applicationId: t.id({ description: 'Only deliveries of this application.' }),
    endpointId: t.id({ description: 'Only deliveries to this endpoint.' }),
    eventId: t.id({ description: 'Only deliveries of this event.' }),
    eventType: t.string({ description: 'Only deliveries of events of this exact type.' }),
    status: t.field({ type: [DeliveryStatusEnum], description: 'Only deliveries in one of these statuses.' }),
    since: t.field({ type: 'DateTime', description: 'Only deliveries created at or after this time (inclusive).' }),
    until: t.field({ type: 'DateTime', description: 'Only deliveries created before this time (exclusive).' }),
  }),
});

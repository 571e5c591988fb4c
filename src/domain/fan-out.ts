import { matchesEventType } from './event-types.js';
import type { DeliveryRecord, EndpointRecord, EventRecord } from './records.js';

// Which endpoints get a delivery of an event, and the delivery each one gets. Both stores fan out
// through this, inside their own write.

/**
 * Every endpoint of the event's application that is not deleted and whose event types match.
 * A disabled (paused) endpoint gets its delivery too: it waits, unattempted, until the endpoint
 * is enabled again, so nothing published during a pause is lost.
 */
export function fanOutTargets<E extends Pick<EndpointRecord, 'applicationId' | 'eventTypes' | 'deletedAt'>>(
  endpoints: readonly E[],
  event: Pick<EventRecord, 'applicationId' | 'type'>,
): E[] {
  return endpoints.filter((e) => e.applicationId === event.applicationId && e.deletedAt === null && matchesEventType(e.eventTypes, event.type));
}

/** The new delivery of `event` to one endpoint: PENDING and due at once. */
export function newDelivery(id: string, event: EventRecord, endpointId: string): DeliveryRecord {
  return {
    id,
    applicationId: event.applicationId,
    eventId: event.id,
    endpointId,
    eventType: event.type,
    status: 'PENDING',
    attemptCount: 0,
    nextAttemptAt: event.createdAt,
    lastAttemptAt: null,
    failureReason: null,
    manualRetry: false,
    createdAt: event.createdAt,
    updatedAt: event.createdAt,
  };
}

import { compileFilter } from './event-filter.js';
import { matchesEventType } from './event-types.js';
import type { DeliveryOptions, DeliveryRecord, EndpointRecord, EventRecord } from './records.js';

// Which endpoints get a delivery of an event, and the delivery each one gets. Both stores fan out
// through this, inside their own write (and the MongoDB sweep when it completes a fan-out again).

/** Whether an endpoint listening to `listening` (null = every channel) hears an event on `channels`. */
export function hearsChannels(listening: readonly string[] | null, channels: readonly string[]): boolean {
  return listening === null || listening.some((c) => channels.includes(c));
}

type Target = Pick<EndpointRecord, 'id' | 'applicationId' | 'eventTypes' | 'deletedAt'> & { delivery: Pick<DeliveryOptions, 'channels' | 'filter'> };

/** Why an endpoint does not hear an event (type, channels, filter), or null when it does. */
export function whyNotHeard(endpoint: Target, event: Pick<EventRecord, 'type' | 'channels'>, data: () => unknown): string | null {
  if (!matchesEventType(endpoint.eventTypes, event.type)) return `the endpoint does not listen to event type "${event.type}"`;
  if (!hearsChannels(endpoint.delivery.channels, event.channels)) return 'the event is on none of the channels the endpoint listens to';
  if (endpoint.delivery.filter !== null && !compileFilter(endpoint.delivery.filter)(data())) return "the event's data does not match the endpoint's filter";
  return null;
}

/**
 * Every endpoint of the event's application that is not deleted and hears the event: its event
 * types match, it listens to one of the event's channels (or to all), and the data matches its
 * filter. A test event (sendTestEvent) goes to its one endpoint only, whatever its triggers. A disabled (paused) endpoint gets its delivery too: it waits, unattempted, until the
 * endpoint is enabled again, so nothing published during a pause is lost.
 */
export function fanOutTargets<E extends Target>(
  endpoints: readonly E[],
  event: Pick<EventRecord, 'applicationId' | 'type' | 'channels' | 'payload'> & Partial<Pick<EventRecord, 'testEndpointId'>>,
): E[] {
  const live = endpoints.filter((e) => e.applicationId === event.applicationId && e.deletedAt === null);
  if (event.testEndpointId) return live.filter((e) => e.id === event.testEndpointId);
  let parsed: { data: unknown } | undefined;
  const data = () => (parsed ??= { data: JSON.parse(event.payload) }).data;
  return live.filter((e) => whyNotHeard(e, event, data) === null);
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

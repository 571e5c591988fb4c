import type { DeliveryFilter, DeliveryRecord } from './store/types.js';

/** The in-memory twin of the stores' delivery filter, for live subscriptions. */
export function deliveryMatches(filter: DeliveryFilter, d: DeliveryRecord): boolean {
  return (
    (filter.applicationId === undefined || d.applicationId === filter.applicationId) &&
    (filter.endpointId === undefined || d.endpointId === filter.endpointId) &&
    (filter.eventId === undefined || d.eventId === filter.eventId) &&
    (filter.eventType === undefined || d.eventType === filter.eventType) &&
    (filter.status === undefined || filter.status.includes(d.status)) &&
    (filter.since === undefined || d.createdAt >= filter.since) &&
    (filter.until === undefined || d.createdAt < filter.until)
  );
}

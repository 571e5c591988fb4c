import type { DeliveryFilter, DeliveryRecord } from './records.js';

/**
 * Whether a delivery passes a filter: every given field must match. The in-memory twin of the
 * stores' listDeliveries filter (the live feed uses it); both run the same table of cases
 * (test/domain/delivery-filter-cases.ts).
 */
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

import type { DeliveryFilter, DeliveryRecord } from '../../src/domain/records.js';

// One table of filter cases for the two implementations of the delivery filter: the stores'
// listDeliveries (test/store/delivery-log-contract.ts) and the live feed's deliveryMatches
// (test/domain/delivery-filter.test.ts). Each case names the deliveries of the world it keeps.

/** Three deliveries: two of one event (two endpoints), one of a later event of another type. */
export interface FilterWorld {
  applicationId: string;
  e1: string;
  e2: string;
  first: { eventId: string; createdAt: number; deliveries: { e1: DeliveryRecord; e2: DeliveryRecord } };
  second: { eventId: string; createdAt: number; type: string; delivery: DeliveryRecord };
}

export type Named = 'first.e1' | 'first.e2' | 'second';

export interface FilterCase {
  name: string;
  filter: (w: FilterWorld) => DeliveryFilter;
  keeps: Named[];
}

export const FILTER_CASES: FilterCase[] = [
  { name: 'no filter keeps everything', filter: () => ({}), keeps: ['first.e1', 'first.e2', 'second'] },
  { name: 'by application', filter: (w) => ({ applicationId: w.applicationId }), keeps: ['first.e1', 'first.e2', 'second'] },
  { name: 'by another application', filter: () => ({ applicationId: 'app_none' }), keeps: [] },
  { name: 'by endpoint', filter: (w) => ({ endpointId: w.e2 }), keeps: ['first.e2'] },
  { name: 'by event', filter: (w) => ({ eventId: w.first.eventId }), keeps: ['first.e1', 'first.e2'] },
  { name: 'by event type', filter: (w) => ({ eventType: w.second.type }), keeps: ['second'] },
  { name: 'by status, matching', filter: () => ({ status: ['PENDING'] }), keeps: ['first.e1', 'first.e2', 'second'] },
  { name: 'by status, none matching', filter: () => ({ status: ['SUCCEEDED', 'FAILED'] }), keeps: [] },
  { name: 'by an empty status list', filter: () => ({ status: [] }), keeps: [] },
  { name: 'since is inclusive', filter: (w) => ({ since: w.second.createdAt }), keeps: ['second'] },
  { name: 'until is exclusive', filter: (w) => ({ until: w.second.createdAt }), keeps: ['first.e1', 'first.e2'] },
  { name: 'an empty window', filter: (w) => ({ since: w.first.createdAt + 1, until: w.second.createdAt }), keeps: [] },
  { name: 'every field at once', filter: (w) => ({ applicationId: w.applicationId, endpointId: w.e1, eventId: w.first.eventId, eventType: 'order.created', status: ['PENDING', 'RETRYING'], since: w.first.createdAt, until: w.second.createdAt }), keeps: ['first.e1'] },
];

export function pick(w: FilterWorld, names: Named[]): string[] {
  const byName: Record<Named, string> = { 'first.e1': w.first.deliveries.e1.id, 'first.e2': w.first.deliveries.e2.id, second: w.second.delivery.id };
  return names.map((n) => byName[n]).sort();
}

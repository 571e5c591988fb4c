import type { DeliveryRecord, EventRecord } from '../domain/records.js';
import type { PubSub } from './pubsub.js';

// What every change of a delivery tells the rest of Tidings, in one place: the live feed hears
// about every change, the workers about work that is due now.

/** Announces created or changed deliveries. */
export function announceDeliveries(pubsub: PubSub, deliveries: readonly DeliveryRecord[]): void {
  const due = new Map<string, string[]>();
  for (const delivery of deliveries) {
    pubsub.publish('delivery:updated', delivery);
    if (delivery.status === 'PENDING') due.get(delivery.endpointId)?.push(delivery.id) ?? due.set(delivery.endpointId, [delivery.id]);
  }
  for (const [endpointId, deliveryIds] of due) pubsub.publish('work:due', { endpointId, deliveryIds });
}

/** An endpoint was enabled again: its waiting deliveries are due now. */
export function announceEndpointResumed(pubsub: PubSub, endpointId: string): void {
  pubsub.publish('work:due', { endpointId });
}

/** A new event was stored (an idempotent repeat is not announced again). */
export function announceEventPublished(pubsub: PubSub, event: EventRecord): void {
  pubsub.publish('event:published', event);
}

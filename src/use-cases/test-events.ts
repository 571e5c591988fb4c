import type { Deps } from '../deps.js';
import type { DeliveryRecord, Scope } from '../domain/records.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { announceDeliveries } from '../live/announce.js';
import { newId } from '../ids.js';
import { publishableEventType, validatePayload } from './event-types.js';

// sendTestEvent: the event type's first example, sent to one endpoint as a real event with a real,
// recorded delivery (retried, visible in the history and the live feed like any other).

export async function sendTestEvent(deps: Deps, scope: Scope, input: { endpointId: string; eventType: string }): Promise<DeliveryRecord> {
  const endpoint = await deps.store.findEndpoint(scope, input.endpointId);
  if (!endpoint) throw new NotFoundError('endpoint', input.endpointId);
  const eventType = await publishableEventType(deps, input.eventType);
  const example = eventType.examples[0];
  if (example === undefined) {
    throw new BadInputError('eventType', `event type "${eventType.name}" has no examples; add one with updateEventType(input: { name, examples })`);
  }
  validatePayload(eventType, example);
  const now = deps.now();
  const result = await deps.store.publishEvent(
    {
      id: newId('Event', now), applicationId: endpoint.applicationId, type: eventType.name, payload: JSON.stringify(example),
      channels: [], testEndpointId: endpoint.id, idempotencyKey: null, createdAt: now,
    },
    { idempotentSince: now },
  );
  const delivery = result.deliveries[0];
  if (!delivery) throw new NotFoundError('endpoint', input.endpointId); // deleted meanwhile
  announceDeliveries(deps.pubsub, result.deliveries);
  return delivery;
}

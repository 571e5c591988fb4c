import type { HealthChange } from '../store/ports.js';
import type { PubSub } from './pubsub.js';

// What a change of an endpoint's health tells the rest of Tidings.

/** A closed circuit lets the endpoint's waiting deliveries flow: every worker looks at once. */
export function announceHealthChange(pubsub: PubSub, change: HealthChange): void {
  if (change.decisions.some((d) => d.kind === 'recovered')) pubsub.publish('work:due', { endpointId: change.endpoint.id });
}

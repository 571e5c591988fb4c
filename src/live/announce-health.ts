import type { EndpointRecord } from '../domain/records.js';
import type { HealthChange } from '../store/ports.js';
import type { PubSub } from './pubsub.js';

// What a change of an endpoint's health tells the rest of Tidings.

/**
 * The health feed hears of a changed state or a decision (not of every attempt of a healthy
 * endpoint); a closed circuit lets the endpoint's waiting deliveries flow: every worker looks at once.
 */
export function announceHealthChange(pubsub: PubSub, change: HealthChange): void {
  if (change.previous.state !== change.endpoint.health.state || change.decisions.length > 0) announceEndpointHealth(pubsub, change.endpoint);
  if (change.decisions.some((d) => d.kind === 'recovered')) pubsub.publish('work:due', { endpointId: change.endpoint.id });
}

/** An endpoint's health changed (also when enabled or disabled by hand). */
export function announceEndpointHealth(pubsub: PubSub, endpoint: EndpointRecord): void {
  pubsub.publish('endpoint:health', endpoint);
}

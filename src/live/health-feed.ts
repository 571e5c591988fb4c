import type { HealthState } from '../domain/health.js';
import type { EndpointRecord, Scope } from '../domain/records.js';
import type { PubSub } from './pubsub.js';
import { liveQueue } from './queue.js';

/** Messages a slow subscriber may fall behind by before the oldest are dropped (the store keeps the record). */
export const HEALTH_FEED_BUFFER = 1000;

export interface EndpointHealthFilter {
  applicationId?: string;
  endpointId?: string;
  states?: HealthState[];
}

export function healthMatches(filter: EndpointHealthFilter, e: EndpointRecord): boolean {
  return (filter.applicationId === undefined || e.applicationId === filter.applicationId)
    && (filter.endpointId === undefined || e.id === filter.endpointId)
    && (filter.states === undefined || filter.states.includes(e.health.state));
}

/** The live feed of endpoint health changes of this process: one queue per subscriber, fed from the pubsub. */
export class HealthFeed {
  /** Subscribers listening now (readiness of tests). */
  subscribers = 0;

  constructor(private readonly pubsub: PubSub) {}

  follow(scope: Scope, filter: EndpointHealthFilter): AsyncIterableIterator<EndpointRecord> {
    const visible = (e: EndpointRecord) => scope.kind === 'admin' || e.applicationId === scope.applicationId;
    return liveQueue<EndpointRecord>(HEALTH_FEED_BUFFER, (push) => {
      const unlisten = this.pubsub.listen('endpoint:health', (e) => visible(e) && healthMatches(filter, e) && push(e));
      this.subscribers++;
      return () => {
        unlisten();
        this.subscribers--;
      };
    });
  }
}

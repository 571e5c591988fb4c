import { deliveryMatches } from '../domain/delivery-filter.js';
import type { DeliveryFilter, DeliveryRecord, Scope } from '../domain/records.js';
import type { PubSub } from './pubsub.js';
import { liveQueue } from './queue.js';

/** Messages a slow subscriber may fall behind by before the oldest are dropped (the store keeps the record). */
export const LIVE_FEED_BUFFER = 10_000;

/** The live delivery feed of this process: one queue per subscriber, fed from the pubsub. */
export class DeliveryFeed {
  /** Subscribers listening now (readiness of tests, and later a metric). */
  subscribers = 0;

  constructor(private readonly pubsub: PubSub) {}

  /** Deliveries the scope may see and the filter keeps, from now on. */
  follow(scope: Scope, filter: DeliveryFilter): AsyncIterableIterator<DeliveryRecord> {
    const visible = (d: DeliveryRecord) => scope.kind === 'admin' || d.applicationId === scope.applicationId;
    return liveQueue<DeliveryRecord>(LIVE_FEED_BUFFER, (push) => {
      const unlisten = this.pubsub.listen('delivery:updated', (d) => visible(d) && deliveryMatches(filter, d) && push(d));
      this.subscribers++;
      return () => {
        unlisten();
        this.subscribers--;
      };
    });
  }
}

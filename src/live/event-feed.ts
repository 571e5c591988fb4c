import { matchesEventType } from '../domain/event-types.js';
import type { EventRecord, Scope } from '../domain/records.js';
import { LIVE_FEED_BUFFER } from './delivery-feed.js';
import type { PubSub } from './pubsub.js';
import { liveQueue } from './queue.js';

/** The live feed of published events of this process (eventPublished; `tidings listen` uses it). */
export class EventFeed {
  /** Subscribers listening now (readiness of tests). */
  subscribers = 0;

  constructor(private readonly pubsub: PubSub) {}

  /** Events the scope may see whose type matches one of the patterns, from now on. */
  follow(scope: Scope, eventTypes: readonly string[]): AsyncIterableIterator<EventRecord> {
    const visible = (e: EventRecord) => scope.kind === 'admin' || e.applicationId === scope.applicationId;
    return liveQueue<EventRecord>(LIVE_FEED_BUFFER, (push) => {
      const unlisten = this.pubsub.listen('event:published', (e) => visible(e) && matchesEventType(eventTypes, e.type) && push(e));
      this.subscribers++;
      return () => {
        unlisten();
        this.subscribers--;
      };
    });
  }
}

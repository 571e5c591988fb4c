import type { Config } from './config.js';
import type { DeliveryFeed } from './live/delivery-feed.js';
import type { PubSub } from './live/pubsub.js';
import type { Store } from './store/ports.js';

/** What the API's operations need: handed to every resolver through the GraphQL context. */
export interface Deps {
  store: Store;
  pubsub: PubSub;
  config: Config;
  now: () => number;
  /** The live delivery feed of this process. */
  live: DeliveryFeed;
  /** Live counters of this process (for tests now, metrics later). */
  stats: {
    /** POST /graphql requests executed on the fast path of graphql-post.ts (the rest went through yoga). */
    graphqlFastPath: number;
  };
}

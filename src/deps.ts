import type { Config } from './config.js';
import type { PubSub } from './pubsub.js';
import type { Store } from './store/ports.js';

/** What the API's operations need: handed to every resolver through the GraphQL context. */
export interface Deps {
  store: Store;
  pubsub: PubSub;
  config: Config;
  now: () => number;
  /** Live counters of this process (for tests now, metrics later). */
  stats: {
    liveSubscriptions: number;
    /** POST /graphql requests executed on the fast path of graphql-post.ts (the rest went through yoga). */
    graphqlFastPath: number;
  };
}

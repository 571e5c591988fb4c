import type { Config } from './config.js';
import { instrumentStore, Metrics } from './http/metrics.js';
import { DeliveryFeed } from './live/delivery-feed.js';
import { silentLogger, type Logger } from './log.js';
import { EventFeed } from './live/event-feed.js';
import { HealthFeed } from './live/health-feed.js';
import { Operations } from './use-cases/operations.js';
import { createTidingsPubSub, type PubSub } from './live/pubsub.js';
import type { Store } from './store/ports.js';

/** What the use-cases need: handed to every resolver through the GraphQL context. */
export interface Deps {
  store: Store;
  pubsub: PubSub;
  config: Config;
  now: () => number;
  /** The live delivery feed of this process. */
  live: DeliveryFeed;
  /** This app's Prometheus metrics (GET /metrics); `store` above is instrumented with them. */
  metrics: Metrics;
  /** The process's log. */
  log: Logger;
  /** The live feed of published events of this process. */
  liveEvents: EventFeed;
  /** The live endpoint health feed of this process. */
  healthFeed: HealthFeed;
  /** The operations application and its events (use-cases/operations.ts). */
  operations: Operations;
}

/**
 * The use-cases' dependencies for a store and a configuration, without any server: what the API
 * uses, and what a CLI or a test can use directly. The pubsub defaults to an in-process one;
 * pass one over Redis to share the live feed and worker wake-ups between processes.
 */
export function createDeps(options: { config: Config; store: Store; pubsub?: PubSub; now?: () => number; log?: Logger }): Deps {
  const pubsub = options.pubsub ?? createTidingsPubSub();
  const now = options.now ?? Date.now;
  const log = options.log ?? silentLogger;
  const metrics = new Metrics();
  const store = instrumentStore(options.store, metrics, { slowMs: options.config.slowOperationMs, log });
  metrics.watchBacklog(store, now);
  return {
    store, pubsub, config: options.config, now, live: new DeliveryFeed(pubsub), liveEvents: new EventFeed(pubsub), metrics, log,
    healthFeed: new HealthFeed(pubsub), operations: new Operations(store, pubsub, now),
  };
}

import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import { createTidingsPubSub, type PubSub } from './pubsub.js';

/** The pubsub over Redis: every process sharing REDIS_URL sees every message (live feed, worker wake-ups). */
export function createRedisPubSub(url: string): { pubsub: PubSub; close(): Promise<void> } {
  const publishClient = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: null });
  const subscribeClient = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: null });
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createTidingsPubSub(eventTarget as never),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

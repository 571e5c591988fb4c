import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveDeliveriesDocument, PublishEventDocument, type LiveDeliveriesSubscription } from '../generated/graphql.js';
import type { MongoServer } from '../support/ferretdb.js';
import { subscribeSse, subscribeWs, type Feed } from '../support/live.js';
import { startTidingsProcess, stopAllTidingsProcesses, type TidingsProcess } from '../support/processes.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { startRedis, type RedisServer } from '../support/redis.js';
import { TEST_ADMIN_TOKEN } from '../support/server.js';
import { waitFor } from '../support/wait.js';
import { setupApplication, startMongoServerOnTmpfs, uniqueDbName } from './scale-helpers.js';

// The live feed across processes over Redis: a client subscribed on API instance A sees the
// deliveries published through API instance B and attempted by worker C.

type LiveFeed = Feed<LiveDeliveriesSubscription>;

describe('live feed across instances with Redis', () => {
  let mongo: MongoServer | undefined;
  let redis: RedisServer | undefined;
  let receiver: Receiver | undefined;
  let a: TidingsProcess;
  let b: TidingsProcess;
  const feeds: LiveFeed[] = [];

  beforeAll(async () => {
    [mongo, redis, receiver] = await Promise.all([startMongoServerOnTmpfs(), startRedis(), startReceiver()]);
    const env = { MONGODB_URI: mongo.uri, TIDINGS_MONGODB_DB: uniqueDbName('redis'), REDIS_URL: redis.url };
    a = await startTidingsProcess({ ...env, TIDINGS_ROLE: 'api' });
    b = await startTidingsProcess({ ...env, TIDINGS_ROLE: 'api' });
    // A long poll interval: C is expected to be woken over Redis by B's PENDING message.
    await startTidingsProcess({ ...env, TIDINGS_ROLE: 'worker', TIDINGS_WORKER_POLL_INTERVAL: '2s' });
  }, 60_000);

  afterAll(async () => {
    for (const feed of feeds) await feed.close().catch(() => {});
    await stopAllTidingsProcesses();
    await receiver?.close();
    await redis?.stop();
    await mongo?.destroy();
  });

  it('shows on A, over WebSocket and SSE, PENDING then SUCCEEDED for a delivery published through B and attempted by C', async () => {
    const { applicationId, type } = await setupApplication(b.admin, receiver!.url, 1, 'redis');
    const ws = (await subscribeWs(a.wsUrl, TEST_ADMIN_TOKEN, LiveDeliveriesDocument)) as LiveFeed;
    feeds.push(ws);
    const sseFeed = await subscribeSse(a.graphqlUrl, TEST_ADMIN_TOKEN, LiveDeliveriesDocument);
    const sse = sseFeed as LiveFeed;
    feeds.push(sse);
    expect(sseFeed.status).toBe(200);

    // A child process cannot report its subscribers: publish warm-up events through B until both
    // feeds on A have received one, so the Redis subscriptions on A are known to be in place.
    const publish = async (payload: unknown) => {
      const { publishEvent } = await b.admin.run(PublishEventDocument, { input: { applicationId, type, payload } });
      return publishEvent.deliveries[0]!.id;
    };
    const warmups: string[] = [];
    const seen = (feed: LiveFeed) => feed.messages.some((m) => warmups.includes(m.deliveryUpdated.id));
    const deadline = Date.now() + 30_000;
    for (let i = 0; !(seen(ws) && seen(sse)); i++) {
      if (Date.now() > deadline) throw new Error(`no warm-up message reached A's feeds within 30s (WS ${ws.messages.length}, SSE ${sse.messages.length} messages)`);
      warmups.push(await publish({ warmup: i }));
      await waitFor('a warm-up message', () => seen(ws) && seen(sse), 2_000).catch(() => undefined);
    }

    const deliveryId = await publish({ real: true });
    for (const [name, feed] of [['WebSocket', ws], ['SSE', sse]] as const) {
      await feed.next(`SUCCEEDED for ${deliveryId}`, (m) => m.deliveryUpdated.id === deliveryId && m.deliveryUpdated.status === 'SUCCEEDED', 20_000);
      const statuses = feed.messages.map((m) => m.deliveryUpdated).filter((d) => d.id === deliveryId).map((d) => d.status);
      expect(statuses, name).toEqual(['PENDING', 'SUCCEEDED']);
      expect(feed.errors, name).toEqual([]);
    }
    const request = await waitFor('the request at the receiver', () => receiver!.requests.find((r) => r.headers['tidings-delivery-id'] === deliveryId));
    expect(request.headers['tidings-attempt']).toBe('1');
    // Neither API process delivers: only the worker does.
    expect(a.output()).not.toMatch(/worker:/);
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateApiKeyDocument, CreateApplicationDocument, EndpointCountDocument, LiveDeliveriesDocument, RevokeApiKeyDocument } from '../generated/graphql.js';
import type { MongoServer } from '../support/ferretdb.js';
import { GqlClient } from '../support/gql.js';
import { subscribeSse, subscribeWs } from '../support/live.js';
import { startTidingsProcess, stopAllTidingsProcesses, type TidingsProcess } from '../support/processes.js';
import { startRedis, type RedisServer } from '../support/redis.js';
import { waitFor } from '../support/wait.js';
import { startMongoServerOnTmpfs, uniqueDbName } from './scale-helpers.js';

// Revoking an API key on one API process ends the key everywhere: the other process refuses it
// from the next request on (it reads the shared store) and closes its live connections (the
// revocation reaches it over Redis).

describe('API key revocation across processes (MongoDB + Redis)', () => {
  let mongo: MongoServer | undefined;
  let redis: RedisServer | undefined;
  let one: TidingsProcess;
  let two: TidingsProcess;

  beforeAll(async () => {
    [mongo, redis] = await Promise.all([startMongoServerOnTmpfs(), startRedis()]);
    const env = { MONGODB_URI: mongo.uri, TIDINGS_MONGODB_DB: uniqueDbName('revoke'), REDIS_URL: redis.url, TIDINGS_ROLE: 'api' };
    [one, two] = await Promise.all([startTidingsProcess(env), startTidingsProcess(env)]);
  }, 60_000);

  afterAll(async () => {
    await stopAllTidingsProcesses();
    await redis?.stop();
    await mongo?.destroy();
  });

  it('a key revoked on process 1 is refused by process 2, and its subscriptions on process 2 end (graphql-ws 4403, SSE)', async () => {
    const { createApplication } = await one.admin.run(CreateApplicationDocument, { name: 'cross-process' });
    const { createApiKey } = await one.admin.run(CreateApiKeyDocument, { input: { applicationId: createApplication.application.id, name: 'feed', scopes: ['READ'] } });
    const onTwo = new GqlClient(two.graphqlUrl, createApiKey.key);
    await onTwo.run(EndpointCountDocument, {});
    const ws = await subscribeWs(two.wsUrl, createApiKey.key, LiveDeliveriesDocument, {});
    const closed = new Promise<number | undefined>((resolve) => ws.client.on('closed', (event) => resolve((event as { code?: number }).code)));
    const sse = await subscribeSse(two.graphqlUrl, createApiKey.key, LiveDeliveriesDocument, {});
    let sseEnded = false;
    void sse.ended.then(() => (sseEnded = true));
    try {
      expect(sse.status).toBe(200);
      await one.admin.run(RevokeApiKeyDocument, { input: { id: createApiKey.apiKey.id } });
      await onTwo.fail(EndpointCountDocument, {}, 'UNAUTHENTICATED');
      expect(await closed).toBe(4403);
      await waitFor('the SSE stream on process 2 to end', () => sseEnded, 10_000);
    } finally {
      await ws.close();
      await sse.close();
    }
  }, 60_000);
});

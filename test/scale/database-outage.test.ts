import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateApplicationDocument, DeliveriesDocument, PublishEventDocument } from '../generated/graphql.js';
import type { MongoServer } from '../support/ferretdb.js';
import { GqlClient } from '../support/gql.js';
import { startTidingsProcess, stopAllTidingsProcesses, type TidingsProcess } from '../support/processes.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { waitFor } from '../support/wait.js';
import { deliveryIdsWithStatus, publishMany, setupApplication, startMongoServerOnTmpfs, SUCCEEDED, uniqueDbName, uniqueDeliveryIds } from './scale-helpers.js';

// The database goes away for a while: the API says so clearly (/readyz 503, SERVICE_UNAVAILABLE),
// the worker backs off, and once the database is back everything accepted is delivered.

const readyz = async (p: TidingsProcess) => (await fetch(`${p.url}/readyz`)).status;

describe('the database stopped for a while and started again', () => {
  let mongo: MongoServer | undefined;
  let receiver: Receiver | undefined;
  let api: TidingsProcess;
  let worker: TidingsProcess;

  beforeAll(async () => {
    mongo = await startMongoServerOnTmpfs();
    receiver = await startReceiver();
    const env = { MONGODB_URI: mongo.uri, TIDINGS_MONGODB_DB: uniqueDbName('outage') };
    api = await startTidingsProcess({ ...env, TIDINGS_ROLE: 'api' });
    worker = await startTidingsProcess({ ...env, TIDINGS_ROLE: 'worker' });
  }, 60_000);

  afterAll(async () => {
    await stopAllTidingsProcesses();
    await receiver?.close();
    await mongo?.destroy();
  });

  it('answers 503 and SERVICE_UNAVAILABLE while it is down, then delivers every accepted event', async () => {
    const { applicationId, type } = await setupApplication(api.admin, receiver!.url, 2, 'outage');
    const { createApplication } = await api.admin.run(CreateApplicationDocument, { name: 'Outage tenant' });
    const appKey = createApplication.apiKey;

    const before = await publishMany(api.admin, applicationId, type, 5, 5);
    await waitFor('the first deliveries SUCCEEDED', async () => {
      const ids = await deliveryIdsWithStatus(api.admin, SUCCEEDED);
      return before.every((id) => ids.has(id));
    }, 30_000, 200);
    expect(await readyz(api)).toBe(200);
    expect(await readyz(worker)).toBe(200);

    await mongo!.stop();
    const downAt = Date.now();

    // Readiness says so on both processes.
    await waitFor('/readyz 503 on the API process', async () => (await readyz(api)) === 503, 30_000, 200);
    await waitFor('/readyz 503 on the worker process', async () => (await readyz(worker)) === 503, 30_000, 200);
    const body = await (await fetch(`${api.url}/readyz`)).text();
    expect(body).toMatch(/store unavailable/);

    // GraphQL reads and writes fail with a clear, retryable code: for the admin and for an application key.
    const query = await api.admin.execute(DeliveriesDocument, { first: 10 });
    expect(query.errors?.[0]?.extensions?.code, JSON.stringify(query)).toBe('SERVICE_UNAVAILABLE');
    expect(query.errors?.[0]?.message).toMatch(/store is unavailable/i);
    const mutation = await api.admin.execute(PublishEventDocument, { input: { applicationId, type, payload: { during: 'outage' } } });
    expect(mutation.errors?.[0]?.extensions?.code, JSON.stringify(mutation)).toBe('SERVICE_UNAVAILABLE');
    expect(mutation.data?.publishEvent ?? null).toBeNull();
    const asApp = await new GqlClient(api.graphqlUrl, appKey).execute(DeliveriesDocument, { first: 10 });
    expect(asApp.errors?.[0]?.extensions?.code, JSON.stringify(asApp)).toBe('SERVICE_UNAVAILABLE');

    // The worker noticed and backs off (and stays up).
    await waitFor('the worker to report failing claims', () => /claiming deliveries failed \(\d+ in a row\), backing off/.test(worker.output()), 30_000, 200);
    expect(worker.child.exitCode).toBeNull();
    expect(api.child.exitCode).toBeNull();

    await mongo!.start();
    const upAt = Date.now();
    await waitFor('/readyz 200 on the API process', async () => (await readyz(api)) === 200, 30_000, 200);
    await waitFor('/readyz 200 on the worker process', async () => (await readyz(worker)) === 200, 30_000, 200);
    const readyAt = Date.now();

    // Every event the API accepted after the outage is delivered.
    const after = await publishMany(api.admin, applicationId, type, 10, 5, 100);
    expect(after).toHaveLength(20);
    const accepted = [...before, ...after];
    await waitFor(`all ${accepted.length} accepted deliveries at the receiver`, () => accepted.every((id) => uniqueDeliveryIds(receiver!.requests).has(id)), 60_000, 100);
    const succeeded = await waitFor('all accepted deliveries SUCCEEDED', async () => {
      const ids = await deliveryIdsWithStatus(api.admin, SUCCEEDED);
      return accepted.every((id) => ids.has(id)) && ids;
    }, 30_000, 200);
    expect(accepted.filter((id) => !succeeded.has(id))).toEqual([]);
    console.log(`[scale] database outage: down ${upAt - downAt}ms, ready again ${readyAt - upAt}ms after the database came back`);
  }, 180_000);
});

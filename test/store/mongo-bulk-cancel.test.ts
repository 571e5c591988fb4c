import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newBulkJob } from '../../src/domain/bulk-jobs.js';
import { newId } from '../../src/ids.js';
import { MongoStore } from '../../src/store/mongo/mongo-store.js';
import { startMongoServer, type MongoServer } from '../support/ferretdb.js';
import { TEST_KEY_RING } from '../support/keys.js';
import { admin, appScope, fixtures, T0 } from './contract-fixtures.js';

// FerretDB updates one document by reading it and writing the whole of it back, so a bulk job
// runner's progress write can land on top of a cancel made in between (CI saw a cancelled job
// RUNNING again). The cancel's marker is what makes it stick: the runner puts the cancel back.

let server: MongoServer;
let client: MongoClient;
beforeAll(async () => {
  server = await startMongoServer();
  client = await MongoClient.connect(server.uri);
});
afterAll(async () => {
  await client?.close();
  await server?.destroy();
});

describe('MongoDB cancel of a bulk job overwritten by its runner', () => {
  it('the runner\'s next batch restores the cancel and does nothing more', async () => {
    const name = `tidings_cancel_${process.pid}`;
    const store = await MongoStore.connect(server.uri, name, { keyRing: TEST_KEY_RING });
    try {
      const { application, endpoint, event, publish, outcome } = fixtures(() => store);
      const a = await application();
      await endpoint(a.id);
      for (let i = 0; i < 20; i++) await publish(event(a.id, { createdAt: T0 + i }));
      for (const c of await store.claimDue({ now: T0 + 100_000, limit: 50, leaseMs: 1000 })) {
        await store.recordAttempt(c, outcome(c, false, null, T0 + 100_000), T0 + 100_000);
      }
      const job = newBulkJob(newId('BulkJob', T0), a.id, 'RETRY_DELIVERIES', { walk: 'failedDeliveries', filter: { applicationId: a.id } }, T0);
      await store.createBulkJob(job);
      const claim = (await store.claimBulkJob(T0 + 200_000, 1000))!;
      await store.runBulkJobBatch(claim, { now: T0 + 200_001, limit: 5, leaseMs: 1000 });
      const jobs = client.db(name).collection<{ _id: string }>('bulk_jobs');
      const readByRunner = (await jobs.findOne({ _id: job.id }))!;

      expect(await store.cancelBulkJob(appScope(a.id), job.id, T0 + 200_002)).toMatchObject({ status: 'CANCELLED', done: 5 });
      // The runner's write of what it read before the cancel, as FerretDB would land it.
      await jobs.replaceOne({ _id: job.id }, { ...readByRunner, done: 10 });
      expect(await store.findBulkJob(admin, job.id)).toMatchObject({ status: 'RUNNING' });

      const step = await store.runBulkJobBatch(claim, { now: T0 + 200_003, limit: 5, leaseMs: 1000 });
      expect(step).toMatchObject({ job: { status: 'CANCELLED', done: 5, finishedAt: T0 + 200_002 }, changed: [] });
      expect(await store.findBulkJob(admin, job.id)).toMatchObject({ status: 'CANCELLED', done: 5, finishedAt: T0 + 200_002 });
      expect((await store.listDeliveries(admin, { status: ['FAILED'] }, { first: 100 })).items).toHaveLength(15);
      expect(await store.claimBulkJob(T0 + 300_000, 1000)).toBeNull();
      // A second cancel changes nothing.
      expect(await store.cancelBulkJob(admin, job.id, T0 + 300_001)).toMatchObject({ status: 'CANCELLED', finishedAt: T0 + 200_002 });
    } finally {
      await store.dropDatabase();
      await store.close();
    }
  });
});

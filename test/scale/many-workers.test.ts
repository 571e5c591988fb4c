import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MongoServer } from '../support/ferretdb.js';
import { startTidingsProcess, stopAllTidingsProcesses, type TidingsProcess } from '../support/processes.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { waitFor } from '../support/wait.js';
import { startMongoServerOnTmpfs, attemptPairs, deliveryIdsWithStatus, publishMany, repeated, setupApplication, SUCCEEDED, uniqueDbName, uniqueDeliveryIds } from './scale-helpers.js';

// One MongoDB-wire server (FerretDB), one API process and four worker processes, many deliveries:
// every one succeeds, and no (delivery, attempt number) pair reaches the receiver twice, i.e. no
// two workers ever sent the same attempt.

// 2,000 deliveries (200 events x 10 endpoints), as the issue asks; TIDINGS_SCALE_EVENTS changes the
// event count. About a minute on FerretDB as .ci/build-ferretdb.sh builds it (with its _id-index
// patch; unpatched, every update by _id reads the whole collection and this takes about 4 minutes).
// With 256 attempts claimed at once, an attempt can wait many seconds for its record to be
// written: the lease is set long enough that none expires here, so any (delivery, attempt) pair
// sent twice is a real double claim, not an at-least-once retry.
const EVENTS = Number(process.env.TIDINGS_SCALE_EVENTS ?? 200);
const ENDPOINTS = 10;
const TOTAL = EVENTS * ENDPOINTS;
const WORKERS = 4;

describe('four worker processes on one MongoDB', () => {
  let mongo: MongoServer | undefined;
  let receiver: Receiver | undefined;
  let api: TidingsProcess;
  const workers: TidingsProcess[] = [];

  beforeAll(async () => {
    mongo = await startMongoServerOnTmpfs();
    receiver = await startReceiver();
    const env = { MONGODB_URI: mongo.uri, TIDINGS_MONGODB_DB: uniqueDbName('many'), TIDINGS_LEASE: '15m' };
    // Start the API first: it creates the indexes (unique ones included) before any worker claims.
    api = await startTidingsProcess({ ...env, TIDINGS_ROLE: 'api' });
    workers.push(...(await Promise.all(Array.from({ length: WORKERS }, () => startTidingsProcess({ ...env, TIDINGS_ROLE: 'worker' })))));
  }, 90_000);

  afterAll(async () => {
    await stopAllTidingsProcesses();
    await receiver?.close();
    await mongo?.destroy();
  });

  it(`delivers ${TOTAL} deliveries, each once per attempt number, all SUCCEEDED`, async () => {
    const { applicationId, type } = await setupApplication(api.admin, receiver!.url, ENDPOINTS, 'many');

    const startedAt = Date.now();
    const published = await publishMany(api.admin, applicationId, type, EVENTS, 20).catch((err: Error) => {
      throw new Error(`${err.message}\n--- API process output ---\n${api.output().slice(-4000)}`);
    });
    const publishedAt = Date.now();
    expect(published).toHaveLength(TOTAL);
    const publishedIds = new Set(published);
    expect(publishedIds.size).toBe(TOTAL);

    // Cheap to watch: the receiver's count of distinct deliveries; then the recorded statuses.
    await waitFor(`all ${TOTAL} deliveries at the receiver`, () => uniqueDeliveryIds(receiver!.requests).size >= TOTAL, Math.max(90_000, TOTAL * 200), 100);
    const receivedAllAt = Date.now();
    const succeeded = await waitFor(
      `all ${TOTAL} deliveries SUCCEEDED`,
      async () => {
        const ids = await deliveryIdsWithStatus(api.admin, SUCCEEDED);
        return ids.size >= TOTAL && ids;
      },
      30_000,
      250,
    );
    const doneAt = Date.now();

    expect([...succeeded].sort()).toEqual([...publishedIds].sort());
    expect(uniqueDeliveryIds(receiver!.requests)).toEqual(publishedIds);
    const twice = repeated(attemptPairs(receiver!.requests));
    expect(twice, 'a (tidings-delivery-id, tidings-attempt) pair was sent more than once').toEqual([]);

    const times = receiver!.requests.map((r) => r.receivedAt);
    const firstRequest = Math.min(...times);
    const lastRequest = Math.max(...times);
    const retries = receiver!.requests.filter((r) => r.headers['tidings-attempt'] !== '1').length;
    console.log(
      `[scale] ${TOTAL} deliveries, ${WORKERS} worker processes on FerretDB: published in ${publishedAt - startedAt}ms, ` +
        `all received after ${receivedAllAt - startedAt}ms, all SUCCEEDED after ${doneAt - startedAt}ms; ` +
        `receiver throughput ${((TOTAL / Math.max(1, lastRequest - firstRequest)) * 1000).toFixed(0)} deliveries/s (first to last request), ` +
        `end to end ${((TOTAL / (doneAt - startedAt)) * 1000).toFixed(0)} deliveries/s (publish start to all SUCCEEDED); ` +
        `${receiver!.requests.length} requests, ${retries} with attempt > 1`,
    );
    for (const w of workers) expect(w.child.exitCode, w.output()).toBeNull();
  }, Math.max(150_000, TOTAL * 260));
});

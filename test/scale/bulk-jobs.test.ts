import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BulkJobDocument, CreateEndpointDocument, EndpointDeliveryPageDocument, RecoverEndpointDocument, ReplayEventsDocument, RetryDeliveriesDocument,
  type BulkJobFieldsFragment, type DeliveryStatus,
} from '../generated/graphql.js';
import type { GqlClient } from '../support/gql.js';
import type { MongoServer } from '../support/ferretdb.js';
import { startTidingsProcess, stopAllTidingsProcesses, type TidingsProcess } from '../support/processes.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { waitFor } from '../support/wait.js';
import { publishMany, setupApplication, startMongoServerOnTmpfs, uniqueDbName } from './scale-helpers.js';

// Each bulk job kind on many FAILED deliveries (or past events), against a real receiver, with the
// process running the job killed (SIGKILL) in the middle: another process resumes it from its
// cursor once its lease ends; the job completes with the right total, each delivery gets exactly
// one more attempt per job, and no event gets two deliveries for one endpoint.

/**
 * Events of endpoint A that fail on their first attempt: 10,000 on SQLite. FerretDB (its SQLite
 * backend reads whole collections for anything but _id) could not publish and attempt 2,000 within
 * 400 s on the shared test machine, so it runs 200; BULK_TEST_COUNT overrides both.
 */
const COUNTS = { SQLite: Number(process.env.BULK_TEST_COUNT ?? 10_000), MongoDB: Number(process.env.BULK_TEST_COUNT ?? 200) };

const ENV = {
  // No automatic retries: a failed attempt ends the delivery FAILED, for the jobs to pick up.
  TIDINGS_RETRY_SCHEDULE: '',
  TIDINGS_DELIVERY_TIMEOUT: '1s',
  TIDINGS_LEASE: '2s',
  TIDINGS_ENDPOINT_CONCURRENCY: '64',
  // Endpoint A fails 9 times in 10: its circuit must not open (that is the circuit breaker's test).
  TIDINGS_CIRCUIT_FAILURES: '10000',
  TIDINGS_MAX_PAGE_SIZE: '1000',
  // Small batches, so that a job lasts long enough to be killed in the middle.
  TIDINGS_BULK_JOB_BATCH: '25',
};

/** The event number a request delivers (the payload is `{ i }`), and its attempt. */
function requestOf(body: string, attempt: string | string[] | undefined): { i: number; attempt: number } {
  return { i: (JSON.parse(body) as { data: { i: number } }).data.i, attempt: Number(attempt) };
}

/**
 * Endpoint A's receiver: attempt n of event i succeeds when (i + n - 1) % 10 === 0, so every
 * stage has successes among its failures (the circuit breaker never opens) and a known outcome.
 */
const succeeds = (i: number, attempt: number) => (i + attempt - 1) % 10 === 0;

/** Events to publish so that exactly `failing` fail their first attempt. */
function eventsFor(failing: number): number {
  let m = 0;
  while (m - Math.ceil(m / 10) < failing) m++;
  return m;
}

interface Cluster {
  /** The admin client of a process serving the API now. */
  admin(): GqlClient;
  /** SIGKILLs the process(es) running jobs and starts a fresh one. */
  crashAndReplace(): Promise<void>;
}

async function sqliteCluster(): Promise<Cluster & { close(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-bulk-'));
  const env = { ...ENV, TIDINGS_DATA_DIR: dir };
  let current: TidingsProcess = await startTidingsProcess(env);
  return {
    admin: () => current.admin,
    async crashAndReplace() {
      expect((await current.kill()).signal).toBe('SIGKILL');
      current = await startTidingsProcess(env);
    },
    close: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function mongoCluster(mongo: MongoServer): Promise<Cluster> {
  const env = { ...ENV, MONGODB_URI: mongo.uri, TIDINGS_MONGODB_DB: uniqueDbName('bulk') };
  const api = await startTidingsProcess({ ...env, TIDINGS_ROLE: 'api' });
  let worker = await startTidingsProcess({ ...env, TIDINGS_ROLE: 'worker' });
  return {
    admin: () => api.admin,
    async crashAndReplace() {
      expect((await worker.kill()).signal).toBe('SIGKILL');
      worker = await startTidingsProcess({ ...env, TIDINGS_ROLE: 'worker' });
    },
  };
}

/** Every delivery of an endpoint: status, attempts and event, page by page. */
async function deliveriesOf(admin: GqlClient, endpointId: string) {
  const all: { id: string; status: DeliveryStatus; attemptCount: number; eventId: string }[] = [];
  let after: string | null | undefined;
  for (;;) {
    const { deliveries } = await admin.run(EndpointDeliveryPageDocument, { filter: { endpointId }, first: 1000, after });
    all.push(...deliveries.edges.map(({ node }) => ({ id: node.id, status: node.status, attemptCount: node.attemptCount, eventId: node.event.id })));
    if (!deliveries.pageInfo.hasNextPage) return all;
    after = deliveries.pageInfo.endCursor;
  }
}

for (const kind of ['SQLite', 'MongoDB'] as const) {
  describe(`bulk jobs on ${kind}, with the process running them killed in the middle`, () => {
    const failing = COUNTS[kind];
    const events = eventsFor(failing);
    let mongo: MongoServer | undefined;
    let cluster: Cluster;
    let close: (() => void) | undefined;
    let receiver: Receiver;
    let applicationId: string;
    let type: string;
    let endpointA: string;
    const since = new Date(Date.now() - 60_000).toISOString();

    beforeAll(async () => {
      receiver = await startReceiver((request) => {
        if (!request.path.includes('endpoint=0')) return { status: 200, body: 'ok' };
        const { i, attempt } = requestOf(request.body, request.headers['tidings-attempt']);
        return succeeds(i, attempt) ? { status: 200, body: 'ok' } : { status: 500, body: 'down' };
      });
      if (kind === 'MongoDB') {
        mongo = await startMongoServerOnTmpfs();
        cluster = await mongoCluster(mongo);
      } else {
        const c = await sqliteCluster();
        cluster = c;
        close = c.close;
      }
      const setup = await setupApplication(cluster.admin(), receiver.url, 1, `bulk${kind}`);
      ({ applicationId, type } = setup);
      endpointA = setup.endpointIds[0]!;
      const started = Date.now();
      await publishMany(cluster.admin(), applicationId, type, events, 16);
      await waitFor(`all ${events} deliveries of A attempted once`, async () => {
        const all = await deliveriesOf(cluster.admin(), endpointA);
        return all.length === events && all.every((d) => d.status === 'SUCCEEDED' || d.status === 'FAILED') && all;
      }, 120_000, 1000);
      console.log(`[scale] bulk jobs on ${kind}: ${events} events published and attempted in ${Date.now() - started}ms`);
    }, 400_000);

    afterAll(async () => {
      await stopAllTidingsProcesses();
      await receiver?.close();
      await mongo?.destroy();
      close?.();
    });

    /** Polls the job until it is part done, kills the process running it, then waits for it to finish; the job states seen. */
    async function crashInTheMiddle(job: BulkJobFieldsFragment, expectedTotal: number): Promise<BulkJobFieldsFragment[]> {
      const seen: BulkJobFieldsFragment[] = [job];
      const started = Date.now();
      const mid = await waitFor(`job ${job.id} part done`, async () => {
        const { bulkJob } = await cluster.admin().run(BulkJobDocument, { id: job.id });
        seen.push(bulkJob!);
        if (bulkJob!.status === 'SUCCEEDED') throw new Error(`job ${job.id} finished before it could be killed in the middle: ${JSON.stringify(seen.slice(-5))}`);
        return bulkJob!.status === 'RUNNING' && bulkJob!.done > 0 && bulkJob!;
      }, 60_000, 5);
      expect(mid.total).toBe(expectedTotal);
      expect(mid.done).toBeLessThan(expectedTotal);
      await cluster.crashAndReplace();
      const end = await waitFor(`job ${job.id} SUCCEEDED after the crash`, async () => {
        const { bulkJob } = await cluster.admin().run(BulkJobDocument, { id: job.id });
        seen.push(bulkJob!);
        return bulkJob!.status === 'SUCCEEDED' && bulkJob;
      }, 120_000, 50);
      expect(end).toMatchObject({ total: expectedTotal, done: expectedTotal, failed: 0, finishedAt: expect.any(String) });
      const dones = seen.map((s) => s.done);
      expect(dones, 'done never goes back').toEqual([...dones].sort((a, b) => a - b));
      expect(new Set(dones).size, 'progress reported along the way').toBeGreaterThan(2);
      console.log(`[scale] ${job.kind} on ${kind}: ${expectedTotal} records in ${Date.now() - started}ms, killed at ${mid.done}/${expectedTotal}`);
      return seen;
    }

    /** Every delivery of A, once none is waiting. */
    async function settled() {
      const all = await waitFor('every delivery of A attempted', async () => {
        const list = await deliveriesOf(cluster.admin(), endpointA);
        return list.every((d) => d.status === 'SUCCEEDED' || d.status === 'FAILED') && list;
      }, 300_000, 500);
      expect(all).toHaveLength(events);
      return all;
    }

    it('retryDeliveries gives every FAILED delivery matching the filter exactly one more attempt, through a crash', async () => {
      const { retryDeliveries } = await cluster.admin().run(RetryDeliveriesDocument, { input: { filter: { endpointId: endpointA, status: ['FAILED'] } } });
      expect(retryDeliveries.job).toMatchObject({ kind: 'RETRY_DELIVERIES', status: 'QUEUED', done: 0, failed: 0 });
      await crashInTheMiddle(retryDeliveries.job, failing);
      const all = await settled();
      const counts = new Map<number, number>();
      for (const d of all) counts.set(d.attemptCount, (counts.get(d.attemptCount) ?? 0) + 1);
      // Succeeded at once: 1 attempt; the others: exactly 2 (one retry, never two).
      expect(Object.fromEntries(counts)).toEqual({ 1: events - failing, 2: failing });
      const stillFailing = Array.from({ length: events }, (_, i) => i).filter((i) => !succeeds(i, 1) && !succeeds(i, 2)).length;
      expect(all.filter((d) => d.status === 'FAILED')).toHaveLength(stillFailing);
    }, 600_000);

    it('recoverEndpoint sends again everything that FAILED to the endpoint since a time, through a crash', async () => {
      const before = (await deliveriesOf(cluster.admin(), endpointA)).filter((d) => d.status === 'FAILED').length;
      const { recoverEndpoint } = await cluster.admin().run(RecoverEndpointDocument, { input: { endpointId: endpointA, since } });
      expect(recoverEndpoint.job).toMatchObject({ kind: 'RECOVER_ENDPOINT', status: 'QUEUED' });
      await crashInTheMiddle(recoverEndpoint.job, before);
      const all = await settled();
      const counts = new Map<number, number>();
      for (const d of all) counts.set(d.attemptCount, (counts.get(d.attemptCount) ?? 0) + 1);
      expect(Object.fromEntries(counts)).toEqual({ 1: events - failing, 2: failing - before, 3: before });
    }, 600_000);

    it('replayEvents creates the deliveries of past events a new endpoint never had, one per event, through a crash', async () => {
      const { createEndpoint } = await cluster.admin().run(CreateEndpointDocument, { input: { applicationId, url: `${receiver.url}?endpoint=B` } });
      const endpointB = createEndpoint.endpoint.id;
      // It has these already.
      await publishMany(cluster.admin(), applicationId, type, 50, 8, events);
      const { replayEvents } = await cluster.admin().run(ReplayEventsDocument, { input: { endpointId: endpointB, since } });
      expect(replayEvents.job).toMatchObject({ kind: 'REPLAY_EVENTS', status: 'QUEUED' });
      await crashInTheMiddle(replayEvents.job, events + 50);
      const all = await waitFor('every delivery of B SUCCEEDED', async () => {
        const list = await deliveriesOf(cluster.admin(), endpointB);
        return list.length >= events + 50 && list.every((d) => d.status === 'SUCCEEDED') && list;
      }, 300_000, 500);
      expect(all).toHaveLength(events + 50);
      expect(new Set(all.map((d) => d.eventId)).size).toBe(events + 50);
      const atB = receiver.requests.filter((r) => r.path.includes('endpoint=B'));
      expect(new Set(atB.map((r) => requestOf(r.body, undefined).i)).size).toBe(events + 50);
    }, 600_000);
  });
}

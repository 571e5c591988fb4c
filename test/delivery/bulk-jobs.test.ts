import { describe, expect, it } from 'vitest';
import {
  BulkJobDocument, BulkJobNodeDocument, BulkJobsDocument, BulkJobUpdatedDocument, CancelBulkJobDocument, CreateApplicationDocument, CreateEndpointDocument,
  CreateEventTypeDocument, EndpointDeliveryPageDocument, PublishEventDocument, RecoverEndpointDocument, ReplayEventsDocument, RetryDeliveriesDocument,
} from '../generated/graphql.js';
import { GqlClient } from '../support/gql.js';
import { subscribeSse, subscribeWs } from '../support/live.js';
import { waitFor } from '../support/wait.js';
import { STORES, useServerOn, type StoreServer } from './on-each-store.js';

// Bulk jobs through the API on each store: cancelling, who sees a job, and its live progress
// (graphql-ws and SSE). The scale test (test/scale/bulk-jobs.test.ts) runs them on 10,000 deliveries through a crash.

const FAILED_COUNT = 60;

for (const kind of STORES) {
  describe(`bulk jobs through the API on ${kind}`, () => {
    let s: StoreServer;
    // One record a batch, so that a job lasts long enough to be cancelled or followed.
    useServerOn(kind, (server) => (s = server), { bulkJobBatch: 1, retryScheduleMs: [], circuitFailures: 10_000 });

    /** An application with its key, and an endpoint whose FAILED_COUNT deliveries all FAILED. */
    async function tenantWithFailures(label: string) {
      const { createApplication } = await s.admin.run(CreateApplicationDocument, { name: label });
      const applicationId = createApplication.application.id;
      const client = new GqlClient(s.admin.url, createApplication.apiKey);
      const type = `bulk.${label}.${Date.now()}`;
      await s.admin.run(CreateEventTypeDocument, { input: { name: type } });
      s.receiver.respond(() => ({ status: 500, body: 'down' }));
      const { createEndpoint } = await client.run(CreateEndpointDocument, { input: { url: `${s.receiver.url}?app=${label}` } });
      const endpointId = createEndpoint.endpoint.id;
      for (let i = 0; i < FAILED_COUNT; i++) await s.admin.run(PublishEventDocument, { input: { applicationId, type, payload: { i } } });
      await waitFor(`${FAILED_COUNT} FAILED deliveries of ${label}`, async () => {
        const { deliveries } = await client.run(EndpointDeliveryPageDocument, { filter: { endpointId, status: ['FAILED'] }, first: 100 });
        return deliveries.edges.length === FAILED_COUNT;
      }, 30_000, 100);
      return { applicationId, client, endpointId, type };
    }

    it('an application sees, lists and cancels its own jobs only; another application gets NOT_FOUND; the admin sees all', async () => {
      const a = await tenantWithFailures('a');
      const b = await tenantWithFailures('b');
      const { recoverEndpoint } = await a.client.run(RecoverEndpointDocument, { input: { endpointId: a.endpointId, since: new Date(0).toISOString() } });
      const job = recoverEndpoint.job;
      expect((await a.client.run(BulkJobNodeDocument, { id: job.id })).node).toMatchObject({ __typename: 'BulkJob', id: job.id, kind: 'RECOVER_ENDPOINT' });
      expect((await b.client.run(BulkJobDocument, { id: job.id })).bulkJob).toBeNull();
      expect((await b.client.run(BulkJobNodeDocument, { id: job.id })).node).toBeNull();
      expect((await b.client.run(BulkJobsDocument, {})).bulkJobs.edges.map((e) => e.node.id)).not.toContain(job.id);
      await b.client.fail(CancelBulkJobDocument, { input: { id: job.id } }, 'NOT_FOUND');
      await b.client.fail(RecoverEndpointDocument, { input: { endpointId: a.endpointId, since: new Date(0).toISOString() } }, 'NOT_FOUND');
      await b.client.fail(ReplayEventsDocument, { input: { endpointId: a.endpointId, since: new Date(0).toISOString() } }, 'NOT_FOUND');
      await b.client.fail(RetryDeliveriesDocument, { input: { filter: { endpointId: a.endpointId } } }, 'NOT_FOUND');
      expect((await a.client.run(BulkJobsDocument, {})).bulkJobs.edges.map((e) => e.node.id)).toEqual([job.id]);
      expect((await s.admin.run(BulkJobsDocument, { first: 100 })).bulkJobs.edges.map((e) => e.node.id)).toContain(job.id);

      // Cancelled in the middle: it stops, what it did stays done, the rest stays FAILED.
      const mid = await waitFor('the job part done', async () => {
        const { bulkJob } = await a.client.run(BulkJobDocument, { id: job.id });
        return bulkJob!.done > 0 && bulkJob!;
      }, 30_000, 5);
      expect(mid.done).toBeLessThan(FAILED_COUNT);
      const { cancelBulkJob } = await a.client.run(CancelBulkJobDocument, { input: { id: job.id } });
      expect(cancelBulkJob.job).toMatchObject({ status: 'CANCELLED', total: FAILED_COUNT, finishedAt: expect.any(String) });
      const settled = await waitFor('the retried deliveries attempted', async () => {
        const { deliveries } = await a.client.run(EndpointDeliveryPageDocument, { filter: { endpointId: a.endpointId }, first: 100 });
        const nodes = deliveries.edges.map((e) => e.node);
        return nodes.every((d) => d.status === 'FAILED') && nodes;
      }, 30_000, 100);
      const retried = settled.filter((d) => d.attemptCount === 2).length;
      const { bulkJob } = await a.client.run(BulkJobDocument, { id: job.id });
      expect(bulkJob).toMatchObject({ status: 'CANCELLED', done: cancelBulkJob.job.done });
      // At most the batch that was running when it was cancelled goes beyond the progress stored. On
      // MongoDB (no transactions, FerretDB's conditional updates) one run saw two such batches: allowed, and reported.
      expect(retried).toBeGreaterThanOrEqual(bulkJob!.done);
      expect(retried).toBeLessThanOrEqual(bulkJob!.done + (kind === 'MongoDB' ? 2 : 1));
      expect(retried).toBeLessThan(FAILED_COUNT);
      // B's deliveries were never touched.
      const { deliveries: bs } = await b.client.run(EndpointDeliveryPageDocument, { filter: { endpointId: b.endpointId }, first: 100 });
      expect(bs.edges.every((e) => e.node.attemptCount === 1)).toBe(true);
      // A finished job is not cancelled again.
      expect((await a.client.run(CancelBulkJobDocument, { input: { id: job.id } })).cancelBulkJob.job.finishedAt).toBe(cancelBulkJob.job.finishedAt);
    }, 90_000);

    it('refuses a retry whose status filter leaves out FAILED', async () => {
      await s.admin.fail(RetryDeliveriesDocument, { input: { filter: { status: ['SUCCEEDED'] } } }, 'BAD_USER_INPUT');
    });

    it('streams a job\'s progress on bulkJobUpdated over graphql-ws and SSE, from its current state to SUCCEEDED, then ends; another application may not follow it', async () => {
      const c = await tenantWithFailures('c');
      const d = await tenantWithFailures('d');
      s.receiver.respond(() => ({ status: 200, body: 'ok' }));
      const { retryDeliveries } = await c.client.run(RetryDeliveriesDocument, { input: { filter: { endpointId: c.endpointId } } });
      const job = retryDeliveries.job;
      const wsUrl = s.admin.url.replace(/^http/, 'ws');
      const ws = await subscribeWs(wsUrl, c.client.token, BulkJobUpdatedDocument, { id: job.id });
      const sse = await subscribeSse(s.admin.url, c.client.token, BulkJobUpdatedDocument, { id: job.id });
      const stranger = await subscribeWs(wsUrl, d.client.token, BulkJobUpdatedDocument, { id: job.id });
      try {
        for (const feed of [ws, sse]) {
          await feed.next('the job SUCCEEDED', (m) => m.bulkJobUpdated.status === 'SUCCEEDED', 30_000);
          const dones = feed.messages.map((m) => m.bulkJobUpdated.done);
          expect(dones, 'done only goes up').toEqual([...dones].sort((x, y) => x - y));
          expect(new Set(dones).size, 'progress along the way').toBeGreaterThan(2);
          expect(feed.messages.at(-1)!.bulkJobUpdated).toMatchObject({ status: 'SUCCEEDED', total: FAILED_COUNT, done: FAILED_COUNT, failed: 0 });
          expect(feed.messages.every((m) => m.bulkJobUpdated.id === job.id)).toBe(true);
        }
        // The job has finished: the subscription ends (graphql-ws completes it; SSE ends its stream).
        let wsCompleted = false;
        let sseEnded = false;
        void ws.completed.then(() => (wsCompleted = true));
        void sse.ended.then(() => (sseEnded = true));
        await waitFor('the graphql-ws subscription to complete', () => wsCompleted, 10_000);
        await waitFor('the SSE stream to end', () => sseEnded, 10_000);
        await waitFor('the stranger refused', () => stranger.errors.length > 0 || undefined, 10_000);
        expect(JSON.stringify(stranger.errors)).toContain('NOT_FOUND');
        expect(stranger.messages).toEqual([]);
      } finally {
        await Promise.all([ws.close(), sse.close(), stranger.close()]);
      }
      // Replaying to the endpoint that has every event creates nothing.
      const { replayEvents } = await c.client.run(ReplayEventsDocument, { input: { endpointId: c.endpointId, since: new Date(0).toISOString() } });
      const replayed = await waitFor('the replay SUCCEEDED', async () => {
        const { bulkJob } = await c.client.run(BulkJobDocument, { id: replayEvents.job.id });
        return bulkJob!.status === 'SUCCEEDED' && bulkJob!;
      }, 30_000, 50);
      expect(replayed.total).toBe(FAILED_COUNT);
      const { deliveries } = await c.client.run(EndpointDeliveryPageDocument, { filter: { endpointId: c.endpointId }, first: 100 });
      expect(deliveries.edges).toHaveLength(FAILED_COUNT);
    }, 90_000);
  });
}

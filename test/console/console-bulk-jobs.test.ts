import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { ADMIN_SCOPE } from '../../src/domain/records.js';
import { BulkJobDocument, BulkJobsDocument, EndpointDeliveryPageDocument, RetryDeliveriesDocument } from '../generated/graphql.js';
import { signInToConsole, useConsolePage } from '../support/browser.js';
import { createApplication, publish, setupEndpoint } from '../support/fixtures.js';
import type { Receiver } from '../support/receiver.js';
import { useTestServerAndReceiver, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// The console's Bulk jobs page and the endpoint page's recovery buttons, in headless Chromium.
// The server the browser talks to serves the API only (TIDINGS_ROLE=api); a worker on the same
// store and pubsub (what a TIDINGS_ROLE=worker process with Redis is) is started only while
// deliveries and jobs are to run, so that a job waits QUEUED for as long as a step needs.

describe('the console: bulk jobs', () => {
  let server: TestServer;
  let receiver: Receiver;
  // One retry 20 ms after the first attempt, then FAILED; one record per job batch.
  useTestServerAndReceiver((s, r) => ((server = s), (receiver = r)), { runWorker: false, retryScheduleMs: [20], bulkJobBatch: 1, circuitFailures: 10_000 });

  const currentPage = useConsolePage();
  let page: Page;
  let workers: App[] = [];
  beforeEach(() => {
    page = currentPage();
    receiver.respond(() => ({ status: 200, body: 'ok' }));
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });

  /** A worker process's delivery side (attempts, sweeper, job runner) on the API server's store and pubsub. */
  async function startWorker(): Promise<App> {
    const worker = await createApp({ config: { ...server.config, runApi: false, runWorker: true }, store: server.store, pubsub: server.app.deps.pubsub });
    await worker.start(0, '127.0.0.1');
    workers.push(worker);
    return worker;
  }

  const signIn = (token: string, hash: string) => signInToConsole(page, server.url, token, hash);

  const progressOf = (jobId: string) =>
    page.getByRole('progressbar', { name: `Progress of ${jobId}` }).evaluate((el) => ({ value: (el as HTMLProgressElement).value, max: (el as HTMLProgressElement).max, determinate: el.hasAttribute('value') }));

  const nameless = () =>
    page.locator('button, input, select, textarea, a, progress').evaluateAll((els) =>
      els
        .filter((el) => {
          const labelled = (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
          return !labelled && !(el.textContent ?? '').trim();
        })
        .map((el) => el.outerHTML),
    );

  it("recovers an endpoint's FAILED deliveries from its page, and the job's progress bar reaches the end live on the Bulk jobs page; the deliveries SUCCEEDED", async () => {
    const { app, type, endpoint } = await setupEndpoint(server, `${receiver.url}/recover`);
    receiver.respond(() => ({ status: 500, body: 'down' }));
    const first = await startWorker();
    for (let i = 0; i < 5; i++) await publish(server, app.id, type, { i });
    const deliveriesOf = async () => (await app.client.run(EndpointDeliveryPageDocument, { filter: { endpointId: endpoint.id }, first: 100 })).deliveries.edges.map((e) => e.node);
    await waitFor('5 deliveries FAILED after their retry', async () => {
      const nodes = await deliveriesOf();
      return nodes.length === 5 && nodes.every((d) => d.status === 'FAILED' && d.attemptCount === 2);
    });
    // No worker now: the job waits QUEUED.
    await first.stop();

    await signIn(app.apiKey, `#/endpoints/${endpoint.id}`);
    const since = await page.getByLabel('Failed deliveries created since').inputValue();
    const expectedSince = await page.evaluate((local) => new Date(local).getTime(), since);
    expect(Math.abs(expectedSince - (Date.now() - 86_400_000))).toBeLessThan(5 * 60_000);
    await page.getByRole('button', { name: 'Recover failed deliveries' }).click();
    await page.getByRole('status', { name: 'Recovery started' }).getByText('QUEUED').waitFor();
    const { bulkJobs } = await app.client.run(BulkJobsDocument, {});
    expect(bulkJobs.edges.map((e) => e.node)).toMatchObject([{ kind: 'RECOVER_ENDPOINT', status: 'QUEUED', total: null, done: 0 }]);
    const jobId = bulkJobs.edges[0]!.node.id;
    expect((await server.store.findBulkJob(ADMIN_SCOPE, jobId))!.target).toEqual({ walk: 'failedDeliveries', filter: expect.objectContaining({ endpointId: endpoint.id, since: expectedSince }) });

    await page.getByRole('link', { name: 'Follow it on the Bulk jobs page' }).click();
    await page.getByRole('heading', { name: 'Bulk jobs' }).waitFor();
    expect(await page.getByRole('link', { name: 'Bulk jobs' }).getAttribute('aria-current')).toBe('page');
    await page.getByLabel(`Status of ${jobId}`).getByText('QUEUED').waitFor();
    expect((await progressOf(jobId)).determinate, 'no total yet: an indeterminate bar').toBe(false);
    // The page follows the job (its feed sent the current state) before anything runs it.
    await page.getByRole('status', { name: 'Live progress' }).getByText('Following 1 job in progress live').waitFor();

    receiver.respond(() => ({ status: 200, body: 'back' }));
    await startWorker();
    await page.getByLabel(`Handled of ${jobId}`).getByText('5 of 5').waitFor();
    await page.getByLabel(`Status of ${jobId}`).getByText('SUCCEEDED').waitFor();
    expect(await progressOf(jobId)).toEqual({ value: 5, max: 5, determinate: true });
    const row = page.getByRole('row').filter({ hasText: jobId });
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('Recover endpoint');
    expect(await row.getByRole('cell').nth(8).textContent()).not.toBe('—');
    expect(await page.getByRole('button', { name: `Cancel ${jobId}` }).count()).toBe(0);
    await page.getByRole('status', { name: 'Live progress' }).getByText('No job in progress followed').waitFor();
    // The same page all along: a reload would have cleared this marker.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);

    await waitFor('every recovered delivery SUCCEEDED on its third attempt', async () => {
      const nodes = await deliveriesOf();
      return nodes.every((d) => d.status === 'SUCCEEDED' && d.attemptCount === 3);
    });
  });

  it('says how to start a job when there is none, starts a replay from an endpoint page, and cancels it on the Bulk jobs page; every control there has an accessible name', async () => {
    const other = await createApplication(server);
    await signIn(other.apiKey, '#/jobs');
    await page.getByRole('status').getByText('No bulk jobs yet. Start one from an endpoint').waitFor();
    expect(await nameless()).toEqual([]);
    // A job started elsewhere (here through the API) appears on Refresh list.
    const { retryDeliveries } = await other.client.run(RetryDeliveriesDocument, { input: { filter: {} } });
    await page.getByRole('button', { name: 'Refresh list' }).click();
    await page.getByRole('row').filter({ hasText: retryDeliveries.job.id }).getByText('Retry deliveries').waitFor();
    // Another tenant in a fresh session (closed with the browser after the file's tests).
    const browser = page.context().browser()!;
    await page.context().close();
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);

    const { app, type, endpoint } = await setupEndpoint(server, `${receiver.url}/replay`);
    await publish(server, app.id, type, { n: 1 });
    await signIn(app.apiKey, `#/endpoints/${endpoint.id}`);
    expect(await nameless()).toEqual([]);
    const since = '2026-01-02T03:04';
    const until = '2099-01-02T03:04';
    await page.getByLabel('Events published since').fill(since);
    // The API's own message for a range that ends before it starts; no job is started.
    await page.getByLabel('Until (optional)').fill('2025-01-01T00:00');
    await page.getByRole('button', { name: 'Replay events' }).click();
    await page.getByRole('alert').getByText('must be after since').waitFor();
    expect((await app.client.run(BulkJobsDocument, {})).bulkJobs.edges).toEqual([]);
    await page.getByLabel('Until (optional)').fill(until);
    await page.getByLabel('Types to replay (comma-separated, optional)').fill(`${type}, other.type`);
    await page.getByRole('button', { name: 'Replay events' }).click();
    await page.getByRole('status', { name: 'Replay started' }).waitFor();
    const { bulkJobs } = await app.client.run(BulkJobsDocument, {});
    const jobId = bulkJobs.edges[0]!.node.id;
    expect(bulkJobs.edges[0]!.node).toMatchObject({ kind: 'REPLAY_EVENTS', status: 'QUEUED' });
    const [sinceMs, untilMs] = await page.evaluate(([a, b]) => [new Date(a!).getTime(), new Date(b!).getTime()], [since, until]);
    expect((await server.store.findBulkJob(ADMIN_SCOPE, jobId))!.target).toEqual({ walk: 'events', endpointId: endpoint.id, since: sinceMs, until: untilMs, eventTypes: [type, 'other.type'] });

    await page.getByRole('link', { name: 'Follow it on the Bulk jobs page' }).click();
    await page.getByRole('heading', { name: 'Bulk jobs' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: jobId });
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('Replay events');
    await page.getByRole('status', { name: 'Live progress' }).getByText('Following 1 job in progress live').waitFor();
    expect(await nameless()).toEqual([]);

    // Keyboard only: focus Cancel and press Enter.
    await page.getByRole('button', { name: `Cancel ${jobId}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel(`Status of ${jobId}`).getByText('CANCELLED').waitFor();
    expect(await page.getByRole('button', { name: `Cancel ${jobId}` }).count()).toBe(0);
    expect((await app.client.run(BulkJobDocument, { id: jobId })).bulkJob).toMatchObject({ status: 'CANCELLED', done: 0, finishedAt: expect.any(String) });
    await page.getByRole('status', { name: 'Live progress' }).getByText('No job in progress followed').waitFor();
  });
});

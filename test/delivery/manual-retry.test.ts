import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetryDeliveryDocument } from '../generated/graphql.js';
import { createApplication, publish, setupEndpoint } from '../support/fixtures.js';
import { receiversClosedAfterEach, type Receiver } from '../support/receiver.js';
import { startTestServer, useTestServer, type TestServer } from '../support/server.js';
import { readDelivery, waitForDelivery, waitForStatus } from './delivery-helpers.js';

// retryDelivery: back to PENDING at once, exactly one more attempt, SUCCEEDED or FAILED, the
// automatic schedule not restarted; CONFLICT while an attempt is in flight; NOT_FOUND across tenants.

/** Receivers started here are closed after each test. */
const receiver = receiversClosedAfterEach();

/** Requests that carried the given event. */
const requestsFor = (r: Receiver, eventId: string) => r.requests.filter((q) => q.headers['webhook-id'] === eventId);

describe('retryDelivery', () => {
  let server: TestServer;
  useTestServer((started) => (server = started));

  /** A delivery that used up the whole test schedule (3 attempts) against a failing receiver. */
  async function failedDelivery(r: Receiver) {
    const setup = await setupEndpoint(server, r.url);
    const published = await publish(server, setup.app.id, setup.type, { manual: true });
    const id = published.deliveries[0]!.id;
    const failed = await waitForStatus(server, id, 'FAILED');
    expect(failed.attemptCount).toBe(3);
    return { ...setup, id, eventId: published.event.id };
  }

  it('puts a FAILED delivery back to PENDING at once and one more attempt makes it SUCCEEDED', async () => {
    let healthy = false;
    const r = await receiver(() => (healthy ? { status: 200, body: 'back up' } : { status: 500, body: 'down' }));
    const { id } = await failedDelivery(r);
    healthy = true;

    const { retryDelivery } = await server.admin.run(RetryDeliveryDocument, { input: { id } });
    expect(retryDelivery.delivery.id).toBe(id);
    expect(retryDelivery.delivery.status).toBe('PENDING');
    expect(retryDelivery.delivery.attemptCount).toBe(3);

    const done = await waitForStatus(server, id, 'SUCCEEDED');
    expect(done.attemptCount).toBe(4);
    expect(done.attempts.map((a) => [a.number, a.success])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(done.attempts[3]).toMatchObject({ responseStatus: 200, responseBody: 'back up' });
    expect(r.requests).toHaveLength(4);
  });

  it('makes exactly one more attempt when the receiver still fails: FAILED again, no automatic attempts after it', async () => {
    const r = await receiver(() => ({ status: 500, body: 'still down' }));
    const { app, type, id, eventId } = await failedDelivery(r);

    const { retryDelivery } = await server.admin.run(RetryDeliveryDocument, { input: { id } });
    expect(retryDelivery.delivery.status).toBe('PENDING');
    const failed = await waitForDelivery(server, id, 'to be FAILED after attempt 4', (d) => d.attemptCount === 4 && d.status === 'FAILED');
    expect(failed.nextAttemptAt).toBeNull();

    // Let a whole schedule pass on the same endpoint: a second event through all its 3 attempts.
    const later = await publish(server, app.id, type, { manual: 'sentinel' });
    await waitForDelivery(server, later.deliveries[0]!.id, 'to use up its schedule', (d) => d.status === 'FAILED' && d.attemptCount === 3);
    const after = await readDelivery(server, id);
    expect(after.status).toBe('FAILED');
    expect(after.attemptCount).toBe(4);
    expect(after.attempts).toHaveLength(4);
    expect(requestsFor(r, eventId)).toHaveLength(4);
  });

  it('is CONFLICT while an attempt is in flight, and leaves that attempt alone', async () => {
    const r = await receiver(() => ({ status: 200, body: 'slow ok', delayMs: 1_000 }));
    const { app, type } = await setupEndpoint(server, r.url);
    const published = await publish(server, app.id, type, { manual: 'in flight' });
    const id = published.deliveries[0]!.id;
    await r.waitForRequests(1);

    const error = await server.admin.fail(RetryDeliveryDocument, { input: { id } }, 'CONFLICT');
    expect(error.message).toMatch(/in flight/);

    const done = await waitForStatus(server, id, 'SUCCEEDED');
    expect(done.attemptCount).toBe(1);
    expect(r.requests).toHaveLength(1);
  });

  it("is NOT_FOUND for another application's delivery, which stays untouched", async () => {
    const r = await receiver(() => ({ status: 500 }));
    const { id } = await failedDelivery(r);
    const other = await createApplication(server);

    const error = await other.client.fail(RetryDeliveryDocument, { input: { id } }, 'NOT_FOUND');
    expect(error.message).not.toContain('in flight');
    const after = await readDelivery(server, id);
    expect(after.status).toBe('FAILED');
    expect(after.attemptCount).toBe(3);
  });

  it('works with the owning application key', async () => {
    let healthy = false;
    const r = await receiver(() => (healthy ? { status: 200 } : { status: 500 }));
    const { app, id } = await failedDelivery(r);
    healthy = true;

    const { retryDelivery } = await app.client.run(RetryDeliveryDocument, { input: { id } });
    expect(retryDelivery.delivery.status).toBe('PENDING');
    const done = await waitForStatus(server, id, 'SUCCEEDED');
    expect(done.attemptCount).toBe(4);
  });
});

describe('retryDelivery of a delivery still in its automatic schedule', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Automatic retries an hour apart: only the manual attempt can happen during the test.
    server = await startTestServer({ retryScheduleMs: [3_600_000, 3_600_000] });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('ends FAILED when the manual attempt fails: the automatic schedule is not resumed', async () => {
    const r = await receiver(() => ({ status: 500, body: 'down' }));
    const { app, type } = await setupEndpoint(server, r.url);
    const published = await publish(server, app.id, type, { manual: 'retrying' });
    const id = published.deliveries[0]!.id;
    const retrying = await waitForDelivery(server, id, 'to record attempt 1', (d) => d.attemptCount === 1);
    expect(retrying.status).toBe('RETRYING');

    const { retryDelivery } = await server.admin.run(RetryDeliveryDocument, { input: { id } });
    expect(retryDelivery.delivery.status).toBe('PENDING');
    const done = await waitForDelivery(server, id, 'to record attempt 2', (d) => d.attemptCount === 2);
    expect(done.status).toBe('FAILED');
    expect(done.nextAttemptAt).toBeNull();
    expect(r.requests).toHaveLength(2);
  });
});

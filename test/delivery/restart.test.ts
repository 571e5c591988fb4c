import { afterEach, describe, expect, it } from 'vitest';
import { publish, setupEndpoint } from '../support/fixtures.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { readDelivery, waitForDelivery, waitForStatus } from './delivery-helpers.js';

// The retry schedule and the leases live in the store: a new process on the same data folder
// picks up where the old one stopped, and a delivery claimed by a process that died is retried
// once its lease expires, not before.

let server: TestServer | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await server?.stop();
  await receiver?.close();
  server = receiver = undefined;
});

describe('restart', () => {
  it('resumes a retry schedule interrupted by a restart: the new process makes attempt 2 when due', async () => {
    // Due 3 s after attempt 1: time enough for the restart on a loaded machine before it is due.
    server = await startTestServer({ retryScheduleMs: [3_000] });
    receiver = await startReceiver((_req, n) => (n === 1 ? { status: 500, body: 'not yet' } : { status: 200, body: 'ok' }));
    const { app, type } = await setupEndpoint(server, receiver.url);
    const published = await publish(server, app.id, type, { step: 'restart' });
    const id = published.deliveries[0]!.id;

    const retrying = await waitForDelivery(server, id, 'to record attempt 1', (d) => d.attemptCount === 1);
    expect(retrying.status).toBe('RETRYING');
    const dueAt = Date.parse(retrying.nextAttemptAt!);

    server = await server.restart();
    // The old process made only attempt 1, and attempt 2 is still in the future: the new one must make it.
    expect(receiver.requests).toHaveLength(1);
    expect(Date.now()).toBeLessThan(dueAt);
    expect((await readDelivery(server, id)).status).toBe('RETRYING');

    const done = await waitForStatus(server, id, 'SUCCEEDED');
    expect(done.attemptCount).toBe(2);
    expect(done.attempts.map((a) => [a.number, a.success])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.receivedAt).toBeGreaterThanOrEqual(dueAt);
    expect(receiver.requests[1]!.body).toBe(receiver.requests[0]!.body);
  });

  it('attempts again a delivery claimed by a process that died, once its lease has expired and not before', async () => {
    // A process without a worker stands in for the one that dies: it claims, then never records.
    server = await startTestServer({ runWorker: false });
    receiver = await startReceiver();
    const { app, type } = await setupEndpoint(server, receiver.url);
    const published = await publish(server, app.id, type, { step: 'lease' });
    const id = published.deliveries[0]!.id;

    const claims = await server.store.claimDue({ now: Date.now(), limit: 10, leaseMs: 1_000 });
    expect(claims.map((c) => c.delivery.id)).toEqual([id]);
    const { leaseUntil } = claims[0]!;

    server = await server.restart({ runWorker: true });
    // The new worker is up while the lease still holds, so "not before" is really put to the test.
    expect(Date.now()).toBeLessThan(leaseUntil);
    const [request] = await receiver.waitForRequests(1);
    expect(request!.receivedAt).toBeGreaterThanOrEqual(leaseUntil);

    const done = await waitForStatus(server, id, 'SUCCEEDED');
    expect(done.attemptCount).toBe(1);
    expect(done.attempts).toHaveLength(1);
    expect(Date.parse(done.attempts[0]!.startedAt)).toBeGreaterThanOrEqual(leaseUntil);
    expect(receiver.requests).toHaveLength(1);
  });

  it('discards the late result of a process whose lease was taken over', async () => {
    server = await startTestServer({ runWorker: false });
    receiver = await startReceiver();
    const { app, type } = await setupEndpoint(server, receiver.url);
    const published = await publish(server, app.id, type, { step: 'late' });
    const id = published.deliveries[0]!.id;
    const [stale] = await server.store.claimDue({ now: Date.now(), limit: 10, leaseMs: 300 });
    expect(stale?.delivery.id).toBe(id);

    server = await server.restart({ runWorker: true });
    await waitForStatus(server, id, 'SUCCEEDED');

    // The first process comes back with a failure for the attempt it started: it no longer holds the lease.
    const late = await server.store.recordAttempt(
      stale!,
      {
        attempt: { deliveryId: id, number: 1, startedAt: stale!.leaseUntil - 300, durationMs: 5, success: false, responseStatus: 500, responseBody: 'late', error: 'late', retryAfterMs: null },
        status: 'RETRYING',
        nextAttemptAt: Date.now(),
      },
      Date.now(),
    );
    expect(late).toBeNull();
    const after = await readDelivery(server, id);
    expect(after.status).toBe('SUCCEEDED');
    expect(after.attempts).toHaveLength(1);
    expect(after.attempts[0]).toMatchObject({ success: true, responseStatus: 200 });
  });
});

import { describe, expect, it } from 'vitest';
import { DeleteEndpointDocument, DeliveriesDocument, EndpointDocument, LiveDeliveriesDocument, UpdateEndpointDocument } from '../generated/graphql.js';
import { subscribeWs } from '../support/live.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import { receiversClosedAfterEach, type Receiver } from '../support/receiver.js';
import { startTestServer, TEST_ADMIN_TOKEN, useTestServer, type TestServer } from '../support/server.js';
import { readDelivery, waitForStatus } from './delivery-helpers.js';

// Disabling an endpoint pauses it (its deliveries are created and wait, then resume);
// deleting it cancels what is pending and keeps the history readable.

/** Receivers started here are closed after each test. */
const receiver = receiversClosedAfterEach();

describe('endpoint lifecycle', () => {
  let server: TestServer;
  // The worker never polls here: it only moves when told that there is work (a publish, an
  // endpoint enabled again), which is what these tests check.
  useTestServer((started) => (server = started), { workerPollMs: 600_000 });

  /** One application, one event type, and two endpoints: the one under test and a control that stays enabled. */
  async function twoEndpoints() {
    const subject = await receiver();
    const control = await receiver();
    const app = await createApplication(server);
    const type = await createEventType(server);
    const endpoint = await createEndpoint(server, app.id, subject.url);
    const controlEndpoint = await createEndpoint(server, app.id, control.url);
    return { app, type, subject, control, endpoint, controlEndpoint };
  }

  const setEnabled = (id: string, enabled: boolean) => server.admin.run(UpdateEndpointDocument, { input: { id, enabled } });

  it('gives a disabled endpoint the deliveries of events published while it is paused: they wait, unattempted, and go out once enabled', async () => {
    const { app, type, subject, control, endpoint, controlEndpoint } = await twoEndpoints();
    const { updateEndpoint } = await setEnabled(endpoint.id, false);
    expect(updateEndpoint.endpoint.enabled).toBe(false);
    const feed = await subscribeWs(server.wsUrl, TEST_ADMIN_TOKEN, LiveDeliveriesDocument, { filter: { endpointId: endpoint.id } });
    try {
      await server.waitForSubscribers(1);
      const published = await publish(server, app.id, type, { paused: true });
      expect(published.deliveries.map((d) => d.endpoint.id).sort()).toEqual([endpoint.id, controlEndpoint.id].sort());
      const waiting = published.deliveries.find((d) => d.endpoint.id === endpoint.id)!;
      const controlDelivery = published.deliveries.find((d) => d.endpoint.id === controlEndpoint.id)!;
      await feed.next('the paused delivery, created', (m) => m.deliveryUpdated.id === waiting.id && m.deliveryUpdated.status === 'PENDING');

      // The worker has claimed since (the control went out); the paused one burned no attempt.
      await waitForStatus(server, controlDelivery.id, 'SUCCEEDED');
      expect(await readDelivery(server, waiting.id)).toMatchObject({ status: 'PENDING', attemptCount: 0 });
      expect(subject.requests).toHaveLength(0);
      expect(control.requests).toHaveLength(1);

      await setEnabled(endpoint.id, true);
      const delivered = await feed.next('the paused delivery, delivered', (m) => m.deliveryUpdated.id === waiting.id && m.deliveryUpdated.status === 'SUCCEEDED');
      expect(delivered.deliveryUpdated.attemptCount).toBe(1);
      expect(subject.requests).toHaveLength(1);
      expect(subject.requests[0]!.headers['webhook-id']).toBe(published.event.id);
    } finally {
      await feed.close();
    }
  });

  it('keeps pending deliveries waiting while disabled and delivers them once enabled again', async () => {
    const { app, type, subject, control, endpoint } = await twoEndpoints();
    const worker = server.app.worker!;
    // Deterministic: the delivery is created while no worker runs, then the endpoint is paused.
    await worker.stop(0);
    let published: Awaited<ReturnType<typeof publish>>;
    try {
      published = await publish(server, app.id, type, { waits: true });
      await setEnabled(endpoint.id, false);
    } finally {
      worker.start();
    }
    const waiting = published.deliveries.find((d) => d.endpoint.id === endpoint.id)!;
    const controlDelivery = published.deliveries.find((d) => d.endpoint.id !== endpoint.id)!;

    // The control delivery of the same event goes out: the worker has looked at due work since.
    await waitForStatus(server, controlDelivery.id, 'SUCCEEDED');
    // And a second event, so the worker has claimed more than once: the paused endpoint gets its delivery, which waits too.
    const second = await publish(server, app.id, type, { waits: 'again' });
    expect(second.deliveries).toHaveLength(2);
    const secondWaiting = second.deliveries.find((d) => d.endpoint.id === endpoint.id)!;
    await waitForStatus(server, second.deliveries.find((d) => d.endpoint.id !== endpoint.id)!.id, 'SUCCEEDED');
    expect(control.requests).toHaveLength(2);

    for (const id of [waiting.id, secondWaiting.id]) expect(await readDelivery(server, id)).toMatchObject({ status: 'PENDING', attemptCount: 0 });
    expect(subject.requests).toHaveLength(0);

    await setEnabled(endpoint.id, true);
    const done = await waitForStatus(server, waiting.id, 'SUCCEEDED');
    expect(done.attemptCount).toBe(1);
    expect((await waitForStatus(server, secondWaiting.id, 'SUCCEEDED')).attemptCount).toBe(1);
    expect(subject.requests.map((r) => r.headers['webhook-id']).sort()).toEqual([published.event.id, second.event.id].sort());
  });

  it('cancels pending deliveries on delete (FAILED with a reason), keeps history readable, and endpoint(id) is null', async () => {
    const { app, type, subject, control, endpoint } = await twoEndpoints();
    // History first: one delivery that succeeded.
    const first = await publish(server, app.id, type, { n: 1 });
    const delivered = first.deliveries.find((d) => d.endpoint.id === endpoint.id)!;
    await waitForStatus(server, delivered.id, 'SUCCEEDED');

    const worker = server.app.worker!;
    await worker.stop(0);
    let pending: Awaited<ReturnType<typeof publish>>;
    try {
      pending = await publish(server, app.id, type, { n: 2 });
      const { deleteEndpoint } = await server.admin.run(DeleteEndpointDocument, { input: { id: endpoint.id } });
      expect(deleteEndpoint.deletedEndpointId).toBe(endpoint.id);
    } finally {
      worker.start();
    }
    const cancelledId = pending.deliveries.find((d) => d.endpoint.id === endpoint.id)!.id;
    const controlId = pending.deliveries.find((d) => d.endpoint.id !== endpoint.id)!.id;

    const cancelled = await readDelivery(server, cancelledId);
    expect(cancelled.status).toBe('FAILED');
    expect(cancelled.failureReason).toMatch(/deleted/);
    expect(cancelled.nextAttemptAt).toBeNull();
    expect(cancelled.attemptCount).toBe(0);
    expect(cancelled.endpoint).toMatchObject({ id: endpoint.id, deleted: true });

    // The worker runs again and delivers the control; the cancelled one never goes out.
    await waitForStatus(server, controlId, 'SUCCEEDED');
    expect(control.requests).toHaveLength(2);
    expect(subject.requests).toHaveLength(1);
    expect((await readDelivery(server, cancelledId)).status).toBe('FAILED');

    // History stays readable, through the delivery and through the list.
    const history = await readDelivery(server, delivered.id);
    expect(history.status).toBe('SUCCEEDED');
    expect(history.attempts).toHaveLength(1);
    expect(history.endpoint).toMatchObject({ id: endpoint.id, deleted: true });
    const { deliveries } = await server.admin.run(DeliveriesDocument, { filter: { endpointId: endpoint.id } });
    expect(deliveries.edges.map((e) => e.node.id).sort()).toEqual([delivered.id, cancelledId].sort());

    expect((await server.admin.run(EndpointDocument, { id: endpoint.id })).endpoint).toBeNull();
    expect((await app.client.run(EndpointDocument, { id: endpoint.id })).endpoint).toBeNull();
  });

  it('cancels a delivery that is RETRYING when its endpoint is deleted', async () => {
    const failing = await receiver(() => ({ status: 500 }));
    const slow = await startTestServer({ retryScheduleMs: [3_600_000] });
    try {
      const app = await createApplication(slow);
      const type = await createEventType(slow);
      const endpoint = await createEndpoint(slow, app.id, failing.url);
      const published = await publish(slow, app.id, type, { n: 3 });
      const id = published.deliveries[0]!.id;
      await waitForStatus(slow, id, 'RETRYING');

      await slow.admin.run(DeleteEndpointDocument, { input: { id: endpoint.id } });
      const cancelled = await readDelivery(slow, id);
      expect(cancelled.status).toBe('FAILED');
      expect(cancelled.failureReason).toMatch(/deleted/);
      expect(cancelled.nextAttemptAt).toBeNull();
      expect(cancelled.attempts).toHaveLength(1);
      expect(cancelled.attempts[0]).toMatchObject({ number: 1, success: false, responseStatus: 500 });
    } finally {
      await slow.stop();
    }
  });

  it('refuses deleting an endpoint twice, and updating a deleted one, with NOT_FOUND', async () => {
    const { endpoint } = await twoEndpoints();
    await server.admin.run(DeleteEndpointDocument, { input: { id: endpoint.id } });
    await server.admin.fail(DeleteEndpointDocument, { input: { id: endpoint.id } }, 'NOT_FOUND');
    await server.admin.fail(UpdateEndpointDocument, { input: { id: endpoint.id, enabled: true } }, 'NOT_FOUND');
  });
});

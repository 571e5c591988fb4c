import { describe, expect, it } from 'vitest';
import {
  ApplicationMetadataDocument, BulkJobDocument, CreatePortalSessionDocument, DeleteApplicationDocument, DeliveryDocument, DeliveriesDocument, EndpointDocument,
  EventDocument, LiveDeliveriesDocument, OperationsApplicationDocument, UpdateApplicationDocument,
} from '../generated/graphql.js';
import { subscribeWs } from '../support/live.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import { useTestServerAndReceiver, type TestServer } from '../support/server.js';
import type { Receiver } from '../support/receiver.js';
import { waitFor } from '../support/wait.js';

// The application lifecycle: updateApplication renames it and sets its metadata; deleteApplication
// takes it out of the API at once (its key refused, its endpoints stopped) and removes its history
// later, or at once with purge (a PURGE_APPLICATION job). Both are for the admin token only.

describe('applications: update and delete', () => {
  let server: TestServer;
  let receiver: Receiver;
  useTestServerAndReceiver((s, r) => ((server = s), (receiver = r)));

  it('renames an application and replaces its metadata, which every read then shows', async () => {
    const a = await createApplication(server);
    expect((await a.client.run(ApplicationMetadataDocument, { id: a.id })).application).toMatchObject({ metadata: {} });
    const { updateApplication } = await server.admin.run(UpdateApplicationDocument, { input: { id: a.id, name: '  Acme  ', metadata: { customer: 'c_42', plan: 'gold' } } });
    expect(updateApplication.application).toMatchObject({ id: a.id, name: 'Acme', metadata: { customer: 'c_42', plan: 'gold' } });
    // A change of the name alone keeps the metadata; {} clears it.
    await server.admin.run(UpdateApplicationDocument, { input: { id: a.id, name: 'Acme 2' } });
    expect((await a.client.run(ApplicationMetadataDocument, { id: a.id })).application).toEqual({ id: a.id, name: 'Acme 2', metadata: { customer: 'c_42', plan: 'gold' } });
    await server.admin.run(UpdateApplicationDocument, { input: { id: a.id, metadata: {} } });
    expect((await server.admin.run(ApplicationMetadataDocument, { id: a.id })).application!.metadata).toEqual({});
  });

  it('refuses metadata that is not an object of short strings, an empty name, an unknown application, and an application key', async () => {
    const a = await createApplication(server);
    const b = await createApplication(server);
    const bad: [unknown, RegExp][] = [
      [['x'], /JSON object/],
      ['text', /JSON object/],
      [{ n: 1 }, /"n" is number/],
      [{ k: 'x'.repeat(501) }, /at most 500/],
      [Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])), /at most 50 keys/],
      [{ ['k'.repeat(41)]: 'v' }, /1 to 40 characters/],
    ];
    for (const [metadata, message] of bad) {
      const error = await server.admin.fail(UpdateApplicationDocument, { input: { id: a.id, metadata } }, 'BAD_USER_INPUT');
      expect(error.message).toMatch(/metadata/);
      expect(error.message).toMatch(message);
    }
    await server.admin.fail(UpdateApplicationDocument, { input: { id: a.id, name: '   ' } }, 'BAD_USER_INPUT');
    await server.admin.fail(UpdateApplicationDocument, { input: { id: 'app_01ZZZZZZZZZZZZZZZZZZZZZZZZ', name: 'x' } }, 'NOT_FOUND');
    await a.client.fail(UpdateApplicationDocument, { input: { id: a.id, name: 'mine' } }, 'FORBIDDEN');
    await b.client.fail(DeleteApplicationDocument, { input: { id: a.id } }, 'FORBIDDEN');
    await a.client.fail(DeleteApplicationDocument, { input: { id: a.id } }, 'FORBIDDEN');
    expect((await server.admin.run(ApplicationMetadataDocument, { id: a.id })).application).toMatchObject({ metadata: {} });
  });

  it("refuses a deleted application's key and portal sessions at once, stops its endpoints (pending deliveries end FAILED), and leaves other applications alone", async () => {
    const type = await createEventType(server);
    const a = await createApplication(server);
    const b = await createApplication(server);
    const endpointA = await createEndpoint(server, a.id, `${receiver.url}/deleted-app`);
    await createEndpoint(server, b.id, `${receiver.url}/kept-app`);
    const portal = (await server.admin.run(CreatePortalSessionDocument, { input: { applicationId: a.id } })).createPortalSession.token;
    const toA = () => receiver.requests.filter((r) => r.path === '/hook/deleted-app').length;
    const toB = () => receiver.requests.filter((r) => r.path === '/hook/kept-app').length;
    // A's receiver fails, so its delivery waits for a retry when the application is deleted.
    receiver.respond((r) => (r.path === '/hook/deleted-app' ? { status: 500 } : { status: 200 }));
    const pending = await publish(server, a.id, type, { n: 1 });
    await waitFor('the first attempt to the deleted application', () => toA() >= 1);

    const { deleteApplication } = await server.admin.run(DeleteApplicationDocument, { input: { id: a.id } });
    expect(deleteApplication).toEqual({ deletedApplicationId: a.id, job: null });
    const before = toA();

    expect((await a.client.fail(DeliveriesDocument, {}, 'UNAUTHENTICATED')).message).toMatch(/was revoked/);
    await server.client(portal).fail(DeliveriesDocument, {}, 'UNAUTHENTICATED');
    expect((await server.admin.run(ApplicationMetadataDocument, { id: a.id })).application).toBeNull();
    expect((await server.admin.run(EndpointDocument, { id: endpointA.id })).endpoint).toBeNull();
    const delivery = (await server.admin.run(DeliveryDocument, { id: pending.deliveries[0]!.id })).delivery;
    expect(delivery).toMatchObject({ status: 'FAILED', failureReason: 'application deleted before the delivery completed' });
    // Its history stays readable; the event's application is null now (it was a 500 before the fuzzer found it).
    const { event } = await server.admin.run<{ event: { id: string; application: { id: string } | null } }, undefined>(`{ event(id: "${pending.event.id}") { id application { id } } }`);
    expect(event).toEqual({ id: pending.event.id, application: null });
    await server.admin.fail(DeleteApplicationDocument, { input: { id: a.id } }, 'NOT_FOUND');
    await server.admin.fail(UpdateApplicationDocument, { input: { id: a.id, name: 'back' } }, 'NOT_FOUND');

    // A's retry was due 50 ms after its first attempt (schedule 50ms,100ms). B's delivery, published
    // after the deletion, fails twice and succeeds on its third attempt 150 ms later: by then A's
    // whole schedule has passed, and A got no further attempt.
    let keptAttempts = 0;
    receiver.respond((r) => (r.path === '/hook/kept-app' && ++keptAttempts >= 3 ? { status: 200 } : { status: 500 }));
    const kept = await publish(server, b.id, type, { n: 2 });
    await waitFor('the third attempt of the other application', () => toB() >= 3);
    expect(toA()).toBe(before);
    expect((await server.admin.run(DeliveryDocument, { id: pending.deliveries[0]!.id })).delivery).toMatchObject({ status: 'FAILED', attemptCount: 1 });
    await waitFor('the other application\'s delivery SUCCEEDED', async () =>
      (await b.client.run(DeliveryDocument, { id: kept.deliveries[0]!.id })).delivery?.status === 'SUCCEEDED');
    receiver.respond(() => ({ status: 200 }));
  });

  it("purges a deleted application's history in a job that reaches SUCCEEDED with its progress", async () => {
    const type = await createEventType(server);
    const a = await createApplication(server);
    await createEndpoint(server, a.id, `${receiver.url}/purged`);
    const events = [];
    for (let i = 0; i < 3; i++) events.push(await publish(server, a.id, type, { i }));
    await waitFor('every delivery of the application', () => receiver.requests.filter((r) => r.path === '/hook/purged').length >= 3);
    await waitFor('every delivery SUCCEEDED', async () =>
      (await server.admin.run(DeliveriesDocument, { filter: { applicationId: a.id, status: ['SUCCEEDED'] } })).deliveries.edges.length === 3);

    const { deleteApplication } = await server.admin.run(DeleteApplicationDocument, { input: { id: a.id, purge: true } });
    expect(deleteApplication.deletedApplicationId).toBe(a.id);
    expect(deleteApplication.job).toMatchObject({ kind: 'PURGE_APPLICATION', status: 'QUEUED' });
    const job = await waitFor('the purge job to finish', async () => {
      const j = (await server.admin.run(BulkJobDocument, { id: deleteApplication.job!.id })).bulkJob;
      return j && j.status !== 'QUEUED' && j.status !== 'RUNNING' ? j : undefined;
    });
    expect(job).toMatchObject({ status: 'SUCCEEDED', total: 6, done: 6, failed: 0, error: null });
    for (const e of events) {
      expect((await server.admin.run(EventDocument, { id: e.event.id })).event).toBeNull();
      expect((await server.admin.run(DeliveryDocument, { id: e.deliveries[0]!.id })).delivery).toBeNull();
    }
  });

  it("closes a portal session's open live connection (4403) when its application is deleted", async () => {
    const a = await createApplication(server);
    const { createPortalSession } = await server.admin.run(CreatePortalSessionDocument, { input: { applicationId: a.id } });
    const feed = await subscribeWs(server.wsUrl, createPortalSession.token, LiveDeliveriesDocument, {});
    const closed = new Promise<number | undefined>((resolve) => feed.client.on('closed', (event) => resolve((event as { code?: number }).code)));
    try {
      await server.admin.run(DeleteApplicationDocument, { input: { id: a.id } });
      expect(await closed).toBe(4403);
    } finally {
      await feed.close();
    }
  });

  it('refuses to delete the operations application, which carries the operational webhooks', async () => {
    const { operationsApplication } = await server.admin.run(OperationsApplicationDocument, {});
    const error = await server.admin.fail(DeleteApplicationDocument, { input: { id: operationsApplication.id } }, 'CONFLICT');
    expect(error.message).toMatch(/operations application/);
    expect((await server.admin.run(ApplicationMetadataDocument, { id: operationsApplication.id })).application).not.toBeNull();
  });
});

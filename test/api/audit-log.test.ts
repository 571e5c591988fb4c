import { describe, expect, it } from 'vitest';
import {
  ArchiveEventTypeDocument, AuditLogDocument, CancelBulkJobDocument, CreateApplicationDocument, CreateEndpointDocument, CreateEventTypeDocument,
  CreateEventTypeWithExamplesDocument, CreatePortalSessionDocument, DeleteApplicationDocument, DeleteEndpointDocument, DeliveryDocument, PublishEventDocument,
  RecoverEndpointDocument, ReplayEventsDocument, RetryDeliveriesDocument, RetryDeliveryDocument, RevokePortalSessionDocument, RotateEndpointSecretDocument,
  SendTestEventDocument, UpdateApplicationDocument, UpdateEndpointDocument, UpdateEventTypeDocument, type AuditLogQuery,
} from '../generated/graphql.js';
import { createApplication, createEndpoint, uniqueName } from '../support/fixtures.js';
import type { GqlClient } from '../support/gql.js';
import { useTestServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';
import { namedTokenIdOf } from '../../src/auth/tokens.js';

// The audit log: every successful management mutation (all but publishEvent) leaves exactly one
// entry naming the credential (never its token), the mutation, the application and the IDs it
// named or answered with. A failed mutation changed nothing and leaves none. The admin reads every
// entry, an application key its own application's. Retention: the store contract suites
// ("removes entries older than the retention period in the sweep").

type Entry = AuditLogQuery['auditLog']['edges'][number]['node'];
const UNREACHABLE = 'http://127.0.0.1:9/audit';

describe('audit log', () => {
  let server: TestServer;
  useTestServer((s) => (server = s));

  async function newest(count = 2): Promise<Entry[]> {
    return (await server.admin.run(AuditLogDocument, { first: count })).auditLog.edges.map((e) => e.node);
  }

  /**
   * Runs a mutation and checks that it left exactly one new entry, the newest, made with the
   * expected credential, about the application, naming at least the targets, and holding none of
   * the `secrets` (tokens and keys the mutation answered with).
   */
  async function audited<T>(
    action: string,
    run: () => Promise<T>,
    expected: (result: T) => { actor: Pick<Entry['actor'], 'id' | 'kind'>; applicationId: string | null; targets: string[]; secrets?: string[] },
  ): Promise<T> {
    const [before] = await newest(1);
    const result = await run();
    const [entry, previous] = await newest(2);
    expect(previous?.id, `${action} left more than one entry`).toBe(before?.id);
    const want = expected(result);
    expect(entry).toMatchObject({ action, applicationId: want.applicationId, actor: want.actor });
    expect(entry!.targetIds).toEqual(expect.arrayContaining(want.targets));
    for (const secret of want.secrets ?? []) expect(JSON.stringify(entry)).not.toContain(secret);
    return result;
  }

  const ADMIN = { id: 'admin', kind: 'ADMIN_BOOTSTRAP' as const };
  /** The credential of an application key: its ID, which the token names. */
  const key = (token: string) => ({ id: namedTokenIdOf(token)!, kind: 'API_KEY' as const });

  it('records each kind of management mutation once, naming the credential, the application and the targets; publishEvent is not recorded', async () => {
    const name = uniqueName('App ');
    const { createApplication: created } = await audited('createApplication', () => server.admin.run(CreateApplicationDocument, { name }), (r) => ({
      actor: ADMIN, applicationId: r.createApplication.application.id, targets: [r.createApplication.application.id], secrets: [r.createApplication.apiKey],
    }));
    const appId = created.application.id;
    const app: GqlClient = server.client(created.apiKey);
    await audited('updateApplication', () => server.admin.run(UpdateApplicationDocument, { input: { id: appId, metadata: { plan: 'gold' } } }),
      () => ({ actor: ADMIN, applicationId: appId, targets: [appId] }));
    const type = uniqueName('audit.event');
    await audited('createEventType', () => server.admin.run(CreateEventTypeWithExamplesDocument, { input: { name: type, examples: [{ n: 0 }] } }),
      () => ({ actor: ADMIN, applicationId: null, targets: [type] }));
    await audited('updateEventType', () => server.admin.run(UpdateEventTypeDocument, { input: { name: type, description: 'audited' } }),
      () => ({ actor: ADMIN, applicationId: null, targets: [type] }));
    const { createEndpoint: endpoint } = await audited('createEndpoint', () => app.run(CreateEndpointDocument, { input: { url: UNREACHABLE } }), (r) => ({
      actor: key(created.apiKey), applicationId: appId, targets: [r.createEndpoint.endpoint.id], secrets: [r.createEndpoint.secret],
    }));
    const endpointId = endpoint.endpoint.id;
    await audited('updateEndpoint', () => app.run(UpdateEndpointDocument, { input: { id: endpointId, description: 'audited' } }),
      () => ({ actor: key(created.apiKey), applicationId: appId, targets: [endpointId] }));
    await audited('rotateEndpointSecret', () => app.run(RotateEndpointSecretDocument, { input: { id: endpointId } }),
      (r) => ({ actor: key(created.apiKey), applicationId: appId, targets: [endpointId], secrets: [r.rotateEndpointSecret.secret] }));

    // Publishing is not audited: the newest entry stays the rotation.
    const [rotation] = await newest(1);
    const { publishEvent } = await server.admin.run(PublishEventDocument, { input: { applicationId: appId, type, payload: { n: 1 } } });
    expect((await newest(1))[0]!.id).toBe(rotation!.id);

    await audited('sendTestEvent', () => app.run(SendTestEventDocument, { input: { endpointId, eventType: type } }),
      (r) => ({ actor: key(created.apiKey), applicationId: appId, targets: [endpointId, r.sendTestEvent.delivery.id] }));
    const deliveryId = publishEvent.deliveries[0]!.id;
    await waitFor('the delivery to the unreachable endpoint to end FAILED', async () => (await app.run(DeliveryDocument, { id: deliveryId })).delivery?.status === 'FAILED');
    await audited('retryDelivery', () => server.admin.run(RetryDeliveryDocument, { input: { id: deliveryId } }),
      () => ({ actor: ADMIN, applicationId: appId, targets: [deliveryId] }));
    const { retryDeliveries } = await audited('retryDeliveries', () => app.run(RetryDeliveriesDocument, { input: { filter: { endpointId } } }),
      (r) => ({ actor: key(created.apiKey), applicationId: appId, targets: [endpointId, r.retryDeliveries.job.id] }));
    await audited('cancelBulkJob', () => app.run(CancelBulkJobDocument, { input: { id: retryDeliveries.job.id } }),
      () => ({ actor: key(created.apiKey), applicationId: appId, targets: [retryDeliveries.job.id] }));
    const since = new Date(Date.now() - 60_000).toISOString();
    await audited('recoverEndpoint', () => app.run(RecoverEndpointDocument, { input: { endpointId, since } }),
      (r) => ({ actor: key(created.apiKey), applicationId: appId, targets: [endpointId, r.recoverEndpoint.job.id] }));
    await audited('replayEvents', () => app.run(ReplayEventsDocument, { input: { endpointId, since } }),
      (r) => ({ actor: key(created.apiKey), applicationId: appId, targets: [endpointId, r.replayEvents.job.id] }));
    const { createPortalSession } = await audited('createPortalSession', () => server.admin.run(CreatePortalSessionDocument, { input: { applicationId: appId } }),
      (r) => ({ actor: ADMIN, applicationId: appId, targets: [appId, r.createPortalSession.portalSession.id], secrets: [r.createPortalSession.token] }));
    // A portal session acts as the application: its changes name the session.
    const portal = server.client(createPortalSession.token);
    await audited('updateEndpoint', () => portal.run(UpdateEndpointDocument, { input: { id: endpointId, description: 'via portal' } }), () => ({
      actor: { id: createPortalSession.portalSession.id, kind: 'PORTAL_SESSION' }, applicationId: appId, targets: [endpointId],
    }));
    await audited('revokePortalSession', () => server.admin.run(RevokePortalSessionDocument, { input: { id: createPortalSession.portalSession.id } }),
      () => ({ actor: ADMIN, applicationId: appId, targets: [createPortalSession.portalSession.id] }));
    await audited('deleteEndpoint', () => app.run(DeleteEndpointDocument, { input: { id: endpointId } }),
      () => ({ actor: key(created.apiKey), applicationId: appId, targets: [endpointId] }));
    await audited('archiveEventType', () => server.admin.run(ArchiveEventTypeDocument, { input: { name: type } }),
      () => ({ actor: ADMIN, applicationId: null, targets: [type] }));
    await audited('deleteApplication', () => server.admin.run(DeleteApplicationDocument, { input: { id: appId } }),
      () => ({ actor: ADMIN, applicationId: appId, targets: [appId] }));
    // The deleted application's entries stay readable by the admin (they say who deleted it).
    const history = (await server.admin.run(AuditLogDocument, { filter: { applicationId: appId }, first: 100 })).auditLog.edges.map((e) => e.node.action);
    expect(history).toHaveLength(16); // every change above but the three to event types (platform-wide: applicationId null)
    expect(history[0]).toBe('deleteApplication');
    expect(history.at(-1)).toBe('createApplication');
  });

  it('leaves no entry for a mutation that failed (bad input, not found, forbidden)', async () => {
    const a = await createApplication(server);
    const endpoint = await createEndpoint(server, a.id, UNREACHABLE);
    const [before] = await newest(1);
    await a.client.fail(UpdateEndpointDocument, { input: { id: endpoint.id, url: 'ftp://example.com' } }, 'BAD_USER_INPUT');
    await a.client.fail(DeleteEndpointDocument, { input: { id: 'ep_01ZZZZZZZZZZZZZZZZZZZZZZZZ' } }, 'NOT_FOUND');
    await a.client.fail(CreateEventTypeDocument, { input: { name: uniqueName('forbidden.') } }, 'FORBIDDEN');
    await a.client.fail(DeleteApplicationDocument, { input: { id: a.id } }, 'FORBIDDEN');
    expect((await newest(1))[0]!.id).toBe(before!.id);
  });

  it("shows an application key its own application's entries only; the admin sees every entry and filters by application, actor, action and time", async () => {
    const a = await createApplication(server);
    const b = await createApplication(server);
    const start = new Date().toISOString();
    const endpointA = (await a.client.run(CreateEndpointDocument, { input: { url: UNREACHABLE } })).createEndpoint.endpoint.id;
    const endpointB = (await b.client.run(CreateEndpointDocument, { input: { url: UNREACHABLE } })).createEndpoint.endpoint.id;
    const asA = (await a.client.run(AuditLogDocument, { first: 100 })).auditLog.edges.map((e) => e.node);
    expect(asA.map((e) => e.action)).toEqual(['createEndpoint', 'createApplication']);
    expect(asA.every((e) => e.applicationId === a.id)).toBe(true);
    expect(asA[0]!.targetIds).toContain(endpointA);
    expect((await a.client.run(AuditLogDocument, { filter: { applicationId: b.id } })).auditLog.edges).toEqual([]);

    const asAdmin = (await server.admin.run(AuditLogDocument, { filter: { applicationId: b.id } })).auditLog.edges.map((e) => e.node);
    expect(asAdmin.map((e) => [e.action, e.actor.kind])).toEqual([['createEndpoint', 'API_KEY'], ['createApplication', 'ADMIN_BOOTSTRAP']]);
    expect(asAdmin[0]!.targetIds).toContain(endpointB);
    const byActor = (await server.admin.run(AuditLogDocument, { filter: { actorId: namedTokenIdOf(b.apiKey)! } })).auditLog.edges.map((e) => e.node.targetIds);
    expect(byActor).toEqual([expect.arrayContaining([endpointB])]);
    const since = (await server.admin.run(AuditLogDocument, { filter: { action: 'createEndpoint', since: start } })).auditLog.edges.map((e) => e.node.applicationId);
    expect(since).toEqual([b.id, a.id]);
    expect((await server.admin.run(AuditLogDocument, { filter: { action: 'createEndpoint', until: start, since: start } })).auditLog.edges).toEqual([]);
  });

  it("never names another tenant's record in an application's entry, though the input did (a filter that matched nothing)", async () => {
    const a = await createApplication(server);
    const b = await createApplication(server);
    const endpointA = await createEndpoint(server, a.id, UNREACHABLE);
    const type = uniqueName('audit.scope');
    await server.admin.run(CreateEventTypeDocument, { input: { name: type } });
    const { publishEvent } = await server.admin.run(PublishEventDocument, { input: { applicationId: b.id, type, payload: {} } });
    const { retryDeliveries } = await a.client.run(RetryDeliveriesDocument, { input: { filter: { eventId: publishEvent.event.id } } });
    const [entry] = (await a.client.run(AuditLogDocument, { first: 1 })).auditLog.edges.map((e) => e.node);
    expect(entry).toMatchObject({ action: 'retryDeliveries', applicationId: a.id });
    expect(entry!.targetIds).toContain(retryDeliveries.job.id);
    expect(entry!.targetIds).not.toContain(publishEvent.event.id);
    // The admin's entry about one application, naming another one's event, is read by the first.
    await server.admin.run(RetryDeliveriesDocument, { input: { filter: { applicationId: a.id, eventId: publishEvent.event.id } } });
    const [byAdmin] = (await a.client.run(AuditLogDocument, { first: 1 })).auditLog.edges.map((e) => e.node);
    expect(byAdmin).toMatchObject({ action: 'retryDeliveries', applicationId: a.id, actor: ADMIN });
    expect(byAdmin!.targetIds).toEqual(expect.arrayContaining([a.id]));
    expect(byAdmin!.targetIds).not.toContain(publishEvent.event.id);
    // Its own records, a deleted endpoint too, stay named.
    await a.client.run(DeleteEndpointDocument, { input: { id: endpointA.id } });
    const [deleted] = (await a.client.run(AuditLogDocument, { first: 1 })).auditLog.edges.map((e) => e.node);
    expect(deleted).toMatchObject({ action: 'deleteEndpoint', targetIds: [endpointA.id] });
  });

  it('pages through the audit log newest first', async () => {
    const a = await createApplication(server);
    for (let i = 0; i < 3; i++) await a.client.run(CreateEndpointDocument, { input: { url: `${UNREACHABLE}/${i}` } });
    const all = (await a.client.run(AuditLogDocument, { first: 100 })).auditLog.edges.map((e) => e.node.id);
    expect(all).toHaveLength(4);
    const first = (await a.client.run(AuditLogDocument, { first: 3 })).auditLog;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await a.client.run(AuditLogDocument, { first: 3, after: first.pageInfo.endCursor })).auditLog;
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(all);
    expect(second.pageInfo.hasNextPage).toBe(false);
    await a.client.fail(AuditLogDocument, { after: a.id }, 'BAD_USER_INPUT');
  });
});

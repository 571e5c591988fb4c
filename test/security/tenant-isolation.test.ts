import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationDocument,
  CreateEndpointDocument,
  CreatePortalSessionDocument,
  DeleteEndpointDocument,
  DeliveriesDocument,
  DeliveryDocument,
  EventPublishedDocument,
  EndpointDocument,
  EndpointsDocument,
  EndpointStateDocument,
  EventDocument,
  EventsDocument,
  LiveDeliveriesDocument,
  NodeDetailDocument,
  NodeDocument,
  RetryDeliveryDocument,
  RevokePortalSessionDocument,
  RotateEndpointSecretDocument,
  UpdateEndpointDocument,
  type LiveDeliveriesSubscription,
  type LiveDeliveriesSubscriptionVariables,
} from '../generated/graphql.js';
import { ADMIN_SCOPE } from '../../src/domain/records.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import type { GqlClient } from '../support/gql.js';
import { subscribeSse, subscribeWs, type Feed } from '../support/live.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// An application key sees and changes only its own records; another tenant's IDs are answered
// exactly as if they did not exist (null for queries, NOT_FOUND for mutations and arguments).

interface Tenant {
  id: string;
  apiKey: string;
  client: GqlClient;
  endpointId: string;
  eventId: string;
  deliveryId: string;
  receiver: Receiver;
}

type LiveFeed = Feed<LiveDeliveriesSubscription>;

/** An unused ID of the same kind and shape as `id`, for "does not exist" comparisons. */
const unknownLike = (id: string) => `${id.slice(0, id.indexOf('_'))}_01ZZZZZZZZZZZZZZZZZZZZZZZZ`;

describe('tenant isolation', () => {
  let server: TestServer;
  let type: string;
  let a: Tenant;
  let b: Tenant;

  async function tenant(): Promise<Tenant> {
    const receiver = await startReceiver();
    const app = await createApplication(server);
    const endpoint = await createEndpoint(server, app.id, receiver.url);
    const published = await publish(server, app.id, type, { tenant: app.id });
    const deliveryId = published.deliveries[0]!.id;
    await waitFor(`delivery ${deliveryId} to succeed`, async () => (await server.admin.run(DeliveryDocument, { id: deliveryId })).delivery?.status === 'SUCCEEDED');
    return { id: app.id, apiKey: app.apiKey, client: app.client, endpointId: endpoint.id, eventId: published.event.id, deliveryId, receiver };
  }

  beforeAll(async () => {
    server = await startTestServer();
    type = await createEventType(server);
    a = await tenant();
    b = await tenant();
  });
  afterAll(async () => {
    await server.stop();
    await a.receiver.close();
    await b.receiver.close();
  });

  describe('reads by ID', () => {
    const lookups = {
      'application(id)': (c: GqlClient, t: Tenant) => c.run(ApplicationDocument, { id: t.id }).then((r) => r.application),
      'endpoint(id)': (c: GqlClient, t: Tenant) => c.run(EndpointDocument, { id: t.endpointId }).then((r) => r.endpoint),
      'event(id)': (c: GqlClient, t: Tenant) => c.run(EventDocument, { id: t.eventId }).then((r) => r.event),
      'delivery(id)': (c: GqlClient, t: Tenant) => c.run(DeliveryDocument, { id: t.deliveryId }).then((r) => r.delivery),
      'node(application id)': (c: GqlClient, t: Tenant) => c.run(NodeDocument, { id: t.id }).then((r) => r.node),
      'node(endpoint id)': (c: GqlClient, t: Tenant) => c.run(NodeDocument, { id: t.endpointId }).then((r) => r.node),
      'node(event id)': (c: GqlClient, t: Tenant) => c.run(NodeDocument, { id: t.eventId }).then((r) => r.node),
      'node(delivery id)': (c: GqlClient, t: Tenant) => c.run(NodeDocument, { id: t.deliveryId }).then((r) => r.node),
    };

    it.each(Object.keys(lookups) as (keyof typeof lookups)[])('%s of another application is null, and found by its owner', async (name) => {
      const lookup = lookups[name];
      expect(await lookup(a.client, b)).toBeNull();
      expect(await lookup(b.client, a)).toBeNull();
      // The IDs are real: their owner and the admin find them.
      expect(await lookup(b.client, b)).toMatchObject({ id: expect.stringMatching(/^(app|ep|evt|dlv)_/) });
      expect(await lookup(server.admin, b)).not.toBeNull();
    });
  });

  describe('node(id) with the right key', () => {
    it('resolves each type, with its details, for the owner and for the admin', async () => {
      for (const caller of [a.client, server.admin]) {
        const get = async (id: string) => (await caller.run(NodeDetailDocument, { id })).node;
        expect(await get(a.id)).toMatchObject({ __typename: 'Application', id: a.id, name: expect.any(String) });
        expect(await get(a.endpointId)).toMatchObject({ __typename: 'Endpoint', id: a.endpointId, url: a.receiver.url, application: { id: a.id } });
        expect(await get(a.eventId)).toMatchObject({ __typename: 'Event', id: a.eventId, type, application: { id: a.id } });
        expect(await get(a.deliveryId)).toMatchObject({
          __typename: 'Delivery',
          id: a.deliveryId,
          status: 'SUCCEEDED',
          endpoint: { id: a.endpointId },
          event: { id: a.eventId },
        });
      }
    });
  });

  describe('lists', () => {
    const ids = {
      endpoints: async (c: GqlClient) => (await c.run(EndpointsDocument, { first: 100 })).endpoints.edges.map((e) => e.node.id),
      events: async (c: GqlClient) => (await c.run(EventsDocument, { first: 100 })).events.edges.map((e) => e.node.id),
      deliveries: async (c: GqlClient) => (await c.run(DeliveriesDocument, { first: 100 })).deliveries.edges.map((e) => e.node.id),
    };
    const own = (t: Tenant) => ({ endpoints: [t.endpointId], events: [t.eventId], deliveries: [t.deliveryId] });

    it.each(Object.keys(ids) as (keyof typeof ids)[])('%s with an application key holds only that application’s records', async (list) => {
      expect(await ids[list](a.client)).toEqual(own(a)[list]);
      expect(await ids[list](b.client)).toEqual(own(b)[list]);
      // The admin sees both (newest first).
      expect(await ids[list](server.admin)).toEqual(expect.arrayContaining([...own(a)[list], ...own(b)[list]]));
    });
  });

  describe('another application’s applicationId in an argument is NOT_FOUND', () => {
    /** The same call with an unknown application ID: the answer must not tell the two apart. */
    async function sameAsUnknown(call: (applicationId: string) => Promise<{ message: string }>) {
      const foreign = await call(b.id);
      const unknown = await call(unknownLike(b.id));
      expect(foreign.message).toBe(unknown.message.replace(unknownLike(b.id), b.id));
      expect(foreign.message).not.toMatch(/permission|forbidden|belongs|another/i);
    }

    it('endpoints(applicationId)', async () => {
      await sameAsUnknown((id) => a.client.fail(EndpointsDocument, { applicationId: id }, 'NOT_FOUND'));
      // Its own ID is fine.
      expect((await a.client.run(EndpointsDocument, { applicationId: a.id })).endpoints.edges).toHaveLength(1);
    });

    it('events(applicationId)', async () => {
      await sameAsUnknown((id) => a.client.fail(EventsDocument, { applicationId: id }, 'NOT_FOUND'));
      expect((await a.client.run(EventsDocument, { applicationId: a.id })).events.edges).toHaveLength(1);
    });

    it('deliveries(filter: { applicationId })', async () => {
      await sameAsUnknown((id) => a.client.fail(DeliveriesDocument, { filter: { applicationId: id } }, 'NOT_FOUND'));
      expect((await a.client.run(DeliveriesDocument, { filter: { applicationId: a.id } })).deliveries.edges).toHaveLength(1);
    });

    it('createEndpoint(input: { applicationId }) creates nothing', async () => {
      await sameAsUnknown((id) => a.client.fail(CreateEndpointDocument, { input: { applicationId: id, url: 'https://example.com/hook' } }, 'NOT_FOUND'));
      const endpointsOfB = await server.admin.run(EndpointsDocument, { applicationId: b.id });
      expect(endpointsOfB.endpoints.edges.map((e) => e.node.id)).toEqual([b.endpointId]);
      const endpointsOfA = await server.admin.run(EndpointsDocument, { applicationId: a.id });
      expect(endpointsOfA.endpoints.edges.map((e) => e.node.id)).toEqual([a.endpointId]);
    });

    it('deliveryUpdated(filter: { applicationId }) over WebSocket and SSE', async () => {
      for (const feed of [
        await subscribeWs(server.wsUrl, a.apiKey, LiveDeliveriesDocument, { filter: { applicationId: b.id } }),
        await subscribeSse(server.graphqlUrl, a.apiKey, LiveDeliveriesDocument, { filter: { applicationId: b.id } }),
      ]) {
        try {
          await waitFor('an error on the subscription', () => feed.errors.length > 0);
          expect(feed.errors).toMatchObject([{ extensions: { code: 'NOT_FOUND' } }]);
          expect(feed.messages).toEqual([]);
        } finally {
          await feed.close();
        }
      }
    });
  });

  describe('eventPublished', () => {
    it("with another application's ID in its filter is NOT_FOUND over WebSocket and SSE", async () => {
      for (const feed of [
        await subscribeWs(server.wsUrl, a.apiKey, EventPublishedDocument, { filter: { applicationId: b.id } }),
        await subscribeSse(server.graphqlUrl, a.apiKey, EventPublishedDocument, { filter: { applicationId: b.id } }),
      ]) {
        try {
          await waitFor('an error on the subscription', () => feed.errors.length > 0);
          expect(feed.errors).toMatchObject([{ extensions: { code: 'NOT_FOUND' } }]);
          expect(feed.messages).toEqual([]);
        } finally {
          await feed.close();
        }
      }
    });

    it.each(['WebSocket', 'SSE'] as const)("carries only the caller's events over %s", async (transport) => {
      const subscribe = transport === 'WebSocket' ? subscribeWs : subscribeSse;
      const url = transport === 'WebSocket' ? server.wsUrl : server.graphqlUrl;
      const ofA = await subscribe(url, a.apiKey, EventPublishedDocument, {});
      try {
        await waitFor('the subscription to listen', () => server.app.deps.liveEvents.subscribers === 1);
        const toB = await publish(server, b.id, type, { to: 'B' });
        // A marker for A after B's event: had B's reached A, it would have arrived first.
        const marker = await publish(server, a.id, type, { to: 'A', marker: true });
        await ofA.next('the marker', (m) => m.eventPublished.id === marker.event.id);
        expect(ofA.messages.map((m) => m.eventPublished.id)).toEqual([marker.event.id]);
        expect(ofA.messages.map((m) => m.eventPublished.id)).not.toContain(toB.event.id);
      } finally {
        await ofA.close();
      }
      await waitFor('the closed subscription to stop listening', () => server.app.deps.liveEvents.subscribers === 0);
    });
  });

  describe('portal sessions', () => {
    it("are the admin's only: an application key can neither create nor revoke one, for itself or another", async () => {
      const { createPortalSession } = await server.admin.run(CreatePortalSessionDocument, { input: { applicationId: b.id } });
      await a.client.fail(CreatePortalSessionDocument, { input: { applicationId: a.id } }, 'FORBIDDEN');
      await a.client.fail(CreatePortalSessionDocument, { input: { applicationId: b.id } }, 'FORBIDDEN');
      await a.client.fail(RevokePortalSessionDocument, { input: { id: createPortalSession.portalSession.id } }, 'FORBIDDEN');
      // B's portal token still works, and sees B only.
      const portal = server.client(createPortalSession.token);
      expect((await portal.run(DeliveryDocument, { id: b.deliveryId })).delivery?.id).toBe(b.deliveryId);
      expect((await portal.run(DeliveryDocument, { id: a.deliveryId })).delivery).toBeNull();
      await portal.fail(RevokePortalSessionDocument, { input: { id: createPortalSession.portalSession.id } }, 'FORBIDDEN');
    });
  });

  describe('mutations on another application’s IDs are NOT_FOUND and change nothing', () => {
    async function snapshotOfB() {
      const endpoint = (await server.admin.run(EndpointStateDocument, { id: b.endpointId })).endpoint;
      const delivery = (await server.admin.run(DeliveryDocument, { id: b.deliveryId })).delivery;
      const secrets = (await server.store.findEndpoint(ADMIN_SCOPE, b.endpointId, { includeDeleted: true }))?.secrets;
      return { endpoint, delivery, secrets };
    }

    it.each([
      ['updateEndpoint', () => a.client.fail(UpdateEndpointDocument, { input: { id: b.endpointId, url: 'https://attacker.example/hook', enabled: false } }, 'NOT_FOUND')],
      ['deleteEndpoint', () => a.client.fail(DeleteEndpointDocument, { input: { id: b.endpointId } }, 'NOT_FOUND')],
      ['rotateEndpointSecret', () => a.client.fail(RotateEndpointSecretDocument, { input: { id: b.endpointId } }, 'NOT_FOUND')],
      ['retryDelivery', () => a.client.fail(RetryDeliveryDocument, { input: { id: b.deliveryId } }, 'NOT_FOUND')],
    ] as const)('%s', async (_name, attack) => {
      const before = await snapshotOfB();
      expect(before.endpoint).toMatchObject({ id: b.endpointId, enabled: true, deleted: false, url: b.receiver.url });
      expect(before.delivery).toMatchObject({ id: b.deliveryId, status: 'SUCCEEDED', attemptCount: 1 });
      expect(before.secrets).toHaveLength(1);

      const error = await attack();
      expect(error.message).toMatch(/was not found/);
      expect(await snapshotOfB()).toEqual(before);
    });
  });

  describe('subscriptions carry only the caller’s deliveries', () => {
    const transports = {
      WebSocket: (token: string, variables?: LiveDeliveriesSubscriptionVariables) => subscribeWs(server.wsUrl, token, LiveDeliveriesDocument, variables) as Promise<LiveFeed>,
      SSE: (token: string, variables?: LiveDeliveriesSubscriptionVariables) => subscribeSse(server.graphqlUrl, token, LiveDeliveriesDocument, variables) as Promise<LiveFeed>,
    };

    it.each(Object.keys(transports) as (keyof typeof transports)[])('over %s', async (transport) => {
      const ofA = await transports[transport](a.apiKey);
      const ofAdmin = await transports[transport](TEST_ADMIN_TOKEN);
      try {
        await server.waitForSubscribers(2);
        const toB = (await publish(server, b.id, type, { to: 'B' })).deliveries[0]!.id;
        const toA = (await publish(server, a.id, type, { to: 'A' })).deliveries[0]!.id;

        // The admin sees both tenants' deliveries through to the end.
        await ofAdmin.next('B’s SUCCEEDED', (m) => m.deliveryUpdated.id === toB && m.deliveryUpdated.status === 'SUCCEEDED');
        await ofAdmin.next('A’s SUCCEEDED', (m) => m.deliveryUpdated.id === toA && m.deliveryUpdated.status === 'SUCCEEDED');
        expect(ofAdmin.messages.filter((m) => m.deliveryUpdated.id === toB).map((m) => m.deliveryUpdated.status)).toEqual(['PENDING', 'SUCCEEDED']);

        // A marker for A published after B's last message: one subscription's messages arrive in
        // order, so had any of B's been let through to A, it would be there before the marker.
        const marker = (await publish(server, a.id, type, { to: 'A', marker: true })).deliveries[0]!.id;
        await ofA.next('the marker’s SUCCEEDED', (m) => m.deliveryUpdated.id === marker && m.deliveryUpdated.status === 'SUCCEEDED');

        expect(ofA.errors).toEqual([]);
        expect(ofA.messages.map((m) => [m.deliveryUpdated.id, m.deliveryUpdated.status])).toEqual([
          [toA, 'PENDING'],
          [toA, 'SUCCEEDED'],
          [marker, 'PENDING'],
          [marker, 'SUCCEEDED'],
        ]);
        expect(ofA.messages.every((m) => m.deliveryUpdated.event.application?.id === a.id)).toBe(true);
      } finally {
        await ofA.close();
        await ofAdmin.close();
      }
      await waitFor('the closed subscriptions to stop listening', () => server.app.deps.live.subscribers === 0);
    });
  });
});

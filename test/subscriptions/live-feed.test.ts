import { print } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LiveDeliveriesDocument, LiveDeliveryIdsDocument, type LiveDeliveryIdsSubscription, type LiveDeliveriesSubscription, type LiveDeliveriesSubscriptionVariables } from '../generated/graphql.js';
import { createApplication, createEndpoint, createEventType, publish, setupEndpoint } from '../support/fixtures.js';
import { subscribeSse, subscribeWs, type Feed } from '../support/live.js';
import { receiversClosedAfterEach } from '../support/receiver.js';
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// The live delivery feed, end to end: a real server, real receivers, real graphql-ws and SSE clients.

type Message = LiveDeliveriesSubscription['deliveryUpdated'];
type LiveFeed = Feed<LiveDeliveriesSubscription>;

const transports = {
  WebSocket: (server: TestServer, token: string | undefined, variables?: LiveDeliveriesSubscriptionVariables) =>
    subscribeWs(server.wsUrl, token, LiveDeliveriesDocument, variables) as Promise<LiveFeed>,
  SSE: (server: TestServer, token: string | undefined, variables?: LiveDeliveriesSubscriptionVariables) =>
    subscribeSse(server.graphqlUrl, token, LiveDeliveriesDocument, variables) as Promise<LiveFeed>,
};

/** The messages a feed got about one delivery, in arrival order. */
const about = (feed: LiveFeed, deliveryId: string): Message[] =>
  feed.messages.map((m) => m.deliveryUpdated).filter((d) => d.id === deliveryId);

describe('live delivery feed', () => {
  let server: TestServer;
  let feeds: LiveFeed[];

  const receiver = receiversClosedAfterEach();
  const open = async (transport: keyof typeof transports, token: string | undefined, variables?: LiveDeliveriesSubscriptionVariables) => {
    const feed = await transports[transport](server, token, variables);
    feeds.push(feed);
    return feed;
  };

  beforeEach(async () => {
    server = await startTestServer();
    feeds = [];
  });
  afterEach(async () => {
    for (const feed of feeds) await feed.close();
    await server.stop();
  });

  /** Publishes one event with one delivery, waits for the feed's SUCCEEDED message about it, returns what the feed saw of it. */
  const publishAndFollow = async (feed: LiveFeed, applicationId: string, type: string, payload: unknown) => {
    const published = await publish(server, applicationId, type, payload);
    const deliveryId = published.deliveries[0]!.id;
    await feed.next('the SUCCEEDED message', (m) => m.deliveryUpdated.id === deliveryId && m.deliveryUpdated.status === 'SUCCEEDED');
    expect(feed.errors).toEqual([]);
    return { published, messages: about(feed, deliveryId) };
  };

  describe.each(Object.keys(transports) as (keyof typeof transports)[])('over %s', (transport) => {
    it('shows the PENDING message, then SUCCEEDED, for a delivery published after subscribing', async () => {
      const target = await receiver();
      const { app, type, endpoint } = await setupEndpoint(server, target.url);
      const feed = await open(transport, app.apiKey);
      await server.waitForSubscribers(1);

      const { published, messages } = await publishAndFollow(feed, app.id, type, { n: 1 });
      expect(messages.map((m) => [m.status, m.attemptCount])).toEqual([
        ['PENDING', 0],
        ['SUCCEEDED', 1],
      ]);
      for (const m of messages) {
        expect(m).toMatchObject({ eventType: type, event: { id: published.event.id, application: { id: app.id } }, endpoint: { id: endpoint.id } });
      }
      expect(messages[0]).toMatchObject({ lastAttemptAt: null });
      expect(messages[1]).toMatchObject({ nextAttemptAt: null, lastAttemptAt: expect.any(String) });
      expect(target.requests).toHaveLength(1);
    });

    it('shows PENDING, RETRYING with attemptCount 1, then SUCCEEDED with attemptCount 2 when the receiver fails once', async () => {
      const target = await receiver((_req, n) => (n === 1 ? { status: 500, body: 'try again' } : { status: 200, body: 'ok' }));
      const { app, type } = await setupEndpoint(server, target.url);
      const feed = await open(transport, TEST_ADMIN_TOKEN);
      await server.waitForSubscribers(1);

      const { messages } = await publishAndFollow(feed, app.id, type, { n: 2 });
      expect(messages.map((m) => [m.status, m.attemptCount])).toEqual([
        ['PENDING', 0],
        ['RETRYING', 1],
        ['SUCCEEDED', 2],
      ]);
      // RETRYING says when the next attempt is due; the final message has nothing left to schedule.
      expect(messages[1]!.nextAttemptAt).toEqual(expect.any(String));
      expect(messages[2]!.nextAttemptAt).toBeNull();
      expect(target.requests).toHaveLength(2);
    });

    it('lets through only the messages matching the DeliveryFilter (endpointId and status)', async () => {
      const [one, two] = [await receiver(), await receiver()];
      const app = await createApplication(server);
      const type = await createEventType(server);
      const first = await createEndpoint(server, app.id, one.url);
      const second = await createEndpoint(server, app.id, two.url);

      const filtered = await open(transport, app.apiKey, { filter: { endpointId: first.id, status: ['SUCCEEDED'] } });
      const everything = await open(transport, app.apiKey);
      await server.waitForSubscribers(2);

      const published = await publish(server, app.id, type, { n: 3 });
      const toFirst = published.deliveries.find((d) => d.endpoint.id === first.id)!.id;
      const toSecond = published.deliveries.find((d) => d.endpoint.id === second.id)!.id;
      // The unfiltered subscriber sees both deliveries through to the end...
      await everything.next('the second endpoint’s SUCCEEDED', (m) => m.deliveryUpdated.id === toSecond && m.deliveryUpdated.status === 'SUCCEEDED');
      await everything.next('the first endpoint’s SUCCEEDED', (m) => m.deliveryUpdated.id === toFirst && m.deliveryUpdated.status === 'SUCCEEDED');
      expect(about(everything, toFirst).map((m) => m.status)).toEqual(['PENDING', 'SUCCEEDED']);
      expect(about(everything, toSecond).map((m) => m.status)).toEqual(['PENDING', 'SUCCEEDED']);

      // ...then one more matching message (published after all of the above) marks the end: one
      // subscription's messages arrive in order, so anything let through wrongly came before it.
      const marker = await publish(server, app.id, type, { n: 4 });
      const markerId = marker.deliveries.find((d) => d.endpoint.id === first.id)!.id;
      await filtered.next('the marker’s SUCCEEDED', (m) => m.deliveryUpdated.id === markerId && m.deliveryUpdated.status === 'SUCCEEDED');

      expect(filtered.errors).toEqual([]);
      expect(filtered.messages.map((m) => [m.deliveryUpdated.id, m.deliveryUpdated.status])).toEqual([
        [toFirst, 'SUCCEEDED'],
        [markerId, 'SUCCEEDED'],
      ]);
      expect(filtered.messages.every((m) => m.deliveryUpdated.endpoint.id === first.id)).toBe(true);
    });
  });

  // One execution per event is shared by the subscribers with the same document, variables and
  // caller (src/schema/shared-subscription-execution.ts): anything that differs must still get
  // its own result.
  it('gives subscribers of one event their own selection, filter and tenant, over both transports', async () => {
    const target = await receiver();
    const { app, type, endpoint } = await setupEndpoint(server, target.url);
    const other = await createApplication(server);
    const full = [await open('WebSocket', TEST_ADMIN_TOKEN), await open('SSE', TEST_ADMIN_TOKEN), await open('WebSocket', app.apiKey)];
    const onlySucceeded = await open('SSE', TEST_ADMIN_TOKEN, { filter: { status: ['SUCCEEDED'] } });
    const otherTenant = await open('WebSocket', other.apiKey);
    const ids = await subscribeWs(server.wsUrl, TEST_ADMIN_TOKEN, LiveDeliveryIdsDocument);
    feeds.push(ids as never);
    await server.waitForSubscribers(6);

    const published = await publish(server, app.id, type, { n: 5 });
    const deliveryId = published.deliveries[0]!.id;
    const succeeded = (m: { deliveryUpdated: { id: string; status?: string } }) => m.deliveryUpdated.id === deliveryId && m.deliveryUpdated.status === 'SUCCEEDED';
    for (const feed of [...full, onlySucceeded]) await feed.next('the SUCCEEDED message', succeeded);
    await ids.next('both messages as IDs only', () => ids.messages.length === 2);

    for (const feed of full) {
      expect(feed.errors).toEqual([]);
      expect(about(feed, deliveryId).map((m) => [m.status, m.endpoint.id])).toEqual([['PENDING', endpoint.id], ['SUCCEEDED', endpoint.id]]);
    }
    expect(onlySucceeded.messages.map((m) => m.deliveryUpdated.status)).toEqual(['SUCCEEDED']);
    expect(ids.messages).toEqual([{ deliveryUpdated: { id: deliveryId } }, { deliveryUpdated: { id: deliveryId } }] satisfies LiveDeliveryIdsSubscription[]);
    expect(otherTenant.messages).toEqual([]);

    // Closing a subscription ends its listener at once, without waiting for another event.
    await ids.close();
    await waitFor('5 live subscriptions after one closed', () => server.app.deps.live.subscribers === 5);
  });

  it('sends every operation on one socket its own messages under its own id, operations of the same document and variables alike', async () => {
    const target = await receiver();
    const { app, type } = await setupEndpoint(server, target.url);
    const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
    const frames: { id?: string; type: string; payload?: { data?: { deliveryUpdated: { id: string; status?: string } } } }[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    try {
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${app.apiKey}` } }));
      await waitFor('connection_ack', () => frames.some((f) => f.type === 'connection_ack'));
      // Two operations share a document and variables (so one result per event); ids that need escaping too.
      const ids = { a: 'a', quoted: 'b "2" \\ \u2028', filtered: 'c' };
      socket.send(JSON.stringify({ id: ids.a, type: 'subscribe', payload: { query: print(LiveDeliveryIdsDocument) } }));
      socket.send(JSON.stringify({ id: ids.quoted, type: 'subscribe', payload: { query: print(LiveDeliveryIdsDocument) } }));
      socket.send(JSON.stringify({ id: ids.filtered, type: 'subscribe', payload: { query: print(LiveDeliveriesDocument), variables: { filter: { status: ['SUCCEEDED'] } } } }));
      await server.waitForSubscribers(3);

      const published = await publish(server, app.id, type, { n: 1 });
      const deliveryId = published.deliveries[0]!.id;
      const of = (id: string) => frames.filter((f) => f.type === 'next' && f.id === id).map((f) => f.payload!.data!.deliveryUpdated);
      await waitFor('every operation to get its messages', () => of(ids.a).length === 2 && of(ids.quoted).length === 2 && of(ids.filtered).length === 1);
      expect(of(ids.a)).toEqual([{ id: deliveryId }, { id: deliveryId }]);
      expect(of(ids.quoted)).toEqual([{ id: deliveryId }, { id: deliveryId }]);
      expect(of(ids.filtered).map((d) => [d.id, d.status])).toEqual([[deliveryId, 'SUCCEEDED']]);
      expect(frames.filter((f) => f.type === 'next' && !Object.values(ids).includes(f.id!))).toEqual([]);

      // Completing one operation ends it alone: the other of the same document still gets messages.
      socket.send(JSON.stringify({ id: ids.a, type: 'complete' }));
      await waitFor('2 live subscriptions after one completed', () => server.app.deps.live.subscribers === 2);
      const second = (await publish(server, app.id, type, { n: 2 })).deliveries[0]!.id;
      await waitFor('the second delivery on the remaining operations', () => of(ids.quoted).length === 4 && of(ids.filtered).length === 2);
      expect(of(ids.a)).toHaveLength(2);
      expect(of(ids.quoted).slice(2)).toEqual([{ id: second }, { id: second }]);
    } finally {
      socket.close();
    }
  });

  describe('authentication', () => {
    const refusal = async (token: string | undefined) => {
      const error = await open('WebSocket', token).then(
        () => undefined,
        (err: { event?: { code?: number; reason?: string } }) => err,
      );
      expect(error, 'the connection must be refused').toBeDefined();
      return error!.event!;
    };

    it('refuses a graphql-ws connection without a token at connection_init (4401/4403)', async () => {
      const event = await refusal(undefined);
      expect([4401, 4403]).toContain(event.code);
      expect(server.app.deps.live.subscribers).toBe(0);
    });

    it('refuses a graphql-ws connection with a wrong token at connection_init (4401/4403)', async () => {
      const event = await refusal('tdk_app_not-a-real-key-0123456789');
      expect([4401, 4403]).toContain(event.code);
      const malformed = await refusal('not a bearer token at all');
      expect([4401, 4403]).toContain(malformed.code);
      expect(server.app.deps.live.subscribers).toBe(0);
    });

    it('accepts the same graphql-ws connection with a valid token (the refusals above are about the token)', async () => {
      const feed = await open('WebSocket', TEST_ADMIN_TOKEN);
      await server.waitForSubscribers(1);
      expect(feed.errors).toEqual([]);
    });

    it('answers an SSE subscription without a token with UNAUTHENTICATED', async () => {
      const feed = await open('SSE', undefined);
      await waitFor('an error on the SSE stream', () => feed.errors.length > 0);
      expect(feed.errors).toMatchObject([{ extensions: { code: 'UNAUTHENTICATED' } }]);
      expect(feed.messages).toEqual([]);
      expect(server.app.deps.live.subscribers).toBe(0);
    });

    it('answers an SSE subscription with a wrong token with UNAUTHENTICATED', async () => {
      const feed = await open('SSE', 'tdk_app_not-a-real-key-0123456789');
      await waitFor('an error on the SSE stream', () => feed.errors.length > 0);
      expect(feed.errors).toMatchObject([{ extensions: { code: 'UNAUTHENTICATED' } }]);
      expect(feed.messages).toEqual([]);
      expect(server.app.deps.live.subscribers).toBe(0);
    });
  });
});

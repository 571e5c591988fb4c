import { describe, expect, it } from 'vitest';
import { EventPublishedDocument, type EventPublishedSubscription } from '../generated/graphql.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import { subscribeSse, subscribeWs, type Feed } from '../support/live.js';
import { useTestServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// eventPublished carries every newly published event with its payload (what `tidings listen`
// forwards), only to callers that may see it, filtered by application and event type patterns.

describe('eventPublished', () => {
  let server: TestServer;
  useTestServer((s) => (server = s));
  const feeds: Feed<EventPublishedSubscription>[] = [];
  const listening = () => waitFor('subscribers', () => server.app.deps.liveEvents.subscribers >= feeds.length);

  it("carries an application's events with their payloads to its key and to the admin, never to another application", async () => {
    const a = await createApplication(server);
    const b = await createApplication(server);
    const type = await createEventType(server);
    await createEndpoint(server, a.id, 'http://127.0.0.1:9/a');
    const ofA = await subscribeWs(server.wsUrl, a.apiKey, EventPublishedDocument, {});
    const ofB = await subscribeSse(server.graphqlUrl, b.apiKey, EventPublishedDocument, {});
    const ofAdmin = await subscribeWs(server.wsUrl, server.admin.token, EventPublishedDocument, { filter: { applicationId: a.id } });
    feeds.push(ofA, ofB, ofAdmin);
    try {
      await listening();
      const published = await publish(server, a.id, type, { orderId: 'o_1', total: 9.5 });
      const seen = await ofA.next('the event of A', (m) => m.eventPublished.id === published.event.id);
      expect(seen.eventPublished).toEqual({ id: published.event.id, type, payload: { orderId: 'o_1', total: 9.5 }, createdAt: expect.any(String), application: { id: a.id } });
      await ofAdmin.next('the event of A for the admin', (m) => m.eventPublished.id === published.event.id);
      // B's own event arrives after A's: had A's reached B, it would have arrived first.
      const ofBEvent = await publish(server, b.id, type, { n: 2 });
      await ofB.next("B's own event", (m) => m.eventPublished.id === ofBEvent.event.id);
      expect(ofB.messages.map((m) => m.eventPublished.application?.id)).toEqual([b.id]);
      expect(ofAdmin.messages.map((m) => m.eventPublished.application?.id)).toEqual([a.id]);
    } finally {
      for (const feed of feeds.splice(0)) await feed.close();
    }
  });

  it('filters by event type patterns and refuses another tenant as applicationId', async () => {
    const a = await createApplication(server);
    const b = await createApplication(server);
    const orders = await createEventType(server, `order${Date.now()}.created`);
    const other = await createEventType(server);
    const prefix = `${orders.split('.')[0]}.*`;
    const feed = await subscribeWs(server.wsUrl, a.apiKey, EventPublishedDocument, { filter: { eventTypes: [prefix] } });
    feeds.push(feed);
    try {
      await listening();
      await publish(server, a.id, other, { n: 1 });
      const wanted = await publish(server, a.id, orders, { n: 2 });
      await feed.next('the matching event', (m) => m.eventPublished.id === wanted.event.id);
      expect(feed.messages.map((m) => m.eventPublished.type)).toEqual([orders]);
    } finally {
      for (const f of feeds.splice(0)) await f.close();
    }
    const foreign = await subscribeWs(server.wsUrl, a.apiKey, EventPublishedDocument, { filter: { applicationId: b.id } });
    try {
      await waitFor('an error on the subscription', () => foreign.errors.length > 0);
      expect(foreign.errors).toMatchObject([{ extensions: { code: 'NOT_FOUND' } }]);
    } finally {
      await foreign.close();
    }
    const bad = await subscribeWs(server.wsUrl, a.apiKey, EventPublishedDocument, { filter: { eventTypes: ['not a type'] } });
    try {
      await waitFor('an error on the subscription', () => bad.errors.length > 0);
      expect(bad.errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT' } }]);
    } finally {
      await bad.close();
    }
  });
});

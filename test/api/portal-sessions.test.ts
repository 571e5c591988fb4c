import { describe, expect, it } from 'vitest';
import {
  ApplicationDocument, CreatePortalSessionDocument, LiveDeliveriesDocument, DeliveriesDocument, EndpointsDocument, PublishEventDocument, RevokePortalSessionDocument,
} from '../generated/graphql.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import { subscribeWs } from '../support/live.js';
import { startTestServer, useTestServer, type TestServer } from '../support/server.js';

// createPortalSession hands out a short-lived token that acts exactly as one application's key:
// no more (no admin fields, no other application), and not after it expired or was revoked.

describe('portal sessions', () => {
  let server: TestServer;
  useTestServer((s) => (server = s));

  async function twoApps() {
    const a = await createApplication(server);
    const b = await createApplication(server);
    const type = await createEventType(server);
    await createEndpoint(server, a.id, 'http://127.0.0.1:9/a');
    await createEndpoint(server, b.id, 'http://127.0.0.1:9/b');
    await publish(server, a.id, type, { n: 1 });
    await publish(server, b.id, type, { n: 2 });
    return { a, b, type };
  }

  it('gives a token that sees exactly what the application key sees, and a portal URL carrying it in the fragment', async () => {
    const { a, b } = await twoApps();
    const { createPortalSession } = await server.admin.run(CreatePortalSessionDocument, { input: { applicationId: a.id, expiresIn: 600 } });
    expect(createPortalSession.token).toMatch(/^tdk_prt_ps_/);
    expect(createPortalSession.url).toBe(`${server.url}/portal#token=${encodeURIComponent(createPortalSession.token)}`);
    expect(createPortalSession.portalSession.application?.id).toBe(a.id);
    expect(Date.parse(createPortalSession.expiresAt) - Date.now()).toBeGreaterThan(590_000);

    const portal = server.client(createPortalSession.token);
    const viaPortal = await portal.run(DeliveriesDocument, {});
    const viaKey = await a.client.run(DeliveriesDocument, {});
    expect(viaPortal).toEqual(viaKey);
    expect(viaPortal.deliveries.edges).toHaveLength(1);
    expect((await portal.run(EndpointsDocument, {})).endpoints.edges.map((e) => e.node.url)).toEqual(['http://127.0.0.1:9/a']);
    expect((await portal.run(ApplicationDocument, { id: b.id })).application).toBeNull();
    await portal.fail(DeliveriesDocument, { filter: { applicationId: b.id } }, 'NOT_FOUND');
    await portal.fail(PublishEventDocument, { input: { applicationId: a.id, type: 'x', payload: {} } }, 'FORBIDDEN');
    await portal.fail(CreatePortalSessionDocument, { input: { applicationId: a.id } }, 'FORBIDDEN');
  });

  it('refuses a revoked token at once, over HTTP and when a WebSocket connects', async () => {
    const { a } = await twoApps();
    const { createPortalSession } = await server.admin.run(CreatePortalSessionDocument, { input: { applicationId: a.id } });
    const portal = server.client(createPortalSession.token);
    await portal.run(DeliveriesDocument, {});
    const { revokePortalSession } = await server.admin.run(RevokePortalSessionDocument, { input: { id: createPortalSession.portalSession.id } });
    expect(revokePortalSession.portalSession.revokedAt).not.toBeNull();
    const error = await portal.fail(DeliveriesDocument, {}, 'UNAUTHENTICATED');
    expect(error.message).toMatch(/revoked/);
    await expect(subscribeWs(server.wsUrl, createPortalSession.token, DeliveriesDocument as never)).rejects.toThrow(/closed 4403/);
    await server.admin.fail(RevokePortalSessionDocument, { input: { id: 'ps_01ZZZZZZZZZZZZZZZZZZZZZZZZ' } }, 'NOT_FOUND');
  });

  it('refuses a tampered token and a token naming another session', async () => {
    const { a, b } = await twoApps();
    const first = (await server.admin.run(CreatePortalSessionDocument, { input: { applicationId: a.id } })).createPortalSession;
    const second = (await server.admin.run(CreatePortalSessionDocument, { input: { applicationId: b.id } })).createPortalSession;
    const secretOfSecond = second.token.slice(second.token.indexOf('.'));
    const forged = `tdk_prt_${first.portalSession.id}${secretOfSecond}`;
    await server.client(forged).fail(DeliveriesDocument, {}, 'UNAUTHENTICATED');
    await server.client(`${first.token}x`).fail(DeliveriesDocument, {}, 'UNAUTHENTICATED');
  });

  it('refuses a lifetime outside 60 seconds to 7 days, and an unknown application', async () => {
    const { a } = await twoApps();
    for (const expiresIn of [59, 7 * 24 * 3600 + 1]) {
      const error = await server.admin.fail(CreatePortalSessionDocument, { input: { applicationId: a.id, expiresIn } }, 'BAD_USER_INPUT');
      expect(error.message).toMatch(/expiresIn/);
    }
    await server.admin.fail(CreatePortalSessionDocument, { input: { applicationId: 'app_01ZZZZZZZZZZZZZZZZZZZZZZZZ' } }, 'NOT_FOUND');
    await a.client.fail(CreatePortalSessionDocument, { input: { applicationId: a.id } }, 'FORBIDDEN');
  });
});

describe('a live connection with a portal session token', () => {
  let server: TestServer;
  useTestServer((s) => (server = s));

  async function liveFeed(expiresIn = 600) {
    const app = await createApplication(server);
    const type = await createEventType(server);
    await createEndpoint(server, app.id, 'http://127.0.0.1:9/live');
    const { createPortalSession } = await server.admin.run(CreatePortalSessionDocument, { input: { applicationId: app.id, expiresIn } });
    const feed = await subscribeWs(server.wsUrl, createPortalSession.token, LiveDeliveriesDocument, {});
    const closed = new Promise<number | undefined>((resolve) => feed.client.on('closed', (event) => resolve((event as { code?: number }).code)));
    return { app, type, session: createPortalSession.portalSession, feed, closed };
  }

  it('is closed (4403) when the session is revoked', async () => {
    const { session, feed, closed } = await liveFeed();
    try {
      await server.admin.run(RevokePortalSessionDocument, { input: { id: session.id } });
      expect(await closed).toBe(4403);
    } finally {
      await feed.close();
    }
  });

  it('is closed (4403) when the session expires', async () => {
    const real = server.app.deps.now;
    try {
      const app = await createApplication(server);
      const { createPortalSession } = await server.admin.run(CreatePortalSessionDocument, { input: { applicationId: app.id, expiresIn: 60 } });
      // 200 ms before its expiry by the server's clock, so the test waits 200 ms, not a minute.
      server.app.deps.now = () => Date.now() + 59_800;
      const feed = await subscribeWs(server.wsUrl, createPortalSession.token, LiveDeliveriesDocument, {});
      const closed = new Promise<number | undefined>((resolve) => feed.client.on('closed', (event) => resolve((event as { code?: number }).code)));
      try {
        expect(await closed).toBe(4403);
      } finally {
        await feed.close();
      }
    } finally {
      server.app.deps.now = real;
    }
  });

  it('of another session stays open when one is revoked', async () => {
    const kept = await liveFeed();
    const revoked = await liveFeed();
    try {
      await server.admin.run(RevokePortalSessionDocument, { input: { id: revoked.session.id } });
      expect(await revoked.closed).toBe(4403);
      const published = await publish(server, kept.app.id, kept.type, { n: 1 });
      await kept.feed.next('a delivery on the session that was not revoked', (m) => m.deliveryUpdated.id === published.deliveries[0]!.id);
    } finally {
      await kept.feed.close();
      await revoked.feed.close();
    }
  });
});

describe('an expired portal session', () => {
  it('is refused once its time has passed, with a message that says so', async () => {
    let now = Date.now();
    const server = await startTestServer();
    // The clock the authenticator and the use-cases read, moved forward by the test.
    server.app.deps.now = () => now;
    try {
      const a = await createApplication(server);
      const { createPortalSession } = await server.admin.run(CreatePortalSessionDocument, { input: { applicationId: a.id, expiresIn: 60 } });
      const portal = server.client(createPortalSession.token);
      await portal.run(DeliveriesDocument, {});
      now += 60_000;
      const error = await portal.fail(DeliveriesDocument, {}, 'UNAUTHENTICATED');
      expect(error.message).toMatch(/expired/);
    } finally {
      await server.stop();
    }
  });
});

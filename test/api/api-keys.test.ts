import { describe, expect, it } from 'vitest';
import {
  AdminTokensDocument, ApplicationApiKeysDocument, CreateAdminTokenDocument, CreateApiKeyDocument, CreateApplicationDocument, CreateEndpointDocument,
  EndpointCountDocument, LiveDeliveriesDocument, RevokeAdminTokenDocument, RevokeApiKeyDocument, RotateApiKeyDocument, type ApiKeyScope,
} from '../generated/graphql.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import { subscribeSse, subscribeWs } from '../support/live.js';
import { useTestServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// Named API keys: created, scoped (READ / WRITE), revoked, rotated with a grace, expiring; their
// live connections end with them. Named admin tokens. Keys of one application are invisible to another.

let server: TestServer;
useTestServer((s) => (server = s));

async function newKey(applicationId: string, scopes: ApiKeyScope[] = ['READ', 'WRITE'], extra: { expiresAt?: string; rateLimit?: number } = {}, by = server.admin) {
  const { createApiKey } = await by.run(CreateApiKeyDocument, { input: { applicationId, name: 'ci', scopes, ...extra } });
  return { ...createApiKey.apiKey, key: createApiKey.key, client: server.client(createApiKey.key) };
}

/** Whether a token is accepted for a query (false when refused as UNAUTHENTICATED). */
async function accepted(token: string): Promise<boolean> {
  const result = await server.client(token).execute(EndpointCountDocument, {});
  if (result.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') return false;
  if (result.errors?.length) throw new Error(`unexpected errors ${JSON.stringify(result.errors)}`);
  return true;
}

describe('an API key', () => {
  it('is created with a name and scopes, its token shown once, and it acts as its application', async () => {
    const app = await createApplication(server);
    const key = await newKey(app.id, ['READ', 'WRITE'], { rateLimit: 20 });
    expect(key).toMatchObject({ name: 'ci', scopes: ['READ', 'WRITE'], rateLimit: 20, expiresAt: null, lastUsedAt: null, revokedAt: null });
    expect(key.id).toMatch(/^key_/);
    expect(key.key).toMatch(new RegExp(`^tdk_app_${key.id}\\.`));
    const { createEndpoint } = await key.client.run(CreateEndpointDocument, { input: { url: 'http://127.0.0.1:9/k' } });
    expect(createEndpoint.endpoint.id).toMatch(/^ep_/);
    expect((await key.client.run(EndpointCountDocument, {})).endpoints.edges.map((e) => e.node.id)).toEqual([createEndpoint.endpoint.id]);
  });

  it('of createApplication is the key "default" with both scopes', async () => {
    const app = await createApplication(server);
    const { application } = await server.admin.run(ApplicationApiKeysDocument, { id: app.id });
    expect(application!.apiKeys.edges.map((e) => e.node)).toMatchObject([{ name: 'default', scopes: ['READ', 'WRITE'], revokedAt: null }]);
  });

  it('with READ only may query but a mutation is FORBIDDEN, naming the WRITE scope it lacks, and changes nothing', async () => {
    const app = await createApplication(server);
    const key = await newKey(app.id, ['READ']);
    expect((await key.client.run(EndpointCountDocument, {})).endpoints.edges).toEqual([]);
    const error = await key.client.fail(CreateEndpointDocument, { input: { url: 'http://127.0.0.1:9/r' } }, 'FORBIDDEN');
    expect(error.message).toMatch(/this API key lacks the WRITE scope/);
    await key.client.fail(CreateApiKeyDocument, { input: { name: 'more', scopes: ['WRITE'] } }, 'FORBIDDEN');
    expect((await app.client.run(EndpointCountDocument, {})).endpoints.edges).toEqual([]);
  });

  it('is refused with a clear error for bad input, and nothing is created', async () => {
    const app = await createApplication(server);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ applicationId: 'app_01JD0000000000000000000000', name: 'x', scopes: ['READ'] }, 'NOT_FOUND', /application/],
      [{ applicationId: app.id, name: '  ', scopes: ['READ'] }, 'BAD_USER_INPUT', /name/],
      [{ applicationId: app.id, name: 'x', scopes: [] }, 'BAD_USER_INPUT', /scopes/],
      [{ applicationId: app.id, name: 'x', scopes: ['READ'], expiresAt: '2020-01-01T00:00:00Z' }, 'BAD_USER_INPUT', /expiresAt.*future/],
      [{ applicationId: app.id, name: 'x', scopes: ['READ'], rateLimit: 0 }, 'BAD_USER_INPUT', /rateLimit/],
    ];
    for (const [input, code, message] of cases) {
      const error = await server.admin.fail(CreateApiKeyDocument, { input: input as never }, code);
      expect(error.message).toMatch(message);
    }
    await server.admin.fail(CreateApiKeyDocument, { input: { name: 'x', scopes: ['READ'] } }, 'BAD_USER_INPUT');
    const { application } = await server.admin.run(ApplicationApiKeysDocument, { id: app.id });
    expect(application!.apiKeys.edges.map((e) => e.node.name)).toEqual(['default']);
  });

  it('is refused (UNAUTHENTICATED) from the request after its revocation; revoking it again is a CONFLICT', async () => {
    const app = await createApplication(server);
    const key = await newKey(app.id);
    expect(await accepted(key.key)).toBe(true);
    const { revokeApiKey } = await server.admin.run(RevokeApiKeyDocument, { input: { id: key.id } });
    expect(revokeApiKey.apiKey.revokedAt).not.toBeNull();
    const error = await key.client.fail(EndpointCountDocument, {}, 'UNAUTHENTICATED');
    expect(error.message).toMatch(/revoked/);
    await server.admin.fail(RevokeApiKeyDocument, { input: { id: key.id } }, 'CONFLICT');
    await server.admin.fail(RevokeApiKeyDocument, { input: { id: 'key_01JD0000000000000000000000' } }, 'NOT_FOUND');
    // The application's other keys keep working.
    expect(await accepted(app.apiKey)).toBe(true);
  });

  it('ends its open graphql-ws subscription (4403) and its SSE subscription when revoked, and not those of other keys', async () => {
    const app = await createApplication(server);
    const key = await newKey(app.id, ['READ']);
    const before = server.app.deps.live.subscribers;
    const ws = await subscribeWs(server.wsUrl, key.key, LiveDeliveriesDocument, {});
    const closed = new Promise<number | undefined>((resolve) => ws.client.on('closed', (event) => resolve((event as { code?: number }).code)));
    const sse = await subscribeSse(server.graphqlUrl, key.key, LiveDeliveriesDocument, {});
    expect(sse.status).toBe(200);
    const kept = await subscribeSse(server.graphqlUrl, app.apiKey, LiveDeliveriesDocument, {});
    let keptEnded = false;
    void kept.ended.then(() => (keptEnded = true));
    let sseEnded = false;
    void sse.ended.then(() => (sseEnded = true));
    try {
      await server.waitForSubscribers(before + 3);
      await server.admin.run(RevokeApiKeyDocument, { input: { id: key.id } });
      expect(await closed).toBe(4403);
      await waitFor('the SSE stream of the revoked key to end', () => sseEnded, 5_000);
      expect(JSON.stringify(sse.errors)).toMatch(/revoked/);
      await waitFor('the revoked key\'s subscriptions to stop listening', () => server.app.deps.live.subscribers === before + 1);
      expect(keptEnded).toBe(false);
    } finally {
      await ws.close();
      await sse.close();
      await kept.close();
    }
  });

  it('rotated: old and new tokens both work during the grace, then the old one is refused and its socket closed', async () => {
    const app = await createApplication(server);
    const old = await newKey(app.id, ['READ'], { rateLimit: 7 });
    const { rotateApiKey } = await server.admin.run(RotateApiKeyDocument, { input: { id: old.id, grace: 1 } });
    expect(rotateApiKey.apiKey).toMatchObject({ name: 'ci', scopes: ['READ'], rateLimit: 7, revokedAt: null });
    expect(rotateApiKey.apiKey.id).not.toBe(old.id);
    expect(rotateApiKey.previousApiKey.id).toBe(old.id);
    const ws = await subscribeWs(server.wsUrl, old.key, LiveDeliveriesDocument, {});
    const closed = new Promise<number | undefined>((resolve) => ws.client.on('closed', (event) => resolve((event as { code?: number }).code)));
    try {
      expect(await accepted(old.key)).toBe(true);
      expect(await accepted(rotateApiKey.key)).toBe(true);
      await waitFor('the old token to be refused after the grace', async () => !(await accepted(old.key)), 5_000);
      expect(await closed).toBe(4403);
      expect(await accepted(rotateApiKey.key)).toBe(true);
    } finally {
      await ws.close();
    }
    await server.admin.fail(RotateApiKeyDocument, { input: { id: old.id } }, 'CONFLICT');
    await server.admin.fail(RotateApiKeyDocument, { input: { id: rotateApiKey.apiKey.id, grace: 8 * 24 * 3600 } }, 'BAD_USER_INPUT');
  });

  it('is refused once it has expired, and its socket is closed at expiry', async () => {
    const real = server.app.deps.now;
    try {
      const app = await createApplication(server);
      const key = await newKey(app.id, ['READ'], { expiresAt: new Date(Date.now() + 60_000).toISOString() });
      expect(key.expiresAt).not.toBeNull();
      // 2 s before its expiry by the server's clock (room for a loaded machine to connect), so the test waits 2 s, not a minute.
      server.app.deps.now = () => Date.now() + 58_000;
      const ws = await subscribeWs(server.wsUrl, key.key, LiveDeliveriesDocument, {});
      const closed = new Promise<number | undefined>((resolve) => ws.client.on('closed', (event) => resolve((event as { code?: number }).code)));
      try {
        expect(await closed).toBe(4403);
      } finally {
        await ws.close();
      }
      const error = await key.client.fail(EndpointCountDocument, {}, 'UNAUTHENTICATED');
      expect(error.message).toMatch(/expired/);
      await server.admin.fail(RotateApiKeyDocument, { input: { id: key.id } }, 'CONFLICT');
    } finally {
      server.app.deps.now = real;
    }
  });

  it('with an expiry months away keeps its socket open (a far expiry does not fire at once)', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    await createEndpoint(server, app.id, 'http://127.0.0.1:9/far');
    const key = await newKey(app.id, ['READ'], { expiresAt: new Date(Date.now() + 90 * 24 * 3600_000).toISOString() });
    const ws = await subscribeWs(server.wsUrl, key.key, LiveDeliveriesDocument, {});
    try {
      const published = await publish(server, app.id, type, { n: 1 });
      await ws.next('a delivery on the key expiring in 90 days', (m) => m.deliveryUpdated.id === published.deliveries[0]!.id);
      expect(ws.errors).toEqual([]);
    } finally {
      await ws.close();
    }
  });

  it('records lastUsedAt when it authenticates, written at most once a minute', async () => {
    const real = server.app.deps.now;
    try {
      const app = await createApplication(server);
      const key = await newKey(app.id, ['READ']);
      const lastUsed = async () => (await server.admin.run(ApplicationApiKeysDocument, { id: app.id })).application!.apiKeys.edges.find((e) => e.node.id === key.id)!.node.lastUsedAt;
      expect(await lastUsed()).toBeNull();
      await accepted(key.key);
      const first = await waitFor('lastUsedAt to be written', async () => (await lastUsed()) ?? undefined);
      // Half a minute later by the server's clock: not written again. (A later write through the
      // same store queues behind any lastUsedAt write those requests made.)
      server.app.deps.now = () => Date.now() + 30_000;
      await accepted(key.key);
      await accepted(key.key);
      await newKey(app.id, ['READ']);
      expect(await lastUsed()).toBe(first);
      server.app.deps.now = () => Date.now() + 61_000;
      await accepted(key.key);
      const second = await waitFor('lastUsedAt to move on after a minute', async () => { const at = await lastUsed(); return at !== first && (at ?? undefined); });
      expect(Date.parse(second) - Date.parse(first)).toBeGreaterThanOrEqual(60_000);
    } finally {
      server.app.deps.now = real;
    }
  });

  it('is listed in Application.apiKeys with its fields, never its token or hash', async () => {
    const app = await createApplication(server);
    const key = await newKey(app.id, ['READ']);
    const result = await server.admin.execute(`query { application(id: "${app.id}") { apiKeys { edges { node { id tokenHash } } } } }`);
    expect(result.errors?.[0]?.message).toMatch(/Cannot query field "tokenHash"/);
    const raw = JSON.stringify(await server.admin.run(ApplicationApiKeysDocument, { id: app.id }));
    expect(raw).toContain(key.id);
    expect(raw).not.toContain(key.key.slice(key.key.indexOf('.') + 1));
    expect(raw).not.toContain(app.apiKey.slice(app.apiKey.indexOf('.') + 1));
  });
});

describe('keys of an application', () => {
  it("are managed by that application's own WRITE key, and another application's are NOT_FOUND to it", async () => {
    const a = await createApplication(server);
    const b = await createApplication(server);
    const ownKey = await newKey(a.id, ['READ'], {}, a.client);
    const bKey = await newKey(b.id);
    // Listing: a sees its own; b's keys through a's key are not there.
    const { application } = await a.client.run(ApplicationApiKeysDocument, { id: a.id });
    expect(application!.apiKeys.edges.map((e) => e.node.id)).toContain(ownKey.id);
    expect((await a.client.run(ApplicationApiKeysDocument, { id: b.id })).application).toBeNull();
    await a.client.fail(CreateApiKeyDocument, { input: { applicationId: b.id, name: 'x', scopes: ['READ'] } }, 'NOT_FOUND');
    await a.client.fail(RevokeApiKeyDocument, { input: { id: bKey.id } }, 'NOT_FOUND');
    await a.client.fail(RotateApiKeyDocument, { input: { id: bKey.id } }, 'NOT_FOUND');
    expect(await accepted(bKey.key)).toBe(true);
    await a.client.run(RevokeApiKeyDocument, { input: { id: ownKey.id } });
    expect(await accepted(ownKey.key)).toBe(false);
  });
});

describe('named admin tokens', () => {
  it('act as the admin, are listed without their token, and are refused from the request after their revocation', async () => {
    const { createAdminToken } = await server.admin.run(CreateAdminTokenDocument, { input: { name: 'ops robot', rateLimit: 50 } });
    expect(createAdminToken.adminToken).toMatchObject({ name: 'ops robot', rateLimit: 50, revokedAt: null });
    expect(createAdminToken.token).toMatch(new RegExp(`^tdk_adm_${createAdminToken.adminToken.id}\\.`));
    const ops = server.client(createAdminToken.token);
    const { createApplication: created } = await ops.run(CreateApplicationDocument, { name: 'by ops robot' });
    expect(created.application.id).toMatch(/^app_/);
    const { adminTokens } = await ops.run(AdminTokensDocument, {});
    expect(adminTokens.edges.map((e) => e.node.id)).toContain(createAdminToken.adminToken.id);
    expect(JSON.stringify(adminTokens)).not.toContain(createAdminToken.token.slice(createAdminToken.token.indexOf('.') + 1));
    const ws = await subscribeWs(server.wsUrl, createAdminToken.token, LiveDeliveriesDocument, {});
    const closed = new Promise<number | undefined>((resolve) => ws.client.on('closed', (event) => resolve((event as { code?: number }).code)));
    try {
      await server.admin.run(RevokeAdminTokenDocument, { input: { id: createAdminToken.adminToken.id } });
      expect(await closed).toBe(4403);
    } finally {
      await ws.close();
    }
    const error = await ops.fail(AdminTokensDocument, {}, 'UNAUTHENTICATED');
    expect(error.message).toMatch(/revoked/);
    await server.admin.fail(RevokeAdminTokenDocument, { input: { id: createAdminToken.adminToken.id } }, 'CONFLICT');
    // The bootstrap token is unaffected.
    expect((await server.admin.run(AdminTokensDocument, {})).adminTokens.edges.length).toBeGreaterThan(0);
  });

  it('are for the admin only: an application key is FORBIDDEN', async () => {
    const app = await createApplication(server);
    await app.client.fail(CreateAdminTokenDocument, { input: { name: 'sneaky' } }, 'FORBIDDEN');
    await app.client.fail(AdminTokensDocument, {}, 'FORBIDDEN');
    await server.admin.fail(CreateAdminTokenDocument, { input: { name: '' } }, 'BAD_USER_INPUT');
  });
});

import { describe, expect, it } from 'vitest';
import { CreateEndpointWithOptionsDocument, EndpointAuthKindDocument, EndpointOptionsDocument, PreviewDeliveryDocument, UpdateEndpointOptionsDocument } from '../generated/graphql.js';
import { startReceiver } from '../support/receiver.js';
import { createApplication } from '../support/fixtures.js';
import { type TestServer, useTestServer } from '../support/server.js';
import { STORES, useServerOn, type StoreServer } from './on-each-store.js';
import { application, endpoint, eventType, publish, requestsOf, waitForDeliveryStatus, waitForRequestOf } from './options-helpers.js';
import { waitFor } from '../support/wait.js';

// Receiver credentials: sent as the Authorization header, write-only in the API.

describe.each(STORES)('receiver credentials on %s', (store) => {
  let s: StoreServer;
  useServerOn(store, (started) => (s = started));

  it('sends basic and bearer credentials, shows only their kind, and keeps them out of every answer', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const basic = await endpoint(s.admin, app, s.receiver.url, { auth: { basic: { username: 'hook-user', password: 'pa55-w0rd-secret' } } });
    const bearer = await endpoint(s.admin, app, s.receiver.url, { auth: { bearer: { token: 'static-bearer-secret' } } });
    await publish(s.admin, { applicationId: app, type, payload: { n: 1 } });
    expect((await waitForRequestOf(s.receiver.requests, basic.tag)).headers.authorization).toBe(`Basic ${Buffer.from('hook-user:pa55-w0rd-secret').toString('base64')}`);
    expect((await waitForRequestOf(s.receiver.requests, bearer.tag)).headers.authorization).toBe('Bearer static-bearer-secret');
    expect((await s.admin.run(EndpointAuthKindDocument, { id: basic.id })).endpoint?.authKind).toBe('BASIC');
    expect((await s.admin.run(EndpointAuthKindDocument, { id: bearer.id })).endpoint?.authKind).toBe('BEARER');
    const answers = JSON.stringify([
      await s.admin.run(EndpointOptionsDocument, { id: basic.id }),
      await s.admin.run(EndpointOptionsDocument, { id: bearer.id }),
      await s.admin.run(PreviewDeliveryDocument, { input: { endpointId: basic.id, eventType: type, payload: {} } }),
      await s.admin.run(PreviewDeliveryDocument, { input: { endpointId: bearer.id, eventType: type, payload: {} } }),
    ]);
    for (const secret of ['pa55-w0rd-secret', 'static-bearer-secret', Buffer.from('hook-user:pa55-w0rd-secret').toString('base64')]) expect(answers).not.toContain(secret);
    expect(answers).toContain('Basic <credentials not shown>');
    const { updateEndpoint } = await s.admin.run(UpdateEndpointOptionsDocument, { input: { id: bearer.id, auth: null } });
    expect(updateEndpoint.endpoint.id).toBe(bearer.id);
    expect((await s.admin.run(EndpointAuthKindDocument, { id: bearer.id })).endpoint?.authKind).toBeNull();
  });

  it('fetches an OAuth2 client-credentials token once, reuses it, and fetches a new one after the receiver refuses it with 401', async () => {
    let issued = 0;
    const tokens = await startReceiver(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ access_token: `tok-${++issued}`, token_type: 'Bearer', expires_in: 3600 }) }));
    try {
      const app = await application(s.admin);
      const type = await eventType(s.admin);
      const e = await endpoint(s.admin, app, s.receiver.url, {
        auth: { oauth2ClientCredentials: { tokenUrl: `${tokens.url}/oauth/token`, clientId: 'tidings-client', clientSecret: 'client-secret-value', scope: 'webhooks:write' } },
      });
      expect((await s.admin.run(EndpointAuthKindDocument, { id: e.id })).endpoint?.authKind).toBe('OAUTH2_CLIENT_CREDENTIALS');
      const first = await publish(s.admin, { applicationId: app, type, payload: { n: 1 } });
      await waitForDeliveryStatus(s.admin, first.deliveries[0]!.id, 'SUCCEEDED');
      const second = await publish(s.admin, { applicationId: app, type, payload: { n: 2 } });
      await waitForDeliveryStatus(s.admin, second.deliveries[0]!.id, 'SUCCEEDED');
      expect(requestsOf(s.receiver.requests, e.tag).map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-1']);
      expect(tokens.requests).toHaveLength(1);
      const [tokenRequest] = tokens.requests;
      expect(tokenRequest!.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(Object.fromEntries(new URLSearchParams(tokenRequest!.body))).toEqual({ grant_type: 'client_credentials', scope: 'webhooks:write' });
      expect(tokenRequest!.headers.authorization).toBe(`Basic ${Buffer.from('tidings-client:client-secret-value').toString('base64')}`);

      // The receiver refuses the cached token: the retry fetches a new one.
      s.receiver.respond((r) => (r.headers.authorization === 'Bearer tok-1' ? { status: 401, body: 'expired' } : { status: 200, body: 'ok' }));
      const third = await publish(s.admin, { applicationId: app, type, payload: { n: 3 } });
      await waitForDeliveryStatus(s.admin, third.deliveries[0]!.id, 'SUCCEEDED');
      expect(requestsOf(s.receiver.requests, e.tag).slice(2).map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
      expect(tokens.requests).toHaveLength(2);
    } finally {
      s.receiver.respond(() => ({ status: 200, body: 'ok' }));
      await tokens.close();
    }
  });

  it('fails the attempt, saying why without the secret, when the token endpoint refuses, and retries it', async () => {
    const tokens = await startReceiver(() => ({ status: 400, body: '{"error":"invalid_client"}' }));
    try {
      const app = await application(s.admin);
      const type = await eventType(s.admin);
      const e = await endpoint(s.admin, app, s.receiver.url, {
        auth: { oauth2ClientCredentials: { tokenUrl: `${tokens.url}/token`, clientId: 'c', clientSecret: 'never-shown-secret' } },
      });
      const published = await publish(s.admin, { applicationId: app, type, payload: {} });
      const failed = await waitForDeliveryStatus(s.admin, published.deliveries[0]!.id, 'FAILED');
      expect(failed.attempts.length).toBe(s.config.retryScheduleMs.length + 1);
      expect(failed.attempts[0]!.error).toBe(`could not get an OAuth2 token from ${tokens.url}/token: the token endpoint answered HTTP 400`);
      expect(JSON.stringify(failed)).not.toContain('never-shown-secret');
      expect(requestsOf(s.receiver.requests, e.tag)).toEqual([]);
      await waitFor('a token request per attempt', () => tokens.requests.length === failed.attempts.length);
    } finally {
      await tokens.close();
    }
  });
});

describe('receiver credentials: checks when set', () => {
  let server: TestServer;
  useTestServer((s) => (server = s), { allowPrivateTargets: false });

  it('refuses a token URL on a private or loopback address (the SSRF guard), more than one kind, or a ":" in a basic user name', async () => {
    const app = await createApplication(server);
    const run = (auth: Record<string, unknown>) =>
      server.admin.fail(CreateEndpointWithOptionsDocument, { input: { applicationId: app.id, url: 'https://[2606:4700:4700::1111]/hook', auth } }, 'BAD_USER_INPUT');
    const ssrf = await run({ oauth2ClientCredentials: { tokenUrl: 'http://127.0.0.1:9/token', clientId: 'c', clientSecret: 's' } });
    expect(ssrf.message).toMatch(/^auth\.oauth2ClientCredentials\.tokenUrl: .*127\.0\.0\.1/);
    expect((await run({ basic: { username: 'a', password: 'b' }, bearer: { token: 't' } })).message).toMatch(/exactly one/);
    expect((await run({})).message).toMatch(/exactly one/);
    expect((await run({ basic: { username: 'a:b', password: 'c' } })).message).toMatch(/must not contain ":"/);
  });
});

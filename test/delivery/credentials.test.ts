import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReceiverCredentials } from '../../src/delivery/credentials.js';
import { HttpClient } from '../../src/delivery/http-client.js';
import type { EndpointAuth } from '../../src/domain/records.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

// The OAuth2 token cache over a real token endpoint and the real HTTP client, with a clock the test moves.

describe('OAuth2 client-credentials tokens', () => {
  let tokens: Receiver;
  let issued = 0;
  const lenient = new HttpClient({ timeoutMs: 2000, allowPrivateTargets: true });
  const strict = new HttpClient({ timeoutMs: 2000, allowPrivateTargets: false });
  beforeAll(async () => {
    tokens = await startReceiver(() => ({ status: 200, body: JSON.stringify({ access_token: `tok-${++issued}`, token_type: 'bearer', expires_in: 120 }) }));
  });
  afterAll(async () => {
    await tokens.close();
    await lenient.close();
    await strict.close();
  });
  const auth = (): EndpointAuth => ({ kind: 'OAUTH2_CLIENT_CREDENTIALS', tokenUrl: `${tokens.url}/token`, clientId: 'c', clientSecret: 's', scope: null });

  it('caches a token until 30 s before it expires, then fetches a new one; concurrent attempts share one request', async () => {
    let now = 1_000_000;
    const credentials = new ReceiverCredentials(lenient, () => now);
    const before = tokens.requests.length;
    const [a, b] = await Promise.all([credentials.authorization(auth()), credentials.authorization(auth())]);
    expect(a).toEqual({ ok: true, value: `Bearer tok-${issued}` });
    expect(b).toEqual(a);
    expect(tokens.requests.length - before).toBe(1);
    now += 89_000; // 120 s lifetime, refreshed 30 s early
    expect(await credentials.authorization(auth())).toEqual(a);
    now += 2_000;
    const refreshed = await credentials.authorization(auth());
    expect(refreshed).not.toEqual(a);
    expect(tokens.requests.length - before).toBe(2);
    expect(new URLSearchParams(tokens.requests.at(-1)!.body).get('scope')).toBeNull();
  });

  it('refuses a token URL on a loopback address at fetch time when private targets are not allowed', async () => {
    const before = tokens.requests.length;
    const result = await new ReceiverCredentials(strict).authorization(auth());
    expect(result).toMatchObject({ ok: false, refused: true, error: expect.stringMatching(/^could not get an OAuth2 token from .*127\.0\.0\.1/) });
    expect(tokens.requests.length).toBe(before);
  });
});

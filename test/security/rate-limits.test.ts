import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CreateEndpointDocument, EndpointCountDocument, LiveDeliveryIdsDocument } from '../generated/graphql.js';
import { createAuthenticator, type Authenticator } from '../../src/auth/authenticator.js';
import { hashToken } from '../../src/auth/tokens.js';
import { RateLimitedError } from '../../src/errors.js';
import { ApiLimits } from '../../src/graphql/rate-limits.js';
import { createApplication } from '../support/fixtures.js';
import { subscribeSse, subscribeWs, wsClient, type Feed } from '../support/live.js';
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// No caller can starve the rest: requests a second per credential (HTTP 429 + Retry-After +
// RATE_LIMITED on every transport), per client address without a valid token, and caps on the
// live subscriptions and graphql-ws connections one credential holds open.

const RATE = 10;
const BURST = 10;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(url: string, token: string | undefined, query: string, variables?: unknown): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
}

async function get(url: string, token: string, query: string): Promise<Answer> {
  const res = await fetch(`${url}?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/graphql-response+json', authorization: `Bearer ${token}` } });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
}

/** An SSE subscription request: its status, Retry-After and the first event's data (a stream that was accepted is closed at once). */
async function sse(url: string, token: string, query: string): Promise<Answer> {
  const controller = new AbortController();
  const res = await fetch(url, {
    method: 'POST',
    signal: controller.signal,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  if (res.status === 200) {
    controller.abort();
    return { status: res.status, retryAfter: null, body: {} };
  }
  let text = '';
  const decoder = new TextDecoder();
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  while (!/data:.*\n/.test(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  controller.abort();
  const data = /data:(.*)\n/.exec(text)?.[1];
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: data ? JSON.parse(data) : {} };
}

/** Sends `n` requests at once; their answers, and how long sending them took. */
async function timedBurst(n: number, send: () => Promise<Answer>): Promise<{ answers: Answer[]; seconds: number }> {
  const started = Date.now();
  const answers = await Promise.all(Array.from({ length: n }, send));
  return { answers, seconds: (Date.now() - started) / 1000 };
}
const burst = async (n: number, send: () => Promise<Answer>) => (await timedBurst(n, send)).answers;

/** Most requests a bucket may accept over `seconds`: the burst, then the rate (and the slot being refilled). */
const mostAccepted = (seconds: number) => BURST + Math.ceil(RATE * seconds) + 1;

/** Sends `send` until it is refused (each request spends a token, so one soon is): the refusal. */
async function untilRefused(what: string, send: () => Promise<Answer>): Promise<Answer> {
  return waitFor(`${what} to be refused`, async () => {
    const answer = await send();
    return answer.status === 429 ? answer : undefined;
  }, 10_000, 0);
}

function expectRateLimited(answer: Answer, what: string): void {
  expect(answer.status, `${what}: ${JSON.stringify(answer)}`).toBe(429);
  expect(Number(answer.retryAfter), `${what}: Retry-After`).toBeGreaterThanOrEqual(1);
  expect(Number.isInteger(Number(answer.retryAfter))).toBe(true);
  const [error] = answer.body.errors ?? [];
  expect(error?.extensions?.code, what).toBe('RATE_LIMITED');
  expect(error?.message).toMatch(new RegExp(`${RATE} requests a second.*retry in \\d+ seconds?`));
  expect(error?.extensions?.retryAfterSeconds).toBe(Number(answer.retryAfter));
  expect(error?.extensions?.http, 'extensions.http is yoga-internal').toBeUndefined();
}

/** Spends `key`'s bucket: sends bursts until one request is refused. */
async function exhaust(server: TestServer, token: string): Promise<Answer> {
  for (let round = 0; round < 10; round++) {
    const answers = await burst(BURST * 2, () => post(server.graphqlUrl, token, '{ __typename }'));
    const refused = answers.find((a) => a.status === 429);
    if (refused) return refused;
  }
  throw new Error('no request was refused');
}

describe(`API rate limit of ${RATE}/s (burst ${BURST}) per credential`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ apiRate: RATE, apiBurst: BURST });
  });
  afterAll(() => server.stop());

  it('answers a burst over the limit with 429, Retry-After and RATE_LIMITED on the fast POST path', async () => {
    const { apiKey } = await createApplication(server);
    const before = server.app.graphql!.counters.fastPath;
    const { answers, seconds } = await timedBurst(BURST * 4, () => post(server.graphqlUrl, apiKey, '{ __typename }'));
    const accepted = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    // The burst, and at most the tokens that came in while the requests were sent.
    expect(accepted.length).toBeGreaterThanOrEqual(BURST);
    expect(accepted.length).toBeLessThanOrEqual(mostAccepted(seconds));
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) expectRateLimited(answer, 'POST');
    expect(server.app.graphql!.counters.fastPath - before).toBeGreaterThanOrEqual(accepted.length);
  });

  it('answers GET and SSE over the limit the same way', async () => {
    const { apiKey } = await createApplication(server);
    await exhaust(server, apiKey);
    expectRateLimited(await untilRefused('GET', () => get(server.graphqlUrl, apiKey, '{ __typename }')), 'GET');
    expectRateLimited(await untilRefused('an SSE subscription', () => sse(server.graphqlUrl, apiKey, print(LiveDeliveryIdsDocument))), 'SSE');
  });

  it('leaves every other credential unaffected while one is over its limit', async () => {
    const flooder = await createApplication(server);
    const other = await createApplication(server);
    let flooding = true;
    const flood = (async () => {
      let refused = 0;
      while (flooding) refused += (await burst(10, () => post(server.graphqlUrl, flooder.apiKey, '{ __typename }'))).filter((a) => a.status === 429).length;
      return refused;
    })();
    try {
      await waitFor('the flooder to be refused', async () => (await post(server.graphqlUrl, flooder.apiKey, '{ __typename }')).status === 429);
      // The other credential gets its own burst while the flood goes on.
      const answers = await burst(BURST, () => post(server.graphqlUrl, other.apiKey, '{ __typename }'));
      expect(answers.map((a) => a.status)).toEqual(Array(BURST).fill(200));
    } finally {
      flooding = false;
    }
    expect(await flood).toBeGreaterThan(0);
  });

  it('accepts requests again once the bucket has refilled', async () => {
    const { apiKey } = await createApplication(server);
    const refused = await exhaust(server, apiKey);
    const refusedAt = Date.now();
    await waitFor('a request to pass again', async () => (await post(server.graphqlUrl, apiKey, '{ __typename }')).status === 200, 5000, 25);
    // Well within the Retry-After it was told.
    expect(Date.now() - refusedAt).toBeLessThanOrEqual(Number(refused.retryAfter) * 1000 + 500);
  });

  it('changes nothing for a rate-limited mutation', async () => {
    const app = await createApplication(server);
    await exhaust(server, app.apiKey);
    // Creates endpoints until one is refused; any accepted (a token came in meanwhile) made its one endpoint.
    const answers: Answer[] = [];
    const refused = await untilRefused('createEndpoint', async () => {
      const url = `https://example.com/hook-${answers.length}`;
      const answer = await post(server.graphqlUrl, app.apiKey, print(CreateEndpointDocument), { input: { applicationId: app.id, url } });
      answers.push(answer);
      return answer;
    });
    expectRateLimited(refused, 'createEndpoint');
    const accepted = answers.filter((a) => a.status === 200);
    for (const a of accepted) expect(a.body.errors, JSON.stringify(a.body)).toBeUndefined();
    const { endpoints } = await server.admin.run(EndpointCountDocument, { applicationId: app.id });
    expect(endpoints.edges.map((e) => e.node.url).sort()).toEqual(accepted.map((_, i) => `https://example.com/hook-${i}`).sort());
  });

  it('answers a graphql-ws operation over the limit with a RATE_LIMITED error, keeping the connection', async () => {
    const { apiKey } = await createApplication(server);
    // Not lazy: one connection for the whole test, which must stay open.
    const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: { authorization: `Bearer ${apiKey}` } });
    let closed = false;
    let connections = 0;
    client.on('closed', () => (closed = true));
    client.on('connected', () => connections++);
    const query = () =>
      new Promise<{ ok: boolean; error?: { message: string; extensions?: Record<string, unknown> } }>((resolve) => {
        client.subscribe({ query: '{ __typename }' }, {
          next: (value) => resolve(value.errors ? { ok: false, error: value.errors[0] as never } : { ok: true }),
          error: (err) => resolve({ ok: false, error: (Array.isArray(err) ? err[0] : { message: `not an operation error: ${String(err)} ${(err as { code?: number }).code ?? ''} ${(err as { reason?: string }).reason ?? ''}` }) as never }),
          complete: () => {},
        });
      });
    try {
      const results = await Promise.all(Array.from({ length: BURST * 3 }, query));
      const refused = results.filter((r) => !r.ok);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) {
        expect(r.error?.extensions?.code).toBe('RATE_LIMITED');
        expect(r.error?.message).toMatch(/requests a second.*retry in/);
      }
      // The same connection serves again once the bucket has refilled.
      await waitFor('an operation over the same connection to pass', async () => (await query()).ok, 5000, 25);
      expect(closed).toBe(false);
      expect(connections).toBe(1);
    } finally {
      await client.dispose();
    }
  });

  it('closes a graphql-ws connection whose connection_init is over the limit with 4429', async () => {
    const { apiKey } = await createApplication(server);
    const closeOf = () =>
      new Promise<{ code: number; reason: string } | undefined>((resolve) => {
        const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => {}, connectionParams: { authorization: `Bearer ${apiKey}` } });
        client.on('connected', () => void Promise.resolve(client.dispose()).then(() => resolve(undefined)));
        client.on('closed', (event) => resolve(event as { code: number; reason: string }));
      });
    await exhaust(server, apiKey);
    const refused = await waitFor('a connection to be refused', closeOf, 10_000, 0);
    expect(refused.code).toBe(4429);
    expect(refused.reason).toMatch(/Rate limited: retry in \d+ s/);
  });
});

describe("a credential's own rate limit", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ apiRate: RATE, apiBurst: BURST });
  });
  afterAll(() => server.stop());

  it('replaces TIDINGS_API_RATE for that credential (its burst scaled to the same seconds of it)', async () => {
    const { apiKey } = await createApplication(server);
    const real = createAuthenticator(server.store, hashToken(TEST_ADMIN_TOKEN));
    // The authenticator as named API keys with a per-key override will answer: the credential carries rateLimit.
    const withOverride: Authenticator = {
      authenticate: (authorization) => real.authenticate(authorization),
      identify: async (authorization) => {
        const who = await real.identify(authorization);
        return who && { ...who, credential: { ...who.credential, rateLimit: 2 } };
      },
    };
    const limits = new ApiLimits(server.config, server.store, Date.now);
    const results = await Promise.all(Array.from({ length: 10 }, () => limits.admit(withOverride, `Bearer ${apiKey}`, '127.0.0.1').then(() => 'ok', (err: Error) => err)));
    // burst 10 at 10/s is one second's worth: at 2/s, 2.
    expect(results.filter((r) => r === 'ok')).toHaveLength(2);
    const refusal = results.find((r) => r !== 'ok') as RateLimitedError;
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect(refusal.message).toMatch(/this credential may make 2 requests a second \(bursts of 2\)/);
    // Without the override the same key has the configured bucket.
    const plain = await Promise.all(Array.from({ length: BURST }, () => limits.admit(real, `Bearer ${apiKey}`, '127.0.0.1').then(() => 'ok', () => 'refused')));
    expect(plain.filter((r) => r === 'ok').length).toBeGreaterThanOrEqual(BURST);
  });
});

describe('API rate limit without a valid token, per client address', () => {
  let server: TestServer;
  // One token a second: a refused address stays refused long enough to see it.
  const rate = 1;
  const burstSize = 5;
  beforeAll(async () => {
    server = await startTestServer({ apiRate: rate, apiBurst: burstSize });
  });
  afterAll(() => server.stop());

  it('refuses token guesses over the limit with 429, and a valid token from that address while it is refused', async () => {
    const { apiKey } = await createApplication(server);
    const { answers, seconds } = await timedBurst(burstSize * 4, () => post(server.graphqlUrl, 'tdk_not_a_valid_token', '{ __typename }'));
    const unauthenticated = answers.filter((a) => a.status === 401).length;
    expect(unauthenticated).toBeGreaterThanOrEqual(burstSize);
    expect(unauthenticated).toBeLessThanOrEqual(burstSize + Math.ceil(rate * seconds) + 1);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused[0]!.body.errors?.[0]?.message).toMatch(/client address/);
    expect(Number(refused[0]!.retryAfter)).toBeGreaterThanOrEqual(1);
    // A guess over the limit learns nothing: right after a refused guess, the valid key is refused too.
    const valid = await waitFor('a valid key to be refused right after a refused guess', async () => {
      if ((await post(server.graphqlUrl, 'tdk_another_guess', '{ __typename }')).status !== 429) return undefined;
      const answer = await post(server.graphqlUrl, apiKey, '{ __typename }');
      return answer.status === 429 ? answer : undefined;
    });
    expect(valid.body.errors?.[0]?.message).toMatch(/client address/);
    await waitFor('the valid key to pass again', async () => (await post(server.graphqlUrl, apiKey, '{ __typename }')).status === 200, 5000, 50);
  });

  it('counts requests without any token against the address too', async () => {
    const { answers, seconds } = await timedBurst(burstSize * 4, () => post(server.graphqlUrl, undefined, '{ __typename }'));
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 200).length).toBeLessThanOrEqual(burstSize + Math.ceil(rate * seconds) + 1);
  });
});

describe('caps on live subscriptions and WebSocket connections per credential', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ maxConnectionsPerKey: 2, maxSubscriptionsPerKey: 2 });
  });
  afterAll(() => server.stop());

  it('closes a graphql-ws connection over the cap with 4429, and takes a new one once a slot is freed', async () => {
    const { apiKey } = await createApplication(server);
    const other = await createApplication(server);
    const first = await subscribeWs(server.wsUrl, apiKey, LiveDeliveryIdsDocument);
    const second = await subscribeWs(server.wsUrl, other.apiKey, LiveDeliveryIdsDocument);
    const third = await subscribeWs(server.wsUrl, other.apiKey, LiveDeliveryIdsDocument);
    const feeds: Feed<unknown>[] = [first, second, third];
    try {
      const refused = await subscribeWs(server.wsUrl, other.apiKey, LiveDeliveryIdsDocument).then(
        (feed) => (feeds.push(feed), undefined),
        (err: { event?: { code: number; reason: string } }) => err.event,
      );
      expect(refused?.code).toBe(4429);
      expect(refused?.reason).toMatch(/Too many connections: at most 2 WebSocket connections per credential/);
      // The other credential's connection is not counted against this one.
      await third.close();
      feeds.pop();
      const again = await waitFor('a connection in the freed slot', () =>
        subscribeWs(server.wsUrl, other.apiKey, LiveDeliveryIdsDocument).then((feed) => feed, () => undefined),
      );
      feeds.push(again);
    } finally {
      await Promise.all(feeds.map((f) => f.close()));
    }
  });

  it('answers a subscription over the cap with RATE_LIMITED (graphql-ws) or 429 (SSE), and takes one once a slot is freed', async () => {
    const { apiKey } = await createApplication(server);
    const client = wsClient(server.wsUrl, apiKey);
    const subscribe = () => {
      const errors: { message: string; extensions?: Record<string, unknown> }[] = [];
      let done = false;
      const stop = client.subscribe({ query: print(LiveDeliveryIdsDocument) }, {
        next: (value) => void (value.errors && errors.push(...(value.errors as never[]))),
        error: (err) => void errors.push(...((Array.isArray(err) ? err : [err]) as never[])),
        complete: () => (done = true),
      });
      return { errors, stop, ended: () => done };
    };
    const held: (() => void)[] = [];
    try {
      const one = subscribe();
      const two = subscribe();
      held.push(one.stop, two.stop);
      await waitFor('two live subscriptions', () => server.app.deps.live.subscribers >= 2);
      const over = subscribe();
      await waitFor('the third subscription to be refused', () => over.errors.length > 0 && over.ended());
      expect(over.errors[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(over.errors[0]?.message).toMatch(/Too many live subscriptions: this credential already holds 2/);
      expect(one.errors).toEqual([]);
      const live = async () => (await server.app.deps.metrics.liveSubscriptions.get()).values[0]?.value;
      expect(await live(), 'tidings_live_subscriptions counts only the subscriptions that are open').toBe(2);

      const overSse = await sse(server.graphqlUrl, apiKey, print(LiveDeliveryIdsDocument));
      expect(overSse.status).toBe(429);
      expect(overSse.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');

      // Ending one frees its slot: a new subscription (here over SSE) is taken.
      one.stop();
      held.shift();
      const feed = await waitFor('an SSE subscription in the freed slot', async () => {
        const attempt = await subscribeSse(server.graphqlUrl, apiKey, LiveDeliveryIdsDocument);
        if (attempt.status === 200) return attempt;
        await attempt.close();
        return undefined;
      });
      await feed.close();
    } finally {
      for (const stop of held) stop();
      await client.dispose();
    }
  });
});

import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, setupEndpoint } from '../support/fixtures.js';
import { startTestServer, TEST_ADMIN_TOKEN, useTestServerAndReceiver, type TestServer } from '../support/server.js';
import type { Receiver } from '../support/receiver.js';
import { waitFor } from '../support/wait.js';

// Every answer that is not a success is a JSON body `{"errors":[{message, extensions.code}]}`
// with a message a person understands, on yoga's path, the fast POST path and the hand-written
// routes alike; and a subscription request never hangs or outlives its client.

interface RawAnswer { status: number; headers: http.IncomingHttpHeaders; text: string }
interface ErrorBody { errors?: { message: string; extensions?: Record<string, unknown> }[] }

const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** A raw HTTP request (no client defaults): the whole answer, or a failure if none comes within 5 s. */
function raw(url: string, init: { method?: string; headers?: Record<string, string>; body?: string; chunked?: boolean } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers = { ...init.headers, ...(body && !init.chunked ? { 'content-length': String(body.length) } : {}) };
    const req = http.request(url, { method: init.method ?? 'GET', headers, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error(`no complete answer within 5 s from ${init.method ?? 'GET'} ${url}`)));
    req.on('error', reject);
    if (body && init.chunked) req.write(body);
    req.end(body && !init.chunked ? body : undefined);
  });
}

/** The answer's error body, checked to be JSON with at least one error. */
function errorsOf(answer: RawAnswer): NonNullable<ErrorBody['errors']> {
  let body: ErrorBody;
  try {
    body = JSON.parse(answer.text) as ErrorBody;
  } catch {
    throw new Error(`expected a JSON error body, got ${answer.status} ${answer.headers['content-type'] ?? '(no content type)'} ${JSON.stringify(answer.text)}`);
  }
  expect(answer.headers['content-type']).toMatch(/^application\/(graphql-response\+)?json/);
  expect(body.errors?.length, answer.text).toBeGreaterThan(0);
  return body.errors!;
}

const json = { ...admin, 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };

describe('error answers of the API', () => {
  let server: TestServer;
  let receiver: Receiver;
  useTestServerAndReceiver((s, r) => ((server = s), (receiver = r)));

  it('answers GET /graphql with variables that are not JSON with 400 BAD_REQUEST and a JSON body', async () => {
    const answer = await raw(`${server.graphqlUrl}?query=${encodeURIComponent('query($n: Int) { eventTypes { name } }')}&variables=notjson`, { headers: admin });
    expect(answer.status).toBe(400);
    const [error] = errorsOf(answer);
    expect(error!.extensions?.code).toBe('BAD_REQUEST');
    expect(error!.message).toMatch(/"variables".*not valid JSON/);
  });

  it.each([
    ['a value of the wrong type', 'query($n: Int) { endpoints(first: $n) { edges { cursor } } }', { n: 'x' }, /Int cannot represent/],
    ['a missing required variable', 'query($id: ID!) { endpoint(id: $id) { id } }', {}, /was not provided/],
    ['more than 50 wrong values (too many errors)', 'mutation($i: CreateEndpointInput!) { createEndpoint(input: $i) { secret } }',
      { i: { url: 'https://example.com/hook', eventTypes: Array.from({ length: 60 }, (_, n) => n) } }, /Too many errors processing variables/],
  ])('gives variables that cannot be coerced (%s) the code BAD_USER_INPUT', async (_name, query, variables, message) => {
    const answer = await raw(server.graphqlUrl, { method: 'POST', headers: json, body: JSON.stringify({ query, variables }) });
    expect(answer.status).toBe(400);
    const errors = errorsOf(answer);
    expect(errors.some((e) => message.test(e.message)), answer.text).toBe(true);
    for (const error of errors) expect(error.extensions?.code, answer.text).toBe('BAD_USER_INPUT');
  });

  it.each([false, true])('answers a malformed JSON body (chunked: %s) with BAD_REQUEST and no extensions.originalError', async (chunked) => {
    const answer = await raw(server.graphqlUrl, { method: 'POST', headers: json, body: '{"query": ', chunked });
    expect(answer.status).toBe(400);
    const [error] = errorsOf(answer);
    expect(error!.extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(error!.message).toMatch(/not valid JSON|invalid JSON/);
  });

  it('answers an unknown path with 404 NOT_FOUND and a JSON body naming the GraphQL path', async () => {
    const answer = await raw(`${server.url}/nope`, { headers: admin });
    expect(answer.status).toBe(404);
    const [error] = errorsOf(answer);
    expect(error!.extensions?.code).toBe('NOT_FOUND');
    expect(error!.message).toContain('/graphql');
  });

  it('answers an unsupported content type with 415 BAD_REQUEST and a JSON body naming application/json', async () => {
    const answer = await raw(server.graphqlUrl, { method: 'POST', headers: { ...admin, 'content-type': 'text/plain' }, body: '{ eventTypes { name } }' });
    expect(answer.status).toBe(415);
    const [error] = errorsOf(answer);
    expect(error!.extensions?.code).toBe('BAD_REQUEST');
    expect(error!.message).toContain('application/json');
  });

  it('answers a method other than GET and POST with 405 BAD_REQUEST, a JSON body and an Allow header', async () => {
    const answer = await raw(server.graphqlUrl, { method: 'PUT', headers: json, body: JSON.stringify({ query: '{ eventTypes { name } }' }) });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, POST');
    const [error] = errorsOf(answer);
    expect(error!.extensions?.code).toBe('BAD_REQUEST');
    expect(error!.message).toBe('GraphQL only supports GET and POST requests.');
  });

  it('answers a query asking for a media type it cannot have with 406 BAD_REQUEST and a JSON body naming the types', async () => {
    const answer = await raw(server.graphqlUrl, { method: 'POST', headers: { ...json, accept: 'text/html' }, body: JSON.stringify({ query: '{ eventTypes { name } }' }) });
    expect(answer.status).toBe(406);
    const [error] = errorsOf(answer);
    expect(error!.extensions?.code).toBe('BAD_REQUEST');
    expect(error!.message).toContain('application/json');
  });

  it('keeps "Did you mean" suggestions for unknown fields (introspection shows the fields anyway)', async () => {
    const answer = await raw(server.graphqlUrl, { method: 'POST', headers: json, body: JSON.stringify({ query: '{ eventTypes { nam } }' }) });
    const [error] = errorsOf(answer);
    expect(error!.message).toBe('Cannot query field "nam" on type "EventType". Did you mean "name"?');
    expect(error!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  describe('a subscription over plain HTTP', () => {
    const subscription = JSON.stringify({ query: 'subscription { deliveryUpdated { id status } }' });

    it.each([['with a content-length (fast path)', false], ['chunked (yoga)', true]])(
      'with Accept: */* (%s) streams SSE at once, carries events, and ends when the client goes away',
      async (_name, chunked) => {
        const { app, type } = await setupEndpoint(server, receiver.url);
        const req = http.request(server.graphqlUrl, { method: 'POST', headers: { ...admin, 'content-type': 'application/json', accept: '*/*', ...(chunked ? {} : { 'content-length': String(Buffer.byteLength(subscription)) }) } });
        const closed = new Promise<void>((resolve) => req.on('close', () => resolve()));
        req.on('error', () => {});
        // Written before end(), a body goes out chunked; given to end(), Node adds a content-length.
        if (chunked) req.write(subscription);
        req.end(chunked ? undefined : subscription);
        const res = await Promise.race([
          new Promise<http.IncomingMessage>((resolve) => req.once('response', resolve)),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no response headers within 3 s for a subscription POSTed with Accept: */*')), 3000)),
        ]);
        try {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let received = '';
          res.on('data', (c: Buffer) => (received += c.toString('utf8')));
          await server.waitForSubscribers(1);
          const { deliveries } = await publish(server, app.id, type, { n: 1 });
          await waitFor(`delivery ${deliveries[0]!.id} in the SSE stream (got ${JSON.stringify(received)})`, () => received.includes(deliveries[0]!.id));
        } finally {
          req.destroy();
          await closed;
        }
        await waitFor(`no live subscription after the client went away (live: ${server.app.deps.live.subscribers})`, () => server.app.deps.live.subscribers === 0);
      },
    );

    it.each([['with a content-length (fast path)', false], ['chunked (yoga)', true]])(
      'with Accept: application/json (%s) is refused at once with 406 naming text/event-stream, and leaves no live subscription',
      async (_name, chunked) => {
        const answer = await raw(server.graphqlUrl, { method: 'POST', headers: { ...admin, 'content-type': 'application/json', accept: 'application/json' }, body: subscription, chunked });
        expect(answer.status).toBe(406);
        const [error] = errorsOf(answer);
        expect(error!.extensions?.code).toBe('BAD_REQUEST');
        expect(error!.message).toContain('Accept: text/event-stream');
        await waitFor(`no live subscription after a refused subscription (live: ${server.app.deps.live.subscribers})`, () => server.app.deps.live.subscribers === 0);
      },
    );
  });
});

describe('error answers of a worker-only process', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ runApi: false });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers /graphql with 404 NOT_FOUND and a JSON body saying the process only delivers', async () => {
    const answer = await raw(server.graphqlUrl, { method: 'POST', headers: json, body: JSON.stringify({ query: '{ eventTypes { name } }' }) });
    expect(answer.status).toBe(404);
    const [error] = errorsOf(answer);
    expect(error!.extensions?.code).toBe('NOT_FOUND');
    expect(error!.message).toContain('TIDINGS_ROLE=worker');
  });
});

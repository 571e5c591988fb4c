import { Readable } from 'node:stream';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApplication, createEndpoint, createEventType } from '../support/fixtures.js';
import { TEST_ADMIN_TOKEN, useTestServer, type TestServer } from '../support/server.js';

// POST /graphql with a JSON body runs on a fast path (src/graphql/fast-post.ts) that must answer
// exactly as yoga does. Each request here is sent twice: with a content-length (fast path) and
// chunked, without one (which the fast path leaves to yoga). Status, content type and body must
// be the same, IDs and times aside; the server's counter tells which requests took the fast path.

interface Answer { status: number; contentType: string | undefined; cors: string | undefined; body: unknown }

/** IDs, secrets and times differ between two runs of the same mutation; nothing else may. */
const normalized = (text: string): unknown => {
  const masked = text
    .replace(/\b(app|ep|evt|dlv)_[0-9A-Za-z]+/g, '<$1>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>');
  try {
    return JSON.parse(masked);
  } catch {
    return masked;
  }
};

async function post(url: string, body: string, headers: Record<string, string>, chunked: boolean): Promise<Answer> {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: chunked ? Readable.from([Buffer.from(body)]) : body,
  });
  const header = (name: string) => res.headers[name] as string | undefined;
  return { status: res.statusCode, contentType: header('content-type'), cors: header('access-control-allow-origin'), body: normalized(await res.body.text()) };
}

describe('POST /graphql fast path', () => {
  let server: TestServer;
  useTestServer((s) => (server = s));
  let publishInput: Record<string, unknown>;

  beforeAll(async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    await createEndpoint(server, app.id, 'https://example.com/hook');
    publishInput = { applicationId: app.id, type, payload: { n: 1 } };
  });

  const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
  const cases: [name: string, fast: boolean, body: () => unknown, headers?: Record<string, string>][] = [
    ['a query', true, () => ({ query: '{ eventTypes { name } }' })],
    ['a query with variables and an operation name', true, () => ({ query: 'query Q($id: ID!) { endpoint(id: $id) { id } }', variables: { id: 'ep_nope' }, operationName: 'Q' })],
    ['a mutation that succeeds', true, () => ({ query: 'mutation($i: PublishEventInput!) { publishEvent(input: $i) { event { id createdAt } deliveries { id status } } }', variables: { i: publishInput } })],
    ['a mutation answered NOT_FOUND', true, () => ({ query: 'mutation { deleteEndpoint(input: { id: "ep_nope" }) { deletedEndpointId } }' })],
    ['a mutation answered BAD_USER_INPUT', true, () => ({ query: 'mutation { createEventType(input: { name: "not a valid name!" }) { eventType { name } } }' })],
    ['variables of the wrong type', true, () => ({ query: 'query($id: ID!) { endpoint(id: $id) { id } }', variables: { id: { not: 'an id' } } })],
    ['a missing variable', true, () => ({ query: 'query($id: ID!) { endpoint(id: $id) { id } }' })],
    ['too many wrong variable values (BAD_USER_INPUT)', true, () => ({ query: 'mutation($i: CreateEndpointInput!) { createEndpoint(input: $i) { secret } }', variables: { i: { url: 'https://example.com/hook', eventTypes: Array.from({ length: 60 }, (_, n) => n) } } })],
    ['no token (UNAUTHENTICATED, 401)', true, () => ({ query: '{ endpoints { edges { node { id } } } }' }), {}],
    ['Accept: application/json', true, () => ({ query: '{ eventTypes { name } }' }), { ...admin, accept: 'application/json' }],
    ['Accept: application/graphql-response+json', true, () => ({ query: 'mutation { deleteEndpoint(input: { id: "ep_nope" }) { deletedEndpointId } }' }), { ...admin, accept: 'application/graphql-response+json' }],
    ['Accept: */*', true, () => ({ query: '{ eventTypes { name } }' }), { ...admin, accept: '*/*' }],
    ['a browser request (Origin: CORS headers are yoga\'s)', false, () => ({ query: '{ eventTypes { name } }' }), { ...admin, origin: 'https://dashboard.example.com' }],
    ['Accept: text/html', false, () => ({ query: '{ eventTypes { name } }' }), { ...admin, accept: 'text/html' }],
    ['a wrong token', false, () => ({ query: '{ eventTypes { name } }' }), { authorization: 'Bearer wrong' }],
    ['a syntax error', false, () => ({ query: '{ eventTypes { name ' })],
    ['an unknown field', false, () => ({ query: '{ eventTypes { nope } }' })],
    ['a query deeper than the limit', false, () => ({ query: `{ ${'endpoints { edges { node { application { '.repeat(4)}id${' } } } }'.repeat(4)} }` })],
    ['a subscription', false, () => ({ query: 'subscription { deliveryUpdated { id } }' })],
    ['a subscription with Accept: application/json (406)', false, () => ({ query: 'subscription { deliveryUpdated { id } }' }), { ...admin, accept: 'application/json' }],
    ['an unsupported content type (415)', false, () => ({ query: '{ eventTypes { name } }' }), { ...admin, 'content-type': 'text/plain' }],
    ['a body that is not JSON', false, () => '{"query": '],
    ['a body with an unknown key', false, () => ({ query: '{ eventTypes { name } }', extra: 1 })],
    ['two operations and no operation name', false, () => ({ query: 'query A { eventTypes { name } } query B { eventTypes { name } }' })],
  ];

  it.each(cases)('answers %s exactly as yoga does', async (_name, fast, body, headers = { ...admin, accept: 'application/graphql-response+json, application/json' }) => {
    const text = typeof body() === 'string' ? (body() as string) : JSON.stringify(body());
    const before = server.app.graphql!.counters.fastPath;
    const viaFastPath = await post(server.graphqlUrl, text, headers, false);
    expect(server.app.graphql!.counters.fastPath - before).toBe(fast ? 1 : 0);
    const viaYoga = await post(server.graphqlUrl, text, headers, true);
    expect(server.app.graphql!.counters.fastPath - before).toBe(fast ? 1 : 0);
    expect(viaFastPath).toEqual(viaYoga);
  });
});

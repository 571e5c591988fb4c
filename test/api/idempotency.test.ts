import { describe, expect, it } from 'vitest';
import { EventsDocument, PublishEventDocument } from '../generated/graphql.js';
import { createApplication, createEventType, publish, uniqueName } from '../support/fixtures.js';
import { TEST_ADMIN_TOKEN, type TestServer, useTestServer } from '../support/server.js';

// "The same payload" for an idempotency key is the same JSON value, however the client wrote it:
// an inline literal in the query or a variable, any key order, any whitespace.

interface PublishAnswer {
  status: number;
  data?: { publishEvent: { duplicate: boolean; event: { id: string; payload: unknown } } } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('idempotent publish compares JSON values', () => {
  let server: TestServer;
  useTestServer((s) => (server = s));

  /** Posts a raw GraphQL-over-HTTP body exactly as given (its whitespace and key order included). */
  async function post(body: string): Promise<PublishAnswer> {
    const res = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      body,
    });
    return { ...((await res.json()) as PublishAnswer), status: res.status };
  }

  /** publishEvent with the payload written inline, as the README's step 6 does. */
  function publishInline(applicationId: string, type: string, payloadLiteral: string, key: string): Promise<PublishAnswer> {
    const query = `mutation { publishEvent(input: { applicationId: ${JSON.stringify(applicationId)}, type: ${JSON.stringify(type)},
      payload: ${payloadLiteral}, idempotencyKey: ${JSON.stringify(key)} }) { duplicate event { id payload } } }`;
    return post(JSON.stringify({ query }));
  }

  function expectPublished(answer: PublishAnswer) {
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    return answer.data!.publishEvent;
  }

  const eventCount = async (applicationId: string) => (await server.admin.run(EventsDocument, { applicationId, first: 100 })).events.edges.length;

  it('the same inline literal payload twice is a duplicate of the first event, not CONFLICT', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const key = uniqueName('inline-');
    const literal = '{ orderId: "o-1", total: 12.5, lines: [{ sku: "a", qty: 1 }] }';
    const first = expectPublished(await publishInline(app.id, type, literal, key));
    const again = expectPublished(await publishInline(app.id, type, literal, key));
    expect(first.duplicate).toBe(false);
    expect(again).toMatchObject({ duplicate: true, event: { id: first.event.id } });
    expect(await eventCount(app.id)).toBe(1);
  });

  it('a payload first sent as a variable, then written inline, is the same payload', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const key = uniqueName('mixed-');
    const first = await publish(server, app.id, type, { orderId: 'o-2', nested: { list: [1, 2, { deep: true }] } }, key);
    const again = expectPublished(await publishInline(app.id, type, '{ nested: { list: [1, 2, { deep: true }] }, orderId: "o-2" }', key));
    expect(again).toMatchObject({ duplicate: true, event: { id: first.event.id } });
    expect(await eventCount(app.id)).toBe(1);
  });

  it('an inline literal with its keys in another order than the first one is the same payload', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const key = uniqueName('order-');
    const first = expectPublished(await publishInline(app.id, type, '{ a: 1, b: { c: 2, d: [3, { e: 4, f: 5 }] } }', key));
    const again = expectPublished(await publishInline(app.id, type, '{ b: { d: [3, { f: 5, e: 4 }], c: 2 }, a: 1 }', key));
    expect(again).toMatchObject({ duplicate: true, event: { id: first.event.id } });
  });

  it('whitespace and key order in a variable JSON body do not make it another payload', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const key = uniqueName('spaces-');
    const first = await publish(server, app.id, type, { a: 1, b: [true, null, 'x'] }, key);
    const query = 'mutation P($input: PublishEventInput!) { publishEvent(input: $input) { duplicate event { id payload } } }';
    const body = `{ "query": ${JSON.stringify(query)},
      "variables": { "input": { "idempotencyKey": ${JSON.stringify(key)}, "type": ${JSON.stringify(type)},
        "payload":   {
          "b" : [ true ,  null , "x" ] ,
          "a" :   1
        },
        "applicationId": ${JSON.stringify(app.id)} } } }`;
    const again = expectPublished(await post(body));
    expect(again).toMatchObject({ duplicate: true, event: { id: first.event.id } });
  });

  it.each([
    ['another value', '{ orderId: "o-1", total: 13 }'],
    ['an extra key', '{ orderId: "o-1", total: 12.5, extra: null }'],
    ['a missing key', '{ orderId: "o-1" }'],
    ['a list in another order', '{ orderId: "o-1", total: 12.5, tags: ["b", "a"] }'],
    ['a number where a string was', '{ orderId: 1, total: 12.5 }'],
  ])('a really different payload (%s) under the same key is still CONFLICT and stores nothing', async (_what, literal) => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const key = uniqueName('differs-');
    const first = await publish(server, app.id, type, literal.includes('tags') ? { orderId: 'o-1', total: 12.5, tags: ['a', 'b'] } : { orderId: 'o-1', total: 12.5 }, key);
    const answer = await publishInline(app.id, type, literal, key);
    expect(answer.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(answer.errors?.[0]?.message).toContain(first.event.id);
    expect(await eventCount(app.id)).toBe(1);
  });

  it('a different payload sent as a variable under the same key is CONFLICT', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const key = uniqueName('var-differs-');
    await publish(server, app.id, type, { n: 1 }, key);
    await server.admin.fail(PublishEventDocument, { input: { applicationId: app.id, type, payload: { n: '1' }, idempotencyKey: key } }, 'CONFLICT');
    expect(await eventCount(app.id)).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { EventsDocument, EventTypeDocument, PublishEventDocument } from '../generated/graphql.js';
import type { GqlError } from '../support/gql.js';
import { createApplication, createEventType, uniqueName } from '../support/fixtures.js';
import { TEST_ADMIN_TOKEN, type TestServer, useTestServer } from '../support/server.js';

// Every JSON input (event payload, event type schema) is refused with BAD_USER_INPUT when it is
// nested deeper than TIDINGS_MAX_JSON_DEPTH, however it was written (variable or inline literal),
// before anything recursive (JSON.stringify, ajv) can overflow the stack on it.

const LIMIT = 64;
const DEEP = 5000;

// Deep values are built as JSON text: JSON.stringify itself would overflow the test's stack.
/** `levels` lists inside each other, as JSON text and as a GraphQL literal (the same spelling). */
const nestedLists = (levels: number) => '['.repeat(levels) + '1' + ']'.repeat(levels);
/** `levels` objects inside each other ({"a": {"a": ...}}), as JSON text. */
const nestedObjects = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
/** A JSON Schema whose `properties` nest `levels` deep (each level is two objects), as JSON text. */
const nestedSchema = (levels: number) => '{"type":"object","properties":{"a":'.repeat(levels) + '{"type":"string"}' + '}}'.repeat(levels);
/** Objects nested `levels` deep as a GraphQL literal. */
const literalObjects = (levels: number) => '{a:'.repeat(levels) + '1' + '}'.repeat(levels);

const PUBLISH = 'mutation P($input: PublishEventInput!) { publishEvent(input: $input) { event { id } } }';
const CREATE_TYPE = 'mutation C($input: CreateEventTypeInput!) { createEventType(input: $input) { eventType { name } } }';
const UPDATE_TYPE = 'mutation U($input: UpdateEventTypeInput!) { updateEventType(input: $input) { eventType { name } } }';

function expectDepthRefusal(error: GqlError, field: string) {
  expect(error.extensions?.field).toBe(field);
  expect(error.message).toMatch(new RegExp(`^${field}: .*${LIMIT}.*TIDINGS_MAX_JSON_DEPTH`));
  expect(error.message).not.toMatch(/call stack|RangeError/i);
}

describe('nesting limit on JSON inputs', () => {
  let server: TestServer;
  useTestServer((s) => (server = s), { maxJsonDepth: LIMIT });

  /** Posts `query` with `variablesJson` as the variables, written as JSON text; returns the first error. */
  async function failRaw(query: string, variablesJson: string): Promise<GqlError> {
    const res = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      body: `{"query": ${JSON.stringify(query)}, "variables": ${variablesJson}}`,
    });
    const body = (await res.json()) as { errors?: GqlError[] };
    expect(body.errors?.[0]?.extensions?.code, JSON.stringify(body.errors)).toBe('BAD_USER_INPUT');
    return body.errors![0]!;
  }
  const q = (text: string) => JSON.stringify(text);

  const eventCount = async (applicationId: string) => (await server.admin.run(EventsDocument, { applicationId, first: 100 })).events.edges.length;
  async function expectHealthy() {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const app = await createApplication(server);
    const type = await createEventType(server);
    const { publishEvent } = await server.admin.run(PublishEventDocument, { input: { applicationId: app.id, type, payload: { still: 'fine' } } });
    expect(publishEvent.event.payload).toEqual({ still: 'fine' });
  }

  it.each([
    ['lists', nestedLists],
    ['objects', nestedObjects],
  ])(`a payload variable of ${DEEP} nested %s is BAD_USER_INPUT naming payload and the limit, and stores nothing`, async (_what, build) => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const error = await failRaw(PUBLISH, `{"input": {"applicationId": ${q(app.id)}, "type": ${q(type)}, "payload": ${build(DEEP)}}}`);
    expectDepthRefusal(error, 'payload');
    expect(await eventCount(app.id)).toBe(0);
    await expectHealthy();
  });

  // Inline literals stay under GraphQL Armor's token limit (5000), so the JSON depth rule itself is what answers.
  it.each([
    ['lists one level past the limit', nestedLists, LIMIT + 1],
    ['objects one level past the limit', literalObjects, LIMIT + 1],
    ['lists 1000 levels deep', nestedLists, 1000],
    ['objects 1000 levels deep', literalObjects, 1000],
  ])('a payload written inline as %s is BAD_USER_INPUT naming payload and the limit, and stores nothing', async (_what, literal, levels) => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const query = `mutation { publishEvent(input: { applicationId: ${JSON.stringify(app.id)}, type: ${JSON.stringify(type)}, payload: ${literal(levels)} }) { event { id } } }`;
    const error = await server.admin.fail(query, undefined, 'BAD_USER_INPUT');
    expectDepthRefusal(error, 'payload');
    expect(await eventCount(app.id)).toBe(0);
    await expectHealthy();
  });

  // Lists cost two tokens a level, so 2,400 levels stay under Armor's 5,000 tokens and are deep
  // enough to overflow graphql-js's recursive parser: that is answered as a parse error, not a crash.
  it.each([['lists', nestedLists, 2400]] as const)('a document nested too deeply to parse (inline %s) is GRAPHQL_PARSE_FAILED with HTTP 400, and stores nothing', async (_what, literal, levels) => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const query = `mutation { publishEvent(input: { applicationId: ${JSON.stringify(app.id)}, type: ${JSON.stringify(type)}, payload: ${literal(levels)} }) { event { id } } }`;
    const result = await server.admin.execute(query);
    expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe('GRAPHQL_PARSE_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/nested too deeply/);
    expect(result.status).toBe(400);
    expect(await eventCount(app.id)).toBe(0);
    await expectHealthy();
  });

  it('a payload exactly at the limit is accepted and stored as given', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const payload = JSON.parse(nestedLists(LIMIT)) as unknown;
    const { publishEvent } = await server.admin.run(PublishEventDocument, { input: { applicationId: app.id, type, payload } });
    expect(publishEvent.event.payload).toEqual(payload);
  });

  it(`a JSON Schema variable nested ${DEEP} levels in createEventType is BAD_USER_INPUT naming schema and the limit, and defines nothing`, async () => {
    const name = uniqueName('deep.schema');
    const error = await failRaw(CREATE_TYPE, `{"input": {"name": ${q(name)}, "schema": ${nestedSchema(DEEP)}}}`);
    expectDepthRefusal(error, 'schema');
    expect((await server.admin.run(EventTypeDocument, { name })).eventType).toBeNull();
    await expectHealthy();
  });

  it('a JSON Schema written inline past the limit in createEventType is BAD_USER_INPUT naming schema, and defines nothing', async () => {
    const name = uniqueName('deep.inline.schema');
    const query = `mutation { createEventType(input: { name: ${JSON.stringify(name)}, schema: ${literalObjects(LIMIT + 1)} }) { eventType { name } } }`;
    const error = await server.admin.fail(query, undefined, 'BAD_USER_INPUT');
    expectDepthRefusal(error, 'schema');
    expect((await server.admin.run(EventTypeDocument, { name })).eventType).toBeNull();
  });

  it('a deeply nested JSON Schema in updateEventType is BAD_USER_INPUT naming schema and keeps the old schema', async () => {
    const name = await createEventType(server, uniqueName('keep.shallow'), { type: 'object' });
    const error = await failRaw(UPDATE_TYPE, `{"input": {"name": ${q(name)}, "schema": ${nestedSchema(DEEP)}}}`);
    expectDepthRefusal(error, 'schema');
    expect((await server.admin.run(EventTypeDocument, { name })).eventType?.schema).toEqual({ type: 'object' });
    await expectHealthy();
  });
});

import fs from 'node:fs';
import {
  getNamedType, isEnumType, isInputObjectType, isInterfaceType, isNonNullType, isObjectType, isSpecifiedScalarType, Kind,
  type DocumentNode, type GraphQLField, type SelectionSetNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema/index.js';
import { printedSchema, SCHEMA_FILE } from '../../src/graphql/schema/print.js';
import { DepthAtLimitDocument, DepthOverLimitDocument, IntrospectionDocument } from '../generated/graphql.js';
import { createApplication, createEndpoint } from '../support/fixtures.js';
import { useTestServer, type TestServer } from '../support/server.js';

/** Schema coordinates (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`) and their descriptions. */
function describedElements(): { coordinate: string; description: string | null | undefined }[] {
  const out: { coordinate: string; description: string | null | undefined }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    out.push({ coordinate: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
        for (const arg of field.args) out.push({ coordinate: `${type.name}.${field.name}(${arg.name}:)`, description: arg.description });
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) out.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) out.push({ coordinate: `${type.name}.${value.name}`, description: value.description });
    }
  }
  return out;
}

/**
 * How a mutation field departs from the one shape clients and code generators expect (GitHub's
 * convention): a single required `input` argument of an input object type, and a non-null
 * `<FieldName>Payload` object. Empty when it conforms.
 */
function mutationShapeProblems(field: GraphQLField<unknown, unknown>): string[] {
  const problems: string[] = [];
  const args = field.args.map((a) => a.name);
  if (args.length !== 1 || args[0] !== 'input') problems.push(`takes (${args.join(', ')}) instead of only (input)`);
  const input = field.args.find((a) => a.name === 'input');
  if (input && !(isNonNullType(input.type) && isInputObjectType(input.type.ofType))) problems.push(`input is ${String(input.type)}, not a non-null input object`);
  const payloadName = `${field.name[0]!.toUpperCase()}${field.name.slice(1)}Payload`;
  if (!(isNonNullType(field.type) && isObjectType(field.type.ofType) && getNamedType(field.type).name === payloadName)) {
    problems.push(`returns ${String(field.type)}, not ${payloadName}!`);
  }
  return problems;
}

/** Deepest chain of nested fields in an operation (what GraphQL Armor's max-depth counts). */
function fieldDepth(doc: DocumentNode): number {
  const depth = (set: SelectionSetNode | undefined): number =>
    Math.max(0, ...(set?.selections ?? []).map((s) => (s.kind === Kind.FIELD ? 1 + depth(s.selectionSet) : s.kind === Kind.INLINE_FRAGMENT ? depth(s.selectionSet) : 0)));
  return Math.max(...doc.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? depth(d.selectionSet) : 0)));
}

describe('schema', () => {
  it('the committed schema/schema.graphql equals the schema printed from the code', () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(printedSchema(), 'schema/schema.graphql is stale: run `npm run schema:print` and commit the result').toBe(committed);
  });

  it('every type, field, argument, input field and enum value has a description', () => {
    const elements = describedElements();
    // The walk reaches each kind of element, so an empty offender list means something.
    expect(elements.map((e) => e.coordinate)).toEqual(
      expect.arrayContaining(['Query', 'Query.node', 'Query.node(id:)', 'CreateEndpointInput.url', 'DeliveryStatus.PENDING', 'JSON', 'DateTime', 'Node.id']),
    );
    const offenders = elements.filter((e) => !e.description?.trim()).map((e) => e.coordinate);
    expect(offenders, `schema elements without a description (the SDL is the API reference):\n  ${offenders.join('\n  ')}`).toEqual([]);
  });

  it('every mutation takes one required input object named `input` and returns its own non-null <Name>Payload object', () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    // The walk sees the mutations of every domain, so an empty offender list means something.
    expect(mutations.map((f) => f.name)).toEqual(expect.arrayContaining(['createApplication', 'deleteEndpoint', 'retryDelivery', 'archiveEventType']));
    const offenders = mutations.flatMap((f) => mutationShapeProblems(f).map((p) => `${f.name} ${p}`));
    expect(offenders, `mutations off the one shape:\n  ${offenders.join('\n  ')}`).toEqual([]);
  });
});

describe('schema over HTTP', () => {
  let server: TestServer;
  useTestServer((started) => (server = started));

  it('introspection answers with the admin token', async () => {
    const { __schema } = await server.admin.run(IntrospectionDocument);
    expect(__schema.queryType.name).toBe('Query');
    expect(__schema.mutationType?.name).toBe('Mutation');
    expect(__schema.subscriptionType?.name).toBe('Subscription');
    expect(__schema.types.map((t) => t.name)).toEqual(expect.arrayContaining(['Application', 'Endpoint', 'Event', 'Delivery', 'DeliveryStatus', 'Node']));
    expect(__schema.types.find((t) => t.name === 'Delivery')?.description).toBeTruthy();
  });

  it('introspection answers with an application key', async () => {
    const app = await createApplication(server);
    const { __schema } = await app.client.run(IntrospectionDocument);
    expect(__schema.queryType.name).toBe('Query');
    expect(__schema.types.map((t) => t.name)).toEqual(expect.arrayContaining(['Application', 'Delivery']));
  });

  it('a query nested one level deeper than TIDINGS_GRAPHQL_MAX_DEPTH is rejected before it runs', async () => {
    expect(fieldDepth(DepthOverLimitDocument)).toBe(server.config.graphqlMaxDepth + 1);
    const app = await createApplication(server);
    const endpoint = await createEndpoint(server, app.id, 'https://example.com/hook');
    const result = await server.admin.execute(DepthOverLimitDocument, { id: endpoint.id });
    expect(result.data ?? undefined).toBeUndefined();
    expect(result.errors?.map((e) => e.message)).toEqual([expect.stringMatching(new RegExp(`depth limit of ${server.config.graphqlMaxDepth} exceeded`))]);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.status).toBe(400);
  });

  it('a query nested exactly TIDINGS_GRAPHQL_MAX_DEPTH deep is answered', async () => {
    expect(fieldDepth(DepthAtLimitDocument)).toBe(server.config.graphqlMaxDepth);
    const app = await createApplication(server);
    const endpoint = await createEndpoint(server, app.id, 'https://example.com/hook');
    const data = await server.admin.run(DepthAtLimitDocument, { id: endpoint.id });
    expect(data.endpoint?.application?.endpoints.edges[0]?.node.application?.endpoints.edges[0]?.node.deliveries.edges).toEqual([]);
  });
});

describe('GraphQL Armor limits (set low here)', () => {
  let server: TestServer;
  useTestServer((s) => (server = s), { graphqlMaxAliases: 3, graphqlMaxTokens: 100, graphqlMaxCost: 30 });

  it.each([
    ['more aliases than TIDINGS_GRAPHQL_MAX_ALIASES', `{ ${Array.from({ length: 4 }, (_, i) => `a${i}: eventTypes { name }`).join(' ')} }`, /Aliases limit of 3 exceeded/, 'GRAPHQL_VALIDATION_FAILED'],
    ['a cost above TIDINGS_GRAPHQL_MAX_COST', '{ eventTypes { name description archived createdAt updatedAt schema } applications { edges { node { id name createdAt } } } endpoints { edges { node { id url } } } }', /Cost limit of 30 exceeded/, 'GRAPHQL_VALIDATION_FAILED'],
    ['more tokens than TIDINGS_GRAPHQL_MAX_TOKENS', `{ ${'__typename '.repeat(100)}}`, /Token limit of 100 exceeded/, 'GRAPHQL_PARSE_FAILED'],
  ])('rejects %s with HTTP 400 and a code, before anything runs', async (_name, query, message, code) => {
    const result = await server.admin.execute(query);
    expect(result.status).toBe(400);
    expect(result.data ?? undefined).toBeUndefined();
    expect(result.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([[expect.stringMatching(message), code]]);
  });
});

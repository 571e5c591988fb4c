import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { getNamedType, isInterfaceType, isObjectType, print, type GraphQLObjectType } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { createApp, type App } from '../../src/app.js';
import { schema } from '../../src/graphql/schema/index.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import {
  ApplicationDocument, ApplicationsDocument, ArchiveEventTypeDocument, CreateApplicationDocument, CreateEventTypeDocument,
  EndpointCountDocument, EventsDocument, EventTypeDocument, EventTypesDocument, PublishEventDocument, UpdateEventTypeDocument,
} from '../generated/graphql.js';
import { createApplication, createEventType, uniqueName } from '../support/fixtures.js';
import { GqlClient, type GqlResult } from '../support/gql.js';
import { startTestServer, TEST_ADMIN_TOKEN, testConfig, useTestServer, type TestServer } from '../support/server.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A GraphQL POST with a raw Authorization header (GqlClient always sends a well-formed one). */
async function postWithAuthorization(url: string, authorization: string, query: string): Promise<GqlResult<unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization },
    body: JSON.stringify({ query }),
  });
  return { ...((await res.json()) as GqlResult<unknown>), status: res.status };
}

/** Every value of every row of every table of the SQLite file, read through a separate read-only connection. */
function allStoredValues(dataDir: string): { table: string; column: string; value: string }[] {
  const db = new Database(path.join(dataDir, 'tidings.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.flatMap(({ name }) =>
      (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).flatMap((row) =>
        Object.entries(row).map(([column, value]) => ({ table: name, column, value: String(value) })),
      ),
    );
  } finally {
    db.close();
  }
}

describe('authentication and authorization', () => {
  let server: TestServer;
  useTestServer((started) => (server = started));

  it('a request without a token is UNAUTHENTICATED and gets no data', async () => {
    const result = await server.client().execute(EventTypesDocument, {});
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data?.eventTypes).toBeUndefined();
  });

  it('a mutation without a token is UNAUTHENTICATED and changes nothing', async () => {
    const name = uniqueName('anon.type');
    await server.client().fail(CreateEventTypeDocument, { input: { name } }, 'UNAUTHENTICATED');
    const { eventType } = await server.admin.run(EventTypeDocument, { name });
    expect(eventType).toBeNull();
  });

  it('a wrong bearer token is UNAUTHENTICATED with HTTP status 401', async () => {
    const error = await server.client('tdk_app_not-a-real-key').fail(EventTypesDocument, {}, 'UNAUTHENTICATED');
    expect(error.message).toMatch(/not valid/);
    const result = await server.client('tdk_app_not-a-real-key').execute(EventTypesDocument, {});
    expect(result.status).toBe(401);
  });

  it('an almost-right admin token is UNAUTHENTICATED', async () => {
    await server.client(TEST_ADMIN_TOKEN + 'x').fail(EventTypesDocument, {}, 'UNAUTHENTICATED');
  });

  it.each([
    ['a Basic scheme', 'Basic dXNlcjpwYXNz'],
    ['the scheme without a token', 'Bearer'],
    ['two tokens', `Bearer ${TEST_ADMIN_TOKEN} extra`],
    ['the admin token without a scheme', TEST_ADMIN_TOKEN],
  ])('a malformed Authorization header (%s) is UNAUTHENTICATED, saying the expected form', async (_what, header) => {
    const result = await postWithAuthorization(server.graphqlUrl, header, print(EventTypesDocument));
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toMatch(/Authorization header must be "Bearer <token>"/);
    expect(result.data ?? undefined).toBeUndefined();
  });

  it('the Bearer scheme is accepted in any letter case', async () => {
    const result = await postWithAuthorization(server.graphqlUrl, `bearer ${TEST_ADMIN_TOKEN}`, print(EventTypesDocument));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ eventTypes: expect.any(Array) });
  });

  it('an application key calling createApplication is FORBIDDEN and creates nothing', async () => {
    const app = await createApplication(server);
    const before = await server.admin.run(ApplicationsDocument, { first: 100 });
    await app.client.fail(CreateApplicationDocument, { name: 'sneaky' }, 'FORBIDDEN');
    const after = await server.admin.run(ApplicationsDocument, { first: 100 });
    expect(after.applications.edges).toEqual(before.applications.edges);
  });

  it('an application key listing applications is FORBIDDEN', async () => {
    const app = await createApplication(server);
    const result = await app.client.execute(ApplicationsDocument, { first: 10 });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.data?.applications).toBeUndefined();
  });

  it('an application key calling createEventType is FORBIDDEN and defines nothing', async () => {
    const app = await createApplication(server);
    const name = uniqueName('forbidden.type');
    await app.client.fail(CreateEventTypeDocument, { input: { name } }, 'FORBIDDEN');
    expect((await server.admin.run(EventTypeDocument, { name })).eventType).toBeNull();
  });

  it('an application key calling updateEventType or archiveEventType is FORBIDDEN and changes nothing', async () => {
    const app = await createApplication(server);
    const name = await createEventType(server);
    await app.client.fail(UpdateEventTypeDocument, { input: { name, description: 'changed' } }, 'FORBIDDEN');
    await app.client.fail(ArchiveEventTypeDocument, { input: { name } }, 'FORBIDDEN');
    expect((await server.admin.run(EventTypeDocument, { name })).eventType).toMatchObject({ description: null, archived: false });
  });

  it('an application key calling publishEvent, even for itself, is FORBIDDEN and stores nothing', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    await app.client.fail(PublishEventDocument, { input: { applicationId: app.id, type, payload: { a: 1 } } }, 'FORBIDDEN');
    expect((await server.admin.run(EventsDocument, { applicationId: app.id })).events.edges).toEqual([]);
  });

  it('createApplication returns an API key that authenticates as that application', async () => {
    const { createApplication: created } = await server.admin.run(CreateApplicationDocument, { name: 'Key Holder' });
    expect(created.apiKey).toMatch(/^tdk_app_/);
    const client = server.client(created.apiKey);
    const { application } = await client.run(ApplicationDocument, { id: created.application.id });
    expect(application).toEqual({ id: created.application.id, name: 'Key Holder' });
    // It acts as that application: its endpoint list is scoped to it without naming it.
    expect((await client.run(EndpointCountDocument, {})).endpoints.edges).toEqual([]);
  });

  it('a token cannot be read back: only the payloads that create one have a field with a token or its hash', () => {
    const fields = Object.values(schema.getTypeMap())
      .filter((type) => !type.name.startsWith('__') && (isObjectType(type) || isInterfaceType(type)))
      .flatMap((type) => Object.values((type as GraphQLObjectType).getFields()).map((f) => ({ coordinate: `${type.name}.${f.name}`, field: f })));
    const tokenLike = fields.filter(({ field }) => /^(apiKey|key|token|hash|tokenHash)$/i.test(field.name) && getNamedType(field.type).name === 'String').map((f) => f.coordinate);
    expect(tokenLike.sort()).toEqual([
      'CreateAdminTokenPayload.token', 'CreateApiKeyPayload.key', 'CreateApplicationPayload.apiKey', 'CreatePortalSessionPayload.token', 'RotateApiKeyPayload.key',
    ]);
    // ApiKey and AdminToken show nothing of the token.
    for (const type of ['ApiKey', 'AdminToken']) {
      expect(fields.filter((f) => f.coordinate.startsWith(`${type}.`) && /hash|token|secret/i.test(f.field.name))).toEqual([]);
    }
  });

  it('the store keeps only a hash of an API key, never the key itself', async () => {
    const app = await createApplication(server);
    const values = allStoredValues(server.dataDir);
    // The scan sees the key's row (its hash), so not finding the key means something.
    expect(values).toContainEqual({ table: 'api_keys', column: 'token_hash', value: sha256(app.apiKey) });
    const leaks = values.filter((v) => v.value.includes(app.apiKey));
    expect(leaks, `plain API key found in ${leaks.map((l) => `${l.table}.${l.column}`).join(', ')}`).toEqual([]);
    // Nor anywhere in the raw database files (main file, WAL, shared memory).
    for (const file of fs.readdirSync(server.dataDir)) {
      const bytes = fs.readFileSync(path.join(server.dataDir, file));
      expect(bytes.includes(Buffer.from(app.apiKey)), `plain API key in ${file}`).toBe(false);
    }
  });
});

describe('generated admin token', () => {
  const started: App[] = [];
  async function startApp(store: SqliteStore, config: ReturnType<typeof testConfig>) {
    const app = await createApp({ config, store, log: silentLogger });
    const url = await app.start(0, '127.0.0.1');
    started.push(app);
    return { app, graphqlUrl: `${url}/graphql` };
  }
  afterAll(async () => {
    for (const app of started) await app.stop();
  });

  it('is generated on the first start without TIDINGS_ADMIN_TOKEN, and a second start on the same store generates none', async () => {
    const config = testConfig({ adminToken: undefined, runWorker: false });
    const store = SqliteStore.inDataDir(config.dataDir);
    try {
      const first = await startApp(store, config);
      const token = first.app.generatedAdminToken;
      expect(token).toMatch(/^tdk_adm_/);
      await new GqlClient(first.graphqlUrl, token).run(ApplicationsDocument, { first: 1 });

      const second = await startApp(store, config);
      expect(second.app.generatedAdminToken).toBeUndefined();
      // The first token is still the admin token; the test suite's fixed token is not.
      const { createApplication: created } = await new GqlClient(second.graphqlUrl, token).run(CreateApplicationDocument, { name: 'after restart' });
      expect(created.application.name).toBe('after restart');
      await new GqlClient(second.graphqlUrl, TEST_ADMIN_TOKEN).fail(ApplicationsDocument, { first: 1 }, 'UNAUTHENTICATED');
    } finally {
      for (const app of started.splice(0)) await app.stop();
      await store.close();
    }
  });

  it('survives a restart with a new store on the same data folder, and only its hash is stored', async () => {
    const config = testConfig({ adminToken: undefined, runWorker: false });
    const firstStore = SqliteStore.inDataDir(config.dataDir);
    const first = await startApp(firstStore, config);
    const token = first.app.generatedAdminToken!;
    expect(token).toMatch(/^tdk_adm_/);
    await started.splice(0)[0]!.stop();
    await firstStore.close();

    const values = allStoredValues(config.dataDir);
    expect(values.some((v) => v.value === sha256(token))).toBe(true);
    expect(values.filter((v) => v.value.includes(token))).toEqual([]);

    const store = SqliteStore.inDataDir(config.dataDir);
    try {
      const again = await startApp(store, config);
      expect(again.app.generatedAdminToken).toBeUndefined();
      const { applications } = await new GqlClient(again.graphqlUrl, token).run(ApplicationsDocument, { first: 1 });
      // Only the reserved operations application, created at the first start.
      expect(applications.edges.map((e) => e.node.name)).toEqual(['Tidings operations']);
    } finally {
      for (const app of started.splice(0)) await app.stop();
      await store.close();
    }
  });
});

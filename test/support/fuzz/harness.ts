import { inspect } from 'node:util';
import { TEST_KEY_RING } from '../keys.js';
import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { createApp, type App } from '../../../src/app.js';
import type { Config } from '../../../src/config.js';
import { silentLogger } from '../../../src/log.js';
import { MongoStore } from '../../../src/store/mongo/mongo-store.js';
import type { Store } from '../../../src/store/ports.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { startMongoServer, type MongoServer } from '../ferretdb.js';
import { GqlClient } from '../gql.js';
import { TEST_ADMIN_TOKEN, testConfig } from '../server.js';
import { problemsOf, type Tenancy } from './check.js';
import { generateRequests, toJson, type Caller, type FuzzPools, type FuzzRequest } from './generate.js';
import { Rng } from './rng.js';
import { send } from './send.js';
import { ADMIN_SCOPE } from '../../../src/domain/records.js';

// The fuzz run: a real server on either store, two tenants' records, then generated requests
// from every caller, each answer checked; readiness throughout; and at the end the store must
// hold exactly what the successful mutations said they created.

export type FuzzStore = 'SQLite' | 'MongoDB';

/**
 * The fuzz server's configuration. Only the API serves (no worker: no attempt, sweep or
 * operational event changes the records the run counts). Extend it here when a feature would
 * get in the way of thousands of requests (e.g. a rate limit: set it high).
 */
export const FUZZ_CONFIG: Partial<Config> = { role: 'api', runWorker: false, runApi: true };

export interface FuzzTarget {
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  admin: GqlClient;
  /** The server's store, read only to account for what a deletion removed with it. */
  store: Pick<Store, 'findEndpoints'>;
  stop(): Promise<void>;
}

let databases = 0;

const TENANT_ID = /^[a-z]+_[0-9A-HJKMNP-TV-Z]{26}$/;

export async function startFuzzServer(kind: FuzzStore, overrides: Partial<Config> = {}): Promise<FuzzTarget> {
  const config = testConfig({ ...FUZZ_CONFIG, ...overrides });
  let mongo: MongoServer | undefined;
  let store: Store;
  if (kind === 'MongoDB') {
    mongo = await startMongoServer();
    store = await MongoStore.connect(mongo.uri, `tidings_fuzz_${process.pid}_${++databases}`, { keyRing: TEST_KEY_RING });
  } else {
    store = SqliteStore.inDataDir(config.dataDir);
  }
  const app: App = await createApp({ config, store, log: silentLogger });
  const url = await app.start(0, '127.0.0.1');
  const graphqlUrl = `${url}/graphql`;
  return {
    url,
    graphqlUrl,
    wsUrl: graphqlUrl.replace(/^http/, 'ws'),
    admin: new GqlClient(graphqlUrl, TEST_ADMIN_TOKEN),
    store,
    async stop() {
      await app.stop();
      if (store instanceof MongoStore) await store.dropDatabase();
      await store.close();
      await mongo?.destroy();
    },
  };
}

/** Two applications with endpoints, events and deliveries, and the catalogue they use. */
async function seed(admin: GqlClient, receiverUrl: string): Promise<{ pools: FuzzPools; keys: Record<'own' | 'foreign', string> }> {
  const eventTypes = ['fuzz.order.created', 'fuzz.any'];
  await admin.run(`mutation($input: CreateEventTypeInput!) { createEventType(input: $input) { eventType { name } } }`, {
    input: { name: eventTypes[0], schema: { type: 'object', properties: { id: { type: 'string' } } }, examples: [{ id: 'o1' }] },
  });
  await admin.run(`mutation($input: CreateEventTypeInput!) { createEventType(input: $input) { eventType { name } } }`, { input: { name: eventTypes[1], examples: [{ any: true }] } });
  const tenant = async (name: string) => {
    const { createApplication } = await admin.run<{ createApplication: { application: { id: string }; apiKey: string } }, unknown>(
      `mutation($name: String!) { createApplication(input: { name: $name }) { apiKey application { id } } }`,
      { name },
    );
    const ids = [createApplication.application.id];
    for (let i = 0; i < 2; i++) {
      const { createEndpoint } = await admin.run<{ createEndpoint: { endpoint: { id: string } } }, unknown>(
        `mutation($input: CreateEndpointInput!) { createEndpoint(input: $input) { endpoint { id } } }`,
        { input: { applicationId: createApplication.application.id, url: `${receiverUrl}/${name}/${i}` } },
      );
      ids.push(createEndpoint.endpoint.id);
    }
    for (let i = 0; i < 3; i++) {
      const { publishEvent } = await admin.run<{ publishEvent: { event: { id: string }; deliveries: { id: string }[] } }, unknown>(
        `mutation($input: PublishEventInput!) { publishEvent(input: $input) { event { id } deliveries { id } } }`,
        { input: { applicationId: createApplication.application.id, type: eventTypes[i % 2], payload: { id: `${name}-${i}` } } },
      );
      ids.push(publishEvent.event.id, ...publishEvent.deliveries.map((d) => d.id));
    }
    return { ids, key: createApplication.apiKey };
  };
  const own = await tenant('own');
  const foreign = await tenant('foreign');
  return { pools: { own: own.ids, foreign: foreign.ids, eventTypes, receiverUrl }, keys: { own: own.key, foreign: foreign.key } };
}

/** Every record the admin can list: each root field returning a connection or a list of records, read to the end. */
async function inventory(schema: GraphQLSchema, admin: GqlClient): Promise<Map<string, Set<string>>> {
  const lists = new Map<string, Set<string>>();
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    const named = getNamedType(field.type);
    if (!isObjectType(named)) continue;
    const keyOf = (t: GraphQLObjectType) => (t.getFields().id ? 'id' : t.getFields().name ? 'name' : undefined);
    const trues = field.args.filter((a) => getNamedType(a.type).name === 'Boolean').map((a) => `${a.name}: true`);
    const seen = new Set<string>();
    const edges = named.getFields().edges;
    if (edges && field.args.some((a) => a.name === 'after')) {
      const node = getNamedType((getNamedType(edges.type) as GraphQLObjectType).getFields().node!.type) as GraphQLObjectType;
      const key = keyOf(node);
      if (!key) continue;
      for (let after: string | null = null; ; ) {
        const args: string = [...trues, 'first: 100', ...(after ? [`after: ${JSON.stringify(after)}`] : [])].join(', ');
        type Page = { edges: { node: Record<string, string> }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        const data: Record<string, Page> = await admin.run<Record<string, Page>, unknown>(
          `{ ${field.name}(${args}) { edges { node { ${key} } } pageInfo { hasNextPage endCursor } } }`,
        );
        const page: Page = data[field.name]!;
        for (const e of page.edges) seen.add(e.node[key]!);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
    } else if (isListType(isNonNullType(field.type) ? field.type.ofType : field.type)) {
      const key = keyOf(named);
      if (!key) continue;
      const data = await admin.run<Record<string, Record<string, string>[]>, unknown>(`{ ${field.name}${trues.length ? `(${trues.join(', ')})` : ''} { ${key} } }`);
      for (const r of data[field.name]!) seen.add(r[key]!);
    } else continue;
    lists.set(field.name, seen);
  }
  return lists;
}

/** Ids of the events in the operations application. */
async function operationalEvents(admin: GqlClient): Promise<Set<string>> {
  const { operationsApplication } = await admin.run<{ operationsApplication: { id: string } }, unknown>('{ operationsApplication { id } }');
  const ids = new Set<string>();
  type Page = { events: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  for (let after: string | null = null; ; ) {
    const page: Page = await admin.run<Page, unknown>('query($app: ID, $after: String) { events(applicationId: $app, first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }', { app: operationsApplication.id, after });
    for (const e of page.events.edges) ids.add(e.node.id);
    if (!page.events.pageInfo.hasNextPage) return ids;
    after = page.events.pageInfo.endCursor;
  }
}

/** What identifies a record of the type: its id, or its name when it has none (event types). */
function recordKey(schema: GraphQLSchema, typename: string): string | undefined {
  const type = schema.getType(typename);
  if (!isObjectType(type)) return undefined;
  const fields = type.getFields();
  return fields.id ? 'id' : fields.name ? 'name' : undefined;
}

/** Ids (and names) a successful mutation returned, with their types, and those it says it deleted. */
function collect(schema: GraphQLSchema, value: unknown, typename: string | undefined, key: string, into: { created: Map<string, string>; deleted: Set<string> }): void {
  if (Array.isArray(value)) return value.forEach((v) => collect(schema, v, typename, key, into));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const t = typeof o.__typename === 'string' ? o.__typename : undefined;
    for (const [k, v] of Object.entries(o)) collect(schema, v, t, k, into);
    return;
  }
  if (typeof value !== 'string') return;
  if (/^deleted\w*Id$/.test(key)) into.deleted.add(value);
  else if (typename && key === recordKey(schema, typename)) into.created.set(value, typename);
}

export interface FuzzOptions {
  seed: number;
  count: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Stop sending after this long (a loaded machine gets through fewer requests, not a longer run). */
  budgetMs?: number;
}

export interface FuzzReport {
  problems: string[];
  /** Answers by field and outcome (first error code, or "ok"), to see what the run reached. */
  outcomes: Map<string, Map<string, number>>;
  requests: number;
  /** One example (request and first error message) per field and outcome. */
  examples: Map<string, string>;
  /** Milliseconds spent waiting for answers, by flavour, field and transport. */
  timings: Map<string, number>;
}

function describe(req: FuzzRequest, requestText: string): string {
  const cut = (s: string) => (s.length > 600 ? `${s.slice(0, 600)}… (${s.length} chars)` : s);
  return `#${req.n} ${req.kind} ${req.field} [${req.flavour}, ${req.caller}, ${req.transport}]\n    ${cut(requestText)}`;
}

async function ready(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(`${url}/readyz`);
    const text = await res.text();
    return res.status === 200 && text.includes('ready') ? undefined : `GET /readyz answered ${res.status} ${text.slice(0, 200)}`;
  } catch (err) {
    return `GET /readyz failed: ${(err as Error).message}`;
  }
}

export async function runFuzz(schema: GraphQLSchema, target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const { pools, keys } = await seed(target.admin, 'http://127.0.0.1:9/hook');
  const before = await inventory(schema, target.admin);
  const tokens: Record<Caller, string | undefined> = { admin: TEST_ADMIN_TOKEN, own: keys.own, foreign: keys.foreign, none: undefined, bad: 'tdk_not-a-real-token' };
  const tenancy: Tenancy = { own: new Set(pools.own), foreign: new Set(pools.foreign) };
  const created = new Map<string, string>();
  const deleted = new Set<string>();
  const problems: string[] = [];
  const outcomes = new Map<string, Map<string, number>>();
  const examples = new Map<string, string>();
  const timings = new Map<string, number>();
  const rng = new Rng(options.seed);
  const requests = generateRequests(schema, rng, { count: options.count, pools });
  let sent = 0;
  const deadline = Date.now() + (options.budgetMs ?? Infinity);

  const worker = async () => {
    for (let next = requests.next(); !next.done && Date.now() < deadline; next = requests.next()) {
      const req = next.value;
      const requestText = `${req.query} ${toJson(req.variables)}`;
      let answer;
      const started = performance.now();
      try {
        answer = await send(target, req, tokens[req.caller]);
        const ms = performance.now() - started;
        for (const key of [`flavour ${req.flavour}`, `field ${req.field}`, `transport ${req.transport}`]) timings.set(key, (timings.get(key) ?? 0) + ms);
      } catch (err) {
        problems.push(`${describe(req, requestText)}\n  → no answer: ${err instanceof Error ? err.stack : inspect(err, { depth: 2 })}`);
        continue;
      }
      sent++;
      for (const p of problemsOf(req, answer, requestText, tenancy)) problems.push(`${describe(req, requestText)}\n  → ${p}`);
      const first = answer.results[0];
      const outcome = first?.errors?.length ? (first.errors[0]!.extensions?.code ?? 'no code') : first ? 'ok' : answer.closeCode ? `closed ${answer.closeCode}` : `HTTP ${answer.status}`;
      const byField = outcomes.get(`${req.kind} ${req.field}`) ?? new Map<string, number>();
      byField.set(outcome, (byField.get(outcome) ?? 0) + 1);
      const exampleKey = `${req.kind} ${req.field} ${outcome}`;
      if (!examples.has(exampleKey)) examples.set(exampleKey, `${describe(req, requestText).slice(0, 400)}\n  → ${first?.errors?.[0]?.message?.slice(0, 300) ?? answer.text.slice(0, 200)}`);
      outcomes.set(`${req.kind} ${req.field}`, byField);
      // A mutation whose payload came back did its work, even if a field of the payload failed.
      const payload = (first?.data as Record<string, unknown> | null | undefined)?.[req.field];
      if (req.kind === 'mutation' && payload) {
        const into = { created: new Map<string, string>(), deleted };
        collect(schema, payload, undefined, '', into);
        for (const [id, type] of into.created) {
          created.set(id, type);
          // New records are picked by later requests (deleting a created endpoint, cancelling a job).
          // The admin's are offered as the own caller's too: picking them is a fair test either way.
          if (type === 'EventType') pools.eventTypes.push(id);
          // Tenants' records have prefixed ids; names (event types) are the platform's catalogue.
          if (!TENANT_ID.test(id)) continue;
          if (!pools.own.includes(id) && !pools.foreign.includes(id)) (req.caller === 'foreign' ? pools.foreign : pools.own).push(id);
          if (req.caller === 'own') tenancy.own.add(id);
          if (req.caller === 'foreign') tenancy.foreign.add(id);
        }
      }
      if (sent % 250 === 0) {
        const notReady = await ready(target.url);
        if (notReady) problems.push(`after ${sent} requests: ${notReady}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 6 }, worker));

  const notReady = await ready(target.url);
  if (notReady) problems.push(`after the run: ${notReady}`);

  // The store holds exactly what the successful mutations said: every new record was returned
  // by one, every record gone was deleted by one, and every record returned can be read.
  const after = await inventory(schema, target.admin);
  // Operational events (tidings.endpoint.disabled when an endpoint is disabled, ...) are the
  // documented side effect of some mutations: they live in the operations application.
  const operational = await operationalEvents(target.admin);
  // Deleting an application deletes its endpoints with it.
  const goneEndpoints = [...(before.get('endpoints') ?? []), ...[...created].filter(([, type]) => type === 'Endpoint').map(([id]) => id)]
    .filter((id) => !after.get('endpoints')?.has(id));
  for (const e of await target.store.findEndpoints(ADMIN_SCOPE, goneEndpoints)) if (deleted.has(e.applicationId)) deleted.add(e.id);
  for (const [list, ids] of after) {
    const was = before.get(list) ?? new Set<string>();
    // Audit entries are the documented by-product of every successful management mutation.
    const byProduct = list === 'auditLog';
    for (const id of ids) if (!byProduct && !was.has(id) && !created.has(id) && !operational.has(id)) problems.push(`${list}: ${id} exists but no successful mutation returned it`);
    for (const id of was) if (!ids.has(id) && !deleted.has(id)) problems.push(`${list}: ${id} is gone but no successful mutation deleted it`);
  }
  const nodeTypes = new Set(schema.getImplementations(schema.getType('Node') as never).objects.map((t) => t.name));
  for (const [id, type] of created) {
    if (deleted.has(id)) continue;
    if (nodeTypes.has(type)) {
      const { node } = await target.admin.run<{ node: { id: string } | null }, unknown>(`query($id: ID!) { node(id: $id) { id } }`, { id });
      if (!node) problems.push(`${type} ${id} was returned by a successful mutation but cannot be read`);
    } else if (![...after.values()].some((ids) => ids.has(id)) && ![...before.values()].some((ids) => ids.has(id))) {
      // Not a Node: it must at least be listed (event types by name), unless nothing lists its type.
      const listed = [...after.keys()].some((list) => getNamedType(schema.getQueryType()!.getFields()[list]!.type).name.startsWith(type));
      if (listed) problems.push(`${type} ${id} was returned by a successful mutation but is not listed`);
    }
  }
  return { problems, outcomes, requests: sent, examples, timings };
}

import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Rng } from './rng.js';

// Requests generated from the schema itself: every root field of Query, Mutation and Subscription,
// with arguments built from their input types (a field added later is fuzzed without a list to
// keep). Most arguments are well formed (known enum values, plausible strings, IDs of the
// caller's own records and of another tenant's, real and garbage cursors); each request may also
// carry one kind of wrong input: a wrong type, a missing required value, null where not allowed,
// odd strings, a 1 MB string, JSON nested 10,000 deep, or a huge list. Sent as variables or as
// inline literals, over POST or GET (subscriptions over graphql-ws or SSE), by various callers.

export type OperationKind = 'query' | 'mutation' | 'subscription';
export type Caller = 'admin' | 'own' | 'foreign' | 'none' | 'bad';
export type Transport = 'post' | 'get' | 'ws' | 'sse';
export type Flavour = 'valid' | 'wrong-type' | 'missing-required' | 'null-required' | 'odd-strings' | 'huge-string' | 'deep-json' | 'huge-list';

/** What the generator picks realistic values from: records that exist, per tenant. */
export interface FuzzPools {
  /** Records of the application whose key is the 'own' caller (its ids, by prefix). */
  own: string[];
  /** Records of the other application (the 'foreign' caller's). */
  foreign: string[];
  /** Event type names in the catalogue. */
  eventTypes: string[];
  /** A receiver that answers 2xx, for endpoint URLs. */
  receiverUrl: string;
}

export interface FuzzRequest {
  n: number;
  kind: OperationKind;
  field: string;
  flavour: Flavour;
  caller: Caller;
  transport: Transport;
  query: string;
  variables: Record<string, unknown>;
}

/** A value nested `depth` levels deep, written out only when the request is serialised. */
export class Deep {
  constructor(readonly depth: number, readonly shape: 'list' | 'object') {}
  json(): string {
    return this.shape === 'list' ? '['.repeat(this.depth) + ']'.repeat(this.depth) : '{"a":'.repeat(this.depth) + '1' + '}'.repeat(this.depth);
  }
  literal(): string {
    return this.shape === 'list' ? '['.repeat(this.depth) + ']'.repeat(this.depth) : '{a: '.repeat(this.depth) + '1' + '}'.repeat(this.depth);
  }
}

const DEEP_MARK = '\u0000deep:';

/** JSON of a request body or variables, with Deep values written out (JSON.stringify would recurse 10,000 deep). */
export function toJson(value: unknown): string {
  const found: Deep[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Deep) {
      found.push(v);
      return `${DEEP_MARK}${found.length - 1}`;
    }
    return v;
  });
  if (found.length === 0) return text;
  return text.replace(/"\\u0000deep:(\d+)"/g, (_m, i: string) => found[Number(i)]!.json());
}

const MB = 1 << 20;
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Strings that have broken parsers, stores and templating before. */
export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '日本語 🎉 ﷽ \u202E',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '{"$gt": ""}',
  '{"$where": "sleep(1000)"}',
  "' OR '1'='1",
  '"; DROP TABLE applications; --',
  '%00%27',
  '${7*7}{{7*7}}',
  '\\',
  '\n\r\t',
  '-1',
  'null',
  'NaN',
  'app_',
  'ep_01J0000000000000000000000',
];

/** Values of every JSON-ish type, for wrong-type slots. */
const WRONG_VALUES: readonly unknown[] = [123, -1.5, 'a string', true, { a: 1 }, [1, 'two'], 2 ** 53, ''];

function hostileJson(rng: Rng): unknown {
  return rng.pick<() => unknown>([
    () => JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'),
    () => ({ constructor: { prototype: { polluted: true } } }),
    () => ({ $gt: '' }),
    () => ({ $where: 'sleep(100)', $expr: { $eq: [1, 1] } }),
    () => ({ a: { $regex: '(a+)+$' } }),
    () => ({ 'a.b.c': 1, '': 2, '$': 3 }),
    () => [null, true, 1e308, -0, 'x'],
    () => ({ total: { $gte: 100 }, 'customer.country': { $in: ['DE', 'FR'] } }),
  ])();
}

function plausibleJson(rng: Rng, name: string): unknown {
  if (name === 'schema') {
    return rng.pick<unknown>([{ type: 'object' }, { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }, {}, { type: 'nonsense' }, { $ref: 'http://127.0.0.1:1/schema' }, { type: 'string', pattern: '(a+)+$' }]);
  }
  if (name === 'filter') return rng.pick<unknown>([{ total: { $gte: 100 } }, { 'customer.country': { $in: ['DE', 'FR'] } }, { a: { $exists: true } }, { $or: [{ a: 1 }, { b: 2 }] }, {}]);
  return rng.pick<unknown>([{ id: 'ord_1', total: 120 }, { id: `x${rng.int(1000)}` }, {}, [], 'text', 42, null, { nested: { list: [1, 2, { deep: true }] } }]);
}

/** Mostly a well-formed value, sometimes a plausible mistake (more often outside the 'valid' flavour). */
function choose<T>(s: GenState, valid: readonly T[], invalid: readonly T[]): T {
  return s.rng.chance(s.flavour === 'valid' ? 0.9 : 0.6) || invalid.length === 0 ? s.rng.pick(valid) : s.rng.pick(invalid);
}

/** The record kind an ID slot most likely means: from its name, else from the input type or root field around it. */
const PREFIXES: readonly [RegExp, string][] = [
  [/application/i, 'app_'],
  [/endpoint/i, 'ep_'],
  [/delivery|deliveries/i, 'dlv_'],
  [/bulkjob/i, 'job_'],
  [/portalsession/i, 'ps_'],
  [/event/i, 'evt_'],
];

function idFor(s: GenState, name: string): string {
  const { rng, pools } = s;
  const hint = name === 'id' ? s.context : name;
  const prefix = PREFIXES.find(([re]) => re.test(hint))?.[1];
  const fit = (ids: string[]) => {
    const fitting = prefix ? ids.filter((id) => id.startsWith(prefix)) : ids;
    return fitting.length && rng.chance(0.9) ? fitting : ids;
  };
  return rng.weighted<() => string>([
    [6, () => rng.pick(fit(pools.own))],
    [3, () => rng.pick(fit(pools.foreign))],
    [1, () => rng.pick(['app_01ARZ3NDEKTSV4RRFFQ69G5FAV', 'ep_00000000000000000000000000', 'dlv_x', 'job_', 'nonsense', '', 'evt_' + 'Z'.repeat(26)])],
  ])();
}

function stringFor(s: GenState, name: string): string {
  const { rng, pools, n } = s;
  const lower = name.toLowerCase();
  if (lower === 'after') return choose(s, [...pools.own, ...pools.foreign], ['garbage', '', 'ep_', 'eyJpZCI6MX0=', '-1']);
  if (lower.includes('url')) return choose(s, [pools.receiverUrl, 'https://example.com/hook'], ['http://169.254.169.254/latest/meta-data', 'not a url', 'file:///etc/passwd', 'http://[::1]:1/']);
  if (lower.includes('secret')) return choose(s, ['whsec_' + Buffer.alloc(32, n % 256).toString('base64')], ['whsec_short', 'whsk_' + Buffer.alloc(64, 1).toString('base64'), 'secret']);
  if (lower === 'timeout') return choose(s, ['5s', '250ms'], ['0s', '100d', 'soon', '-1s']);
  if (lower.includes('schedule')) return choose(s, ['5s', '1m'], ['0s', 'soon']);
  if (lower === 'transform') return choose(s, ['event.data', '{ "body": event.data, "headers": { "x-a": "1" } }'], ['$$$(', '($f := function(){$f()}; $f())', '$']);
  if (lower === 'payloadtext') return choose(s, ['{"a":1}', '12345678901234567890', '"text"', '[]'], ['{', 'null', '']);
  if (lower === 'cloudeventssource') return choose(s, ['urn:fuzz', '/relative'], ['not a uri ^']);
  if (lower === 'idempotencykey') return choose(s, [`key-${rng.int(20)}`], ['', 'x'.repeat(1000)]);
  if (lower === 'description') return choose(s, [`described ${n}`], ['']);
  if (lower === 'channels' || lower === 'includefields') return choose(s, ['c1', 'customer.email', 'id'], ['', 'bad channel!']);
  if (lower.includes('eventtype') || lower === 'type' || (lower === 'name' && /EventType/.test(s.context))) {
    return choose(s, [...pools.eventTypes, ...(/create/i.test(s.context) ? [`fuzz.t${n}`] : [])], [`fuzz.t${n}`, 'a.*', '*', 'bad name!', 'x'.repeat(300)]);
  }
  if (lower === 'name' && /header/i.test(s.context)) return choose(s, ['x-fuzz', 'x-tenant'], ['host', 'content-length', 'webhook-id', 'bad header']);
  if (lower === 'name') return choose(s, [`Fuzz ${n}`], ['', 'x'.repeat(300)]);
  if (lower === 'username' || lower === 'clientid') return 'user';
  if (lower === 'scope') return 'read';
  return rng.pick(['text', `v${n}`, 'order.created', 'c1', 'x-fuzz', 'value with spaces']);
}

function intFor(s: GenState, name: string): number {
  if (name === 'first') return choose(s, [1, 5, 100], [0, -1, 101, 2 ** 31 - 1, 1_000_000_000]);
  if (/rate/i.test(name)) return choose(s, [1, 10, 100_000], [0, -5, 100_001]);
  if (/expires/i.test(name)) return choose(s, [60, 3600], [0, -1, 2 ** 31 - 1]);
  return s.rng.pick([0, 1, -1, 42, 2 ** 31 - 1, -(2 ** 31)]);
}

function dateFor(s: GenState, name: string): string {
  const { rng } = s;
  const past = () => new Date(Date.now() - (name === 'until' ? 0 : 3_600_000) - rng.int(3_600_000)).toISOString();
  return choose<() => string>(
    s,
    [past, () => new Date(Date.now() + (name === 'until' ? 86_400_000 : 0)).toISOString()],
    [() => rng.pick(['2026-13-45T99:00:00Z', 'yesterday', '', '0', '1970-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z']), () => new Date(Date.now() + 86_400_000).toISOString()],
  )();
}

const OMIT = Symbol('omit');

interface GenState {
  rng: Rng;
  pools: FuzzPools;
  flavour: Flavour;
  n: number;
  /** Whether the flavour's one wrong input was placed yet. */
  placed: boolean;
  /** The root field and the input type being filled in, for what an `id` or `name` means. */
  context: string;
}

/** A well-formed value for `type` (most of the time; see the flavour), or OMIT for a left-out optional. */
function gen(type: GraphQLInputType, name: string, s: GenState, depth: number): unknown {
  const { rng, flavour } = s;
  const nonNull = isNonNullType(type);
  const inner = nonNull ? type.ofType : type;
  const place = (p: number) => !s.placed && rng.chance(p) && (s.placed = true);

  if (nonNull && flavour === 'missing-required' && place(0.3)) return OMIT;
  if (nonNull && flavour === 'null-required' && place(0.3)) return null;
  if (flavour === 'wrong-type' && place(0.2)) return rng.pick(WRONG_VALUES);
  // Optional values are often left out: every extra field is one more chance of a refusal.
  if (!nonNull && rng.chance(depth === 0 ? 0.3 : flavour === 'valid' ? 0.7 : 0.5)) return rng.chance(0.8) ? OMIT : null;

  if (isListType(inner)) {
    const item = inner.ofType as GraphQLInputType;
    if (flavour === 'huge-list' && place(0.6)) {
      const one = gen(item, name, { ...s, flavour: 'valid' }, depth + 1);
      return Array.from({ length: 20_000 }, () => (one === OMIT ? 'x' : one));
    }
    const count = rng.pick([0, 1, 1, 2, 3]);
    const items: unknown[] = [];
    for (let i = 0; i < count; i++) {
      const v = gen(item, name, s, depth + 1);
      items.push(v === OMIT ? null : v);
    }
    return items;
  }
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    const context = s.context;
    s.context = `${context} ${inner.name}`;
    for (const field of Object.values(inner.getFields())) {
      const v = gen(field.type, field.name, s, depth + 1);
      if (v !== OMIT) out[field.name] = v;
    }
    s.context = context;
    return out;
  }
  if (isEnumType(inner)) {
    const values = inner.getValues().map((v) => v.name);
    return flavour === 'odd-strings' && place(0.3) ? rng.pick(['UNKNOWN_VALUE', values[0]!.toLowerCase(), '']) : rng.pick(values);
  }
  // Scalars.
  const scalar = inner.name;
  if (scalar === 'JSON') {
    if (flavour === 'deep-json' && place(0.7)) return new Deep(10_000, rng.pick(['list', 'object'] as const));
    if (flavour === 'huge-string' && place(0.4)) return { big: 'x'.repeat(MB) };
    return flavour === 'odd-strings' || rng.chance(0.2) ? hostileJson(rng) : plausibleJson(rng, name);
  }
  if (scalar === 'Int') return intFor(s, name);
  if (scalar === 'Float') return rng.pick([0, 1.5, -1, 1e308]);
  if (scalar === 'Boolean') return rng.chance(0.5);
  // String-like: String, ID, DateTime and any custom scalar.
  if (flavour === 'huge-string' && place(0.5)) return rng.pick(['x', 'é', '🎉']).repeat(MB / 4);
  if (flavour === 'odd-strings' && rng.chance(0.5)) return rng.pick(ODD_STRINGS);
  if (scalar === 'ID') return idFor(s, name);
  if (scalar === 'DateTime') return dateFor(s, name);
  return stringFor(s, name);
}

/** An inline GraphQL literal for a value, or undefined when it cannot be written inline (keys that are not names). */
function literal(value: unknown, type: GraphQLInputType | undefined): string | undefined {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Deep) return value.literal();
  const named = type ? getNamedType(type) : undefined;
  if (typeof value === 'string') {
    if (named && isEnumType(named) && NAME.test(value) && named.getValue(value)) return value;
    return JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const itemType = type && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) {
    const inner = itemType && isListType(itemType) ? (itemType.ofType as GraphQLInputType) : undefined;
    const parts = value.map((v) => literal(v, inner ?? (itemType && !isListType(itemType) ? itemType : undefined)));
    return parts.some((p) => p === undefined) ? undefined : `[${parts.join(', ')}]`;
  }
  const fields = named && isInputObjectType(named) ? named.getFields() : undefined;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!NAME.test(k)) return undefined;
    const part = literal(v, fields?.[k]?.type);
    if (part === undefined) return undefined;
    parts.push(`${k}: ${part}`);
  }
  return `{${parts.join(', ')}}`;
}

/** Inline arguments for a nested field: its required ones always, the others now and then; lists read a few records. */
function nestedArgs(field: GraphQLField<unknown, unknown>, s: GenState, fuzz: boolean): string | undefined {
  const parts: string[] = [];
  for (const arg of field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (arg.name === 'first') {
      // Enough to see whose records they are, cheap enough for thousands of requests.
      parts.push(`first: ${!fuzz || s.rng.chance(0.9) ? 3 : s.rng.pick([0, -1, 2 ** 31 - 1])}`);
      continue;
    }
    if (!fuzz) {
      if (required) return undefined;
      continue;
    }
    if (!required && s.rng.chance(0.7)) continue;
    const value = gen(arg.type, arg.name, s, 1);
    if (value === OMIT) continue;
    const lit = literal(value, arg.type);
    if (lit === undefined) {
      if (required) return undefined;
      continue;
    }
    parts.push(`${arg.name}: ${lit}`);
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

/**
 * A selection of every field, `maxDepth` object levels deep; nested fields get arguments too
 * (generated like the root's), so that e.g. Endpoint.stats(since) and Event.deliveries(first) are fuzzed.
 */
function selectionOf(type: GraphQLNamedType, depth: number, maxDepth: number, s: GenState, fuzz: boolean): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type)) return '{ __typename }';
  if (isInterfaceType(type) && !isObjectType(type)) {
    const idField = type.getFields().id ? ' id' : '';
    return `{ __typename${idField} }`;
  }
  const parts: string[] = ['__typename'];
  for (const f of Object.values((type as GraphQLObjectType).getFields())) {
    const named = getNamedType(f.type);
    if (!isLeafType(named) && depth >= maxDepth) continue;
    const args = f.args.length ? nestedArgs(f, s, fuzz) : '';
    if (args === undefined) continue;
    parts.push(`${f.name}${args}${isLeafType(named) ? '' : ` ${selectionOf(named, depth + 1, maxDepth, s, fuzz)}`}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/**
 * Connections need edges > node > records' own objects; payloads need their records' ids.
 * A mutation's payload gets no generated arguments: a refused nested argument nulls the payload
 * (GraphQL's error propagation) after the mutation did its work, and the run could not tell what
 * it created.
 */
function selectionFor(field: GraphQLField<unknown, unknown>, kind: OperationKind, s: GenState): string {
  // The nested arguments are mostly well formed (the root's flavour is the request's one wrong input).
  return selectionOf(getNamedType(field.type), 1, 4, { ...s, flavour: 'valid', placed: true }, kind !== 'mutation');
}

export interface RootField {
  kind: OperationKind;
  field: GraphQLField<unknown, unknown>;
}

/** Every root field of the schema, by operation kind. */
export function rootFields(schema: GraphQLSchema): RootField[] {
  const roots: [OperationKind, GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, type]) => Object.values(type?.getFields() ?? {}).map((field) => ({ kind, field })));
}

function argsText(args: readonly GraphQLArgument[], values: Map<string, unknown>, variables: Record<string, unknown>, decls: string[], inline: boolean, s: GenState): string {
  const parts: string[] = [];
  for (const arg of args) {
    if (!values.has(arg.name)) {
      // missing-required with variables: declare the variable, send no value.
      if (s.flavour === 'missing-required' && isNonNullType(arg.type) && !inline && s.rng.chance(0.5)) {
        decls.push(`$${arg.name}: ${String(arg.type)}`);
        parts.push(`${arg.name}: $${arg.name}`);
      }
      continue;
    }
    const value = values.get(arg.name);
    const lit = inline ? literal(value, arg.type) : undefined;
    if (lit !== undefined) {
      parts.push(`${arg.name}: ${lit}`);
    } else {
      decls.push(`$${arg.name}: ${String(arg.type)}`);
      variables[arg.name] = value;
      parts.push(`${arg.name}: $${arg.name}`);
    }
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

export interface GenerateOptions {
  count: number;
  pools: FuzzPools;
  /** Share of subscription requests among all (they are slower to answer). */
  subscriptionShare?: number;
}

/** `count` requests over every root field, round-robin so that each field gets its share. */
export function* generateRequests(schema: GraphQLSchema, rng: Rng, options: GenerateOptions): Generator<FuzzRequest> {
  const all = rootFields(schema);
  const plain = all.filter((r) => r.kind !== 'subscription');
  const live = all.filter((r) => r.kind === 'subscription');
  const subscriptionShare = options.subscriptionShare ?? 0.03;
  for (let n = 0; n < options.count; n++) {
    // Every field once before any twice, then at random.
    const root = n < all.length ? all[n]! : live.length && rng.chance(subscriptionShare) ? rng.pick(live) : rng.pick(plain);
    const flavour = rng.weighted<Flavour>([
      [50, 'valid'],
      [10, 'wrong-type'],
      [8, 'missing-required'],
      [8, 'null-required'],
      [14, 'odd-strings'],
      [3, 'huge-string'],
      [4, 'deep-json'],
      [3, 'huge-list'],
    ]);
    const caller = rng.weighted<Caller>([[30, 'admin'], [30, 'own'], [15, 'foreign'], [12, 'none'], [13, 'bad']]);
    const transport: Transport = root.kind === 'subscription' ? rng.pick(['ws', 'sse'] as const) : rng.weighted<Transport>([[85, 'post'], [root.kind === 'mutation' ? 4 : 15, 'get']]);
    const s: GenState = { rng, pools: options.pools, flavour, n, placed: false, context: root.field.name };
    const values = new Map<string, unknown>();
    for (const arg of root.field.args) {
      const v = gen(arg.type, arg.name, s, 0);
      if (v !== OMIT) values.set(arg.name, v);
    }
    // The flavour's wrong input lands on the first argument when no slot took it.
    const first = root.field.args[0];
    if (!s.placed && flavour !== 'valid' && flavour !== 'odd-strings' && first) {
      if (flavour === 'missing-required') values.delete(first.name);
      else if (flavour === 'null-required') values.set(first.name, null);
      else if (flavour === 'wrong-type') values.set(first.name, rng.pick(WRONG_VALUES));
      else if (flavour === 'huge-string') values.set(first.name, 'x'.repeat(MB));
      else if (flavour === 'deep-json') values.set(first.name, new Deep(10_000, 'list'));
      else if (flavour === 'huge-list') values.set(first.name, Array.from({ length: 20_000 }, (_, i) => `item${i}`));
    }
    const inline = rng.chance(0.4);
    const variables: Record<string, unknown> = {};
    const decls: string[] = [];
    const args = argsText(root.field.args, values, variables, decls, inline, s);
    const header = decls.length ? `${root.kind} Fuzz(${decls.join(', ')})` : `${root.kind} Fuzz`;
    const query = `${header} { ${root.field.name}${args} ${selectionFor(root.field, root.kind, s)} }`;
    yield { n, kind: root.kind, field: root.field.name, flavour, caller, transport, query, variables };
  }
}

import { isFieldPath } from '../delivery/convert/include-fields.js';
import { headerProblem, MAX_EXTRA_HEADERS } from '../delivery/convert/headers.js';
import { compileTransform, MAX_TRANSFORM_LENGTH, TransformSyntaxError } from '../delivery/convert/transform.js';
import { filterProblem } from '../domain/event-filter.js';
import { DEFAULT_DELIVERY_OPTIONS, type DeliveryOptions, type EndpointAuth, type EndpointFormat, type HeaderRecord } from '../domain/records.js';
import { webhookUrl } from './validate.js';
import { BadInputError } from '../errors.js';
import { assertJsonDepth } from './json-value.js';

// An endpoint's triggers and converters as given to createEndpoint/updateEndpoint: each checked
// when it is set, so that a delivery never meets an option it cannot apply.

/** The delivery options fields of the endpoint inputs; on update, omitted = unchanged, null = back to the default. */
export interface DeliveryOptionsInput {
  format?: EndpointFormat | null;
  cloudEventsSource?: string | null;
  channels?: string[] | null;
  filter?: unknown;
  includeFields?: string[] | null;
  transform?: string | null;
  headers?: HeaderRecord[] | null;
  auth?: EndpointAuthInput | null;
}

/** Exactly one kind of credentials. */
export interface EndpointAuthInput {
  basic?: { username: string; password: string } | null;
  bearer?: { token: string } | null;
  oauth2ClientCredentials?: { tokenUrl: string; clientId: string; clientSecret: string; scope?: string | null } | null;
}

const KEYS = ['format', 'cloudEventsSource', 'channels', 'filter', 'includeFields', 'transform', 'headers', 'auth'] as const;

export const MAX_CHANNELS = 50;
const CHANNEL = /^[A-Za-z0-9_.:\-]{1,128}$/;

/** Whether the input sets any delivery option. */
export function setsDeliveryOptions(input: DeliveryOptionsInput): boolean {
  return KEYS.some((k) => input[k] !== undefined);
}

/** `base` with the input's options applied (each validated); null resets an option to its default. */
export function deliveryOptions(input: DeliveryOptionsInput, base: DeliveryOptions = DEFAULT_DELIVERY_OPTIONS, maxJsonDepth = 64): DeliveryOptions {
  const out: DeliveryOptions = { ...base };
  if (input.format !== undefined) out.format = input.format ?? DEFAULT_DELIVERY_OPTIONS.format;
  if (input.cloudEventsSource !== undefined) out.cloudEventsSource = cloudEventsSource(input.cloudEventsSource);
  if (input.channels !== undefined) out.channels = input.channels === null ? null : channelList('channels', input.channels);
  if (input.filter !== undefined) out.filter = filter(input.filter, maxJsonDepth);
  if (input.includeFields !== undefined) out.includeFields = input.includeFields === null ? null : fieldPaths(input.includeFields);
  if (input.transform !== undefined) out.transform = transform(input.transform);
  if (input.headers !== undefined) out.headers = input.headers === null ? [] : headers(input.headers);
  if (input.auth !== undefined) out.auth = input.auth === null ? null : auth(input.auth);
  return out;
}

/** The token URL of OAuth2 credentials, to check where it points like an endpoint URL (SSRF guard). */
export function tokenUrlOf(options: Pick<DeliveryOptions, 'auth'>): string | null {
  return options.auth?.kind === 'OAUTH2_CLIENT_CREDENTIALS' ? options.auth.tokenUrl : null;
}

const credential = (field: string, value: string, max = 4096): string => {
  if (value.length === 0 || value.length > max || /[\r\n\0]/.test(value)) throw new BadInputError(field, `must be 1 to ${max} characters without line breaks`);
  return value;
};

function auth(input: EndpointAuthInput): EndpointAuth {
  const given = (['basic', 'bearer', 'oauth2ClientCredentials'] as const).filter((k) => input[k] != null);
  if (given.length !== 1) throw new BadInputError('auth', 'give exactly one of basic, bearer or oauth2ClientCredentials');
  if (input.basic) {
    if (input.basic.username.includes(':')) throw new BadInputError('auth.basic.username', 'must not contain ":"');
    return { kind: 'BASIC', username: credential('auth.basic.username', input.basic.username, 256), password: credential('auth.basic.password', input.basic.password) };
  }
  if (input.bearer) return { kind: 'BEARER', token: credential('auth.bearer.token', input.bearer.token) };
  const o = input.oauth2ClientCredentials!;
  return {
    kind: 'OAUTH2_CLIENT_CREDENTIALS',
    tokenUrl: webhookUrl('auth.oauth2ClientCredentials.tokenUrl', o.tokenUrl),
    clientId: credential('auth.oauth2ClientCredentials.clientId', o.clientId, 1024),
    clientSecret: credential('auth.oauth2ClientCredentials.clientSecret', o.clientSecret),
    scope: o.scope == null || o.scope === '' ? null : credential('auth.oauth2ClientCredentials.scope', o.scope, 1024),
  };
}

/** Channels of an endpoint or an event: 1 to 50 names of letters, digits and `_ . : -`. */
export function channelList(field: string, channels: readonly string[]): string[] {
  if (channels.length === 0) throw new BadInputError(field, 'must not be empty; omit it (or set null) for every channel');
  if (channels.length > MAX_CHANNELS) throw new BadInputError(field, `must list at most ${MAX_CHANNELS} channels`);
  for (const c of channels) {
    if (!CHANNEL.test(c)) throw new BadInputError(field, `"${c}" is not a channel name (1 to 128 letters, digits, "_", ".", ":" or "-")`);
  }
  return [...new Set(channels)];
}

function cloudEventsSource(value: string | null): string | null {
  if (value === null) return null;
  // A URI-reference (CloudEvents 1.0): no spaces or control characters.
  if (value.length === 0 || value.length > 1024 || /[\s\0-\x1f]/.test(value)) {
    throw new BadInputError('cloudEventsSource', 'must be a URI reference of 1 to 1024 characters without spaces, e.g. https://shop.example.com/orders');
  }
  return value;
}

function filter(value: unknown, maxJsonDepth: number): Record<string, unknown> | null {
  if (value === null) return null;
  assertJsonDepth('filter', value, maxJsonDepth);
  const plain = JSON.parse(JSON.stringify(value)) as unknown; // the JSON scalar's literals have a null prototype
  if (JSON.stringify(plain).length > 16_384) throw new BadInputError('filter', 'must be at most 16384 characters of JSON');
  const problem = filterProblem(plain);
  if (problem) throw new BadInputError('filter', problem.replace(/^filter(\.|: | )/, ''));
  return plain as Record<string, unknown>;
}

function fieldPaths(paths: readonly string[]): string[] {
  if (paths.length === 0) throw new BadInputError('includeFields', 'must not be empty; omit it (or set null) to send all of the data');
  if (paths.length > 100) throw new BadInputError('includeFields', 'must list at most 100 paths');
  for (const p of paths) if (!isFieldPath(p)) throw new BadInputError('includeFields', `"${p}" is not a dotted path such as "customer.email"`);
  return [...new Set(paths)];
}

function transform(value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  if (value.length > MAX_TRANSFORM_LENGTH) throw new BadInputError('transform', `must be at most ${MAX_TRANSFORM_LENGTH} characters`);
  try {
    compileTransform(value);
  } catch (err) {
    if (err instanceof TransformSyntaxError) {
      throw new BadInputError('transform', `is not a valid JSONata expression at position ${err.position}: ${err.message}`, { position: err.position });
    }
    throw err;
  }
  return value;
}

function headers(list: readonly HeaderRecord[]): HeaderRecord[] {
  if (list.length > MAX_EXTRA_HEADERS) throw new BadInputError('headers', `must list at most ${MAX_EXTRA_HEADERS} headers`);
  const seen = new Set<string>();
  return list.map(({ name, value }) => {
    const problem = headerProblem(name, value);
    if (problem) throw new BadInputError('headers', problem);
    const lower = name.toLowerCase();
    if (seen.has(lower)) throw new BadInputError('headers', `"${name}" is listed twice`);
    seen.add(lower);
    return { name: lower, value };
  });
}

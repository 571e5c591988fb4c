import type { Deps } from '../deps.js';
import { announceDeliveries, announceEventPublished } from '../live/announce.js';
import { BadInputError, ConflictError, DomainError } from '../errors.js';
import { newId } from '../ids.js';
import type { AdminScope, EventRecord, EventTypeRecord, Scope } from '../domain/records.js';
import type { Page, PageArgs, PublishResult } from '../store/ports.js';
import { narrowScope, resolveApplicationId } from './access.js';
import { publishableEventType, validatePayload } from './event-types.js';
import { assertJsonDepth, sameJsonValue } from './json-value.js';
import { channelList } from './delivery-options.js';
import { eventTypeFilter } from './endpoints.js';

export interface PublishEventInput {
  applicationId: string;
  type: string;
  payload?: unknown;
  /** The payload as JSON text, stored and sent byte for byte (instead of `payload`). */
  payloadText?: string | null;
  channels?: string[] | null;
  idempotencyKey?: string | null;
}

/**
 * Validates the payload, then stores the event and its deliveries in one write before returning.
 * A repeated idempotency key returns the original event when type and payload are the same.
 */
export async function publishEvent(deps: Deps, admin: AdminScope, input: PublishEventInput): Promise<PublishResult> {
  const now = deps.now();
  const event = await acceptEvent(deps, admin, input, now, newLookups());
  const result = await deps.store.publishEvent(event, { idempotentSince: now - deps.config.idempotencyWindowMs });
  if (!result.created) {
    assertSameReplay(result, event);
    return result;
  }
  announceEventPublished(deps.pubsub, result.event);
  announceDeliveries(deps.pubsub, result.deliveries);
  return result;
}

/** The errors one event of a batch can get; any other fails the whole call. */
export const ITEM_ERROR_CODES = ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'] as const;
type ItemError = DomainError & { code: (typeof ITEM_ERROR_CODES)[number] };
const isItemError = (err: unknown): err is ItemError => err instanceof DomainError && (ITEM_ERROR_CODES as readonly string[]).includes(err.code);

/** One event of a publishEvents call: what was stored (or replayed) for it, or why it was refused. */
export type PublishOutcome = { index: number } & ({ result: PublishResult; error?: undefined } | { result?: undefined; error: ItemError });

/**
 * Publishes a batch: each event is checked as publishEvent checks it, and one that fails (or
 * repeats an idempotency key of an earlier event of the batch) gets its error without failing the
 * others. Every accepted event and its deliveries are stored in one store call before this
 * returns, and announced once for the batch. Only a failure of the call itself (too many events,
 * the store unavailable) throws.
 */
export async function publishEvents(deps: Deps, admin: AdminScope, inputs: readonly PublishEventInput[]): Promise<PublishOutcome[]> {
  if (inputs.length > deps.config.maxEventsPerCall) {
    throw new BadInputError('events', `has ${inputs.length} events; the limit is ${deps.config.maxEventsPerCall} per call (TIDINGS_MAX_EVENTS_PER_CALL)`);
  }
  const now = deps.now();
  const lookups = newLookups();
  const outcomes: PublishOutcome[] = [];
  const accepted: { index: number; event: EventRecord }[] = [];
  // Which event of the batch holds each (application, idempotency key).
  const keyHolders = new Map<string, number>();
  for (const [index, input] of inputs.entries()) {
    try {
      const event = await acceptEvent(deps, admin, input, now, lookups);
      if (event.idempotencyKey !== null) {
        const slot = JSON.stringify([event.applicationId, event.idempotencyKey]);
        const holder = keyHolders.get(slot);
        if (holder !== undefined) throw new BadInputError('idempotencyKey', `"${event.idempotencyKey}" is also the key of event ${holder} of this batch; give each event its own key`);
        keyHolders.set(slot, index);
      }
      accepted.push({ index, event });
    } catch (err) {
      if (!isItemError(err)) throw err;
      outcomes[index] = { index, error: err };
    }
  }
  const results = accepted.length ? await deps.store.publishEvents(accepted.map((a) => a.event), { idempotentSince: now - deps.config.idempotencyWindowMs }) : [];
  const created: PublishResult[] = [];
  for (const [i, { index, event }] of accepted.entries()) {
    const result = results[i]!;
    try {
      if (!result.created) assertSameReplay(result, event);
      else created.push(result);
      outcomes[index] = { index, result };
    } catch (err) {
      if (!isItemError(err)) throw err;
      outcomes[index] = { index, error: err };
    }
  }
  for (const result of created) announceEventPublished(deps.pubsub, result.event);
  announceDeliveries(deps.pubsub, created.flatMap((r) => r.deliveries));
  return outcomes;
}

/** Per call: each application and event type a batch names is looked up once. */
interface Lookups {
  applications: Map<string, Promise<string>>;
  eventTypes: Map<string, Promise<EventTypeRecord>>;
}

const newLookups = (): Lookups => ({ applications: new Map(), eventTypes: new Map() });

function lookUp<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let found = cache.get(key);
  if (!found) cache.set(key, (found = load()));
  return found;
}

/**
 * The event record of one input, every publish rule checked: a visible application, a publishable
 * type, exactly one payload within the depth and size limits that matches the type's JSON Schema,
 * valid channels and idempotency key. Throws the domain error of the first rule broken.
 */
async function acceptEvent(deps: Deps, admin: AdminScope, input: PublishEventInput, now: number, lookups: Lookups): Promise<EventRecord> {
  const applicationId = await lookUp(lookups.applications, input.applicationId, () => resolveApplicationId(deps.store, admin, input.applicationId));
  const eventType = await lookUp(lookups.eventTypes, input.type, () => publishableEventType(deps, input.type));
  const { field, payload, value } = payloadOf(input, deps.config.maxJsonDepth);
  const size = Buffer.byteLength(payload);
  if (size > deps.config.maxPayloadBytes) {
    throw new BadInputError(field, `is ${size} bytes of JSON; the limit is ${deps.config.maxPayloadBytes} (TIDINGS_MAX_PAYLOAD_BYTES)`);
  }
  validatePayload(eventType, value);
  const channels = input.channels == null ? [] : channelList('channels', input.channels);
  const idempotencyKey = input.idempotencyKey ?? null;
  if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > 256)) {
    throw new BadInputError('idempotencyKey', 'must be 1 to 256 characters');
  }
  return { id: newId('Event', now), applicationId, type: eventType.name, payload, channels, testEndpointId: null, idempotencyKey, createdAt: now };
}

/** A replayed idempotency key must come with the original's type and payload; otherwise CONFLICT. */
function assertSameReplay(result: PublishResult, event: EventRecord): void {
  // Compared as JSON values, both read back from JSON text: an inline literal (null-prototype
  // objects from the JSON scalar), a variable, another key order or whitespace are the same payload.
  const same = result.event.type === event.type && sameJsonValue(JSON.parse(result.event.payload), JSON.parse(event.payload));
  if (!same) {
    throw new ConflictError(`idempotency key "${event.idempotencyKey}" was already used for event ${result.event.id} with a different type or payload`);
  }
}

const NULL_PAYLOAD = 'must not be null: give an object, a list, a string, a number or a boolean';

/**
 * The payload as stored text, from `payload` (printed as JSON) or `payloadText` (kept byte for
 * byte, so numbers beyond double precision arrive as they were sent): exactly one of them.
 */
function payloadOf(input: PublishEventInput, maxDepth: number): { field: string; payload: string; value: unknown } {
  const text = input.payloadText ?? undefined;
  if (input.payload !== undefined && text !== undefined) throw new BadInputError('payloadText', 'give either payload or payloadText, not both');
  if (text !== undefined) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new BadInputError('payloadText', `is not valid JSON: ${(err as Error).message}`);
    }
    assertJsonDepth('payloadText', value, maxDepth);
    if (value === null) throw new BadInputError('payloadText', NULL_PAYLOAD);
    return { field: 'payloadText', payload: text, value };
  }
  if (input.payload === undefined) throw new BadInputError('payload', 'is required (or give payloadText)');
  // An event's payload is never null (Event.payload is JSON!): a null would be stored and then be unreadable.
  if (input.payload === null) throw new BadInputError('payload', NULL_PAYLOAD);
  // Depth first: printing a value nested too deeply could overflow the stack.
  assertJsonDepth('payload', input.payload, maxDepth);
  return { field: 'payload', payload: JSON.stringify(input.payload), value: input.payload };
}

/** Events the scope can see, newest first, optionally of one application and one type. */
export async function listEvents(deps: Deps, scope: Scope, filter: { applicationId?: string | null; type?: string | null }, page: PageArgs): Promise<Page<EventRecord>> {
  const narrowed = await narrowScope(deps.store, scope, filter.applicationId);
  return deps.store.listEvents(narrowed, filter.type ? { type: filter.type } : {}, page);
}

export function findEvent(deps: Deps, scope: Scope, id: string): Promise<EventRecord | null> {
  return deps.store.findEvent(scope, id);
}

/** Events of many IDs in one read (nested fields of a page). */
export function loadEvents(deps: Deps, scope: Scope, ids: readonly string[]): Promise<EventRecord[]> {
  return deps.store.findEvents(scope, ids);
}

/**
 * The live feed of published events the scope can see (with their payloads), optionally of one
 * application and of some types (exact names, `prefix.*` or `*`, as endpoints take them).
 */
export async function followEvents(
  deps: Deps,
  scope: Scope,
  filter: { applicationId?: string | null; eventTypes?: string[] | null } | null | undefined,
): Promise<AsyncIterableIterator<EventRecord>> {
  const narrowed = await narrowScope(deps.store, scope, filter?.applicationId);
  const patterns = await eventTypeFilter(deps, filter?.eventTypes);
  return deps.liveEvents.follow(narrowed, patterns);
}

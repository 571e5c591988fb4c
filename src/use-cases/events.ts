import type { Deps } from '../deps.js';
import { announceDeliveries, announceEventPublished } from '../live/announce.js';
import { BadInputError, ConflictError } from '../errors.js';
import { newId } from '../ids.js';
import type { AdminScope, EventRecord, Scope } from '../domain/records.js';
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
  const applicationId = await resolveApplicationId(deps.store, admin, input.applicationId);
  const eventType = await publishableEventType(deps, input.type);
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
  const now = deps.now();
  const result = await deps.store.publishEvent(
    { id: newId('Event', now), applicationId, type: eventType.name, payload, channels, testEndpointId: null, idempotencyKey, createdAt: now },
    { idempotentSince: now - deps.config.idempotencyWindowMs },
  );
  if (!result.created) {
    // Compared as JSON values, both read back from JSON text: an inline literal (null-prototype
    // objects from the JSON scalar), a variable, another key order or whitespace are the same payload.
    const same = result.event.type === eventType.name && sameJsonValue(JSON.parse(result.event.payload), JSON.parse(payload));
    if (!same) {
      throw new ConflictError(`idempotency key "${idempotencyKey}" was already used for event ${result.event.id} with a different type or payload`);
    }
    return result;
  }
  announceEventPublished(deps.pubsub, result.event);
  announceDeliveries(deps.pubsub, result.deliveries);
  return result;
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

import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Deps } from '../deps.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { EVENT_TYPE_NAME } from '../domain/event-types.js';
import type { EventTypeRecord, AdminScope } from '../domain/records.js';
import { assertJsonDepth } from './json-value.js';
import { optionalText } from './validate.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

/** Compiled validators by event type, rebuilt whenever the type's schema text changes. */
const validators = new Map<string, { schemaText: string; validate: ValidateFunction }>();

function compile(field: string, schema: unknown): ValidateFunction {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new BadInputError(field, 'must be a JSON Schema object');
  }
  try {
    return ajv.compile(schema as object);
  } catch (err) {
    throw new BadInputError(field, `is not a valid JSON Schema: ${(err as Error).message}`);
  }
}

/** Validates a payload against its type's schema; BAD_USER_INPUT lists every schema error. */
export function validatePayload(eventType: Pick<EventTypeRecord, 'name' | 'schema'>, payload: unknown, field = 'payload'): void {
  if (eventType.schema === null || eventType.schema === undefined) return;
  const schemaText = JSON.stringify(eventType.schema);
  let cached = validators.get(eventType.name);
  if (!cached || cached.schemaText !== schemaText) {
    cached = { schemaText, validate: compile('schema', eventType.schema) };
    validators.set(eventType.name, cached);
  }
  if (!cached.validate(payload)) {
    const errors = (cached.validate.errors ?? []).map((e) => ({ path: e.instancePath || '/', message: e.message ?? 'is invalid' }));
    const summary = errors.map((e) => `${e.path} ${e.message}`).join('; ');
    throw new BadInputError(field, `does not match the schema of "${eventType.name}": ${summary}`, { schemaErrors: errors });
  }
}

/** A given schema must be shallow enough to walk safely, then compile. */
function checkedSchema(deps: Deps, schema: unknown): void {
  if (schema === undefined || schema === null) return;
  assertJsonDepth('schema', schema, deps.config.maxJsonDepth);
  compile('schema', schema);
}

export interface EventTypeInput {
  description?: string | null;
  schema?: unknown;
  examples?: unknown[] | null;
}

export const MAX_EXAMPLES = 20;

/** Example payloads: each must be shallow and small enough to publish, and match the schema. */
function checkedExamples(deps: Deps, name: string, schema: unknown, examples: readonly unknown[]): unknown[] {
  if (examples.length > MAX_EXAMPLES) throw new BadInputError('examples', `must list at most ${MAX_EXAMPLES} payloads`);
  const probe = { name, schema };
  examples.forEach((example, i) => {
    assertJsonDepth(`examples[${i}]`, example, deps.config.maxJsonDepth);
    const size = Buffer.byteLength(JSON.stringify(example));
    if (size > deps.config.maxPayloadBytes) throw new BadInputError(`examples[${i}]`, `is ${size} bytes of JSON; the limit is ${deps.config.maxPayloadBytes}`);
    validatePayload(probe, example, `examples[${i}]`);
  });
  return JSON.parse(JSON.stringify(examples)); // the JSON scalar's literals have a null prototype
}

export async function createEventType(deps: Deps, _admin: AdminScope, input: EventTypeInput & { name: string }): Promise<EventTypeRecord> {
  const name = input.name;
  if (name.length === 0 || name.length > 256 || !EVENT_TYPE_NAME.test(name)) {
    throw new BadInputError('name', 'must be 1 to 256 characters of dot-separated segments of letters, digits, "_" and "-" (e.g. "order.created")');
  }
  checkedSchema(deps, input.schema);
  const now = deps.now();
  const record: EventTypeRecord = {
    name,
    description: optionalText('description', input.description, 2048),
    schema: input.schema ?? null,
    examples: checkedExamples(deps, name, input.schema ?? null, input.examples ?? []),
    archived: false,
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.createEventType(record);
  return record;
}

export async function updateEventType(deps: Deps, _admin: AdminScope, name: string, input: EventTypeInput & { archived?: boolean | null }): Promise<EventTypeRecord> {
  checkedSchema(deps, input.schema);
  let examples: unknown[] | undefined;
  if (input.examples !== undefined || (input.schema !== undefined && input.schema !== null)) {
    // New examples are checked against the schema in force after this change; so are the stored
    // ones when only the schema changes, so that no example stops matching its type.
    const existing = await deps.store.findEventType(name);
    if (!existing) throw new NotFoundError('event type', name);
    const schema = input.schema !== undefined ? input.schema : existing.schema;
    examples = checkedExamples(deps, name, schema, input.examples === undefined ? existing.examples : (input.examples ?? []));
  }
  const patch = {
    ...(examples !== undefined ? { examples } : {}),
    ...(input.description !== undefined ? { description: optionalText('description', input.description, 2048) } : {}),
    ...(input.schema !== undefined ? { schema: input.schema } : {}),
    ...(input.archived !== undefined && input.archived !== null ? { archived: input.archived } : {}),
  };
  const updated = await deps.store.updateEventType(name, patch, deps.now());
  if (!updated) throw new NotFoundError('event type', name);
  return updated;
}

export async function archiveEventType(deps: Deps, admin: AdminScope, name: string): Promise<EventTypeRecord> {
  return updateEventType(deps, admin, name, { archived: true });
}

/** The type a publish names: it must exist and not be archived. */
export async function publishableEventType(deps: Deps, name: string): Promise<EventTypeRecord> {
  const type = await deps.store.findEventType(name);
  if (!type) throw new BadInputError('type', `event type "${name}" does not exist; define it with createEventType first`);
  if (type.archived) throw new BadInputError('type', `event type "${name}" is archived and accepts no new events`);
  return type;
}


/** The catalogue is platform-wide: every caller reads all of it. */
export function listEventTypes(deps: Deps, includeArchived: boolean): Promise<EventTypeRecord[]> {
  return deps.store.listEventTypes(includeArchived);
}

export function findEventType(deps: Deps, name: string): Promise<EventTypeRecord | null> {
  return deps.store.findEventType(name);
}

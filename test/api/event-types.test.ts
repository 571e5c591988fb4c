import { describe, expect, it } from 'vitest';
import {
  ArchiveEventTypeDocument, CreateEventTypeDocument, EventsDocument, EventTypeDocument, EventTypesDocument, PublishEventDocument,
  UpdateEventTypeDocument,
} from '../generated/graphql.js';
import { createApplication, createEventType, uniqueName } from '../support/fixtures.js';
import { useTestServer, type TestServer } from '../support/server.js';

const ORDER_SCHEMA = {
  type: 'object',
  required: ['orderId'],
  properties: { orderId: { type: 'string' }, total: { type: 'number' } },
  additionalProperties: false,
};

describe('event types', () => {
  let server: TestServer;
  useTestServer((started) => (server = started));

  const names = async (includeArchived?: boolean) =>
    (await server.admin.run(EventTypesDocument, includeArchived === undefined ? {} : { includeArchived })).eventTypes.map((t) => t.name);

  it('createEventType returns the new type and eventType reads it back', async () => {
    const name = uniqueName('order.created');
    const { createEventType: { eventType: created } } = await server.admin.run(CreateEventTypeDocument, {
      input: { name, description: 'An order was placed.', schema: ORDER_SCHEMA },
    });
    expect(created).toMatchObject({ name, description: 'An order was placed.', schema: ORDER_SCHEMA, archived: false });
    expect(Date.parse(created.createdAt)).not.toBeNaN();
    const { eventType } = await server.admin.run(EventTypeDocument, { name });
    expect(eventType).toEqual({ name, description: 'An order was placed.', schema: ORDER_SCHEMA, archived: false });
  });

  it('an application key can read the catalogue', async () => {
    const name = await createEventType(server);
    const app = await createApplication(server);
    expect((await app.client.run(EventTypesDocument, {})).eventTypes.map((t) => t.name)).toContain(name);
    expect((await app.client.run(EventTypeDocument, { name })).eventType?.name).toBe(name);
  });

  it('eventType of an unknown name is null', async () => {
    expect((await server.admin.run(EventTypeDocument, { name: 'no.such.type' })).eventType).toBeNull();
  });

  it('updateEventType changes the description and schema', async () => {
    const name = await createEventType(server, uniqueName('order.updated'), ORDER_SCHEMA);
    const newSchema = { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } };
    const { updateEventType } = await server.admin.run(UpdateEventTypeDocument, { input: { name, description: 'Changed.', schema: newSchema } });
    expect(updateEventType.eventType).toEqual({ name, description: 'Changed.', schema: newSchema, archived: false });
    expect((await server.admin.run(EventTypeDocument, { name })).eventType).toEqual(updateEventType.eventType);
  });

  it('updateEventType leaves fields it is not given unchanged', async () => {
    const name = uniqueName('order.partial');
    await server.admin.run(CreateEventTypeDocument, { input: { name, description: 'Original.', schema: ORDER_SCHEMA } });
    await server.admin.run(UpdateEventTypeDocument, { input: { name, description: 'Only this.' } });
    expect((await server.admin.run(EventTypeDocument, { name })).eventType).toEqual({ name, description: 'Only this.', schema: ORDER_SCHEMA, archived: false });
  });

  it('after updateEventType, publishing validates against the new schema', async () => {
    const app = await createApplication(server);
    const name = await createEventType(server, uniqueName('order.revalidated'), ORDER_SCHEMA);
    await server.admin.run(PublishEventDocument, { input: { applicationId: app.id, type: name, payload: { orderId: 'a' } } });
    await server.admin.run(UpdateEventTypeDocument, { input: { name, schema: { type: 'object', required: ['sku'] } } });
    const error = await server.admin.fail(PublishEventDocument, { input: { applicationId: app.id, type: name, payload: { orderId: 'b' } } }, 'BAD_USER_INPUT');
    expect(error.message).toMatch(/sku/);
  });

  it('updating an unknown event type is NOT_FOUND', async () => {
    await server.admin.fail(UpdateEventTypeDocument, { input: { name: 'no.such.type', description: 'x' } }, 'NOT_FOUND');
  });

  it('archiveEventType marks the type archived', async () => {
    const name = await createEventType(server);
    const { archiveEventType } = await server.admin.run(ArchiveEventTypeDocument, { input: { name } });
    expect(archiveEventType.eventType).toEqual({ name, archived: true });
    expect((await server.admin.run(EventTypeDocument, { name })).eventType?.archived).toBe(true);
  });

  it('a second createEventType with a taken name is CONFLICT and leaves the first unchanged', async () => {
    const name = uniqueName('dup.type');
    await server.admin.run(CreateEventTypeDocument, { input: { name, description: 'first' } });
    const error = await server.admin.fail(CreateEventTypeDocument, { input: { name, description: 'second' } }, 'CONFLICT');
    expect(error.message).toContain(name);
    expect((await server.admin.run(EventTypeDocument, { name })).eventType?.description).toBe('first');
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['a space inside', 'order created'],
    ['an empty segment', 'order..created'],
    ['a leading dot', '.order'],
    ['a trailing dot', 'order.'],
    ['a wildcard', 'order.*'],
    ['a slash', 'order/created'],
    ['257 characters', 'x'.repeat(257)],
  ])('a name that is %s is BAD_USER_INPUT naming the field, and nothing is defined', async (_what, name) => {
    const before = await names(true);
    const error = await server.admin.fail(CreateEventTypeDocument, { input: { name } }, 'BAD_USER_INPUT');
    expect(error.message).toMatch(/^name: /);
    expect(error.extensions?.field).toBe('name');
    expect(await names(true)).toEqual(before);
  });

  it('a 256-character name made of valid segments is accepted', async () => {
    const name = 'a'.repeat(128) + '.' + 'b'.repeat(127);
    expect(name).toHaveLength(256);
    expect((await server.admin.run(CreateEventTypeDocument, { input: { name } })).createEventType.eventType.name).toBe(name);
  });

  it.each([
    ['an unknown "type" keyword value', { type: 'no-such-type' }],
    ['"properties" that is not an object', { type: 'object', properties: 5 }],
    ['"required" that is not a list', { required: 'orderId' }],
    ['a string', 'not a schema'],
    ['a list', [{ type: 'string' }]],
  ])('a JSON Schema with %s is BAD_USER_INPUT naming the schema field, and nothing is defined', async (_what, schema) => {
    const name = uniqueName('bad.schema');
    const error = await server.admin.fail(CreateEventTypeDocument, { input: { name, schema } }, 'BAD_USER_INPUT');
    expect(error.message).toMatch(/^schema: /);
    expect(error.extensions?.field).toBe('schema');
    expect((await server.admin.run(EventTypeDocument, { name })).eventType).toBeNull();
  });

  it('updateEventType with an invalid JSON Schema is BAD_USER_INPUT and keeps the old schema', async () => {
    const name = await createEventType(server, uniqueName('keep.schema'), ORDER_SCHEMA);
    const error = await server.admin.fail(UpdateEventTypeDocument, { input: { name, schema: { type: 'nope' } } }, 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('schema');
    expect((await server.admin.run(EventTypeDocument, { name })).eventType?.schema).toEqual(ORDER_SCHEMA);
  });

  it('archived types are left out of eventTypes by default and listed with includeArchived: true', async () => {
    const kept = await createEventType(server);
    const archived = await createEventType(server);
    await server.admin.run(ArchiveEventTypeDocument, { input: { name: archived } });

    const byDefault = await names();
    expect(byDefault).toContain(kept);
    expect(byDefault).not.toContain(archived);
    expect(await names(false)).toEqual(byDefault);
    const all = await names(true);
    expect(all).toContain(kept);
    expect(all).toContain(archived);
  });

  it('eventTypes lists the catalogue sorted by name', async () => {
    await createEventType(server, 'zz.last');
    await createEventType(server, 'aa.first');
    const listed = await names(true);
    expect(listed).toEqual([...listed].sort());
    expect(listed).toEqual(expect.arrayContaining(['aa.first', 'zz.last']));
  });

  it('publishing to an archived type is BAD_USER_INPUT and stores nothing', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    await server.admin.run(ArchiveEventTypeDocument, { input: { name: type } });
    const error = await server.admin.fail(PublishEventDocument, { input: { applicationId: app.id, type, payload: {} } }, 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('type');
    expect(error.message).toMatch(/archived/);
    expect((await server.admin.run(EventsDocument, { applicationId: app.id })).events.edges).toEqual([]);
  });

  it('restoring an archived type (archived: false) accepts events again', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    await server.admin.run(ArchiveEventTypeDocument, { input: { name: type } });
    await server.admin.run(UpdateEventTypeDocument, { input: { name: type, archived: false } });
    const { publishEvent } = await server.admin.run(PublishEventDocument, { input: { applicationId: app.id, type, payload: {} } });
    expect(publishEvent.event.type).toBe(type);
  });

  it('publishing to an unknown type is BAD_USER_INPUT and stores nothing', async () => {
    const app = await createApplication(server);
    const error = await server.admin.fail(PublishEventDocument, { input: { applicationId: app.id, type: 'never.defined', payload: {} } }, 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('type');
    expect(error.message).toMatch(/does not exist/);
    expect((await server.admin.run(EventsDocument, { applicationId: app.id })).events.edges).toEqual([]);
  });
});

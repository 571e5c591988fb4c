import { archiveEventType, createEventType, findEventType, listEventTypes, updateEventType } from '../../use-cases/event-types.js';
import type { EventTypeRecord } from '../../domain/records.js';
import { builder } from './builder.js';
import { EventTypeRef } from './refs.js';

EventTypeRef.implement({
  description: 'A kind of event in the platform-wide catalogue; the admin defines them, everyone reads them.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Unique name, e.g. "order.created".' }),
    description: t.exposeString('description', { nullable: true, description: 'What the event means and when it is sent.' }),
    schema: t.field({ type: 'JSON', nullable: true, description: 'JSON Schema that every payload of this type must match; null accepts any JSON.', resolve: (e) => e.schema }),
    examples: t.field({ type: ['JSON'], description: 'Example payloads, each matching the schema; sendTestEvent sends the first one.', resolve: (e) => e.examples }),
    archived: t.exposeBoolean('archived', { description: 'Archived types accept no new events and are hidden from the default list.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When the type was defined.', resolve: (e) => e.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the type was last changed.', resolve: (e) => e.updatedAt }),
  }),
});

const CreateEventTypeInput = builder.inputType('CreateEventTypeInput', {
  description: 'A new event type.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Dot-separated segments of letters, digits, "_" and "-", e.g. "order.created".' }),
    description: t.string({ description: 'What the event means and when it is sent.' }),
    schema: t.field({ type: 'JSON', description: 'JSON Schema (draft 2020-12 keywords via ajv) that payloads must match.' }),
    examples: t.field({ type: ['JSON'], description: 'Example payloads, each matching the schema; sendTestEvent sends the first one.' }),
  }),
});

const UpdateEventTypeInput = builder.inputType('UpdateEventTypeInput', {
  description: 'Changes to an event type; omitted fields stay as they are.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The event type to change.' }),
    description: t.string({ description: 'New description; null clears it.' }),
    schema: t.field({ type: 'JSON', description: 'New JSON Schema; null removes validation. The examples must match it.' }),
    examples: t.field({ type: ['JSON'], description: 'New example payloads (replacing the list), each matching the schema; null clears them.' }),
    archived: t.boolean({ description: 'Archive (true) or restore (false) the type.' }),
  }),
});

const ArchiveEventTypeInput = builder.inputType('ArchiveEventTypeInput', {
  description: 'The event type to archive.',
  fields: (t) => ({ name: t.string({ required: true, description: 'The event type name.' }) }),
});

/** `<Mutation>Payload { eventType }`: each event type mutation answers with the type as it now stands. */
function eventTypePayload(name: string, description: string) {
  return builder.objectRef<{ eventType: EventTypeRecord }>(name).implement({
    description,
    fields: (t) => ({ eventType: t.field({ type: EventTypeRef, description: 'The event type as it now stands.', resolve: (p) => p.eventType }) }),
  });
}

const CreateEventTypePayload = eventTypePayload('CreateEventTypePayload', 'The new event type.');
const UpdateEventTypePayload = eventTypePayload('UpdateEventTypePayload', 'The changed event type.');
const ArchiveEventTypePayload = eventTypePayload('ArchiveEventTypePayload', 'The archived event type.');

builder.mutationFields((t) => ({
  createEventType: t.withAuth({ admin: true }).field({
    type: CreateEventTypePayload,
    description: 'Adds an event type to the catalogue (admin only). CONFLICT when the name exists.',
    args: { input: t.arg({ type: CreateEventTypeInput, required: true, description: 'The event type to define.' }) },
    resolve: async (_root, { input }, { caller, deps }) => ({ eventType: await createEventType(deps, caller, input) }),
  }),
  updateEventType: t.withAuth({ admin: true }).field({
    type: UpdateEventTypePayload,
    description: 'Changes an event type (admin only).',
    args: { input: t.arg({ type: UpdateEventTypeInput, required: true, description: 'The event type and its changes.' }) },
    resolve: async (_root, { input: { name, ...patch } }, { caller, deps }) => ({ eventType: await updateEventType(deps, caller, name, patch) }),
  }),
  archiveEventType: t.withAuth({ admin: true }).field({
    type: ArchiveEventTypePayload,
    description: 'Archives an event type: it accepts no new events; history stays (admin only).',
    args: { input: t.arg({ type: ArchiveEventTypeInput, required: true, description: 'The event type to archive.' }) },
    resolve: async (_root, { input }, { caller, deps }) => ({ eventType: await archiveEventType(deps, caller, input.name) }),
  }),
}));

builder.queryFields((t) => ({
  eventTypes: t.withAuth({ caller: true }).field({
    type: [EventTypeRef],
    description: 'The event type catalogue, by name.',
    args: { includeArchived: t.arg.boolean({ description: 'Include archived types (default false).' }) },
    resolve: (_root, { includeArchived }, { deps }) => listEventTypes(deps, includeArchived ?? false),
  }),
  eventType: t.withAuth({ caller: true }).field({
    type: EventTypeRef,
    nullable: true,
    description: 'One event type by name, archived or not.',
    args: { name: t.arg.string({ required: true, description: 'The event type name.' }) },
    resolve: (_root, { name }, { deps }) => findEventType(deps, name),
  }),
}));

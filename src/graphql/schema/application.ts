import { appScope, type ApplicationRecord } from '../../domain/records.js';
import { METADATA_MAX_KEY_LENGTH, METADATA_MAX_KEYS, METADATA_MAX_VALUE_LENGTH } from '../../domain/applications.js';
import type { BulkJobRecord } from '../../domain/bulk-jobs.js';
import { createApplication, deleteApplication, findApplication, listApplications, updateApplication } from '../../use-cases/applications.js';
import { BulkJobRef } from './bulk-job.js';
import { listEndpoints } from '../../use-cases/endpoints.js';
import { builder } from './builder.js';
import { pageArgs, pageFrom, toConnection } from './connection.js';
import { isKind, NodeRef } from './node.js';
import { ApplicationConnection, ApplicationRef, EndpointConnection } from './refs.js';

ApplicationRef.implement({
  description: 'One third-party integration of the platform: it owns endpoints, events and deliveries, and has its own API keys (apiKeys).',
  interfaces: [NodeRef],
  isTypeOf: isKind('Application'),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Display name.' }),
    metadata: t.field({
      type: 'JSON',
      description: 'The platform\'s own labels for it (e.g. its customer ID): a JSON object of string values, {} when none.',
      resolve: (a) => a.metadata,
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When the application was created.', resolve: (a) => a.createdAt }),
    endpoints: t.field({
      type: EndpointConnection,
      description: 'Endpoints of this application, newest first (deleted ones are left out).',
      args: pageArgs,
      resolve: async (app, args, { deps }) =>
        toConnection(await listEndpoints(deps, appScope(app.id), null, pageFrom(args, deps.config.maxPageSize, 'Endpoint'))),
    }),
  }),
});

const CreateApplicationInput = builder.inputType('CreateApplicationInput', {
  description: 'A new application.',
  fields: (t) => ({ name: t.string({ required: true, description: 'Display name, 1 to 256 characters.' }) }),
});

const CreateApplicationPayload = builder
  .objectRef<{ application: ApplicationRecord; apiKey: string }>('CreateApplicationPayload')
  .implement({
    description: 'The new application and its API key.',
    fields: (t) => ({
      application: t.withAuth({ caller: true }).field({ type: ApplicationRef, description: 'The application.', resolve: (p) => p.application }),
      apiKey: t.exposeString('apiKey', { description: 'The token of its first API key, "default" (READ and WRITE), shown this once: only its hash is stored.' }),
    }),
  });

builder.mutationField('createApplication', (t) =>
  t.withAuth({ admin: true }).field({
    type: CreateApplicationPayload,
    description: 'Creates an application and returns its API key (admin only).',
    args: { input: t.arg({ type: CreateApplicationInput, required: true, description: 'The application to create.' }) },
    resolve: (_root, { input }, { caller, deps }) => createApplication(deps, caller, input),
  }),
);

const UpdateApplicationInput = builder.inputType('UpdateApplicationInput', {
  description: 'Changes to an application; fields left out stay as they are.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The application ID.' }),
    name: t.string({ description: 'New display name, 1 to 256 characters.' }),
    metadata: t.field({
      type: 'JSON',
      description: `Replaces its metadata: a JSON object of string values, at most ${METADATA_MAX_KEYS} keys of 1 to ${METADATA_MAX_KEY_LENGTH} characters, values of at most ${METADATA_MAX_VALUE_LENGTH} characters ({} clears it).`,
    }),
  }),
});

const UpdateApplicationPayload = builder.objectRef<{ application: ApplicationRecord }>('UpdateApplicationPayload').implement({
  description: 'The changed application.',
  fields: (t) => ({ application: t.field({ type: ApplicationRef, description: 'The application as it now stands.', resolve: (p) => p.application }) }),
});

const DeleteApplicationInput = builder.inputType('DeleteApplicationInput', {
  description: 'The application to delete.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The application ID.' }),
    purge: t.boolean({ description: 'Also remove its history now, in a PURGE_APPLICATION bulk job, instead of after the retention period (default false).' }),
  }),
});

const DeleteApplicationPayload = builder.objectRef<{ deletedApplicationId: string; job: BulkJobRecord | null }>('DeleteApplicationPayload').implement({
  description: 'The deleted application, and the job removing its history when purge was asked for.',
  fields: (t) => ({
    deletedApplicationId: t.exposeID('deletedApplicationId', { description: 'ID of the deleted application.' }),
    job: t.field({
      type: BulkJobRef,
      nullable: true,
      description: 'The PURGE_APPLICATION job removing its history (follow it with bulkJobUpdated); null without purge.',
      resolve: (p) => p.job,
    }),
  }),
});

builder.mutationFields((t) => ({
  updateApplication: t.withAuth({ admin: true }).field({
    type: UpdateApplicationPayload,
    description: 'Renames an application or replaces its metadata (admin only).',
    args: { input: t.arg({ type: UpdateApplicationInput, required: true, description: 'The application and its changes.' }) },
    resolve: async (_root, { input }, { caller, deps }) => ({ application: await updateApplication(deps, caller, input) }),
  }),
  deleteApplication: t.withAuth({ admin: true }).field({
    type: DeleteApplicationPayload,
    description:
      'Deletes an application (admin only): at once its API key and portal sessions are refused, its endpoints are deleted and their unfinished '
      + 'deliveries end FAILED; its history is removed after the retention period (TIDINGS_RETENTION), or now with purge.',
    args: { input: t.arg({ type: DeleteApplicationInput, required: true, description: 'The application to delete.' }) },
    resolve: (_root, { input }, { caller, deps }) => deleteApplication(deps, caller, input),
  }),
}));

builder.queryFields((t) => ({
  applications: t.withAuth({ admin: true }).field({
    type: ApplicationConnection,
    description: 'Every application, newest first (admin only).',
    args: pageArgs,
    resolve: async (_root, args, { caller, deps }) =>
      toConnection(await listApplications(deps, caller, pageFrom(args, deps.config.maxPageSize, 'Application'))),
  }),
  application: t.withAuth({ caller: true }).field({
    type: ApplicationRef,
    nullable: true,
    description: 'One application; an application key sees only its own.',
    args: { id: t.arg.id({ required: true, description: 'The application ID.' }) },
    resolve: (_root, { id }, { caller, deps }) => findApplication(deps, caller, id),
  }),
}));

import { appScope } from '../../domain/records.js';
import { createApplication, findApplication, listApplications } from '../../use-cases/applications.js';
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
  .objectRef<{ application: { id: string; name: string; createdAt: number }; apiKey: string }>('CreateApplicationPayload')
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

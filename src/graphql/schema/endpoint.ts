import { loadApplications } from '../../use-cases/applications.js';
import { listDeliveries } from '../../use-cases/deliveries.js';
import { createEndpoint, deleteEndpoint, findEndpoint, listEndpoints, rotateEndpointSecret, updateEndpoint } from '../../use-cases/endpoints.js';
import type { EndpointRecord } from '../../domain/records.js';
import { builder, byId, scopeOf } from './builder.js';
import { deliveryOptionFields, SignatureSchemeEnum } from './delivery-options.js';
import { pageArgs, pageFrom, toConnection } from './connection.js';
import { isKind, NodeRef } from './node.js';
import { ApplicationRef, DeliveryConnection, DeliveryFilterRef, EndpointConnection, EndpointOrderingEnum, EndpointRef } from './refs.js';

EndpointRef.implement({
  description: 'A URL of an application that receives signed webhook POSTs.',
  interfaces: [NodeRef],
  isTypeOf: isKind('Endpoint'),
  fields: (t) => ({
    application: t.loadable({
      type: ApplicationRef,
      nullable: true,
      description: 'The application that owns the endpoint; null once that application is deleted (its history stays readable until purged).',
      ...byId(loadApplications),
      resolve: (e) => e.applicationId,
    }),
    url: t.exposeString('url', { description: 'Where deliveries are POSTed.' }),
    description: t.exposeString('description', { nullable: true, description: 'Free text for people.' }),
    eventTypes: t.exposeStringList('eventTypes', { description: 'Event types it receives: exact names, "prefix.*" wildcards, or "*" for all.' }),
    enabled: t.exposeBoolean('enabled', { description: 'A disabled endpoint is paused: its deliveries wait and no new ones are created.' }),
    deleted: t.boolean({ description: 'True once the endpoint was deleted (its delivery history stays readable).', resolve: (e) => e.deletedAt !== null }),
    createdAt: t.field({ type: 'DateTime', description: 'When the endpoint was registered.', resolve: (e) => e.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the endpoint was last changed.', resolve: (e) => e.updatedAt }),
    deliveries: t.field({
      type: DeliveryConnection,
      description: 'Deliveries to this endpoint, newest first.',
      args: { filter: t.arg({ type: DeliveryFilterRef, description: 'Narrows the list further.' }), ...pageArgs },
      resolve: async (e, args, context) =>
        toConnection(await listDeliveries(context.deps, scopeOf(context), { ...args.filter, endpointId: e.id }, pageFrom(args, context.deps.config.maxPageSize, 'Delivery'))),
    }),
  }),
});

const CreateEndpointInput = builder.inputType('CreateEndpointInput', {
  description: 'A new endpoint.',
  fields: (t) => ({
    applicationId: t.id({ description: 'The owning application: required with the admin token, implied by an application key.' }),
    url: t.string({ required: true, description: 'Absolute http(s) URL that receives the POSTs.' }),
    description: t.string({ description: 'Free text for people, up to 1024 characters.' }),
    eventTypes: t.stringList({ description: 'Exact names, "prefix.*" wildcards or "*"; omitted means every type. Must not be empty.' }),
    secret: t.string({ description: 'Bring your own signing key ("whsec_" + base64 of 24-64 bytes; for ED25519 "whsk_" + base64 of seed and public key); generated when omitted.' }),
    signatureScheme: t.field({ type: SignatureSchemeEnum, description: 'HMAC_SHA256 (the default) or ED25519; kept for the life of the endpoint (rotation keeps it).' }),
    ...deliveryOptionFields(t),
    timeout: t.string({ description: 'Longest one attempt may take, written like TIDINGS_DELIVERY_TIMEOUT ("10s"); omitted = the platform\'s.' }),
    retrySchedule: t.stringList({ description: 'Delays after each failed attempt, written like TIDINGS_RETRY_SCHEDULE (["5s", "5m", "30m"]); omitted = the platform\'s.' }),
    rateLimitPerSecond: t.int({ description: 'Most attempts a second to it, summed over all worker processes (1 to 100000); omitted = no limit.' }),
    ordering: t.field({ type: EndpointOrderingEnum, description: 'PARALLEL (the default) or FIFO: strictly in publish order, one in flight.' }),
  }),
});

const UpdateEndpointInput = builder.inputType('UpdateEndpointInput', {
  description: 'Changes to an endpoint; omitted fields stay as they are.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The endpoint to change.' }),
    url: t.string({ description: 'New URL.' }),
    description: t.string({ description: 'New description; null clears it.' }),
    eventTypes: t.stringList({ description: 'New event type filter; null means every type.' }),
    enabled: t.boolean({ description: 'Pause (false) or resume (true) deliveries. Enabling starts its health afresh (HEALTHY, circuit closed).' }),
    timeout: t.string({ description: 'New timeout ("10s"); null = the platform\'s again.' }),
    retrySchedule: t.stringList({ description: 'New retry schedule (["5s", "5m"]); null = the platform\'s again.' }),
    rateLimitPerSecond: t.int({ description: 'New rate limit (attempts a second across all workers); null = no limit.' }),
    ordering: t.field({ type: EndpointOrderingEnum, description: 'New ordering; FIFO applies to its unfinished deliveries from now on.' }),
    ...deliveryOptionFields(t),
  }),
});

const DeleteEndpointInput = builder.inputType('DeleteEndpointInput', {
  description: 'The endpoint to delete.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The endpoint ID.' }) }),
});

const RotateEndpointSecretInput = builder.inputType('RotateEndpointSecretInput', {
  description: 'The endpoint whose signing secret to replace.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The endpoint ID.' }) }),
});

const CreateEndpointPayload = builder.objectRef<{ endpoint: EndpointRecord; secret: string }>('CreateEndpointPayload').implement({
  description: 'The new endpoint and its signing secret.',
  fields: (t) => ({
    endpoint: t.withAuth({ caller: true }).field({ type: EndpointRef, description: 'The endpoint.', resolve: (p) => p.endpoint }),
    secret: t.exposeString('secret', { description: 'What receivers verify signatures with: the HMAC secret ("whsec_…"), or for ED25519 the public key ("whpk_…"; Tidings keeps the private key).' }),
  }),
});
const UpdateEndpointPayload = builder.objectRef<{ endpoint: EndpointRecord }>('UpdateEndpointPayload').implement({
  description: 'The changed endpoint.',
  fields: (t) => ({ endpoint: t.field({ type: EndpointRef, description: 'The endpoint as it now stands.', resolve: (p) => p.endpoint }) }),
});
const DeleteEndpointPayload = builder.objectRef<{ deletedEndpointId: string }>('DeleteEndpointPayload').implement({
  description: 'What was deleted.',
  fields: (t) => ({ deletedEndpointId: t.exposeID('deletedEndpointId', { description: 'The ID of the deleted endpoint.' }) }),
});
const RotateEndpointSecretPayload = builder.objectRef<{ endpoint: EndpointRecord; secret: string }>('RotateEndpointSecretPayload').implement({
  description: 'The endpoint and its new signing secret.',
  fields: (t) => ({
    endpoint: t.withAuth({ caller: true }).field({ type: EndpointRef, description: 'The endpoint.', resolve: (p) => p.endpoint }),
    secret: t.exposeString('secret', { description: 'The new secret (for ED25519 the new public key). The previous one keeps signing (both signatures are sent) for 24 hours by default.' }),
  }),
});

builder.mutationFields((t) => ({
  createEndpoint: t.withAuth({ caller: true }).field({
    type: CreateEndpointPayload,
    description: 'Registers an endpoint and returns its signing secret.',
    args: { input: t.arg({ type: CreateEndpointInput, required: true, description: 'The endpoint to register.' }) },
    resolve: (_root, { input }, { caller, deps }) => createEndpoint(deps, caller, input),
  }),
  updateEndpoint: t.withAuth({ caller: true }).field({
    type: UpdateEndpointPayload,
    description: 'Changes an endpoint; disabling pauses its deliveries until it is enabled again.',
    args: { input: t.arg({ type: UpdateEndpointInput, required: true, description: 'The endpoint and its changes.' }) },
    resolve: async (_root, { input: { id, ...patch } }, { caller, deps }) => ({ endpoint: await updateEndpoint(deps, caller, id, patch) }),
  }),
  deleteEndpoint: t.withAuth({ caller: true }).field({
    type: DeleteEndpointPayload,
    description: 'Deletes an endpoint: its unfinished deliveries end FAILED; its history stays readable.',
    args: { input: t.arg({ type: DeleteEndpointInput, required: true, description: 'The endpoint to delete.' }) },
    resolve: async (_root, { input }, { caller, deps }) => ({ deletedEndpointId: await deleteEndpoint(deps, caller, input.id) }),
  }),
  rotateEndpointSecret: t.withAuth({ caller: true }).field({
    type: RotateEndpointSecretPayload,
    description: 'Issues a new signing secret; the old one keeps signing during the grace period (TIDINGS_SECRET_ROTATION_GRACE, 24h).',
    args: { input: t.arg({ type: RotateEndpointSecretInput, required: true, description: 'The endpoint whose secret to replace.' }) },
    resolve: (_root, { input }, { caller, deps }) => rotateEndpointSecret(deps, caller, input.id),
  }),
}));

builder.queryFields((t) => ({
  endpoints: t.withAuth({ caller: true }).field({
    type: EndpointConnection,
    description: 'Endpoints the caller can see, newest first.',
    args: { applicationId: t.arg.id({ description: 'Only endpoints of this application.' }), ...pageArgs },
    resolve: async (_root, args, { caller, deps }) =>
      toConnection(await listEndpoints(deps, caller, args.applicationId, pageFrom(args, deps.config.maxPageSize, 'Endpoint'))),
  }),
  endpoint: t.withAuth({ caller: true }).field({
    type: EndpointRef,
    nullable: true,
    description: 'One endpoint; null when it does not exist, was deleted, or belongs to another application.',
    args: { id: t.arg.id({ required: true, description: 'The endpoint ID.' }) },
    resolve: (_root, { id }, { caller, deps }) => findEndpoint(deps, caller, id),
  }),
}));

import type { BulkJobKind, BulkJobRecord, BulkJobStatus } from '../../domain/bulk-jobs.js';
import { cancelBulkJob, findBulkJob, followBulkJob, listBulkJobs, recoverEndpoint, replayEvents, retryDeliveries } from '../../use-cases/bulk-jobs.js';
import { builder } from './builder.js';
import { connectionOf, pageArgs, pageFrom, toConnection } from './connection.js';
import { isKind, NodeRef } from './node.js';
import { DeliveryFilterRef } from './refs.js';

// Bulk recovery: retryDeliveries, recoverEndpoint and replayEvents start background jobs with
// progress; bulkJobs lists them, cancelBulkJob stops one, bulkJobUpdated streams one.

const BulkJobStatusEnum = builder.enumType('BulkJobStatus', {
  description: 'Where a bulk job stands.',
  values: {
    QUEUED: { description: 'Waiting for a job runner of a worker process.' },
    RUNNING: { description: 'A job runner is working through it, a small batch at a time.' },
    SUCCEEDED: { description: 'Every record was walked.' },
    FAILED: { description: 'Stopped early: its endpoint was deleted while it ran (see error).' },
    CANCELLED: { description: 'Stopped by cancelBulkJob; what it did before stays done.' },
  } satisfies Record<BulkJobStatus, unknown>,
});

const BulkJobKindEnum = builder.enumType('BulkJobKind', {
  description: 'What a bulk job does.',
  values: {
    RETRY_DELIVERIES: { description: 'retryDeliveries: one more attempt for every FAILED delivery matching a filter.' },
    RECOVER_ENDPOINT: { description: 'recoverEndpoint: one more attempt for every delivery that FAILED to an endpoint since a time.' },
    REPLAY_EVENTS: { description: 'replayEvents: deliveries of past events to an endpoint that never had them.' },
    PURGE_APPLICATION: { description: 'deleteApplication with purge: removes the deleted application\'s history (deliveries and events are counted as progress).' },
  } satisfies Record<BulkJobKind, unknown>,
});

export const BulkJobRef = builder.objectRef<BulkJobRecord>('BulkJob').implement({
  description: 'A background job of bulk recovery, with its progress. Survives restarts: another worker process resumes it where it was.',
  interfaces: [NodeRef],
  isTypeOf: isKind('BulkJob'),
  fields: (t) => ({
    kind: t.field({ type: BulkJobKindEnum, description: 'What the job does.', resolve: (j) => j.kind }),
    status: t.field({ type: BulkJobStatusEnum, description: 'Where the job stands.', resolve: (j) => j.status }),
    total: t.exposeInt('total', {
      nullable: true,
      description: 'Records to walk (FAILED deliveries, events for a replay, deliveries and events for a purge), counted when the job starts; null while QUEUED.',
    }),
    done: t.exposeInt('done', { description: 'Records handled so far: deliveries queued again, or events replayed (or found already delivered or not for the endpoint).' }),
    failed: t.exposeInt('failed', { description: 'Records that could not be handled, e.g. deliveries whose endpoint was deleted.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why the job FAILED; null otherwise.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When the job was asked for.', resolve: (j) => j.createdAt }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it SUCCEEDED, FAILED or was CANCELLED; null before.', resolve: (j) => j.finishedAt }),
  }),
});

const BulkJobConnection = connectionOf('BulkJob', BulkJobRef, 'bulk job');

/** `<Name>Payload { job }`, the answer of every mutation here. */
const payloadOf = (name: string, description: string) =>
  builder.objectRef<{ job: BulkJobRecord }>(`${name}Payload`).implement({
    description,
    fields: (t) => ({ job: t.field({ type: BulkJobRef, description: 'The job; follow it with bulkJobUpdated or node(id:).', resolve: (p) => p.job }) }),
  });

const RetryDeliveriesInput = builder.inputType('RetryDeliveriesInput', {
  description: 'Which FAILED deliveries to attempt once more.',
  fields: (t) => ({
    filter: t.field({ type: DeliveryFilterRef, required: true, description: 'Deliveries matching it that are FAILED (a status, if given, must include FAILED).' }),
  }),
});

const RecoverEndpointInput = builder.inputType('RecoverEndpointInput', {
  description: 'The endpoint to recover and from when.',
  fields: (t) => ({
    endpointId: t.id({ required: true, description: 'The endpoint.' }),
    since: t.field({ type: 'DateTime', required: true, description: 'Deliveries created at or after this time that FAILED are sent again.' }),
  }),
});

const ReplayEventsInput = builder.inputType('ReplayEventsInput', {
  description: 'Which past events to deliver to an endpoint that never had them.',
  fields: (t) => ({
    endpointId: t.id({ required: true, description: 'The endpoint; the events are those of its application that it hears (event types, channels, filter).' }),
    since: t.field({ type: 'DateTime', required: true, description: 'Events published at or after this time.' }),
    until: t.field({ type: 'DateTime', description: 'Events published before this time (exclusive); all since `since` when left out.' }),
    eventTypes: t.stringList({ description: 'Only events of these exact types; all the endpoint hears when left out.' }),
  }),
});

const CancelBulkJobInput = builder.inputType('CancelBulkJobInput', {
  description: 'The job to cancel.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The bulk job ID.' }) }),
});

const RetryDeliveriesPayload = payloadOf('RetryDeliveries', 'The job that queues one more attempt of each matching FAILED delivery.');
const RecoverEndpointPayload = payloadOf('RecoverEndpoint', "The job that sends the endpoint's FAILED deliveries again.");
const ReplayEventsPayload = payloadOf('ReplayEvents', 'The job that creates the missing deliveries.');
const CancelBulkJobPayload = payloadOf('CancelBulkJob', 'The job, CANCELLED (or as it finished, if it had).');

builder.mutationFields((t) => ({
  retryDeliveries: t.withAuth({ caller: true }).field({
    type: RetryDeliveriesPayload,
    description: 'Starts a background job that queues exactly one more attempt of every FAILED delivery matching the filter, as retryDelivery does. Returns at once.',
    args: { input: t.arg({ type: RetryDeliveriesInput, required: true, description: 'Which deliveries.' }) },
    resolve: async (_root, { input }, { caller, deps }) => ({ job: await retryDeliveries(deps, caller, input) }),
  }),
  recoverEndpoint: t.withAuth({ caller: true }).field({
    type: RecoverEndpointPayload,
    description: 'Starts a background job that sends again everything that FAILED to the endpoint since a time. Returns at once.',
    args: { input: t.arg({ type: RecoverEndpointInput, required: true, description: 'The endpoint and the time.' }) },
    resolve: async (_root, { input }, { caller, deps }) => ({ job: await recoverEndpoint(deps, caller, input) }),
  }),
  replayEvents: t.withAuth({ caller: true }).field({
    type: ReplayEventsPayload,
    description: 'Starts a background job that creates deliveries of past events the endpoint hears but never had (one per event, never two). Returns at once.',
    args: { input: t.arg({ type: ReplayEventsInput, required: true, description: 'The endpoint, the time range and the event types.' }) },
    resolve: async (_root, { input }, { caller, deps }) => ({ job: await replayEvents(deps, caller, input) }),
  }),
  cancelBulkJob: t.withAuth({ caller: true }).field({
    type: CancelBulkJobPayload,
    description: 'Stops a QUEUED or RUNNING bulk job before its next batch; what it did stays done.',
    args: { input: t.arg({ type: CancelBulkJobInput, required: true, description: 'The job.' }) },
    resolve: async (_root, { input }, { caller, deps }) => ({ job: await cancelBulkJob(deps, caller, input.id) }),
  }),
}));

builder.queryFields((t) => ({
  bulkJobs: t.withAuth({ caller: true }).field({
    type: BulkJobConnection,
    description: "Bulk jobs the caller can see, newest first: an application's own, or every job for the admin.",
    args: { ...pageArgs },
    resolve: async (_root, args, { caller, deps }) => toConnection(await listBulkJobs(deps, caller, pageFrom(args, deps.config.maxPageSize, 'BulkJob'))),
  }),
  bulkJob: t.withAuth({ caller: true }).field({
    type: BulkJobRef,
    nullable: true,
    description: 'One bulk job; null when it does not exist or belongs to another application.',
    args: { id: t.arg.id({ required: true, description: 'The bulk job ID.' }) },
    resolve: (_root, { id }, { caller, deps }) => findBulkJob(deps, caller, id),
  }),
}));

builder.subscriptionField('bulkJobUpdated', (t) =>
  t.withAuth({ caller: true }).field({
    type: BulkJobRef,
    description: 'The progress of one bulk job: its current state first, then one message per batch; ends after the message that says it finished.',
    args: { id: t.arg.id({ required: true, description: 'The bulk job ID.' }) },
    subscribe: (_root, { id }, { caller, deps }) => followBulkJob(deps, caller, id),
    resolve: (job) => job,
  }),
);

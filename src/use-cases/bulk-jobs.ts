import { newBulkJob, type BulkJobKind, type BulkJobRecord, type BulkJobTarget } from '../domain/bulk-jobs.js';
import type { Millis, Scope } from '../domain/records.js';
import type { Deps } from '../deps.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import { announceBulkJob, followBulkJob as followJob } from '../live/bulk-job-feed.js';
import type { Page, PageArgs } from '../store/ports.js';
import { resolveFilter, type DeliveryFilterInput } from './deliveries.js';

// Bulk recovery: each call stores a QUEUED job and returns it at once; a job runner of a worker
// process (delivery/bulk-job-runner.ts) does the work in batches.

async function start(deps: Deps, applicationId: string | null, kind: BulkJobKind, target: BulkJobTarget): Promise<BulkJobRecord> {
  const now = deps.now();
  const job = newBulkJob(newId('BulkJob', now), applicationId, kind, target, now);
  await deps.store.createBulkJob(job);
  announceBulkJob(deps.pubsub, job);
  return job;
}

/** One more attempt for every FAILED delivery matching the filter (a status filter must allow FAILED). */
export async function retryDeliveries(deps: Deps, scope: Scope, input: { filter?: DeliveryFilterInput | null }): Promise<BulkJobRecord> {
  if (input.filter?.status && !input.filter.status.includes('FAILED')) {
    throw new BadInputError('filter.status', 'must include FAILED: only FAILED deliveries are retried');
  }
  const [narrowed, filter] = await resolveFilter(deps, scope, input.filter);
  delete filter.status;
  let applicationId = narrowed.kind === 'app' ? narrowed.applicationId : null;
  if (filter.endpointId) {
    const endpoint = await deps.store.findEndpoint(narrowed, filter.endpointId, { includeDeleted: true });
    if (!endpoint) throw new NotFoundError('endpoint', filter.endpointId);
    applicationId = endpoint.applicationId;
  }
  return start(deps, applicationId, 'RETRY_DELIVERIES', { walk: 'failedDeliveries', filter: { ...filter, ...(applicationId ? { applicationId } : {}) } });
}

/** Sends again everything that FAILED to an endpoint since a time. */
export async function recoverEndpoint(deps: Deps, scope: Scope, input: { endpointId: string; since: Millis }): Promise<BulkJobRecord> {
  const endpoint = await deps.store.findEndpoint(scope, input.endpointId);
  if (!endpoint) throw new NotFoundError('endpoint', input.endpointId);
  return start(deps, endpoint.applicationId, 'RECOVER_ENDPOINT', {
    walk: 'failedDeliveries',
    filter: { applicationId: endpoint.applicationId, endpointId: endpoint.id, since: input.since },
  });
}

/** Creates the deliveries of past events of the endpoint's application that it hears and never had. */
export async function replayEvents(
  deps: Deps,
  scope: Scope,
  input: { endpointId: string; since: Millis; until?: Millis | null; eventTypes?: string[] | null },
): Promise<BulkJobRecord> {
  const endpoint = await deps.store.findEndpoint(scope, input.endpointId);
  if (!endpoint) throw new NotFoundError('endpoint', input.endpointId);
  if (input.until != null && input.until <= input.since) throw new BadInputError('until', 'must be after since');
  if (input.eventTypes && input.eventTypes.length === 0) throw new BadInputError('eventTypes', 'must name at least one event type (or be left out for all)');
  return start(deps, endpoint.applicationId, 'REPLAY_EVENTS', {
    walk: 'events', endpointId: endpoint.id, since: input.since, until: input.until ?? null, eventTypes: input.eventTypes ?? null,
  });
}

export async function cancelBulkJob(deps: Deps, scope: Scope, id: string): Promise<BulkJobRecord> {
  const job = await deps.store.cancelBulkJob(scope, id, deps.now());
  if (!job) throw new NotFoundError('bulk job', id);
  announceBulkJob(deps.pubsub, job);
  return job;
}

export function findBulkJob(deps: Deps, scope: Scope, id: string): Promise<BulkJobRecord | null> {
  return deps.store.findBulkJob(scope, id);
}

export function listBulkJobs(deps: Deps, scope: Scope, page: PageArgs): Promise<Page<BulkJobRecord>> {
  return deps.store.listBulkJobs(scope, page);
}

/** The job's progress, live, from its current state until it finishes; NOT_FOUND when the caller may not see it. */
export async function followBulkJob(deps: Deps, scope: Scope, id: string): Promise<AsyncIterableIterator<BulkJobRecord>> {
  if (!(await deps.store.findBulkJob(scope, id))) throw new NotFoundError('bulk job', id);
  return followJob(deps.pubsub, id, () => deps.store.findBulkJob(scope, id));
}

import type { Deps } from '../deps.js';
import { newId } from '../ids.js';
import type { AdminScope, ApplicationRecord, Scope } from '../domain/records.js';
import type { ApplicationPatch, Page, PageArgs } from '../store/ports.js';
import { mintApiKey } from './api-keys.js';
import { DELETED_APPLICATION_REASON, metadataProblem } from '../domain/applications.js';
import { newBulkJob, type BulkJobRecord } from '../domain/bulk-jobs.js';
import { BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { announceDeliveries } from '../live/announce.js';
import { announceBulkJob } from '../live/bulk-job-feed.js';
import { text } from './validate.js';

/** Creates an application and its first API key, "default" with both scopes (`_admin`: only the platform may). */
export async function createApplication(deps: Deps, _admin: AdminScope, input: { name: string }): Promise<{ application: ApplicationRecord; apiKey: string }> {
  const name = text('name', input.name, 256);
  const now = deps.now();
  const application: ApplicationRecord = { id: newId('Application', now), name, metadata: {}, createdAt: now };
  const { stored, key } = mintApiKey(application.id, { name: 'default', scopes: ['READ', 'WRITE'], expiresAt: null, rateLimit: null }, now);
  await deps.store.createApplication(application, stored);
  return { application, apiKey: key };
}

export function listApplications(deps: Deps, admin: AdminScope, page: PageArgs): Promise<Page<ApplicationRecord>> {
  return deps.store.listApplications(admin, page);
}

export function findApplication(deps: Deps, scope: Scope, id: string): Promise<ApplicationRecord | null> {
  return deps.store.findApplication(scope, id);
}

/** Applications of many IDs in one read (nested fields of a page). */
export function loadApplications(deps: Deps, scope: Scope, ids: readonly string[]): Promise<ApplicationRecord[]> {
  return deps.store.findApplications(scope, ids);
}

/** Renames an application or replaces its metadata (`_admin`: only the platform may). */
export async function updateApplication(
  deps: Deps,
  _admin: AdminScope,
  input: { id: string; name?: string | null; metadata?: unknown },
): Promise<ApplicationRecord> {
  const patch: ApplicationPatch = {};
  if (input.name !== undefined && input.name !== null) patch.name = text('name', input.name, 256);
  if (input.metadata !== undefined && input.metadata !== null) {
    const problem = metadataProblem(input.metadata);
    if (problem) throw new BadInputError('metadata', problem);
    patch.metadata = input.metadata as Record<string, string>;
  }
  const application = await deps.store.updateApplication(input.id, patch);
  if (!application) throw new NotFoundError('application', input.id);
  return application;
}

/**
 * Deletes an application (`_admin`: only the platform may; an application key cannot delete
 * itself). At once: it and its key are gone for the API, its endpoints are deleted and their
 * unfinished deliveries end FAILED, its portal sessions are revoked (their live connections close).
 * Its history is removed by the retention purge, or now by a PURGE_APPLICATION job with `purge`.
 */
export async function deleteApplication(
  deps: Deps,
  _admin: AdminScope,
  input: { id: string; purge?: boolean | null },
): Promise<{ deletedApplicationId: string; job: BulkJobRecord | null }> {
  if (input.id === (await deps.operations.applicationId())) {
    throw new ConflictError('the operations application cannot be deleted: Tidings sends its operational webhooks through it');
  }
  const now = deps.now();
  const deleted = await deps.store.deleteApplication(input.id, now, DELETED_APPLICATION_REASON);
  if (!deleted) throw new NotFoundError('application', input.id);
  announceDeliveries(deps.pubsub, deleted.cancelled);
  for (const id of [...deleted.revokedSessionIds, ...deleted.revokedKeyIds]) {
    deps.pubsub.publish('credential:revoked', { id, endsAt: now, reason: 'Forbidden: the application was deleted' });
  }
  if (!input.purge) return { deletedApplicationId: input.id, job: null };
  const job = newBulkJob(newId('BulkJob', now), input.id, 'PURGE_APPLICATION', { walk: 'deletedApplication', applicationId: input.id }, now);
  await deps.store.createBulkJob(job);
  announceBulkJob(deps.pubsub, job);
  return { deletedApplicationId: input.id, job };
}

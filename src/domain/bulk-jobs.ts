import type { DeliveryFilter, Millis } from './records.js';

// Bulk recovery jobs (retryDeliveries, recoverEndpoint, replayEvents): what a job is, and the rules
// every adapter walks it by. A job walks its records in ID order (IDs sort by creation), a small
// batch at a time; `cursor` is the ID of the last record walked, so a job taken over by another
// process after a crash goes on from there.

export type BulkJobKind = 'RETRY_DELIVERIES' | 'RECOVER_ENDPOINT' | 'REPLAY_EVENTS' | 'PURGE_APPLICATION';
export type BulkJobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/**
 * Which records a job walks: FAILED deliveries matching a filter, past events of one endpoint's
 * application, or the whole history of a deleted application (removed a batch at a time: its
 * deliveries with their attempts, then its events, then its endpoints, statistics, portal sessions
 * and the application itself).
 */
export type BulkJobTarget =
  | { walk: 'failedDeliveries'; filter: DeliveryFilter }
  | { walk: 'events'; endpointId: string; since: Millis | null; until: Millis | null; eventTypes: string[] | null }
  | { walk: 'deletedApplication'; applicationId: string };

export interface BulkJobRecord {
  id: string;
  /** The tenant: the application whose records it touches; null for an admin job across applications. */
  applicationId: string | null;
  kind: BulkJobKind;
  target: BulkJobTarget;
  status: BulkJobStatus;
  /** Records to walk, counted when the job starts; null until then. */
  total: number | null;
  /** Records walked and acted on (a delivery queued again; an event replayed or already delivered to the endpoint). */
  done: number;
  /** Records that could not be acted on (e.g. their endpoint was deleted meanwhile). */
  failed: number;
  /** ID of the last record walked; null before the first batch. */
  cursor: string | null;
  /** Why the job FAILED; null otherwise. */
  error: string | null;
  createdAt: Millis;
  updatedAt: Millis;
  finishedAt: Millis | null;
}

/** A job taken by one runner until `leaseUntil` (a crashed runner's job is taken again after that). */
export interface ClaimedBulkJob {
  job: BulkJobRecord;
  leaseToken: string;
  leaseUntil: Millis;
}

export const FINISHED_JOB_STATUSES: readonly BulkJobStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

/** Records a batch of a job walks (one store write each): small, so no write holds the store for more than a moment. */
export const BULK_JOB_BATCH = 200;

export function isFinished(status: BulkJobStatus): boolean {
  return FINISHED_JOB_STATUSES.includes(status);
}

/** A new job, QUEUED. */
export function newBulkJob(id: string, applicationId: string | null, kind: BulkJobKind, target: BulkJobTarget, now: Millis): BulkJobRecord {
  return { id, applicationId, kind, target, status: 'QUEUED', total: null, done: 0, failed: 0, cursor: null, error: null, createdAt: now, updatedAt: now, finishedAt: null };
}

/** The job after one batch: `walked` records past the cursor, ending at `last`; finished when the batch came back short. */
export function afterBatch(job: BulkJobRecord, batch: { walked: number; last: string | null; done: number; failed: number; total?: number }, limit: number, now: Millis): BulkJobRecord {
  const finished = batch.walked < limit;
  return {
    ...job,
    status: finished ? 'SUCCEEDED' : 'RUNNING',
    total: batch.total ?? job.total,
    done: job.done + batch.done,
    failed: job.failed + batch.failed,
    cursor: batch.last ?? job.cursor,
    updatedAt: now,
    finishedAt: finished ? now : null,
  };
}

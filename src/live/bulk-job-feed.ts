import { isFinished, type BulkJobRecord } from '../domain/bulk-jobs.js';
import type { PubSub } from './pubsub.js';
import { liveQueue } from './queue.js';

// The progress of one bulk job, live: its state when the subscription starts, then each batch,
// ending after the message that says it finished.

/** Messages a slow subscriber may fall behind by (the store keeps the record). */
const BULK_JOB_FEED_BUFFER = 100;

/** An announcement of a job's progress (store first, then this). */
export function announceBulkJob(pubsub: PubSub, job: BulkJobRecord): void {
  pubsub.publish('bulk-job:updated', job);
}

/**
 * Follows a job the caller may see: `current` reads it from the store once listening has started,
 * so no batch between the read and the first message is missed.
 */
export function followBulkJob(pubsub: PubSub, id: string, current: () => Promise<BulkJobRecord | null>): AsyncIterableIterator<BulkJobRecord> {
  let finished = false;
  let latest = -1;
  const queue = liveQueue<BulkJobRecord>(BULK_JOB_FEED_BUFFER, (push) => {
    const send = (job: BulkJobRecord) => {
      // Messages can come from several processes: never go back to an older state.
      if (finished || job.updatedAt < latest) return;
      latest = job.updatedAt;
      push(job);
      if (isFinished(job.status)) finished = true;
    };
    const unlisten = pubsub.listen('bulk-job:updated', (job) => job.id === id && send(job));
    void current().then((job) => job && send(job), () => {});
    return unlisten;
  });
  // Ends once the finished state has been read. A plain iterator over the queue, not the queue:
  // pushed (its push mode), values would not pass through this next().
  let ended = false;
  const job: AsyncIterableIterator<BulkJobRecord> = {
    next: async () => {
      if (ended) return queue.return!();
      const step = await queue.next();
      if (!step.done && isFinished(step.value.status)) ended = true;
      return step;
    },
    return: () => queue.return!(),
    throw: (error) => queue.throw!(error),
    [Symbol.asyncIterator]: () => job,
  };
  return job;
}

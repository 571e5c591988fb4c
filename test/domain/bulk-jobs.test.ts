import { describe, expect, it } from 'vitest';
import { afterBatch, isFinished, newBulkJob } from '../../src/domain/bulk-jobs.js';

const job = newBulkJob('job_1', 'app_1', 'RETRY_DELIVERIES', { walk: 'failedDeliveries', filter: {} }, 1000);

describe('afterBatch', () => {
  it('adds the batch to the progress and moves the cursor; a full batch leaves the job RUNNING', () => {
    expect(afterBatch(job, { walked: 10, last: 'dlv_9', done: 9, failed: 1, total: 25 }, 10, 2000))
      .toMatchObject({ status: 'RUNNING', total: 25, done: 9, failed: 1, cursor: 'dlv_9', updatedAt: 2000, finishedAt: null });
  });

  it('ends the job SUCCEEDED after a short batch, keeping the total and cursor counted before', () => {
    const running = { ...job, status: 'RUNNING' as const, total: 25, done: 20, cursor: 'dlv_19' };
    expect(afterBatch(running, { walked: 0, last: null, done: 0, failed: 0 }, 10, 3000))
      .toMatchObject({ status: 'SUCCEEDED', total: 25, done: 20, cursor: 'dlv_19', finishedAt: 3000 });
  });
});

describe('isFinished', () => {
  it('holds for SUCCEEDED, FAILED and CANCELLED only', () => {
    expect(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'].map((s) => isFinished(s as never))).toEqual([false, false, true, true, true]);
  });
});

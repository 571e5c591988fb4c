import { BULK_JOB_BATCH, type ClaimedBulkJob } from '../domain/bulk-jobs.js';
import { announceDeliveries } from '../live/announce.js';
import { announceBulkJob } from '../live/bulk-job-feed.js';
import type { PubSub } from '../live/pubsub.js';
import { errorMessage, type Logger } from '../log.js';
import type { BulkJobLog } from '../store/ports.js';

// Runs bulk recovery jobs in worker processes: claims one job at a time under a lease (renewed by
// every batch), runs it a batch per store write, yielding to the event loop between batches, and
// announces each batch. A process that dies leaves its job to the next runner once the lease ends;
// that runner goes on from the job's cursor.

export interface BulkJobRunnerOptions {
  leaseMs: number;
  /** How often an idle runner looks for a job (it also wakes up when a job is created). */
  pollMs: number;
  batchSize?: number;
}

export class BulkJobRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private again = false;
  private unlisten: (() => void) | undefined;

  constructor(
    private readonly deps: { store: Pick<BulkJobLog, 'claimBulkJob' | 'runBulkJobBatch'>; pubsub: PubSub; log: Logger; now?: () => number },
    private readonly options: BulkJobRunnerOptions,
  ) {}

  start(): void {
    this.stopping = false;
    this.unlisten ??= this.deps.pubsub.listen('bulk-job:updated', (job) => job.status === 'QUEUED' && this.wake());
    this.timer ??= setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Stops after the batch in progress; the job stays RUNNING and is resumed when its lease ends. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    this.unlisten?.();
    this.unlisten = undefined;
    await this.running;
  }

  private wake(): void {
    if (this.stopping) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopping) (this.again = false), this.wake();
    });
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Runs jobs until none is left to claim. */
  private async drain(): Promise<void> {
    try {
      for (let claim = await this.deps.store.claimBulkJob(this.now(), this.options.leaseMs); claim && !this.stopping; claim = await this.deps.store.claimBulkJob(this.now(), this.options.leaseMs)) {
        announceBulkJob(this.deps.pubsub, claim.job);
        await this.run(claim);
      }
    } catch (err) {
      this.deps.log.warn('bulk job runner failed, will try again', { error: errorMessage(err) });
    }
  }

  private async run(claim: ClaimedBulkJob): Promise<void> {
    const limit = this.options.batchSize ?? BULK_JOB_BATCH;
    while (!this.stopping) {
      const step = await this.deps.store.runBulkJobBatch(claim, { now: this.now(), limit, leaseMs: this.options.leaseMs });
      if (!step) {
        this.deps.log.info('bulk job taken over by another runner', { job: claim.job.id });
        return;
      }
      announceDeliveries(this.deps.pubsub, step.changed);
      announceBulkJob(this.deps.pubsub, step.job);
      if (step.job.status !== 'RUNNING') {
        this.deps.log.info('bulk job finished', { job: step.job.id, kind: step.job.kind, status: step.job.status, done: step.job.done, failed: step.job.failed });
        return;
      }
      // Let deliveries, requests and other work run between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

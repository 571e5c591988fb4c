import { announceDeliveries } from '../live/announce.js';
import type { PubSub } from '../live/pubsub.js';
import { errorMessage, type Logger } from '../log.js';
import type { DeliveryQueue } from '../store/ports.js';

// Periodic maintenance in worker processes: applies the retention period, completes fan-outs that a
// crashed publish left unfinished (MongoDB), and frees stale leases. The retention purge covers the
// audit log and deleted applications (everything of theirs goes once they were deleted that long ago). Safe to run in many processes.

/** A fan-out younger than this may still be in progress in an API process. */
export const FANOUT_GRACE_MS = 30_000;

export interface SweeperOptions {
  intervalMs: number;
  retentionMs: number;
}

export class Sweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly deps: { store: Pick<DeliveryQueue, 'sweep'>; pubsub: PubSub; log: Logger; now?: () => number },
    private readonly options: SweeperOptions,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.runOnce(), this.options.intervalMs);
    this.timer.unref();
    void this.runOnce();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One sweep; overlapping calls share the sweep in progress. */
  runOnce(): Promise<void> {
    this.running ??= this.sweep().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(): Promise<void> {
    try {
      const result = await this.deps.store.sweep({
        now: (this.deps.now ?? Date.now)(),
        retentionMs: this.options.retentionMs,
        fanoutGraceMs: FANOUT_GRACE_MS,
      });
      announceDeliveries(this.deps.pubsub, [...result.created, ...result.expired]);
      if (result.created.length || result.expired.length || result.purgedEvents || result.purgedDeliveries || result.purgedApplicationRecords || result.purgedAuditEntries) {
        this.deps.log.info('sweep done', {
          fannedOut: result.created.length, expired: result.expired.length, purgedEvents: result.purgedEvents, purgedDeliveries: result.purgedDeliveries,
          purgedApplicationRecords: result.purgedApplicationRecords, purgedAuditEntries: result.purgedAuditEntries,
        });
      }
    } catch (err) {
      this.deps.log.warn('sweep failed, will try again', { error: errorMessage(err) });
    }
  }
}

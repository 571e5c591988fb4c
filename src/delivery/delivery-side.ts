import type { Deps } from '../deps.js';
import { ReceiverCredentials } from './credentials.js';
import type { Logger } from '../log.js';
import { CIRCUIT_COOLDOWN_MAX_MS } from '../domain/health.js';
import { BulkJobRunner } from './bulk-job-runner.js';
import { HttpClient } from './http-client.js';
import { Sweeper } from './sweeper.js';
import { DeliveryWorker } from './worker.js';

/** The delivery side of a process: the worker with its HTTP client, the sweeper, and the bulk job runner. */
export interface DeliverySide {
  worker: DeliveryWorker;
  start(): void;
  /** Stops claiming and sweeping; attempts in flight get up to the grace period to finish. */
  stop(): Promise<void>;
}

/** Built from the same dependencies as the use-cases; the worker and sweeper take only the queue port of the store. */
export function createDeliverySide({ store, pubsub, config, operations }: Deps, log: Logger): DeliverySide {
  const http = new HttpClient({ timeoutMs: config.deliveryTimeoutMs, allowPrivateTargets: config.allowPrivateTargets });
  const worker = new DeliveryWorker(
    { store, http, pubsub, log, operations, credentials: new ReceiverCredentials(http) },
    {
      concurrency: config.workerConcurrency,
      endpointConcurrency: config.endpointConcurrency,
      leaseMs: config.leaseMs,
      pollMs: config.workerPollMs,
      retry: { scheduleMs: config.retryScheduleMs, jitter: config.retryJitter, retryAfterMaxMs: config.retryAfterMaxMs },
      health: {
        circuitFailures: config.circuitFailures,
        circuitCooldownMs: config.circuitCooldownMs,
        circuitCooldownMaxMs: CIRCUIT_COOLDOWN_MAX_MS,
        disableAfterMs: config.disableAfterMs,
      },
      installation: config.cloudEventsSource,
    },
  );
  const sweeper = new Sweeper({ store, pubsub, log }, { intervalMs: config.sweepIntervalMs, retentionMs: config.retentionMs });
  const jobs = new BulkJobRunner({ store, pubsub, log }, { leaseMs: config.leaseMs, pollMs: Math.max(config.workerPollMs, 1000), batchSize: config.bulkJobBatch });
  return {
    worker,
    start() {
      worker.start();
      sweeper.start();
      jobs.start();
    },
    async stop() {
      await Promise.all([worker.stop(config.shutdownGraceMs), sweeper.stop(), jobs.stop()]);
      // Not awaited: attempts still in flight after the grace period are abandoned, not waited
      // for (up to the delivery timeout); their lease expires and a worker attempts them again.
      void http.close().catch(() => {});
    },
  };
}

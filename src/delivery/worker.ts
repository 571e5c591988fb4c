import { randomUUID } from 'node:crypto';
import pRetry from 'p-retry';
import { announceDeliveries } from '../live/announce.js';
import type { PubSub } from '../live/pubsub.js';
import type { ClaimedDelivery, DeliveryQueue, EndpointHealthLog } from '../store/ports.js';
import { healthWriteNeeded, type HealthSettings } from '../domain/health.js';
import type { Operations } from '../use-cases/operations.js';
import { announceHealthChange } from '../live/announce-health.js';
import type { HttpClient } from './http-client.js';
import { prepareRequest } from './prepare.js';
import { settleAttempt, type RetryPolicy } from '../domain/settle.js';

// The delivery loop: claim due deliveries under a lease, attempt each one in stages (prepare the
// signed request, send it, settle the outcome: prepare.ts, http-client.ts, domain/settle.ts),
// record the outcome with the next step of the retry schedule, and announce the change.
// The schedule lives in the store; this loop holds only the attempts in flight.

/** Longest pause between claims while the store keeps failing. */
export const MAX_BACKOFF_MS = 5_000;

export interface WorkerOptions {
  concurrency: number;
  endpointConcurrency: number;
  leaseMs: number;
  pollMs: number;
  retry: RetryPolicy;
  /** Endpoint health and circuit breaking (domain/health.ts). */
  health: HealthSettings;
}

export interface WorkerDeps {
  store: Pick<DeliveryQueue, 'claimDue' | 'recordAttempt'> & EndpointHealthLog;
  http: HttpClient;
  pubsub: PubSub;
  log: (message: string) => void;
  now?: () => number;
  /** Tells the platform what attempts did to endpoints (operational events). */
  operations?: Pick<Operations, 'afterAttempt'>;
}

export class DeliveryWorker {
  readonly id = `wrk_${randomUUID()}`;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly perEndpoint = new Map<string, number>();
  private wakeUp: (() => void) | undefined;
  private stopWatching: (() => void) | undefined;
  private readonly now: () => number;

  constructor(private readonly deps: WorkerDeps, private readonly options: WorkerOptions) {
    this.now = deps.now ?? Date.now;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopWatching = this.watchNewWork();
    this.loopDone = this.loop();
  }

  /** Stops claiming, waits up to `graceMs` for attempts in flight. Unfinished ones are picked up again when their lease expires. */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopWatching?.();
    this.wake();
    await this.loopDone;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((resolve) => (timer = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(timer);
  }

  /** Look for due work now instead of at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  /**
   * Work that is due now (a publish, a manual retry, an endpoint enabled again, from any process
   * sharing the pubsub) wakes the loop, unless its endpoint has no free slot here: then the claim
   * could not take it, and the slot's release wakes the loop anyway. Under load this saves a claim
   * per publish.
   */
  private watchNewWork(): () => void {
    return this.deps.pubsub.listen('work:due', ({ endpointId }) => {
      if ((this.perEndpoint.get(endpointId) ?? 0) < this.options.endpointConcurrency) this.wake();
    });
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const free = this.options.concurrency - this.inFlight.size;
      let claimed: ClaimedDelivery[] = [];
      if (free > 0) {
        try {
          claimed = await this.deps.store.claimDue({
            now: this.now(),
            limit: free,
            leaseMs: this.options.leaseMs,
            perEndpointLimit: this.options.endpointConcurrency,
            inFlightByEndpoint: this.perEndpoint,
          });
          failures = 0;
        } catch (err) {
          failures++;
          this.deps.log(`worker: claiming deliveries failed (${failures} in a row), backing off: ${(err as Error).message}`);
        }
      }
      for (const claim of claimed) this.launch(claim);
      // Claimed something: more may be due (a batch can come back short because of per-endpoint
      // shares, not because nothing is left), so go again at once. Otherwise sleep until woken or
      // polled; while the store fails, back off exponentially up to MAX_BACKOFF_MS.
      if (claimed.length > 0) continue;
      await this.sleep(failures ? Math.min(this.options.pollMs * 2 ** failures, MAX_BACKOFF_MS) : this.options.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private launch(claim: ClaimedDelivery): void {
    const endpointId = claim.endpoint.id;
    this.perEndpoint.set(endpointId, (this.perEndpoint.get(endpointId) ?? 0) + 1);
    let released = false;
    // The endpoint's slot is given back as soon as its request is over; recording the outcome
    // then only holds one of the worker's slots, not one of the endpoint's.
    const releaseEndpointSlot = () => {
      if (released) return;
      released = true;
      const left = (this.perEndpoint.get(endpointId) ?? 1) - 1;
      if (left === 0) this.perEndpoint.delete(endpointId);
      else this.perEndpoint.set(endpointId, left);
      this.wake();
    };
    const task = this.attempt(claim, releaseEndpointSlot)
      .catch((err) => this.deps.log(`worker: delivery ${claim.delivery.id} attempt failed to complete: ${(err as Error).message}`))
      .finally(() => {
        this.inFlight.delete(task);
        releaseEndpointSlot();
        this.wake();
      });
    this.inFlight.add(task);
  }

  /** One attempt, in named stages: prepare the request, send it, settle the outcome; then record and announce. */
  private async attempt(claim: ClaimedDelivery, requestDone: () => void): Promise<void> {
    const { delivery, attemptNumber } = claim;
    const startedAt = this.now();
    const request = prepareRequest(claim, startedAt);
    const sent = await this.deps.http.post(request.url, request.headers, request.body, { timeoutMs: claim.endpoint.timeoutMs });
    requestDone();
    const finishedAt = this.now();
    // The endpoint's own retry schedule, when it has one, replaces the platform's.
    const policy = claim.endpoint.retryScheduleMs ? { ...this.options.retry, scheduleMs: claim.endpoint.retryScheduleMs } : this.options.retry;
    const outcome = settleAttempt(policy, { deliveryId: delivery.id, number: attemptNumber, manualRetry: delivery.manualRetry, startedAt }, sent, finishedAt);
    // A transient store error must not lose the outcome: retry the write briefly in-process. The
    // endpoint's health is sent right behind it (the store applies the health rule and acts on its
    // decisions): SQLite commits writes in call order, so no claim of this process falls between.
    const retrying = { retries: 4, minTimeout: 50, maxTimeout: 1000 };
    const recorded = pRetry(() => this.deps.store.recordAttempt(claim, outcome, finishedAt), retrying);
    const healthInput = { success: outcome.attempt.success, gone: outcome.endpointGone ?? false };
    const health = healthWriteNeeded(claim.endpoint.health, healthInput, finishedAt)
      ? pRetry(() => this.deps.store.recordHealth(claim.endpoint.id, healthInput, finishedAt, this.options.health), retrying).catch((err: Error) => {
        this.deps.log(`worker: the health of endpoint ${claim.endpoint.id} was not updated for delivery ${delivery.id}: ${err.message}`);
        return null;
      })
      : Promise.resolve(null);
    const [updated, change] = await Promise.all([recorded, health]);
    if (change) announceHealthChange(this.deps.pubsub, change);
    if (updated === null) {
      this.deps.log(`worker: lease on delivery ${delivery.id} was lost before its attempt ${attemptNumber} was recorded`);
      return;
    }
    announceDeliveries(this.deps.pubsub, [updated]);
    await this.deps.operations?.afterAttempt(claim.endpoint, updated, change).catch((err) =>
      this.deps.log(`worker: operational events for delivery ${delivery.id} failed: ${(err as Error).message}`));
  }
}

import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import pRetry from 'p-retry';
import { announceDeliveries } from '../live/announce.js';
import type { PubSub } from '../live/pubsub.js';
import { errorMessage, type Logger } from '../log.js';
import type { ClaimedDelivery, ClaimOptions, DeliveryQueue, EndpointHealthLog, LocalWorker } from '../store/ports.js';
import { healthWriteNeeded, type HealthSettings } from '../domain/health.js';
import type { Operations } from '../use-cases/operations.js';
import { announceHealthChange } from '../live/announce-health.js';
import type { HttpClient } from './http-client.js';
import type { ReceiverCredentials } from './credentials.js';
import { prepareRequest } from './prepare.js';
import { settleAttempt, settleUnprepared, type RetryPolicy } from '../domain/settle.js';
import { TRANSFORM_FAILED_REASON } from '../domain/failure-reasons.js';
import { measureAttempt } from '../domain/stats.js';

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
  /** The installation's name in default CloudEvents sources (TIDINGS_CLOUDEVENTS_SOURCE). */
  installation: string;
  /** Endpoint health and circuit breaking (domain/health.ts). */
  health: HealthSettings;
}

export interface WorkerDeps {
  store: Pick<DeliveryQueue, 'claimDue' | 'recordAttempt' | 'handOffTo'> & EndpointHealthLog;
  http: HttpClient;
  pubsub: PubSub;
  log: Logger;
  now?: () => number;
  /** Receiver credentials (Authorization header); without it, endpoints' credentials are not sent. */
  credentials?: ReceiverCredentials;
  /** Tells the platform what attempts did to endpoints (operational events). */
  operations?: Pick<Operations, 'afterAttempt'>;
}

/**
 * A store write retried briefly in-process when it fails (a transient store error must not lose
 * an outcome). The first try is a plain call: p-retry's machinery (its abort signal, timers) cost
 * a few percent of the main thread when it wrapped every write.
 */
function withRetries<T>(write: () => Promise<T>): Promise<T> {
  // Then as p-retry would have gone on: 4 more tries, 50, 100, 200 and 400 ms after each failure.
  return write().catch(async () => {
    await delay(50);
    return pRetry(write, { retries: 3, minTimeout: 100, maxTimeout: 1000 });
  });
}

export class DeliveryWorker implements LocalWorker {
  readonly id = `wrk_${randomUUID()}`;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly perEndpoint = new Map<string, number>();
  /** Deliveries with an attempt in flight here. */
  private readonly attempting = new Set<string>();
  /**
   * Endpoints that may have due work no claim took for them: their share was full (or FIFO, one
   * at a time) when an attempt started. A slot they give back is filled from their own due work.
   */
  private readonly backlogged = new Map<string, number>();
  /** Numbers the launches that mark an endpoint backlogged, so an older refill does not unmark a newer one. */
  private marks = 0;
  /** Endpoints with a refill claim in flight; true once another slot was given back meanwhile (one more refill follows). */
  private readonly refilling = new Map<string, boolean>();
  /** Lease tokens of claims launched since the store last heard of them (ClaimOptions.launched). */
  private launched = new Set<string>();
  /** How many shares this worker has taken (ClaimOptions.launched.seq). */
  private shares = 0;
  private wakeUp: (() => void) | undefined;
  /** A wake-up came while the loop was claiming: it claims again before it sleeps. */
  private woken = false;
  private stopWatching: (() => void) | undefined;
  private readonly now: () => number;
  /**
   * Whether claims may overlap: the embedded store counts what concurrent claims and publishes
   * lease (ClaimOptions.launched), so slots are refilled as they free. With another store, the
   * loop makes one claim at a time and is woken whenever a slot frees.
   */
  private readonly overlappingClaims: boolean;

  constructor(private readonly deps: WorkerDeps, private readonly options: WorkerOptions) {
    this.now = deps.now ?? Date.now;
    this.overlappingClaims = typeof deps.store.handOffTo === 'function';
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.deps.store.handOffTo?.(this);
    this.stopWatching = this.watchNewWork();
    this.loopDone = this.loop();
  }

  /** Stops claiming, waits up to `graceMs` for attempts in flight. Unfinished ones are picked up again when their lease expires. */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.deps.store.handOffTo?.(null);
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
    this.woken = true;
    this.wakeUp?.();
  }

  share(): ClaimOptions | null {
    const free = this.options.concurrency - this.inFlight.size;
    if (!this.running || free <= 0) return null;
    return this.claimOptions(free);
  }

  take(claims: readonly ClaimedDelivery[]): void {
    for (const claim of claims) this.launch(claim);
  }

  /** A claim of up to `limit` deliveries within each endpoint's share; it tells the store which claims were launched since the last one. */
  private claimOptions(limit: number): ClaimOptions {
    const tokens = [...this.launched];
    this.launched = new Set();
    return {
      now: this.now(), limit, leaseMs: this.options.leaseMs, perEndpointLimit: this.options.endpointConcurrency,
      inFlightByEndpoint: new Map(this.perEndpoint), launched: { seq: ++this.shares, tokens },
    };
  }

  /**
   * Work that is due now (a publish, a manual retry, an endpoint enabled again, from any process
   * sharing the pubsub) wakes the loop, unless its endpoint has no free slot here: then the claim
   * could not take it, and the slot's release wakes the loop anyway (or, on a store that leases at
   * publish, refills the slot from the endpoint's due work: a backlogged endpoint's new work waits
   * for that refill, not for a claim of the whole queue). Under load this saves a claim per publish.
   */
  private watchNewWork(): () => void {
    return this.deps.pubsub.listen('work:due', ({ endpointId, deliveryIds }) => {
      // Deliveries a publish leased to this worker are already being attempted.
      if (deliveryIds?.every((id) => this.attempting.has(id))) return;
      if (this.overlappingClaims && this.backlogged.has(endpointId)) return;
      if ((this.perEndpoint.get(endpointId) ?? 0) < this.options.endpointConcurrency) this.wake();
    });
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      this.woken = false;
      const free = this.options.concurrency - this.inFlight.size;
      let claimed: ClaimedDelivery[] = [];
      if (free > 0) {
        try {
          claimed = await this.deps.store.claimDue(this.claimOptions(free));
          failures = 0;
        } catch (err) {
          failures++;
          this.deps.log.warn(`store unavailable: claiming deliveries failed (${failures} in a row), backing off`, { failures, error: errorMessage(err) });
        }
      }
      for (const claim of claimed) this.launch(claim);
      // Claimed something: more may be due (a batch can come back short because of per-endpoint
      // shares, not because nothing is left), so go again at once; so too when woken during the
      // claim (the work may have come after it). Otherwise sleep until woken or polled; while the
      // store fails, back off exponentially up to MAX_BACKOFF_MS.
      if (claimed.length > 0 || (this.woken && free > 0 && !failures)) continue;
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
    const held = (this.perEndpoint.get(endpointId) ?? 0) + 1;
    this.perEndpoint.set(endpointId, held);
    if (held >= this.options.endpointConcurrency || claim.endpoint.ordering === 'FIFO') this.backlogged.set(endpointId, ++this.marks);
    this.launched.add(claim.leaseToken);
    this.attempting.add(claim.delivery.id);
    let released = false;
    let refillWhenRecorded = false;
    // The endpoint's slot is given back as soon as its request is over; recording the outcome
    // then only holds one of the worker's slots, not one of the endpoint's. A backlogged endpoint's
    // slot is filled again from its own due work (claims left it out while it was full): at once
    // after a success; after a failure (its circuit may be about to open) or on a FIFO endpoint (the
    // next one waits for this outcome), once the outcome is recorded. Otherwise new work wakes the
    // loop when it is published.
    const releaseEndpointSlot = (succeeded: boolean) => {
      if (released) return;
      released = true;
      const held = this.perEndpoint.get(endpointId) ?? 1;
      if (held === 1) this.perEndpoint.delete(endpointId);
      else this.perEndpoint.set(endpointId, held - 1);
      if (!this.overlappingClaims) this.wake();
      else if (succeeded && claim.endpoint.ordering !== 'FIFO') this.refill(endpointId);
      else refillWhenRecorded = true;
    };
    const task = this.attempt(claim, releaseEndpointSlot)
      .catch((err) => this.deps.log.error('attempt could not be recorded', { deliveryId: claim.delivery.id, endpointId, error: errorMessage(err) }))
      .finally(() => {
        // Only a worker that had no slot left may have left due work unclaimed.
        const wasFull = this.inFlight.size >= this.options.concurrency;
        this.inFlight.delete(task);
        this.attempting.delete(claim.delivery.id);
        releaseEndpointSlot(false);
        if (refillWhenRecorded) this.refill(endpointId);
        if (wasFull || !this.overlappingClaims) this.wake();
      });
    this.inFlight.add(task);
  }

  /** Claims a backlogged endpoint's next due deliveries for the slot it just gave back (see launch). */
  private refill(endpointId: string): void {
    const free = this.options.concurrency - this.inFlight.size;
    const mark = this.backlogged.get(endpointId);
    if (mark === undefined || !this.running || free <= 0) return; // a full worker's loop is woken when a slot frees
    // One refill in flight per endpoint: slots given back meanwhile are taken by one more, not one each.
    if (this.refilling.has(endpointId)) return void this.refilling.set(endpointId, true);
    this.refilling.set(endpointId, false);
    const again = () => {
      const more = this.refilling.get(endpointId);
      this.refilling.delete(endpointId);
      if (more) this.refill(endpointId);
    };
    // As many as the endpoint's share has room for, by the store's count (other claims may be in flight).
    this.deps.store.claimDue({ ...this.claimOptions(free), endpointId }).then(
      (claimed) => {
        // Nothing due: no longer backlogged, unless an attempt launched since marked it again, or
        // one is still in flight (a FIFO endpoint's next delivery waits for it, not for new work).
        if (claimed.length === 0 && this.backlogged.get(endpointId) === mark && !this.perEndpoint.has(endpointId)) this.backlogged.delete(endpointId);
        claimed.forEach((claim) => this.launch(claim));
        again();
      },
      // The next poll of the loop claims it instead.
      (err) => {
        this.deps.log.warn('store unavailable: claiming an endpoint\'s next delivery failed', { endpointId, error: errorMessage(err) });
        this.refilling.delete(endpointId);
      },
    );
  }

  /** One attempt, in named stages: prepare the request, send it, settle the outcome; then record and announce. */
  private async attempt(claim: ClaimedDelivery, requestDone: (succeeded: boolean) => void): Promise<void> {
    const { delivery, attemptNumber } = claim;
    const startedAt = this.now();
    const preparing = performance.now();
    const prepared = await prepareRequest({ ...claim, delivery: { id: delivery.id, attempt: attemptNumber }, installation: this.options.installation }, startedAt);
    const preparationMs = performance.now() - preparing;
    // The endpoint's own retry schedule, when it has one, replaces the platform's.
    const policy = claim.endpoint.retryScheduleMs ? { ...this.options.retry, scheduleMs: claim.endpoint.retryScheduleMs } : this.options.retry;
    let outcome;
    if (prepared.ok) {
      const { request } = prepared;
      const auth = claim.endpoint.delivery.auth;
      const authorization = this.deps.credentials ? await this.deps.credentials.authorization(auth) : ({ ok: true, value: null } as const);
      // Credentials that cannot be had (a token request that failed) fail the attempt like a failed send.
      const headers = authorization.ok && authorization.value ? { ...request.headers, authorization: authorization.value } : request.headers;
      const sent = authorization.ok
        ? await this.deps.http.post(request.url, headers, request.body, { timeoutMs: claim.endpoint.timeoutMs })
        : { status: null, body: null, error: authorization.error, refused: authorization.refused, timedOut: false, durationMs: authorization.durationMs, retryAfter: null };
      if (sent.status === 401) this.deps.credentials?.forget(auth);
      outcome = settleAttempt(policy, { deliveryId: delivery.id, number: attemptNumber, manualRetry: delivery.manualRetry, startedAt }, sent, this.now());
      requestDone(outcome.attempt.success);
      outcome.measures = measureAttempt({ publishedAt: claim.event.createdAt, attemptNumber, startedAt, durationMs: sent.durationMs, preparationMs, sent });
    } else {
      requestDone(false);
      outcome = settleUnprepared({ deliveryId: delivery.id, number: attemptNumber, startedAt }, prepared.error, TRANSFORM_FAILED_REASON, this.now());
      // Nothing was sent: Tidings refused to send what it could not prepare.
      outcome.measures = measureAttempt({ publishedAt: claim.event.createdAt, attemptNumber, startedAt, durationMs: 0, preparationMs, sent: { status: null, refused: true } });
    }
    const finishedAt = this.now();
    // A transient store error must not lose the outcome: retry the write briefly in-process. The
    // endpoint's health is sent right behind it (the store applies the health rule and acts on its
    // decisions): SQLite commits writes in call order, so no claim of this process falls between.
    const recorded = withRetries(() => this.deps.store.recordAttempt(claim, outcome, finishedAt));
    const healthInput = { success: outcome.attempt.success, gone: outcome.endpointGone ?? false };
    const health = healthWriteNeeded(claim.endpoint.health, healthInput, finishedAt)
      ? withRetries(() => this.deps.store.recordHealth(claim.endpoint.id, healthInput, finishedAt, this.options.health)).catch((err: Error) => {
        this.deps.log.error('endpoint health was not updated', { endpointId: claim.endpoint.id, deliveryId: delivery.id, error: errorMessage(err) });
        return null;
      })
      : Promise.resolve(null);
    const [updated, change] = await Promise.all([recorded, health]);
    if (change) announceHealthChange(this.deps.pubsub, change);
    if (updated === null) {
      this.deps.log.warn('lease lost before the attempt was recorded', { deliveryId: delivery.id, endpointId: claim.endpoint.id, attempt: attemptNumber });
      return;
    }
    if (!outcome.attempt.success) {
      this.deps.log.warn('delivery attempt failed', {
        deliveryId: delivery.id, endpointId: claim.endpoint.id, eventType: claim.event.type, attempt: attemptNumber, outcome: outcome.measures?.outcome,
        responseStatus: outcome.attempt.responseStatus, error: outcome.attempt.error, status: updated.status, nextAttemptAt: updated.nextAttemptAt,
      });
    }
    announceDeliveries(this.deps.pubsub, [updated]);
    await this.deps.operations?.afterAttempt(claim.endpoint, updated, change).catch((err) =>
      this.deps.log.error('operational events failed', { deliveryId: delivery.id, error: errorMessage(err) }));
  }
}

import type { AttemptOutcome, DeliveryStatus, Millis } from './records.js';
import { retryAfterDelay } from './retry-after.js';

// Settling an attempt: what happens to a delivery once an attempt has finished.

export interface RetryPolicy {
  /** Delay after the 1st, 2nd, … failed attempt; after the last one the delivery is FAILED. */
  scheduleMs: readonly number[];
  /** ±fraction of random spread, so retries of a burst do not arrive in lockstep. */
  jitter: number;
  /** Longest Retry-After honoured (TIDINGS_RETRY_AFTER_MAX); 1 hour when unset. */
  retryAfterMaxMs?: number;
}

export const DEFAULT_RETRY_AFTER_MAX_MS = 60 * 60_000;

/** How an attempt ended, as far as the schedule cares. */
export interface AttemptResult {
  success: boolean;
  /** Set when retrying cannot help (e.g. the SSRF guard refused the target): the reason it was given up. */
  permanentFailure?: string | null;
}

/** How an attempt ended, as far as the schedule cares. */
export interface AttemptResult {
  success: boolean;
  /** Set when retrying cannot help (e.g. the SSRF guard refused the target): the reason it was given up. */
  permanentFailure?: string | null;
}

/** Status and next attempt time after attempt number `attemptNumber` (1-based) has finished. */
export function nextStep(
  policy: RetryPolicy,
  attemptNumber: number,
  result: AttemptResult,
  manualRetry: boolean,
  now: Millis,
  random: () => number = Math.random,
): { status: DeliveryStatus; nextAttemptAt: Millis | null; failureReason?: string } {
  if (result.success) return { status: 'SUCCEEDED', nextAttemptAt: null };
  if (result.permanentFailure) return { status: 'FAILED', nextAttemptAt: null, failureReason: result.permanentFailure };
  // A manual retry is exactly one more attempt: the automatic schedule is not restarted.
  if (manualRetry || attemptNumber > policy.scheduleMs.length) return { status: 'FAILED', nextAttemptAt: null };
  const base = policy.scheduleMs[attemptNumber - 1]!;
  const spread = base * policy.jitter * (random() * 2 - 1);
  return { status: 'RETRYING', nextAttemptAt: now + Math.max(0, Math.round(base + spread)) };
}

/**
 * What a store records for an outcome, given the delivery's status as stored now. A delivery that
 * was cancelled while its attempt was in flight (its endpoint was deleted) is FAILED already: a
 * failed attempt cannot revive it, only a success overrides the cancellation.
 */
export function settleOnStored(storedStatus: DeliveryStatus, outcome: AttemptOutcome): { status: DeliveryStatus; nextAttemptAt: Millis | null; cancelled: boolean } {
  const cancelled = storedStatus === 'FAILED' && !outcome.attempt.success;
  return cancelled ? { status: 'FAILED', nextAttemptAt: null, cancelled } : { status: outcome.status, nextAttemptAt: outcome.nextAttemptAt, cancelled };
}

/** What came back from sending one attempt (the send stage's result, as the rule needs it). */
export interface SendOutcome {
  /** HTTP status, when a response arrived. */
  status: number | null;
  /** The first bytes of the response body. */
  body: string | null;
  /** Why no usable response arrived (timeout, refused target, network error). */
  error: string | null;
  /** The target was refused (SSRF guard): retrying cannot help. */
  refused: boolean;
  /** No answer came within the timeout (the statistics class it apart from other network errors). */
  timedOut?: boolean;
  durationMs: number;
  /** The response's Retry-After header, as sent. */
  retryAfter?: string | null;
}

/**
 * Settles one attempt: success is a 2xx answer; a refused target fails for good; anything else
 * takes the next step of the retry schedule (a manual retry is exactly one attempt). A 429 or 503
 * with Retry-After puts the next attempt at least that far away (capped at retryAfterMaxMs) and
 * records the delay used; a 410 Gone says the endpoint is gone (the health rule disables it).
 */
export function settleAttempt(
  policy: RetryPolicy,
  attempt: { deliveryId: string; number: number; manualRetry: boolean; startedAt: Millis },
  sent: SendOutcome,
  now: Millis,
  random: () => number = Math.random,
): AttemptOutcome {
  const success = sent.status !== null && sent.status >= 200 && sent.status < 300;
  const error = sent.error ?? (success ? null : `endpoint answered HTTP ${sent.status}`);
  const step = nextStep(policy, attempt.number, { success, permanentFailure: sent.refused ? error : null }, attempt.manualRetry, now, random);
  const retryAfterMs = success ? null : retryAfterDelay(sent.status, sent.retryAfter, now, policy.retryAfterMaxMs ?? DEFAULT_RETRY_AFTER_MAX_MS);
  if (retryAfterMs !== null && step.nextAttemptAt !== null) step.nextAttemptAt = Math.max(step.nextAttemptAt, now + retryAfterMs);
  return {
    attempt: {
      deliveryId: attempt.deliveryId,
      number: attempt.number,
      startedAt: attempt.startedAt,
      durationMs: sent.durationMs,
      success,
      responseStatus: sent.status,
      responseBody: sent.body,
      error,
      retryAfterMs,
    },
    ...step,
    endpointGone: sent.status === 410,
  };
}

/**
 * Settles an attempt whose request could not be built (the endpoint's transform failed or ran out
 * of budget): recorded as a failed attempt with `error`, and the delivery ends FAILED with
 * `reason` at once, since the same event through the same transform fails again.
 */
export function settleUnprepared(
  attempt: { deliveryId: string; number: number; startedAt: Millis },
  error: string,
  reason: string,
  now: Millis,
): AttemptOutcome {
  return {
    attempt: {
      deliveryId: attempt.deliveryId, number: attempt.number, startedAt: attempt.startedAt, durationMs: Math.max(0, now - attempt.startedAt),
      success: false, responseStatus: null, responseBody: null, error, retryAfterMs: null,
    },
    status: 'FAILED',
    nextAttemptAt: null,
    failureReason: reason,
  };
}

import type { AttemptOutcome, DeliveryStatus, Millis } from './records.js';

// Settling an attempt: what happens to a delivery once an attempt has finished.

export interface RetryPolicy {
  /** Delay after the 1st, 2nd, … failed attempt; after the last one the delivery is FAILED. */
  scheduleMs: readonly number[];
  /** ±fraction of random spread, so retries of a burst do not arrive in lockstep. */
  jitter: number;
}

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

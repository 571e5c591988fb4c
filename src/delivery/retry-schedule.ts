import type { DeliveryStatus, Millis } from '../store/types.js';

export interface RetryPolicy {
  /** Delay after the 1st, 2nd, … failed attempt; after the last one the delivery is FAILED. */
  scheduleMs: readonly number[];
  /** ±fraction of random spread, so retries of a burst do not arrive in lockstep. */
  jitter: number;
}

/** Status and next attempt time after attempt number `attemptNumber` (1-based) has finished. */
export function nextStep(
  policy: RetryPolicy,
  attemptNumber: number,
  success: boolean,
  manualRetry: boolean,
  now: Millis,
  random: () => number = Math.random,
): { status: DeliveryStatus; nextAttemptAt: Millis | null } {
  if (success) return { status: 'SUCCEEDED', nextAttemptAt: null };
  // A manual retry is exactly one more attempt: the automatic schedule is not restarted.
  if (manualRetry || attemptNumber > policy.scheduleMs.length) return { status: 'FAILED', nextAttemptAt: null };
  const base = policy.scheduleMs[attemptNumber - 1]!;
  const spread = base * policy.jitter * (random() * 2 - 1);
  return { status: 'RETRYING', nextAttemptAt: now + Math.max(0, Math.round(base + spread)) };
}

import type { Millis } from './records.js';

// Per-endpoint rate limits: attempts to an endpoint at most `limit` a second, summed over every
// worker process. The state lives in the store; both adapters decide through these rules.
// Over any window of W ms an endpoint gets at most limit × (W + TOLERANCE) / 1000 + 1 attempts
// (5 s at 10/s: at most 52, 4% over; the +1 dominates only below 10/s).

/** How far ahead of its even spacing an attempt may go (absorbs claim timing, not a burst). */
export const RATE_TOLERANCE_MS = 100;

/** Milliseconds between two attempts at the limit. */
export const rateInterval = (limit: number): number => 1000 / limit;

/**
 * GCRA over a stored "theoretical arrival time" (SQLite keeps it per endpoint, inside the claim's
 * transaction): whether one more attempt may start at `now`, and the time to store if it does.
 */
export function takeRateSlot(tat: Millis | null, limit: number, now: Millis): { granted: boolean; tat: Millis | null } {
  const at = Math.max(tat ?? now, now);
  if (at - now > RATE_TOLERANCE_MS) return { granted: false, tat };
  return { granted: true, tat: at + rateInterval(limit) };
}

/**
 * Numbered slots (MongoDB: a claimer takes a slot by inserting its number under a unique _id, so
 * each slot is used once across processes): the slot of `now` and the few before it still within
 * the tolerance, oldest first. Slot n spans [n, n + 1) intervals since the epoch.
 */
export function openRateSlots(limit: number, now: Millis): number[] {
  const interval = rateInterval(limit);
  const current = Math.floor(now / interval);
  const back = Math.floor(RATE_TOLERANCE_MS / interval);
  return Array.from({ length: back + 1 }, (_, i) => current - back + i);
}

import type { Millis } from './records.js';

// API rate limits: requests a second per credential (or per client address), as a token bucket
// of `burst` tokens refilled at `rate` a second, counted over every API process sharing the store.
// Tokens are handed out in numbered slots of `slotSize` tokens: slot n opens at n × slotMs and
// stays open while it is among the `burst / slotSize` newest, so over any window of W seconds at
// most burst + rate × W requests are accepted (a full bucket, then the refill). A process takes a
// whole slot with one store write (each slot is taken once across processes) and spends its
// tokens locally: one write covers `slotSize` requests.

export interface TokenBucket {
  /** Tokens added a second (requests a second, sustained). */
  rate: number;
  /** Most tokens at once (requests accepted in a burst). */
  burst: number;
}

/** Tokens in one slot: a tenth of a second's worth (so a slot spans 100 ms), at least 1, at most the burst. */
export const slotSize = (bucket: TokenBucket): number => Math.max(1, Math.min(bucket.burst, Math.floor(bucket.rate / 10)));

/** Milliseconds one slot spans. */
export const slotMs = (bucket: TokenBucket): number => (slotSize(bucket) * 1000) / bucket.rate;

export interface OpenSlots {
  /** Numbers of the slots open at `now`, oldest first. */
  slots: number[];
  /** Tokens in each. */
  size: number;
  /** When the next slot opens. */
  nextOpensAt: Millis;
  /** When the newest open slot stops being open (how long a taken slot's tokens may be kept). */
  closesAt(slot: number): Millis;
}

/** The slots open at `now`: the current one and the ones before it that make up the burst. */
export function openTokenSlots(bucket: TokenBucket, now: Millis): OpenSlots {
  const size = slotSize(bucket);
  const ms = slotMs(bucket);
  const current = Math.floor(now / ms);
  const count = Math.max(1, Math.floor(bucket.burst / size));
  return {
    slots: Array.from({ length: count }, (_, i) => current - count + 1 + i),
    size,
    nextOpensAt: Math.ceil((current + 1) * ms),
    closesAt: (slot) => Math.ceil((slot + count) * ms),
  };
}

/** Retry-After for a request refused at `now`: whole seconds until the next slot opens, at least 1. */
export const retryAfterSeconds = (open: OpenSlots, now: Millis): number => Math.max(1, Math.ceil((open.nextOpensAt - now) / 1000));

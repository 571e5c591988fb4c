import { describe, expect, it } from 'vitest';
import { openTokenSlots, retryAfterSeconds, slotMs, slotSize, type TokenBucket } from '../../src/domain/api-rate-limit.js';

// The pure rule of the API rate limits: numbered token slots, each taken once.

/** Tokens a caller taking every open slot it has not taken yet gets, asking every `stepMs` from `start` for `durationMs`; and when. */
function simulate(bucket: TokenBucket, start: number, durationMs: number, stepMs = 1): number[] {
  const taken = new Set<number>();
  const granted: number[] = [];
  for (let now = start; now < start + durationMs; now += stepMs) {
    const open = openTokenSlots(bucket, now);
    for (const n of open.slots) {
      if (taken.has(n)) continue;
      taken.add(n);
      for (let i = 0; i < open.size; i++) granted.push(now);
    }
  }
  return granted;
}

const maxInWindow = (times: number[], windowMs: number) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

describe('API token slots', () => {
  it('puts a tenth of a second of tokens in a slot, at least one and at most the burst', () => {
    expect(slotSize({ rate: 100, burst: 200 })).toBe(10);
    expect(slotMs({ rate: 100, burst: 200 })).toBe(100);
    expect(slotSize({ rate: 5, burst: 20 })).toBe(1);
    expect(slotMs({ rate: 5, burst: 20 })).toBe(200);
    expect(slotSize({ rate: 1000, burst: 10 })).toBe(10);
  });

  it('gives a fresh caller the whole burst at once, then the rate', () => {
    const bucket = { rate: 100, burst: 200 };
    const granted = simulate(bucket, 1_000_000, 2000);
    expect(granted.filter((t) => t === 1_000_000)).toHaveLength(200);
    // 2 s: the burst + 100/s × 2 s (the slot opening at the start was in the burst)
    expect(granted.length).toBeGreaterThanOrEqual(200 + 190);
    expect(granted.length).toBeLessThanOrEqual(200 + 200 + 10);
  });

  it('accepts at most burst + rate × W over any window of W', () => {
    for (const bucket of [{ rate: 100, burst: 200 }, { rate: 10, burst: 5 }, { rate: 7, burst: 1 }, { rate: 1000, burst: 50 }]) {
      const granted = simulate(bucket, 123_457, 5000);
      for (const windowMs of [100, 1000, 3000]) {
        expect(maxInWindow(granted, windowMs), `${JSON.stringify(bucket)} over ${windowMs} ms`).toBeLessThanOrEqual(bucket.burst + Math.ceil((bucket.rate * windowMs) / 1000) + slotSize(bucket));
      }
      // and the long-run rate is the rate (within one slot and the burst)
      expect(granted.length).toBeGreaterThanOrEqual(bucket.rate * 5 - slotSize(bucket));
    }
  });

  it('says when the next slot opens, as whole seconds to wait (at least 1)', () => {
    const fast = { rate: 100, burst: 200 };
    const open = openTokenSlots(fast, 1_000_010);
    expect(open.nextOpensAt).toBe(1_000_100);
    expect(retryAfterSeconds(open, 1_000_010)).toBe(1);
    const slow = { rate: 1, burst: 1 };
    const late = openTokenSlots(slow, 10_000);
    expect(late.slots).toEqual([10]);
    expect(retryAfterSeconds(late, 10_000)).toBe(1);
    expect(retryAfterSeconds(openTokenSlots({ rate: 0.25, burst: 1 } as TokenBucket, 1000), 1000)).toBe(3);
  });

  it('keeps a slot open (its tokens spendable) for as long as it is part of the burst', () => {
    const bucket = { rate: 100, burst: 200 };
    const open = openTokenSlots(bucket, 1_000_000);
    const newest = open.slots.at(-1)!;
    expect(open.closesAt(newest)).toBe(1_000_000 + 2000);
    expect(openTokenSlots(bucket, open.closesAt(newest) - 1).slots).toContain(newest);
    expect(openTokenSlots(bucket, open.closesAt(newest)).slots).not.toContain(newest);
  });
});

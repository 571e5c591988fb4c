import { describe, expect, it } from 'vitest';
import { openRateSlots, RATE_TOLERANCE_MS, takeRateSlot } from '../../src/domain/rate-limit.js';

// The pure rules of per-endpoint rate limits.

/** Attempts granted when a claimer asks every `stepMs` for `durationMs`, as many as it is given. */
function simulateGcra(limit: number, durationMs: number, stepMs: number): number[] {
  let tat: number | null = null;
  const granted: number[] = [];
  for (let now = 0; now < durationMs; now += stepMs) {
    for (;;) {
      const r = takeRateSlot(tat, limit, now);
      if (!r.granted) break;
      tat = r.tat;
      granted.push(now);
    }
  }
  return granted;
}

const maxInWindow = (times: number[], windowMs: number) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

describe('takeRateSlot (GCRA)', () => {
  it('grants the first attempt and spaces the next ones by 1/limit', () => {
    const first = takeRateSlot(null, 10, 1000);
    expect(first).toEqual({ granted: true, tat: 1100 });
    expect(takeRateSlot(first.tat, 10, 1000)).toEqual({ granted: true, tat: 1200 });
    expect(takeRateSlot(1200, 10, 1000)).toEqual({ granted: false, tat: 1200 });
  });

  it('never exceeds limit × 5 s + tolerance + 1 in any 5-second window, however often it is asked', () => {
    for (const limit of [1, 10, 50, 500]) {
      const times = simulateGcra(limit, 20_000, 7);
      expect(maxInWindow(times, 5000)).toBeLessThanOrEqual(Math.floor((limit * (5000 + RATE_TOLERANCE_MS)) / 1000) + 1);
      expect(times.length).toBeGreaterThanOrEqual(limit * 20 - 1);
    }
  });
});

describe('openRateSlots', () => {
  it('is the slot of now and those before it within the tolerance, oldest first', () => {
    expect(openRateSlots(10, 1050)).toEqual([9, 10]);
    expect(openRateSlots(1, 1050)).toEqual([1]);
    expect(openRateSlots(50, 1000)).toEqual([45, 46, 47, 48, 49, 50]);
  });

  it('used once each, they never exceed limit × 5 s + tolerance + 1 in any 5-second window', () => {
    for (const limit of [1, 10, 50]) {
      const used = new Set<number>();
      const times: number[] = [];
      for (let now = 0; now < 20_000; now += 7) {
        for (const slot of openRateSlots(limit, now)) if (!used.has(slot)) used.add(slot), times.push(now);
      }
      expect(maxInWindow(times, 5000)).toBeLessThanOrEqual(Math.floor((limit * (5000 + RATE_TOLERANCE_MS)) / 1000) + 1);
    }
  });
});

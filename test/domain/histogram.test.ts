import { describe, expect, it } from 'vitest';
import {
  HISTOGRAM_BUCKETS, HISTOGRAM_LOW_MS, histogramBucket, histogramQuantile, histogramUpperBound, mergeHistogram, PERCENTILE_RELATIVE_ERROR, percentiles,
  type Histogram,
} from '../../src/domain/histogram.js';

const of = (values: number[]): Histogram => {
  const h: Histogram = new Map();
  for (const v of values) h.set(histogramBucket(v), (h.get(histogramBucket(v)) ?? 0) + 1);
  return h;
};

/** The exact q-quantile by the same rank rule: the ⌈q·n⌉-th smallest value. */
const exact = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil(q * values.length)) - 1]!;

describe('histogram buckets', () => {
  it('puts every value in the bucket whose boundaries hold it', () => {
    for (const v of [0.011, 0.5, 1, 7, 99.9, 100, 1234, 3_600_000]) {
      const i = histogramBucket(v);
      expect(v).toBeLessThanOrEqual(histogramUpperBound(i) * (1 + 1e-12));
      expect(v).toBeGreaterThan(histogramUpperBound(i - 1) * (1 - 1e-12));
    }
  });

  it('keeps values at or below 10 µs in the first bucket and huge ones in the last', () => {
    expect(histogramBucket(0)).toBe(0);
    expect(histogramBucket(HISTOGRAM_LOW_MS)).toBe(0);
    expect(histogramBucket(-3)).toBe(0);
    expect(histogramBucket(1e15)).toBe(HISTOGRAM_BUCKETS - 1);
    expect(histogramUpperBound(HISTOGRAM_BUCKETS - 2)).toBeGreaterThan(10 * 86_400_000);
  });
});

describe('percentiles from a histogram', () => {
  it('are within the stated relative error (under 10 %) of the exact percentiles', () => {
    expect(PERCENTILE_RELATIVE_ERROR).toBeLessThan(0.1);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const values = Array.from({ length: 5000 }, () => Math.exp(random() * 12) * 0.05);
    const h = of(values);
    for (const q of [0.5, 0.95, 0.99, 0.001, 1]) {
      const estimate = histogramQuantile(h, q)!;
      const truth = exact(values, q);
      expect(Math.abs(estimate - truth) / truth).toBeLessThanOrEqual(PERCENTILE_RELATIVE_ERROR + 1e-9);
    }
  });

  it('are null for an empty histogram and p50/p95/p99 in milliseconds otherwise', () => {
    expect(percentiles(new Map())).toBeNull();
    const p = percentiles(of([...Array(98).fill(10), 1000, 1000]))!;
    expect(p.p50).toBeCloseTo(10, -0.5);
    expect(Math.abs(p.p95 - 10) / 10).toBeLessThan(0.1);
    expect(Math.abs(p.p99 - 1000) / 1000).toBeLessThan(0.1);
  });

  it('merge by adding counts bucket by bucket', () => {
    const merged = mergeHistogram(of([1, 2]), of([2, 300]));
    expect(merged.get(histogramBucket(2))).toBe(2);
    expect([...merged.values()].reduce((a, b) => a + b)).toBe(4);
  });
});

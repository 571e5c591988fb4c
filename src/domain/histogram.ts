// Fixed, log-spaced histogram buckets for durations in milliseconds, shared by every store and by
// the API. Bucket i (1 ≤ i < HISTOGRAM_BUCKETS - 1) holds values in (LOW·G^(i-1), LOW·G^i]; bucket 0
// holds everything up to LOW, the last one everything above the top boundary. A percentile is
// reported as the geometric middle of its bucket, so within the covered range it is off by at most
// √G - 1 ≈ 9.5 % of the true value.

/** Growth factor between consecutive boundaries. */
export const HISTOGRAM_GROWTH = 1.2;
/** The first boundary: 10 µs. */
export const HISTOGRAM_LOW_MS = 0.01;
/** Boundaries from 10 µs to about 12 days (1.2^140 · 10 µs), plus the two open-ended buckets. */
export const HISTOGRAM_BUCKETS = 142;
/** Largest relative error of a percentile within [HISTOGRAM_LOW_MS, histogramUpperBound(HISTOGRAM_BUCKETS - 2)]. */
export const PERCENTILE_RELATIVE_ERROR = Math.sqrt(HISTOGRAM_GROWTH) - 1;

const LOG_GROWTH = Math.log(HISTOGRAM_GROWTH);

/** The bucket a duration falls in. */
export function histogramBucket(ms: number): number {
  if (!(ms > HISTOGRAM_LOW_MS)) return 0;
  // The small epsilon keeps values exactly on a boundary in the lower bucket despite rounding.
  const i = Math.ceil(Math.log(ms / HISTOGRAM_LOW_MS) / LOG_GROWTH - 1e-9);
  return Math.min(i, HISTOGRAM_BUCKETS - 1);
}

/** The upper boundary of bucket i (Infinity for the last one). */
export function histogramUpperBound(i: number): number {
  return i >= HISTOGRAM_BUCKETS - 1 ? Infinity : HISTOGRAM_LOW_MS * HISTOGRAM_GROWTH ** i;
}

/** The value reported for bucket i: the geometric middle of its boundaries. */
export function histogramValue(i: number): number {
  if (i <= 0) return HISTOGRAM_LOW_MS;
  const top = Math.min(i, HISTOGRAM_BUCKETS - 2);
  return HISTOGRAM_LOW_MS * HISTOGRAM_GROWTH ** (top - 0.5);
}

/** Counts by bucket index; absent buckets are empty. */
export type Histogram = Map<number, number>;

/** Adds `other` into `into`. */
export function mergeHistogram(into: Histogram, other: Histogram): Histogram {
  for (const [i, n] of other) into.set(i, (into.get(i) ?? 0) + n);
  return into;
}

/**
 * The q-quantile (0 < q ≤ 1) of the counted values: the value of the bucket holding the
 * ⌈q·n⌉-th smallest one. Null when nothing was counted.
 */
export function histogramQuantile(h: Histogram, q: number): number | null {
  let total = 0;
  for (const n of h.values()) total += n;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const i of [...h.keys()].sort((a, b) => a - b)) {
    seen += h.get(i)!;
    if (seen >= rank) return histogramValue(i);
  }
  return histogramValue(HISTOGRAM_BUCKETS - 1);
}

export interface Percentiles { p50: number; p95: number; p99: number }

/** p50, p95 and p99 in milliseconds (rounded to the microsecond), or null when nothing was counted. */
export function percentiles(h: Histogram): Percentiles | null {
  const at = (q: number) => Math.round(histogramQuantile(h, q)! * 1000) / 1000;
  return histogramQuantile(h, 0.5) === null ? null : { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

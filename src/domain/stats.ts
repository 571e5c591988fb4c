// Delivery statistics: what one publish or one attempt adds to the aggregates, which rows a range
// reads, and how the API turns stored aggregates into buckets with rates and percentiles. Both
// stores apply the increments these rules return, in the same write that records the publish or
// the attempt, to two rows each: the minute's and the hour's (rowsOf). A range reads hour rows for
// its whole hours and minute rows only at its edges (readPlan), so 30 days cost about 720 rows per
// key, not 43,200.
import { histogramBucket, mergeHistogram, percentiles, type Histogram, type Percentiles } from './histogram.js';
import type { AttemptMeasures, AttemptOutcome, AttemptOutcomeClass, DeliveryRecord, DeliveryStatus, EventRecord, Millis } from './records.js';

/** The aggregates' time resolution. */
export const STATS_MINUTE_MS = 60_000;

/** Counters kept per (application, endpoint, event type, minute). */
export const STATS_COUNTERS = [
  'eventsPublished', 'deliveriesCreated', 'attempts', 'succeeded', 'failed', 'retried',
  'success', 'clientError', 'serverError', 'otherStatus', 'timeout', 'networkError', 'refused',
] as const;
export type StatsCounter = (typeof STATS_COUNTERS)[number];

/** Histograms kept per (application, endpoint, event type, minute). */
export const STATS_HISTOGRAMS = ['sendLatency', 'endToEndLatency', 'attemptDuration', 'preparation'] as const;
export type StatsHistogram = (typeof STATS_HISTOGRAMS)[number];

/** The endpoint ID of the rows that count events published (an event belongs to no one endpoint). */
export const NO_ENDPOINT = '';

export interface StatsKey {
  applicationId: string;
  endpointId: string;
  eventType: string;
  /** Start of the minute, in ms since the epoch. */
  minute: Millis;
}

/** What one write adds to one aggregate row. */
export interface StatsIncrement extends StatsKey {
  counters: Partial<Record<StatsCounter, number>>;
  /** Histogram cells to add one to: [histogram, bucket index]. */
  cells: [StatsHistogram, number][];
}

export const minuteOf = (t: Millis): Millis => Math.floor(t / STATS_MINUTE_MS) * STATS_MINUTE_MS;

/** The time spans aggregate rows cover. */
export const STATS_HOUR_MS = 3_600_000;
export const STATS_SPANS = [STATS_MINUTE_MS, STATS_HOUR_MS] as const;

/** The key of one stored row: the key's minute or hour. */
export interface StatsRowKey {
  applicationId: string;
  endpointId: string;
  eventType: string;
  /** STATS_MINUTE_MS or STATS_HOUR_MS. */
  span: Millis;
  /** Start of the span, aligned to it. */
  start: Millis;
}

export type StatsRowIncrement = StatsRowKey & Pick<StatsIncrement, 'counters' | 'cells'>;

/** The rows an increment is added to: its minute's and its hour's. */
export function rowsOf(inc: StatsIncrement): StatsRowIncrement[] {
  const { minute, ...rest } = inc;
  return STATS_SPANS.map((span) => ({ ...rest, span, start: Math.floor(minute / span) * span }));
}

/**
 * Which rows a range reads: minute rows from the minute holding `since` to the first whole hour,
 * hour rows for the whole hours, and minute rows from the last whole hour to `until` (exclusive;
 * the minute holding it counts). MINUTE buckets read minute rows only.
 */
export function readPlan(since: Millis, until: Millis, interval: StatsInterval): { span: Millis; from: Millis; to: Millis }[] {
  const from = minuteOf(since);
  if (interval === 'MINUTE') return [{ span: STATS_MINUTE_MS, from, to: until }];
  const h1 = Math.ceil(from / STATS_HOUR_MS) * STATS_HOUR_MS;
  const h2 = Math.floor(until / STATS_HOUR_MS) * STATS_HOUR_MS;
  if (h1 >= h2) return [{ span: STATS_MINUTE_MS, from, to: until }];
  const plan = [{ span: STATS_HOUR_MS, from: h1, to: h2 }];
  if (from < h1) plan.unshift({ span: STATS_MINUTE_MS, from, to: h1 });
  if (h2 < until) plan.push({ span: STATS_MINUTE_MS, from: h2, to: until });
  return plan;
}

/**
 * Stable text of a row key (the MongoDB document _id). "|" occurs in none of its parts (prefixed IDs,
 * event type names, numbers); no U+0000, which PostgreSQL's jsonb (FerretDB's postgresql backend)
 * refuses in any string. Rows written by earlier releases under NUL-separated IDs are still read:
 * reads filter on the fields, and the hour or minute they hold gets new documents beside them.
 */
export function statsKeyId(k: StatsRowKey): string {
  return `${k.applicationId}|${k.endpointId}|${k.eventType}|${k.span}|${k.start}`;
}

/** The class of an attempt's result: by HTTP status, or why no answer came. */
export function outcomeClass(sent: { status: number | null; refused: boolean; timedOut?: boolean }): AttemptOutcomeClass {
  if (sent.status !== null) {
    if (sent.status >= 200 && sent.status < 300) return 'success';
    if (sent.status >= 400 && sent.status < 500) return 'clientError';
    if (sent.status >= 500 && sent.status < 600) return 'serverError';
    return 'otherStatus';
  }
  if (sent.refused) return 'refused';
  return sent.timedOut ? 'timeout' : 'networkError';
}

/** The measures of one attempt, from the times around it. `publishedAt` is the event's creation time. */
export function measureAttempt(input: {
  publishedAt: Millis; attemptNumber: number; startedAt: Millis; durationMs: number; preparationMs: number;
  sent: { status: number | null; refused: boolean; timedOut?: boolean };
}): AttemptMeasures {
  const outcome = outcomeClass(input.sent);
  return {
    outcome,
    preparationMs: Math.max(0, input.preparationMs),
    sendLatencyMs: input.attemptNumber === 1 ? Math.max(0, input.startedAt - input.publishedAt) : null,
    endToEndMs: outcome === 'success' ? Math.max(0, input.startedAt + input.durationMs - input.publishedAt) : null,
  };
}

/** What a publish adds: one event (on the application's NO_ENDPOINT row) and one delivery per endpoint. */
export function publishIncrements(event: EventRecord, deliveries: readonly Pick<DeliveryRecord, 'endpointId'>[]): StatsIncrement[] {
  const { applicationId, type: eventType } = event;
  const minute = minuteOf(event.createdAt);
  const perEndpoint = new Map<string, number>();
  for (const d of deliveries) perEndpoint.set(d.endpointId, (perEndpoint.get(d.endpointId) ?? 0) + 1);
  // Literals, not spreads of a shared base: a bulk publish makes ten of these per event.
  const increments: StatsIncrement[] = [{ applicationId, endpointId: NO_ENDPOINT, eventType, minute, counters: { eventsPublished: 1 }, cells: [] }];
  for (const [endpointId, n] of perEndpoint) increments.push({ applicationId, endpointId, eventType, minute, counters: { deliveriesCreated: n }, cells: [] });
  return increments;
}

/** The same increments with those of one key summed (cells concatenated): one write per key for a batch. */
export function mergeIncrements(increments: readonly StatsIncrement[]): StatsIncrement[] {
  const merged = new Map<string, StatsIncrement>();
  for (const inc of increments) {
    // IDs and event type names never hold U+0000 (their rules allow neither), so the key is unambiguous.
    const key = `${inc.applicationId}\u0000${inc.endpointId}\u0000${inc.eventType}\u0000${inc.minute}`;
    const into = merged.get(key);
    if (!into) {
      merged.set(key, { applicationId: inc.applicationId, endpointId: inc.endpointId, eventType: inc.eventType, minute: inc.minute, counters: { ...inc.counters }, cells: inc.cells.slice() });
      continue;
    }
    for (const c in inc.counters) into.counters[c as StatsCounter] = (into.counters[c as StatsCounter] ?? 0) + inc.counters[c as StatsCounter]!;
    for (const cell of inc.cells) into.cells.push(cell);
  }
  return [...merged.values()];
}

/**
 * What a recorded attempt adds, given the status the store settled the delivery in: one attempt
 * of its outcome class, the delivery succeeded, failed for good or retried, and its times.
 */
export function attemptIncrement(delivery: Pick<DeliveryRecord, 'applicationId' | 'endpointId' | 'eventType'>, outcome: AttemptOutcome, status: DeliveryStatus): StatsIncrement {
  const { attempt } = outcome;
  const m = outcome.measures;
  const cls: AttemptOutcomeClass = m?.outcome ?? (attempt.success ? 'success' : attempt.responseStatus !== null ? outcomeClass({ status: attempt.responseStatus, refused: false }) : 'networkError');
  const counters: Partial<Record<StatsCounter, number>> = { attempts: 1, [cls]: 1 };
  if (status === 'SUCCEEDED') counters.succeeded = 1;
  else if (status === 'FAILED') counters.failed = 1;
  else if (status === 'RETRYING') counters.retried = 1;
  const cells: [StatsHistogram, number][] = [['attemptDuration', histogramBucket(attempt.durationMs)]];
  if (m) {
    cells.push(['preparation', histogramBucket(m.preparationMs)]);
    if (m.sendLatencyMs !== null) cells.push(['sendLatency', histogramBucket(m.sendLatencyMs)]);
    if (m.endToEndMs !== null && status === 'SUCCEEDED') cells.push(['endToEndLatency', histogramBucket(m.endToEndMs)]);
  }
  return { applicationId: delivery.applicationId, endpointId: delivery.endpointId, eventType: delivery.eventType, minute: minuteOf(attempt.startedAt), counters, cells };
}

export type StatsInterval = 'MINUTE' | 'HOUR' | 'DAY';
export const INTERVAL_MS: Record<StatsInterval, number> = { MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000 };
/** Most buckets one answer may hold. */
export const MAX_STATS_BUCKETS = 2_000;

/** Stored aggregates of one time range (a store's answer), summed over the rows it matched. */
export interface StatsTotals {
  counters: Record<StatsCounter, number>;
  histograms: Record<StatsHistogram, Histogram>;
}

export function emptyTotals(): StatsTotals {
  return {
    counters: Object.fromEntries(STATS_COUNTERS.map((c) => [c, 0])) as Record<StatsCounter, number>,
    histograms: Object.fromEntries(STATS_HISTOGRAMS.map((h) => [h, new Map()])) as Record<StatsHistogram, Histogram>,
  };
}

export function addTotals(into: StatsTotals, other: StatsTotals): StatsTotals {
  for (const c of STATS_COUNTERS) into.counters[c] += other.counters[c];
  for (const h of STATS_HISTOGRAMS) mergeHistogram(into.histograms[h], other.histograms[h]);
  return into;
}

/** One bucket of the answer. */
export interface StatsBucketValue {
  start: Millis;
  end: Millis;
  eventsPublished: number;
  eventRate: number;
  deliveriesCreated: number;
  attempts: number;
  succeeded: number;
  failed: number;
  retried: number;
  attemptSuccessRate: number | null;
  deliverySuccessRate: number | null;
  sendLatency: Percentiles | null;
  endToEndLatency: Percentiles | null;
  attemptDuration: Percentiles | null;
  preparation: Percentiles | null;
  outcomes: Record<AttemptOutcomeClass, number>;
}

/**
 * A bucket's figures. With an endpoint filter, events published are the events that reached the
 * endpoint (its deliveries created). Rates are per second of the bucket; success rates are null
 * when there is nothing to divide.
 */
export function bucketValue(start: Millis, end: Millis, t: StatsTotals, endpointFiltered: boolean): StatsBucketValue {
  const c = t.counters;
  const events = endpointFiltered ? c.deliveriesCreated : c.eventsPublished;
  const seconds = Math.max(1, end - start) / 1000;
  return {
    start, end,
    eventsPublished: events,
    eventRate: events / seconds,
    deliveriesCreated: c.deliveriesCreated,
    attempts: c.attempts,
    succeeded: c.succeeded,
    failed: c.failed,
    retried: c.retried,
    attemptSuccessRate: c.attempts ? c.success / c.attempts : null,
    deliverySuccessRate: c.succeeded + c.failed ? c.succeeded / (c.succeeded + c.failed) : null,
    sendLatency: percentiles(t.histograms.sendLatency),
    endToEndLatency: percentiles(t.histograms.endToEndLatency),
    attemptDuration: percentiles(t.histograms.attemptDuration),
    preparation: percentiles(t.histograms.preparation),
    outcomes: {
      success: c.success, clientError: c.clientError, serverError: c.serverError, otherStatus: c.otherStatus,
      timeout: c.timeout, networkError: c.networkError, refused: c.refused,
    },
  };
}

/** The bucket starts of [since, until): aligned to the interval in UTC, the first one holding `since`. */
export function bucketStarts(since: Millis, until: Millis, interval: StatsInterval): Millis[] {
  const step = INTERVAL_MS[interval];
  const starts: Millis[] = [];
  for (let t = Math.floor(since / step) * step; t < until; t += step) starts.push(t);
  return starts;
}

/**
 * The answer's total and buckets from the store's per-bucket totals (keyed by bucket start; absent
 * buckets are empty). The first and last buckets are cut to [since, until) for their rates.
 */
export function assembleStats(since: Millis, until: Millis, interval: StatsInterval, perBucket: Map<Millis, StatsTotals>, endpointFiltered: boolean): { total: StatsBucketValue; buckets: StatsBucketValue[] } {
  const step = INTERVAL_MS[interval];
  const total = emptyTotals();
  const buckets = bucketStarts(since, until, interval).map((start) => {
    const t = perBucket.get(start) ?? emptyTotals();
    addTotals(total, t);
    return bucketValue(start, Math.min(start + step, until), t, endpointFiltered);
  });
  const value = bucketValue(since, until, total, endpointFiltered);
  return { total: value, buckets: buckets.map((b, i) => (i === 0 ? { ...b, start: Math.max(b.start, since), eventRate: rateOver(b, Math.max(b.start, since)) } : b)) };
}

function rateOver(b: StatsBucketValue, start: Millis): number {
  return b.eventsPublished / (Math.max(1, b.end - start) / 1000);
}

import { describe, expect, it } from 'vitest';
import { histogramBucket } from '../../src/domain/histogram.js';
import type { AttemptOutcome } from '../../src/domain/records.js';
import {
  addTotals, assembleStats, attemptIncrement, bucketStarts, emptyTotals, measureAttempt, mergeIncrements, NO_ENDPOINT, outcomeClass, publishIncrements, readPlan, rowsOf,
} from '../../src/domain/stats.js';

const T0 = Date.UTC(2026, 0, 1);
const delivery = { applicationId: 'app', endpointId: 'ep', eventType: 'order.created' };
const attempt = (success: boolean, startedAt = T0 + 61_000): AttemptOutcome['attempt'] => ({
  deliveryId: 'd', number: 1, startedAt, durationMs: 12, success, responseStatus: success ? 200 : 503, responseBody: null, error: null, retryAfterMs: null,
});

describe('attempt outcome classes', () => {
  it('class answers by status and missing answers by cause', () => {
    expect([200, 204, 301, 404, 410, 500, 503].map((status) => outcomeClass({ status, refused: false })))
      .toEqual(['success', 'success', 'otherStatus', 'clientError', 'clientError', 'serverError', 'serverError']);
    expect(outcomeClass({ status: null, refused: true })).toBe('refused');
    expect(outcomeClass({ status: null, refused: false, timedOut: true })).toBe('timeout');
    expect(outcomeClass({ status: null, refused: false })).toBe('networkError');
  });
});

describe('attempt measures', () => {
  it('measure send latency on the first attempt only, and end to end on success only', () => {
    const sent = { status: 200, refused: false };
    expect(measureAttempt({ publishedAt: T0, attemptNumber: 1, startedAt: T0 + 30, durationMs: 20, preparationMs: 0.3, sent }))
      .toEqual({ outcome: 'success', preparationMs: 0.3, sendLatencyMs: 30, endToEndMs: 50 });
    expect(measureAttempt({ publishedAt: T0, attemptNumber: 2, startedAt: T0 + 5000, durationMs: 20, preparationMs: 0.3, sent: { status: 500, refused: false } }))
      .toEqual({ outcome: 'serverError', preparationMs: 0.3, sendLatencyMs: null, endToEndMs: null });
  });
});

describe('what a write adds to the aggregates', () => {
  it('a publish adds one event on the application row and one delivery per endpoint, in its minute', () => {
    const event = { id: 'e', applicationId: 'app', type: 't', payload: '{}', idempotencyKey: null, createdAt: T0 + 59_999, channels: [], testEndpointId: null };
    expect(publishIncrements(event, [{ endpointId: 'a' }, { endpointId: 'b' }])).toEqual([
      { applicationId: 'app', endpointId: NO_ENDPOINT, eventType: 't', minute: T0, counters: { eventsPublished: 1 }, cells: [] },
      { applicationId: 'app', endpointId: 'a', eventType: 't', minute: T0, counters: { deliveriesCreated: 1 }, cells: [] },
      { applicationId: 'app', endpointId: 'b', eventType: 't', minute: T0, counters: { deliveriesCreated: 1 }, cells: [] },
    ]);
  });

  it('a batch of publishes adds one write per row key: counters summed, histogram cells kept, other minutes and types apart', () => {
    const event = (id: string, type: string, createdAt: number) => ({ id, applicationId: 'app', type, payload: '{}', idempotencyKey: null, createdAt, channels: [], testEndpointId: null });
    const increments = [
      ...publishIncrements(event('e1', 't', T0), [{ endpointId: 'a' }, { endpointId: 'b' }]),
      ...publishIncrements(event('e2', 't', T0 + 1_000), [{ endpointId: 'a' }]),
      ...publishIncrements(event('e3', 'u', T0 + 2_000), [{ endpointId: 'a' }]),
      ...publishIncrements(event('e4', 't', T0 + 60_000), []),
      { applicationId: 'app', endpointId: 'a', eventType: 't', minute: T0, counters: { attempts: 1 }, cells: [['attemptDuration', 3]] as [ 'attemptDuration', number][] },
    ];
    const merged = mergeIncrements(increments);
    expect(merged).toEqual([
      { applicationId: 'app', endpointId: NO_ENDPOINT, eventType: 't', minute: T0, counters: { eventsPublished: 2 }, cells: [] },
      { applicationId: 'app', endpointId: 'a', eventType: 't', minute: T0, counters: { deliveriesCreated: 2, attempts: 1 }, cells: [['attemptDuration', 3]] },
      { applicationId: 'app', endpointId: 'b', eventType: 't', minute: T0, counters: { deliveriesCreated: 1 }, cells: [] },
      { applicationId: 'app', endpointId: NO_ENDPOINT, eventType: 'u', minute: T0, counters: { eventsPublished: 1 }, cells: [] },
      { applicationId: 'app', endpointId: 'a', eventType: 'u', minute: T0, counters: { deliveriesCreated: 1 }, cells: [] },
      { applicationId: 'app', endpointId: NO_ENDPOINT, eventType: 't', minute: T0 + 60_000, counters: { eventsPublished: 1 }, cells: [] },
    ]);
    // The increments given are left as they were.
    expect(increments[0]!.counters).toEqual({ eventsPublished: 1 });
  });

  it('an attempt adds its outcome class, what became of the delivery as stored, and its times, in the minute it started', () => {
    const measures = { outcome: 'success' as const, preparationMs: 0.5, sendLatencyMs: 100, endToEndMs: 112 };
    const inc = attemptIncrement(delivery, { attempt: attempt(true), status: 'SUCCEEDED', nextAttemptAt: null, measures }, 'SUCCEEDED');
    expect(inc).toEqual({
      ...delivery, minute: T0 + 60_000, counters: { attempts: 1, success: 1, succeeded: 1 },
      cells: [['attemptDuration', histogramBucket(12)], ['preparation', histogramBucket(0.5)], ['sendLatency', histogramBucket(100)], ['endToEndLatency', histogramBucket(112)]],
    });
    // A failed attempt of a delivery cancelled meanwhile counts as failed, not retried.
    const cancelled = attemptIncrement(delivery, { attempt: attempt(false), status: 'RETRYING', nextAttemptAt: T0 + 1e5 }, 'FAILED');
    expect(cancelled.counters).toEqual({ attempts: 1, serverError: 1, failed: 1 });
  });
});

describe('assembling the answer', () => {
  it('aligns buckets to the interval in UTC and lists empty ones', () => {
    expect(bucketStarts(T0 + 90 * 60_000, T0 + 3 * 3_600_000, 'HOUR')).toEqual([T0 + 3_600_000, T0 + 7_200_000]);
  });

  it('adds the buckets up to the total and derives rates and success rates', () => {
    const hour1 = emptyTotals();
    Object.assign(hour1.counters, { eventsPublished: 36, deliveriesCreated: 36, attempts: 40, success: 30, serverError: 10, succeeded: 30, failed: 2, retried: 8 });
    hour1.histograms.attemptDuration.set(histogramBucket(50), 40);
    const hour2 = emptyTotals();
    Object.assign(hour2.counters, { eventsPublished: 72 });
    const { total, buckets } = assembleStats(T0, T0 + 3 * 3_600_000, 'HOUR', new Map([[T0, hour1], [T0 + 2 * 3_600_000, hour2]]), false);
    expect(buckets.map((b) => [b.start, b.end, b.eventsPublished])).toEqual([[T0, T0 + 3_600_000, 36], [T0 + 3_600_000, T0 + 7_200_000, 0], [T0 + 7_200_000, T0 + 10_800_000, 72]]);
    expect(buckets[0]).toMatchObject({ eventRate: 0.01, attemptSuccessRate: 0.75, deliverySuccessRate: 30 / 32, outcomes: { success: 30, serverError: 10 } });
    expect(buckets[1]).toMatchObject({ attemptSuccessRate: null, deliverySuccessRate: null, attemptDuration: null });
    expect(total).toMatchObject({ start: T0, end: T0 + 10_800_000, eventsPublished: 108, eventRate: 0.01, attempts: 40 });
    expect(Math.abs(total.attemptDuration!.p99 - 50) / 50).toBeLessThan(0.1);
    expect(addTotals(emptyTotals(), hour1).counters.attempts).toBe(40);
  });

  it('counts the events that reached an endpoint as its events published', () => {
    const t = emptyTotals();
    Object.assign(t.counters, { deliveriesCreated: 6 });
    expect(assembleStats(T0, T0 + 60_000, 'MINUTE', new Map([[T0, t]]), true).total.eventsPublished).toBe(6);
  });
});

describe('which rows a write adds to and a range reads', () => {
  const H = 3_600_000;
  const M = 60_000;
  it('a write adds to its minute row and its hour row', () => {
    const event = { id: 'e', applicationId: 'app', type: 't', payload: '{}', idempotencyKey: null, createdAt: T0 + H + 5 * M + 3, channels: [], testEndpointId: null };
    const [inc] = publishIncrements(event, []);
    expect(rowsOf(inc!).map((r) => [r.span, r.start])).toEqual([[M, T0 + H + 5 * M], [H, T0 + H]]);
  });

  it('a range reads hour rows for its whole hours and minute rows at its edges; minute buckets read minute rows only', () => {
    expect(readPlan(T0 + 30 * M + 5, T0 + 3 * H + 10 * M, 'HOUR')).toEqual([
      { span: M, from: T0 + 30 * M, to: T0 + H }, { span: H, from: T0 + H, to: T0 + 3 * H }, { span: M, from: T0 + 3 * H, to: T0 + 3 * H + 10 * M },
    ]);
    expect(readPlan(T0, T0 + 30 * 86_400_000, 'DAY')).toEqual([{ span: H, from: T0, to: T0 + 30 * 86_400_000 }]);
    expect(readPlan(T0 + 5 * M, T0 + 50 * M, 'DAY')).toEqual([{ span: M, from: T0 + 5 * M, to: T0 + 50 * M }]);
    expect(readPlan(T0, T0 + 2 * H, 'MINUTE')).toEqual([{ span: M, from: T0, to: T0 + 2 * H }]);
  });
});

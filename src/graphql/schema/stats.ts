// Delivery statistics: deliveryStats, Endpoint.stats and the deliveryStatsUpdated subscription.
import type { Percentiles } from '../../domain/histogram.js';
import type { AttemptOutcomeClass } from '../../domain/records.js';
import type { StatsBucketValue } from '../../domain/stats.js';
import { currentStats, deliveryStats, followStats, type BacklogValue, type DeliveryStatsValue } from '../../use-cases/stats.js';
import { builder, scopeOf } from './builder.js';
import { EndpointRef } from './refs.js';

const StatsIntervalEnum = builder.enumType('StatsInterval', {
  description: 'The width of a statistics bucket; buckets are aligned in UTC.',
  values: {
    MINUTE: { description: 'One minute (the resolution the statistics are kept at).' },
    HOUR: { description: 'One hour, rolled up from its minutes.' },
    DAY: { description: 'One UTC day, rolled up from its minutes.' },
  },
});

const PercentilesRef = builder.objectRef<Percentiles>('Percentiles').implement({
  description: 'Percentiles of a duration in milliseconds, from log-spaced histogram buckets: each within 9.5 % of the exact value.',
  fields: (t) => ({
    p50: t.exposeFloat('p50', { description: 'Median, in milliseconds.' }),
    p95: t.exposeFloat('p95', { description: '95th percentile, in milliseconds.' }),
    p99: t.exposeFloat('p99', { description: '99th percentile, in milliseconds.' }),
  }),
});

const AttemptOutcomesRef = builder.objectRef<Record<AttemptOutcomeClass, number>>('AttemptOutcomes').implement({
  description: 'Attempts by how they ended.',
  fields: (t) => ({
    success: t.exposeInt('success', { description: 'Answered 2xx.' }),
    clientError: t.exposeInt('clientError', { description: 'Answered 4xx.' }),
    serverError: t.exposeInt('serverError', { description: 'Answered 5xx.' }),
    otherStatus: t.exposeInt('otherStatus', { description: 'Answered another status (1xx, 3xx: redirects are not followed).' }),
    timeout: t.exposeInt('timeout', { description: 'No complete answer within TIDINGS_DELIVERY_TIMEOUT.' }),
    networkError: t.exposeInt('networkError', { description: 'The connection failed (refused, reset, DNS).' }),
    refused: t.exposeInt('refused', { description: 'Tidings refused the target (a private address): the delivery failed at once.' }),
  }),
});

const StatsBucketRef = builder.objectRef<StatsBucketValue>('StatsBucket').implement({
  description: 'Delivery figures of one time bucket (or of the whole range).',
  fields: (t) => ({
    start: t.field({ type: 'DateTime', description: 'Start of the bucket (inclusive).', resolve: (b) => b.start }),
    end: t.field({ type: 'DateTime', description: 'End of the bucket (exclusive).', resolve: (b) => b.end }),
    eventsPublished: t.exposeInt('eventsPublished', { description: 'Events published; for one endpoint, the events that reached it.' }),
    eventRate: t.exposeFloat('eventRate', { description: 'Events published per second of the bucket.' }),
    deliveriesCreated: t.exposeInt('deliveriesCreated', { description: 'Deliveries created (one per event and endpoint).' }),
    attempts: t.exposeInt('attempts', { description: 'Attempts made (counted in the minute they started).' }),
    succeeded: t.exposeInt('succeeded', { description: 'Deliveries that succeeded.' }),
    failed: t.exposeInt('failed', { description: 'Deliveries that an attempt ended FAILED for good.' }),
    retried: t.exposeInt('retried', { description: 'Failed attempts after which the delivery was scheduled again.' }),
    attemptSuccessRate: t.exposeFloat('attemptSuccessRate', { nullable: true, description: 'Share of attempts answered 2xx (0 to 1); null without attempts.' }),
    deliverySuccessRate: t.exposeFloat('deliverySuccessRate', { nullable: true, description: 'succeeded / (succeeded + failed); null when none finished.' }),
    sendLatency: t.field({ type: PercentilesRef, nullable: true, description: 'Publish → start of the first attempt.', resolve: (b) => b.sendLatency }),
    endToEndLatency: t.field({ type: PercentilesRef, nullable: true, description: 'Publish → end of the successful attempt.', resolve: (b) => b.endToEndLatency }),
    attemptDuration: t.field({ type: PercentilesRef, nullable: true, description: 'How long attempts took, request to last response byte (receiver time).', resolve: (b) => b.attemptDuration }),
    preparation: t.field({ type: PercentilesRef, nullable: true, description: 'Time Tidings spent preparing each request (format, sign).', resolve: (b) => b.preparation }),
    outcomes: t.field({ type: AttemptOutcomesRef, description: 'Attempts by how they ended.', resolve: (b) => b.outcomes }),
  }),
});

const BacklogRef = builder.objectRef<BacklogValue>('Backlog').implement({
  description: 'Unfinished deliveries now.',
  fields: (t) => ({
    waiting: t.exposeInt('waiting', { description: 'PENDING deliveries: not attempted yet (paused endpoints included).' }),
    retrying: t.exposeInt('retrying', { description: 'RETRYING deliveries: waiting for their next attempt.' }),
    oldestWaitingAgeMs: t.exposeFloat('oldestWaitingAgeMs', { nullable: true, description: 'Age of the oldest PENDING delivery in milliseconds; null when none waits.' }),
  }),
});

const DeliveryStatsRef = builder.objectRef<DeliveryStatsValue>('DeliveryStats').implement({
  description: 'Delivery statistics of a time range, computed from per-minute aggregates.',
  fields: (t) => ({
    total: t.field({ type: StatsBucketRef, description: 'The whole range.', resolve: (s) => s.total }),
    buckets: t.field({ type: [StatsBucketRef], description: 'One per interval, oldest first, empty ones included.', resolve: (s) => s.buckets }),
    backlog: t.field({ type: BacklogRef, description: 'Unfinished deliveries now (for the endpoint, when one is asked for).', resolve: (s) => s.backlog }),
  }),
});

const DeliveryStatsInput = builder.inputType('DeliveryStatsInput', {
  description: 'Which statistics: a time range, bucketed by interval, optionally narrowed.',
  fields: (t) => ({
    applicationId: t.id({ description: 'One application (admin token); an application key always sees its own.' }),
    endpointId: t.id({ description: 'One endpoint.' }),
    eventType: t.string({ description: 'One event type (exact name).' }),
    since: t.field({ type: 'DateTime', required: true, description: 'Start of the range (inclusive; at minute resolution).' }),
    until: t.field({ type: 'DateTime', description: 'End of the range (exclusive); now when omitted.' }),
    interval: t.field({ type: StatsIntervalEnum, description: 'Bucket width; HOUR when omitted. At most 2000 buckets.' }),
  }),
});

builder.queryField('deliveryStats', (t) =>
  t.withAuth({ caller: true }).field({
    type: DeliveryStatsRef,
    description: 'Event rate, attempts, outcomes, success rates and latency percentiles over a range, and the backlog now.',
    args: { input: t.arg({ type: DeliveryStatsInput, required: true, description: 'The range and filters.' }) },
    resolve: (_root, { input }, { caller, deps }) => deliveryStats(deps, caller, input),
  }),
);

builder.objectField(EndpointRef, 'stats', (t) =>
  t.field({
    type: DeliveryStatsRef,
    description: 'Delivery statistics of this endpoint since a time, bucketed by interval, with its backlog.',
    args: {
      since: t.arg({ type: 'DateTime', required: true, description: 'Start of the range (inclusive).' }),
      interval: t.arg({ type: StatsIntervalEnum, description: 'Bucket width; HOUR when omitted.' }),
    },
    resolve: (e, args, context) => deliveryStats(context.deps, scopeOf(context), { endpointId: e.id, since: args.since, interval: args.interval }),
  }),
);

const LiveStatsRef = builder.objectRef<Awaited<ReturnType<typeof currentStats>>>('LiveDeliveryStats').implement({
  description: 'The current bucket so far and the backlog now.',
  fields: (t) => ({
    bucket: t.field({ type: StatsBucketRef, description: 'The interval bucket holding now, up to now.', resolve: (s) => s.bucket }),
    backlog: t.field({ type: BacklogRef, description: 'Unfinished deliveries now.', resolve: (s) => s.backlog }),
  }),
});

const DeliveryStatsUpdatedInput = builder.inputType('DeliveryStatsUpdatedInput', {
  description: 'Which statistics to follow live.',
  fields: (t) => ({
    applicationId: t.id({ description: 'One application (admin token); an application key always sees its own.' }),
    endpointId: t.id({ description: 'One endpoint.' }),
    eventType: t.string({ description: 'One event type (exact name).' }),
    interval: t.field({ type: StatsIntervalEnum, description: 'Width of the current bucket; MINUTE when omitted.' }),
  }),
});

builder.subscriptionField('deliveryStatsUpdated', (t) =>
  t.withAuth({ caller: true }).field({
    type: LiveStatsRef,
    description: 'The current bucket and the backlog at once, then every TIDINGS_STATS_LIVE_INTERVAL (5 s by default), for live charts.',
    args: { input: t.arg({ type: DeliveryStatsUpdatedInput, description: 'Filters; everything the caller can see when omitted.' }) },
    subscribe: (_root, { input }, { caller, deps }) => followStats(deps, caller, input ?? {}),
    resolve: (s) => s,
  }),
);

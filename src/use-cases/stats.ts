// Delivery statistics as the API gives them: ranges rolled up from the per-minute aggregates the
// store maintains (never a scan of the attempts), the backlog now, and a live feed of the current
// bucket. Within the caller's scope: an application key sees its own numbers only.
import type { Millis, Scope } from '../domain/records.js';
import { assembleStats, bucketStarts, INTERVAL_MS, MAX_STATS_BUCKETS, type StatsBucketValue, type StatsInterval } from '../domain/stats.js';
import type { Deps } from '../deps.js';
import { BadInputError, NotFoundError } from '../errors.js';
import type { StatsQuery } from '../store/ports.js';
import { narrowScope } from './access.js';

export interface DeliveryStatsInput {
  applicationId?: string | null;
  endpointId?: string | null;
  eventType?: string | null;
  since: Millis;
  until?: Millis | null;
  interval?: StatsInterval | null;
}

export interface BacklogValue {
  waiting: number;
  retrying: number;
  oldestWaitingAgeMs: number | null;
}

export interface DeliveryStatsValue {
  total: StatsBucketValue;
  buckets: StatsBucketValue[];
  backlog: BacklogValue;
}

/** The scope and store query for an input; NOT_FOUND for an application or endpoint the caller cannot see. */
async function resolve(deps: Deps, scope: Scope, input: DeliveryStatsInput): Promise<[Scope, StatsQuery]> {
  const until = input.until ?? deps.now();
  const interval = input.interval ?? 'HOUR';
  if (!(input.since < until)) throw new BadInputError('since', 'must be before until');
  if ((until - input.since) / INTERVAL_MS[interval] > MAX_STATS_BUCKETS) {
    throw new BadInputError('interval', `gives more than ${MAX_STATS_BUCKETS} buckets for this range; choose a longer interval or a shorter range`);
  }
  const narrowed = await narrowScope(deps.store, scope, input.applicationId);
  const query: StatsQuery = { since: input.since, until, interval };
  if (narrowed.kind === 'app') query.applicationId = narrowed.applicationId;
  if (input.endpointId) {
    if (!(await deps.store.findEndpoint(narrowed, input.endpointId, { includeDeleted: true }))) throw new NotFoundError('endpoint', input.endpointId);
    query.endpointId = input.endpointId;
  }
  if (input.eventType) query.eventType = input.eventType;
  return [narrowed, query];
}

async function backlog(deps: Deps, scope: Scope, query: StatsQuery): Promise<BacklogValue> {
  const b = await deps.store.readBacklog(scope, { applicationId: query.applicationId, endpointId: query.endpointId });
  return { waiting: b.waiting, retrying: b.retrying, oldestWaitingAgeMs: b.oldestWaitingSince === null ? null : Math.max(0, deps.now() - b.oldestWaitingSince) };
}

/** The range's total and its buckets (empty ones included), and the backlog now. */
export async function deliveryStats(deps: Deps, scope: Scope, input: DeliveryStatsInput): Promise<DeliveryStatsValue> {
  const [narrowed, query] = await resolve(deps, scope, input);
  const [perBucket, now] = await Promise.all([deps.store.readStats(narrowed, query), backlog(deps, narrowed, query)]);
  return { ...assembleStats(query.since, query.until, query.interval, perBucket, query.endpointId !== undefined), backlog: now };
}

export type LiveStatsInput = Omit<DeliveryStatsInput, 'since' | 'until'>;

/** The interval bucket holding now, so far, with the backlog. */
export async function currentStats(deps: Deps, scope: Scope, input: LiveStatsInput): Promise<{ bucket: StatsBucketValue; backlog: BacklogValue }> {
  const interval = input.interval ?? 'MINUTE';
  const now = deps.now();
  const [start] = bucketStarts(now, now + 1, interval);
  const stats = await deliveryStats(deps, scope, { ...input, interval, since: start!, until: Math.max(now, start! + 1) });
  return { bucket: stats.buckets[0]!, backlog: stats.backlog };
}

/**
 * The current bucket at once and then every `statsLiveIntervalMs`, until the subscriber leaves.
 * Checks the input (NOT_FOUND, BAD_USER_INPUT) before the first message.
 */
export async function followStats(deps: Deps, scope: Scope, input: LiveStatsInput): Promise<AsyncIterableIterator<{ bucket: StatsBucketValue; backlog: BacklogValue }>> {
  let first: Awaited<ReturnType<typeof currentStats>> | undefined = await currentStats(deps, scope, input);
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let done = false;
  const stop = async () => {
    done = true;
    clearTimeout(timer);
    wake?.();
    return { value: undefined, done: true as const };
  };
  const iterator: AsyncIterableIterator<Awaited<ReturnType<typeof currentStats>>> = {
    async next() {
      if (first) {
        const value = first;
        first = undefined;
        return { value, done: false };
      }
      if (done) return { value: undefined, done: true };
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, deps.config.statsLiveIntervalMs);
      });
      if (done) return { value: undefined, done: true };
      return { value: await currentStats(deps, scope, input), done: false };
    },
    return: stop,
    throw: async (error) => {
      await stop();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

// The MongoDB store's delivery statistics: one document per (application, endpoint, event type,
// minute or hour) whose _id is built from that key, so every write is an upsert by _id (the one
// access path FerretDB indexes) with $inc on its counters and histogram cells. Reads filter on
// (applicationId, span, start), indexed on MongoDB; FerretDB reads the statistics collection,
// whose size depends on minutes × keys, never on the number of attempts.
import type { Collection, Db } from 'mongodb';
import type { Millis, Scope } from '../../domain/records.js';
import {
  emptyTotals, INTERVAL_MS, readPlan, rowsOf, STATS_COUNTERS, STATS_HISTOGRAMS, statsKeyId, type StatsCounter, type StatsHistogram,
  type StatsIncrement, type StatsRowIncrement, type StatsTotals,
} from '../../domain/stats.js';
import type { BacklogCounts, StatsQuery } from '../ports.js';

interface StatsDoc {
  _id: string;
  applicationId: string;
  endpointId: string;
  eventType: string;
  /** STATS_MINUTE_MS or STATS_HOUR_MS, and the start of that span. */
  span: number;
  start: number;
  /** Counters by name. */
  c?: Partial<Record<StatsCounter, number>>;
  /** Histogram cells: h.<histogram>.b<bucket>. */
  h?: Partial<Record<StatsHistogram, Record<string, number>>>;
}

export const STATS_COLLECTION = 'delivery_stats';

export class MongoStats {
  private readonly stats: Collection<StatsDoc>;

  constructor(db: Db, private readonly isDuplicateKey: (err: unknown) => boolean) {
    this.stats = db.collection(STATS_COLLECTION);
  }

  /** The write in progress per document, so that this process applies one increment of a document at a time. */
  private readonly pending = new Map<string, Promise<void>>();

  /**
   * Adds the increments: one upsert by _id each. FerretDB applies an update as read-modify-write,
   * so two concurrent $inc of one document can lose one: this process therefore writes each
   * document one increment at a time (MongoDB's $inc is atomic, across processes too).
   */
  async apply(increments: readonly StatsIncrement[]): Promise<void> {
    for (const inc of increments.flatMap(rowsOf)) {
      const _id = statsKeyId(inc);
      const before = this.pending.get(_id) ?? Promise.resolve();
      const mine = before.then(() => this.write(_id, inc));
      const settled = mine.catch(() => {});
      this.pending.set(_id, settled);
      void settled.then(() => {
        if (this.pending.get(_id) === settled) this.pending.delete(_id);
      });
      await mine;
    }
  }

  private async write(_id: string, inc: StatsRowIncrement): Promise<void> {
    const $inc: Record<string, number> = {};
    for (const [c, n] of Object.entries(inc.counters)) if (n) $inc[`c.${c}`] = n;
    for (const [h, b] of inc.cells) $inc[`h.${h}.b${b}`] = ($inc[`h.${h}.b${b}`] ?? 0) + 1;
    const update = {
      $setOnInsert: { applicationId: inc.applicationId, endpointId: inc.endpointId, eventType: inc.eventType, span: inc.span, start: inc.start },
      $inc,
    };
    try {
      await this.stats.updateOne({ _id }, update, { upsert: true });
    } catch (err) {
      // Two first writes of a key raced: the loser's upsert hit the winner's insert; now it exists.
      if (!this.isDuplicateKey(err)) throw err;
      await this.stats.updateOne({ _id }, { $inc });
    }
  }

  async read(scope: Scope, q: StatsQuery): Promise<Map<Millis, StatsTotals>> {
    if (scope.kind === 'app' && q.applicationId && q.applicationId !== scope.applicationId) return new Map();
    const app = scope.kind === 'app' ? scope.applicationId : q.applicationId;
    const base: Record<string, unknown> = {};
    if (app) base.applicationId = app;
    if (q.endpointId !== undefined) base.endpointId = q.endpointId;
    if (q.eventType) base.eventType = q.eventType;
    // Hour documents for whole hours, minute documents at the edges (domain readPlan).
    const parts = readPlan(q.since, q.until, q.interval).map((p) => ({ ...base, span: p.span, start: { $gte: p.from, $lt: p.to } }));
    const step = INTERVAL_MS[q.interval];
    const out = new Map<Millis, StatsTotals>();
    for await (const doc of this.stats.find(parts.length === 1 ? parts[0]! : { $or: parts })) {
      const start = Math.floor(doc.start / step) * step;
      let t = out.get(start);
      if (!t) out.set(start, (t = emptyTotals()));
      for (const c of STATS_COUNTERS) t.counters[c] += doc.c?.[c] ?? 0;
      for (const h of STATS_HISTOGRAMS) {
        for (const [cell, n] of Object.entries(doc.h?.[h] ?? {})) {
          const b = Number(cell.slice(1));
          t.histograms[h].set(b, (t.histograms[h].get(b) ?? 0) + n);
        }
      }
    }
    return out;
  }
}

interface QueueEntry { _id: string; endpointId: string }
interface BacklogDelivery { _id: string; applicationId: string; endpointId: string; status: string; createdAt: number; parked?: boolean }
interface EndpointEntry { _id: string; applicationId: string; enabled: boolean; deletedAt: number | null }

/**
 * Unfinished deliveries now: those in the queue (its documents are exactly the claimable ones) and
 * the parked deliveries of paused endpoints, read by _id or by endpoint.
 */
export async function readMongoBacklog(db: Db, scope: Scope, filter: { applicationId?: string; endpointId?: string }): Promise<BacklogCounts> {
  const empty: BacklogCounts = { waiting: 0, retrying: 0, oldestWaitingSince: null };
  if (scope.kind === 'app' && filter.applicationId && filter.applicationId !== scope.applicationId) return empty;
  const app = scope.kind === 'app' ? scope.applicationId : filter.applicationId;
  const endpoints = db.collection<EndpointEntry>('endpoints');
  const deliveries = db.collection<BacklogDelivery>('deliveries');
  const queue = db.collection<QueueEntry>('queue');
  const endpointFilter: Record<string, unknown> = { deletedAt: null };
  if (app) endpointFilter.applicationId = app;
  if (filter.endpointId) endpointFilter._id = filter.endpointId;
  const inScope = await endpoints.find(endpointFilter, { projection: { _id: 1, enabled: 1 } }).toArray();
  if (inScope.length === 0) return empty;
  const ids = new Set(inScope.map((e) => e._id));
  // By endpoint (index endpointId, _id on MongoDB) unless every endpoint is in scope.
  const queueFilter = filter.endpointId ? { endpointId: filter.endpointId } : app ? { endpointId: { $in: [...ids] } } : {};
  const queued = (await queue.find(queueFilter, { projection: { _id: 1, endpointId: 1 } }).toArray())
    .filter((q) => ids.has(q.endpointId))
    .map((q) => q._id);
  const found: BacklogDelivery[] = [];
  const projection = { _id: 1, status: 1, createdAt: 1 };
  for (let i = 0; i < queued.length; i += 1000) {
    found.push(...(await deliveries.find({ _id: { $in: queued.slice(i, i + 1000) } }, { projection }).toArray()));
  }
  for (const e of inScope.filter((x) => !x.enabled)) found.push(...(await deliveries.find({ endpointId: e._id, parked: true }, { projection }).toArray()));
  const result = { ...empty };
  for (const d of new Map(found.map((x) => [x._id, x])).values()) {
    if (d.status === 'PENDING') {
      result.waiting++;
      if (result.oldestWaitingSince === null || d.createdAt < result.oldestWaitingSince) result.oldestWaitingSince = d.createdAt;
    } else if (d.status === 'RETRYING') result.retrying++;
  }
  return result;
}

// The embedded store's delivery statistics (migration 003): applying increments in the writer
// thread's transaction, and reading them back rolled up by interval on the reading connection.
import type Database from 'better-sqlite3';
import type { Millis, Scope } from '../../domain/records.js';
import {
  emptyTotals, INTERVAL_MS, readPlan, rowsOf, STATS_COUNTERS, type StatsCounter, type StatsHistogram, type StatsIncrement, type StatsTotals,
} from '../../domain/stats.js';
import type { BacklogCounts, StatsQuery } from '../ports.js';
import type { Row } from './rows.js';

const COLUMN: Record<StatsCounter, string> = {
  eventsPublished: 'events_published', deliveriesCreated: 'deliveries_created', attempts: 'attempts', succeeded: 'succeeded',
  failed: 'failed', retried: 'retried', success: 'outcome_success', clientError: 'outcome_client_error',
  serverError: 'outcome_server_error', otherStatus: 'outcome_other_status', timeout: 'outcome_timeout',
  networkError: 'outcome_network_error', refused: 'outcome_refused',
};
const COLUMNS = STATS_COUNTERS.map((c) => COLUMN[c]);

type Stmt = (sql: string) => Database.Statement;

/** Adds the increments (called inside a write transaction). */
export function applyStats(stmt: Stmt, increments: readonly StatsIncrement[]): void {
  const counters = stmt(
    `INSERT INTO delivery_stats (application_id, span, start, endpoint_id, event_type, ${COLUMNS.join(', ')})
     VALUES (?, ?, ?, ?, ?, ${COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (application_id, span, start, endpoint_id, event_type) DO UPDATE SET
       ${COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
  );
  const cell = stmt(
    `INSERT INTO delivery_stats_cells (application_id, span, start, endpoint_id, event_type, histogram, bucket, count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (application_id, span, start, endpoint_id, event_type, histogram, bucket) DO UPDATE SET count = count + excluded.count`,
  );
  for (const inc of increments.flatMap(rowsOf)) {
    const key = [inc.applicationId, inc.span, inc.start, inc.endpointId, inc.eventType];
    counters.run(...key, ...STATS_COUNTERS.map((c) => inc.counters[c] ?? 0));
    // One write per histogram bucket, with its count (a merged increment repeats a bucket per attempt).
    const cells = new Map<string, [StatsHistogram, number, number]>();
    for (const [histogram, bucket] of inc.cells) {
      const seen = cells.get(`${histogram}:${bucket}`);
      if (seen) seen[2]++;
      else cells.set(`${histogram}:${bucket}`, [histogram, bucket, 1]);
    }
    for (const [histogram, bucket, count] of cells.values()) cell.run(...key, histogram, bucket, count);
  }
}

/** An application's numbers are visible to the admin and to that application only. */
const visible = (scope: Scope, applicationId: string | undefined) => scope.kind === 'admin' || !applicationId || applicationId === scope.applicationId;

/** The WHERE clause of a stats read: scope, rows of one span in a range, and optional filters. */
function where(scope: Scope, q: StatsQuery, part: { span: Millis; from: Millis; to: Millis }): [string, unknown[]] {
  const conds = ['span = ?', 'start >= ?', 'start < ?'];
  const params: unknown[] = [part.span, part.from, part.to];
  const app = scope.kind === 'app' ? scope.applicationId : q.applicationId;
  if (app) conds.push('application_id = ?'), params.push(app);
  if (q.endpointId !== undefined) conds.push('endpoint_id = ?'), params.push(q.endpointId);
  if (q.eventType) conds.push('event_type = ?'), params.push(q.eventType);
  return [conds.join(' AND '), params];
}

/** Sums of the rows per interval bucket: hour rows for whole hours, minute rows at the edges (domain readPlan). */
export function readStats(stmt: Stmt, scope: Scope, q: StatsQuery): Map<Millis, StatsTotals> {
  if (!visible(scope, q.applicationId)) return new Map();
  const out = new Map<Millis, StatsTotals>();
  for (const part of readPlan(q.since, q.until, q.interval)) readPart(stmt, scope, q, part, out);
  return out;
}

function readPart(stmt: Stmt, scope: Scope, q: StatsQuery, part: { span: Millis; from: Millis; to: Millis }, out: Map<Millis, StatsTotals>): void {
  const step = INTERVAL_MS[q.interval];
  const [cond, params] = where(scope, q, part);
  const at = (start: Millis) => {
    let t = out.get(start);
    if (!t) out.set(start, (t = emptyTotals()));
    return t;
  };
  const rows = stmt(
    `SELECT (start / ${step}) * ${step} AS bucket, ${COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ')}
     FROM delivery_stats WHERE ${cond} GROUP BY bucket`,
  ).all(...params) as Row[];
  for (const row of rows) {
    const t = at(row.bucket);
    for (const c of STATS_COUNTERS) t.counters[c] += row[COLUMN[c]];
  }
  const cells = stmt(
    `SELECT (start / ${step}) * ${step} AS slot, histogram, bucket, SUM(count) AS n
     FROM delivery_stats_cells WHERE ${cond} GROUP BY slot, histogram, bucket`,
  ).all(...params) as Row[];
  for (const row of cells) {
    const h = at(row.slot).histograms[row.histogram as StatsHistogram];
    h.set(row.bucket, (h.get(row.bucket) ?? 0) + row.n);
  }
}

/** Unfinished deliveries now, through the due index (finished deliveries have no run_at). */
export function readBacklog(stmt: Stmt, scope: Scope, filter: { applicationId?: string; endpointId?: string }): BacklogCounts {
  if (!visible(scope, filter.applicationId)) return { waiting: 0, retrying: 0, oldestWaitingSince: null };
  // A range on run_at (every unfinished delivery has one) lets the planner walk the partial index.
  const conds = ['run_at IS NOT NULL', 'run_at >= ?', "status IN ('PENDING', 'RETRYING')"];
  const params: unknown[] = [Number.MIN_SAFE_INTEGER];
  const app = scope.kind === 'app' ? scope.applicationId : filter.applicationId;
  if (app) conds.push('application_id = ?'), params.push(app);
  if (filter.endpointId) conds.push('endpoint_id = ?'), params.push(filter.endpointId);
  const row = stmt(
    `SELECT COALESCE(SUM(status = 'PENDING'), 0) AS waiting, COALESCE(SUM(status = 'RETRYING'), 0) AS retrying,
       MIN(CASE WHEN status = 'PENDING' THEN created_at END) AS oldest
     FROM deliveries INDEXED BY deliveries_due_covering WHERE ${conds.join(' AND ')}`,
  ).get(...params) as Row;
  return { waiting: row.waiting, retrying: row.retrying, oldestWaitingSince: row.oldest ?? null };
}

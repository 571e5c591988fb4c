import { ENDPOINT_DEFAULTS } from '../../src/domain/endpoint-defaults.js';
// `npx tsx test/bench/stats.ts [--quick | --smoke]`: what the delivery statistics cost on the embedded store.
//  1. maintaining the aggregates: publish → claim → record on the store's write path (SqliteWrites,
//     batched transactions as in the writer thread), with and without the aggregates, alternating
//     in the same run; deliveries per second of each, and the overhead;
//  2. reading them: a 30-day deliveryStats (DAY buckets, and HOUR buckets) over 1,000,000 recorded
//     attempts spread over 30 days, against the same query over 10,000, through the store's read
//     port and the use-case's assembly, median of 5.
// Writes a JSON table to .tmp/bench/stats-<time>.json. Run it on a quiet machine: it is a benchmark.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AttemptOutcome, EndpointRecord, EventRecord } from '../../src/domain/records.js';
import { assembleStats, measureAttempt } from '../../src/domain/stats.js';
import { newId } from '../../src/ids.js';
import { openDatabase } from '../../src/store/sqlite/connection.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { SecretBox } from '../../src/store/secret-box.js';
import { TEST_KEY_RING } from '../support/keys.js';
import { SqliteWrites } from '../../src/store/sqlite/writes.js';
import { ROOT } from './harness.js';

const quick = process.argv.includes('--quick');
// --smoke: tiny sizes that only check the script works (its numbers mean nothing).
const smoke = process.argv.includes('--smoke');
const SIZE = smoke
  ? { costDeliveries: 200, costRounds: 2, bigAttempts: 1_000, smallAttempts: 100 }
  : quick
    ? { costDeliveries: 5_000, costRounds: 2, bigAttempts: 100_000, smallAttempts: 10_000 }
    : { costDeliveries: 50_000, costRounds: 3, bigAttempts: 1_000_000, smallAttempts: 10_000 };
const ENDPOINTS = 10;
const BATCH = 500; // operations per transaction (the writer thread commits what arrived together)
const DAY = 86_400_000;

interface Row { scenario: string; metric: string; value: number; unit: string; note?: string }
const rows: Row[] = [];
const record = (scenario: string, metric: string, value: number, unit: string, note?: string) => {
  rows.push({ scenario, metric, value, unit, note });
  console.log(`${scenario.padEnd(28)} ${metric.padEnd(36)} ${String(Math.round(value * 100) / 100).padStart(12)} ${unit}${note ? `  (${note})` : ''}`);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function freshFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-bench-stats-')), 'tidings.sqlite');
}

/** An application with ENDPOINTS endpoints receiving every type. */
function setup(writes: SqliteWrites, now: number) {
  const applicationId = newId('Application');
  writes.runBatch([() => writes.createApplication({ id: applicationId, name: 'bench', metadata: {}, createdAt: now })]);
  const endpoints: EndpointRecord[] = Array.from({ length: ENDPOINTS }, () => ({
    id: newId('Endpoint'), applicationId, url: 'http://127.0.0.1:9/hook', description: null, eventTypes: ['*'], enabled: true,
    secrets: [{ secret: 'whsec_YmVuY2hiZW5jaGJlbmNoYmVuY2hiZW5jaGJlbmNo', expiresAt: null }], createdAt: now, updatedAt: now, deletedAt: null, ...ENDPOINT_DEFAULTS,
  }));
  writes.runBatch(endpoints.map((e) => () => writes.createEndpoint(e)));
  return { applicationId, endpoints };
}

/**
 * Publishes `events` events (createdAt from `timeOf(i)`), then claims and records one attempt per
 * delivery (10 % answered 500 and given up, the rest 200), all in batches. Returns the seconds taken.
 */
function drive(writes: SqliteWrites, applicationId: string, events: number, timeOf: (i: number) => number): number {
  const started = performance.now();
  for (let i = 0; i < events; i += BATCH / ENDPOINTS) {
    const ops: (() => unknown)[] = [];
    for (let j = i; j < Math.min(events, i + BATCH / ENDPOINTS); j++) {
      const createdAt = timeOf(j);
      const event: EventRecord = { id: newId('Event', createdAt), applicationId, type: `bench.type${j % 3}`, payload: '{"n":1}', idempotencyKey: null, createdAt, channels: [], testEndpointId: null };
      ops.push(() => writes.publishEvent(event, 0));
    }
    writes.runBatch(ops);
  }
  const future = Date.now() + 100 * 365 * DAY;
  let n = 0;
  for (;;) {
    const [result] = writes.runBatch([() => writes.claimDue({ now: future, limit: BATCH, leaseMs: 60_000, perEndpointLimit: 1e9, inFlightByEndpoint: new Map() })]);
    const claims = result!.value as ReturnType<SqliteWrites['claimDue']>;
    if (!claims.length) break;
    writes.runBatch(claims.map((c) => () => {
      const fail = ++n % 10 === 0;
      const startedAt = c.event.createdAt + 40;
      const sent = { status: fail ? 500 : 200, refused: false };
      const outcome: AttemptOutcome = {
        attempt: { deliveryId: c.delivery.id, number: 1, startedAt, durationMs: 25, success: !fail, responseStatus: sent.status, responseBody: null, error: fail ? 'endpoint answered HTTP 500' : null, retryAfterMs: null },
        status: fail ? 'FAILED' : 'SUCCEEDED', nextAttemptAt: null,
        measures: measureAttempt({ publishedAt: c.event.createdAt, attemptNumber: 1, startedAt, durationMs: 25, preparationMs: 0.05, sent }),
      };
      return writes.recordAttempt(c.delivery.id, c.leaseToken, outcome, startedAt + 25);
    }));
  }
  return (performance.now() - started) / 1000;
}

// 1. The cost of maintaining the aggregates.
const perMode: Record<'with' | 'without', number[]> = { with: [], without: [] };
for (let round = 0; round < SIZE.costRounds; round++) {
  for (const mode of round % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const)) {
    const file = freshFile();
    const db = openDatabase(file);
    const writes = new SqliteWrites(db, new SecretBox(TEST_KEY_RING), { stats: mode === 'with' });
    const { applicationId } = setup(writes, Date.now());
    const now = Date.now();
    const seconds = drive(writes, applicationId, SIZE.costDeliveries / ENDPOINTS, (i) => now + i);
    perMode[mode].push(SIZE.costDeliveries / seconds);
    db.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
const withStats = median(perMode.with);
const withoutStats = median(perMode.without);
record('aggregates: write cost', 'deliveries/s without aggregates', withoutStats, '/s', `publish+claim+record, ${SIZE.costDeliveries} deliveries, median of ${SIZE.costRounds}`);
record('aggregates: write cost', 'deliveries/s with aggregates', withStats, '/s', 'same run, alternating');
record('aggregates: write cost', 'overhead', (1 - withStats / withoutStats) * 100, '%');

// 2. A 30-day query over many recorded attempts.
for (const attempts of [SIZE.smallAttempts, SIZE.bigAttempts]) {
  const file = freshFile();
  const db = openDatabase(file);
  const writes = new SqliteWrites(db, new SecretBox(TEST_KEY_RING));
  const end = Date.now();
  const { applicationId, endpoints } = setup(writes, end - 31 * DAY);
  const events = attempts / ENDPOINTS;
  const seconds = drive(writes, applicationId, events, (i) => end - 30 * DAY + Math.floor((i * 30 * DAY) / events));
  const counts = Object.fromEntries(['attempts', 'delivery_stats', 'delivery_stats_cells'].map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
  db.close();
  const label = `30-day query, ${attempts.toLocaleString('en')} attempts`;
  record(label, 'setup (publish, claim, record)', seconds, 's', `${counts.attempts} attempt rows, ${counts.delivery_stats} aggregate rows, ${counts.delivery_stats_cells} histogram cells`);
  const store = new SqliteStore(file, TEST_KEY_RING);
  const since = end - 30 * DAY;
  for (const [what, interval, scope, endpointId] of [
    ['admin, DAY buckets', 'DAY', { kind: 'admin' }, undefined],
    ['application, HOUR buckets', 'HOUR', { kind: 'app', applicationId }, undefined],
    ['one endpoint, DAY buckets', 'DAY', { kind: 'app', applicationId }, endpoints[0]!.id],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const perBucket = await store.readStats(scope, { since, until: end, interval, endpointId });
      const { total } = assembleStats(since, end, interval, perBucket, endpointId !== undefined);
      times.push(performance.now() - t0);
      if (total.attempts !== (endpointId ? attempts / ENDPOINTS : attempts)) throw new Error(`expected ${attempts} attempts in the total, got ${total.attempts}`);
    }
    record(label, what, median(times), 'ms', 'readStats + assembly, median of 5');
  }
  await store.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

const out = path.join(ROOT, '.tmp', 'bench', `stats-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ quick, smoke, size: SIZE, rows }, null, 2));
console.log(`\nwrote ${out}`);

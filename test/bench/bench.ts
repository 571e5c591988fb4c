// `npm run bench [-- --quick] [-- --store mongo]`: Tidings' reproducible benchmark, loopback only.
// Tidings, the receiver and the ceiling client each run in their own process; the benchmark drives
// Tidings through its public GraphQL API like a real client. Every loop is bounded in count and time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ADMIN_TOKEN, Receiver, ROOT, Tidings, percentile, publishAtRate, publishMany, until, type TidingsOptions } from './harness.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const storeArg = args.includes('--store') ? args[args.indexOf('--store') + 1] : 'sqlite';
if (storeArg === 'mongo' && !process.env.MONGODB_URI) throw new Error('--store mongo needs MONGODB_URI');

const SIZE = quick
  ? { ceiling: 5_000, events: 2_000, latencySeconds: 3, backlogBig: 10_000, backlogSmall: 1_000, subscribers: 100, feedEvents: 50, isolationSeconds: 4 }
  : { ceiling: 20_000, events: 20_000, latencySeconds: 20, backlogBig: 100_000, backlogSmall: 1_000, subscribers: 1_000, feedEvents: 200, isolationSeconds: 15 };
const CONCURRENCY = 64; // TIDINGS_WORKER_CONCURRENCY's default, used for the ceiling too

interface Row { scenario: string; metric: string; value: number; unit: string; note?: string }
const rows: Row[] = [];
const record = (scenario: string, metric: string, value: number, unit: string, note?: string) => {
  rows.push({ scenario, metric, value, unit, note });
};
let dbCounter = 0;

function progress(text: string): void {
  process.stderr.write(`\r\x1b[K[bench] ${text}`);
}

/** A fresh Tidings for one scenario (a new SQLite folder, or a new MongoDB database). */
function tidingsOptions(extra: TidingsOptions = {}): TidingsOptions {
  const env: Record<string, string> = { ...(extra.env ?? {}) };
  if (storeArg === 'mongo') {
    env.MONGODB_URI = process.env.MONGODB_URI!;
    env.TIDINGS_MONGODB_DB ??= `tidings_bench_${process.pid}_${++dbCounter}`;
  }
  return { ...extra, env };
}

async function withTidings<T>(scenario: string, receiver: Receiver, urls: (origin: string) => string[], fn: (t: Tidings, app: { applicationId: string; endpointIds: string[] }) => Promise<T>, extra?: TidingsOptions): Promise<T> {
  const tidings = await Tidings.start(tidingsOptions(extra));
  try {
    const app = await tidings.setup(urls(receiver.origin));
    await receiver.stats({ reset: true });
    const result = await fn(tidings, app);
    record(scenario, 'peak RSS', tidings.peakRssMb(), 'MB');
    return result;
  } finally {
    await tidings.stop();
  }
}

async function ceiling(receiver: Receiver): Promise<number> {
  progress(`ceiling: ${SIZE.ceiling} undici Pool POSTs, ${CONCURRENCY} connections`);
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/bench/ceiling.ts'), receiver.origin, String(SIZE.ceiling), String(CONCURRENCY), '1100'], { cwd: ROOT, encoding: 'utf8' });
  const { perSecond } = JSON.parse(out.trim().split('\n').at(-1)!) as { perSecond: number };
  record('1. ceiling', 'POST/s', perSecond, '/s', `undici Pool, ${CONCURRENCY} connections, ~1.1 KB body`);
  return perSecond;
}

async function throughput(receiver: Receiver, endpoints: number, ceilingRate: number): Promise<void> {
  const scenario = `2. throughput, ${endpoints} endpoint${endpoints > 1 ? 's' : ''}`;
  await withTidings(scenario, receiver, (o) => Array.from({ length: endpoints }, (_, i) => `${o}/ok/${i}`), async (t, app) => {
    const expected = SIZE.events * endpoints;
    const started = Date.now();
    const publishing = publishMany(t, app.applicationId, SIZE.events, 32, (n) => progress(`${scenario}: published ${n}/${SIZE.events}`));
    await until('every delivery to arrive', async () => {
      const n = await receiver.count();
      progress(`${scenario}: ${n}/${expected} delivered`);
      return n >= expected;
    }, 600_000, 100);
    const times = await publishing;
    const stats = await receiver.stats();
    const last = Math.max(...Object.values(stats).map((s) => s.lastAt));
    const rate = expected / ((last - started) / 1000);
    record(scenario, 'deliveries/s', rate, '/s', `${expected} deliveries, first publish to last arrival`);
    record(scenario, 'ratio to ceiling', rate / ceilingRate, 'x');
    record(scenario, 'publishEvent p50', percentile(times, 50), 'ms', 'closed loop, 32 in flight');
  });
}

async function latency(receiver: Receiver, rate: number): Promise<void> {
  const scenario = `3. latency at ${rate} events/s`;
  await withTidings(scenario, receiver, (o) => [`${o}/ok/0`], async (t, app) => {
    progress(`${scenario}: ${SIZE.latencySeconds}s`);
    const { times, achieved, sent } = await publishAtRate(t, app.applicationId, rate, SIZE.latencySeconds);
    await until('the steady-state deliveries to arrive', async () => (await receiver.count()) >= sent, 120_000, 100);
    const latencies = Object.values(await receiver.stats({ withLatencies: true })).flatMap((s) => s.latencies);
    record(scenario, 'publish-to-arrival p50', percentile(latencies, 50), 'ms');
    record(scenario, 'publish-to-arrival p95', percentile(latencies, 95), 'ms');
    record(scenario, 'publish-to-arrival p99', percentile(latencies, 99), 'ms');
    record(scenario, 'publishEvent p50', percentile(times, 50), 'ms');
    record(scenario, 'publishEvent p99', percentile(times, 99), 'ms');
    record(scenario, 'rate achieved', achieved, '/s');
  });
}

/** Drain rate of `count` deliveries that piled up while no worker ran (an API-only process published them). */
async function backlog(receiver: Receiver, count: number): Promise<number> {
  const scenario = `4. backlog of ${count}`;
  const api = await Tidings.start(tidingsOptions({ env: { TIDINGS_ROLE: 'api' } }));
  let dataDir: string;
  try {
    const app = await api.setup([`${receiver.origin}/ok/0`]);
    await publishMany(api, app.applicationId, count, 32, (n) => progress(`${scenario}: published ${n}/${count} with no worker running`));
    dataDir = api.dataDir;
  } finally {
    await api.stop();
  }
  await receiver.stats({ reset: true });
  const env: Record<string, string> = {};
  // The worker process continues on the API process's data: same folder, or same database.
  if (storeArg === 'mongo') env.TIDINGS_MONGODB_DB = `tidings_bench_${process.pid}_${dbCounter}`;
  const worker = await Tidings.start(tidingsOptions({ dataDir, env }));
  try {
    await until('the backlog to drain', async () => {
      const n = await receiver.count();
      progress(`${scenario}: drained ${n}/${count}`);
      return n >= count;
    }, 900_000, 100);
    const s = Object.values(await receiver.stats())[0]!;
    const rate = (count - 1) / ((s.lastAt - s.firstAt) / 1000);
    record(scenario, 'drain deliveries/s', rate, '/s', 'first to last arrival');
    record(scenario, 'peak RSS', worker.peakRssMb(), 'MB');
    return rate;
  } finally {
    await worker.stop();
  }
}

async function liveFeed(receiver: Receiver): Promise<void> {
  const scenario = `5. live feed, ${SIZE.subscribers} subscribers`;
  await withTidings(scenario, receiver, (o) => [`${o}/ok/0`], async (t, app) => {
    const wsUrl = t.url.replace(/^http/, 'ws') + '/graphql';
    const lags: number[] = [];
    let received = 0;
    const clients = Array.from({ length: SIZE.subscribers }, () =>
      createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${ADMIN_TOKEN}` }, retryAttempts: 0 }),
    );
    const measuring = { on: false };
    for (const client of clients) {
      client.subscribe<{ deliveryUpdated: { updatedAt: string } }>(
        { query: 'subscription { deliveryUpdated { id status updatedAt } }' },
        {
          next: (msg) => {
            received++;
            if (measuring.on) lags.push(Date.now() - Date.parse(msg.data!.deliveryUpdated.updatedAt));
          },
          error: () => {},
          complete: () => {},
        },
      );
    }
    try {
      // Warm-up: publish until every subscriber has had a message (they are then all listening).
      await until('every subscriber to receive a warm-up message', async () => {
        await publishMany(t, app.applicationId, 1, 1);
        progress(`${scenario}: warming up, ${received} messages`);
        return received >= SIZE.subscribers * 2;
      }, 120_000, 500);
      await until('the warm-up deliveries to finish', async () => (await receiver.count()) >= 1, 30_000);
      const before = received;
      measuring.on = true;
      const expected = SIZE.feedEvents * 2 * SIZE.subscribers;
      await publishAtRate(t, app.applicationId, 20, SIZE.feedEvents / 20);
      await until('every subscriber to receive every update', async () => {
        progress(`${scenario}: ${received - before}/${expected} messages`);
        return received - before >= expected;
      }, 300_000, 200);
      record(scenario, 'lag p50', percentile(lags, 50), 'ms', 'state change to receipt, graphql-ws');
      record(scenario, 'lag p99', percentile(lags, 99), 'ms');
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });
}

async function isolation(receiver: Receiver, withBad: boolean): Promise<number> {
  const scenario = `6. isolation, ${withBad ? '9 healthy + 1 slow' : '9 healthy'}`;
  return withTidings(scenario, receiver, (o) => [...Array.from({ length: 9 }, (_, i) => `${o}/ok/${i}`), ...(withBad ? [`${o}/slow/0`] : [])], async (t, app) => {
    progress(`${scenario}: ${SIZE.isolationSeconds}s at 100 events/s`);
    const { sent } = await publishAtRate(t, app.applicationId, 100, SIZE.isolationSeconds);
    await until('the healthy deliveries to arrive', async () => (await receiver.count()) >= sent * 9, 120_000, 100);
    const stats = await receiver.stats({ withLatencies: true });
    const healthy = Object.entries(stats).filter(([k]) => k.startsWith('/ok')).flatMap(([, s]) => s.latencies);
    const p99 = percentile(healthy, 99);
    record(scenario, 'healthy p99', p99, 'ms', 'publish-to-arrival');
    if (withBad) record(scenario, 'slow endpoint max in flight', stats['/slow/0']?.maxOpen ?? 0, 'requests', `of ${CONCURRENCY} worker slots`);
    return p99;
  });
}

function printTable(): void {
  const lines = rows.map((r) => [r.scenario, r.metric, r.value >= 100 ? r.value.toFixed(0) : r.value.toFixed(2), r.unit, r.note ?? '']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...lines.map((l) => l[i]!.length), 8));
  process.stderr.write('\r\x1b[K');
  console.log(`\nTidings benchmark (${quick ? 'quick' : 'full'}, store: ${storeArg}, node ${process.version})\n`);
  for (const l of lines) console.log(`${l[0]!.padEnd(widths[0]!)}  ${l[1]!.padEnd(widths[1]!)}  ${l[2]!.padStart(widths[2]!)} ${l[3]!.padEnd(widths[3]!)}  ${l[4]}`);
}

/** `--only 2,6` runs just those scenarios (the ceiling always runs: it is the baseline). */
const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1]!.split(',').map(Number)) : undefined;
const wanted = (n: number) => !only || only.has(n);

async function main(): Promise<void> {
  const started = Date.now();
  const receiver = await Receiver.start();
  try {
    const top = await ceiling(receiver);
    if (wanted(2)) {
      await throughput(receiver, 1, top);
      await throughput(receiver, 10, top);
    }
    if (wanted(3)) {
      await latency(receiver, 500);
      await latency(receiver, 2000);
    }
    if (wanted(4)) {
      const big = await backlog(receiver, SIZE.backlogBig);
      const small = await backlog(receiver, SIZE.backlogSmall);
      record(`4. backlog`, `drain ratio ${SIZE.backlogBig} : ${SIZE.backlogSmall}`, big / small, 'x');
    }
    if (wanted(5)) await liveFeed(receiver);
    if (wanted(6)) {
      const good = await isolation(receiver, false);
      const bad = await isolation(receiver, true);
      record('6. isolation', 'healthy p99 ratio (slow / none)', bad / good, 'x');
    }
  } finally {
    receiver.stop();
  }
  printTable();
  const out = path.join(ROOT, '.tmp', 'bench');
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const json = JSON.stringify({ quick, store: storeArg, node: process.version, seconds: (Date.now() - started) / 1000, rows }, null, 2);
  fs.writeFileSync(file, json);
  fs.writeFileSync(path.join(out, 'latest.json'), json);
  console.log(`\nwritten to ${path.relative(ROOT, file)} (${((Date.now() - started) / 1000).toFixed(0)}s)`);
}

await main();

// `npx tsx test/bench/mongo-scaling.ts [--quick]`: the throughput scenario on the MongoDB store with
// 1, 2 and 4 worker processes (TIDINGS_ROLE=worker) behind one API process (TIDINGS_ROLE=api),
// sharing one database and a Redis live feed (so a publish wakes the workers), on two MongoDB-wire
// servers: FerretDB on SQLite (what the tests use) and FerretDB on PostgreSQL (Debian's postgresql,
// closer to a concurrent server). 10 endpoints, events published 32 at a time, first publish to
// last arrival. Needs .tmp/ferretdb, redis-server and PostgreSQL (test/support/ferretdb.ts starts both).
import os from 'node:os';
import { POOL_MAX_CONNS, startMongoServer } from '../support/ferretdb.js';
import { startRedis } from '../support/redis.js';
import { Receiver, Tidings, percentile, publishMany, until } from './harness.js';

const quick = process.argv.includes('--quick');
const EVENTS = quick ? 300 : 2_000;
const ENDPOINTS = 10;
const WORKERS = [1, 2, 4];

interface Service { uri: string; stop(): Promise<void> }

let databases = 0;

async function run(backend: string, mongoUri: string, redisUri: string, workers: number, receiver: Receiver): Promise<string> {
  const env = { MONGODB_URI: mongoUri, TIDINGS_MONGODB_DB: `scaling_${process.pid}_${++databases}`, REDIS_URL: redisUri };
  const api = await Tidings.start({ env: { ...env, TIDINGS_ROLE: 'api' } });
  const started: Tidings[] = [];
  try {
    const app = await api.setup(Array.from({ length: ENDPOINTS }, (_, i) => `${receiver.origin}/ok/${i}`));
    for (let i = 0; i < workers; i++) started.push(await Tidings.start({ env: { ...env, TIDINGS_ROLE: 'worker' } }));
    await receiver.stats({ reset: true });
    const expected = EVENTS * ENDPOINTS;
    const t0 = Date.now();
    const times = await publishMany(api, app.applicationId, EVENTS, 32);
    await until('every delivery to arrive', async () => {
      const n = await receiver.count();
      process.stderr.write(`\r\x1b[K[scaling] ${backend}, ${workers} worker(s): ${n}/${expected}`);
      return n >= expected;
    }, 1_800_000, 200);
    const stats = await receiver.stats();
    const last = Math.max(...Object.values(stats).map((s) => s.lastAt));
    const rate = expected / ((last - t0) / 1000);
    const rss = started.map((w) => w.peakRssMb().toFixed(0)).join('/');
    return `${backend.padEnd(22)} ${String(workers).padStart(2)} worker(s)  ${rate.toFixed(0).padStart(6)} deliveries/s  publishEvent p50 ${percentile(times, 50).toFixed(1)} ms  API RSS ${api.peakRssMb().toFixed(0)} MB, workers ${rss} MB`;
  } catch (err) {
    const logged = api.output().split('\n').filter((l) => /"level":(50|60)/.test(l)).at(-1) ?? '';
    throw new Error(`${(err as Error).message.slice(0, 200)}; the API process logged: ${logged.slice(0, 600)}`);
  } finally {
    await Promise.all(started.map((w) => w.stop()));
    await api.stop();
  }
}

const load = os.loadavg()[0]!;
console.log(`MongoDB store scaling (${quick ? 'quick' : 'full'}: ${EVENTS} events x ${ENDPOINTS} endpoints; load average at start ${load.toFixed(2)})`);
const receiver = await Receiver.start();
const redis = await startRedis();
/** Runs 1, 2 and 4 workers on one server, printing each line as it comes; a failure is printed, not thrown. */
async function scenario(backend: string, start: () => Promise<Service>): Promise<void> {
  let server: Service | undefined;
  try {
    server = await start();
    for (const w of WORKERS) {
      const line = await run(backend, server.uri, redis.url, w, receiver);
      process.stderr.write('\r\x1b[K');
      console.log(line);
    }
  } catch (err) {
    process.stderr.write('\r\x1b[K');
    console.log(`${backend}: FAILED: ${(err as Error).message.slice(0, 400)}`);
  } finally {
    await server?.stop();
  }
}
try {
  for (const [name, backend] of [['FerretDB on SQLite', 'sqlite'], ['FerretDB on PostgreSQL', 'postgresql']] as const) {
    await scenario(name, async () => {
      const server = await startMongoServer({ backend });
      // FerretDB on PostgreSQL stalls once it has as many updates in flight as connections to
      // PostgreSQL (test/support/ferretdb.ts): the processes' MongoDB pools together stay below that.
      const perProcess = Math.floor((POOL_MAX_CONNS - 1) / (1 + Math.max(...WORKERS)));
      return { uri: backend === 'postgresql' ? `${server.uri}&maxPoolSize=${perProcess}` : server.uri, stop: () => server.destroy() };
    });
  }
} finally {
  await redis.stop();
  receiver.stop();
}

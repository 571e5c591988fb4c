// `npm run bench [-- --quick] [-- --store mongo]`: Tidings' reproducible benchmark, loopback only.
// Tidings, the receiver and the ceiling client each run in their own process; the benchmark drives
// Tidings through its public GraphQL API like a real client. Every loop is bounded in count and time.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';
import { ADMIN_TOKEN, closedLoop, openLoop, rssMbOf, Receiver, Relay, ROOT, Tidings, percentile, publishAtRate, publishBatches, publishMany, publishOne, sleep, until, type EndpointSpec, type TidingsOptions } from './harness.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const storeArg = args.includes('--store') ? args[args.indexOf('--store') + 1] : 'sqlite';
if (storeArg === 'mongo' && !process.env.MONGODB_URI) throw new Error('--store mongo needs MONGODB_URI');

const SIZE = quick
  ? { ceiling: 5_000, events: 2_000, latencySeconds: 3, warmupSeconds: 2, backlogBig: 10_000, backlogSmall: 1_000, subscribers: 100, feedEvents: 50, isolationSeconds: 4, deadSeconds: 6, deadCooldown: '2s', shapingEvents: 1_000 }
  : { ceiling: 20_000, events: 20_000, latencySeconds: 20, warmupSeconds: 10, backlogBig: 100_000, backlogSmall: 1_000, subscribers: 5_000, feedEvents: 100, isolationSeconds: 15, deadSeconds: 60, deadCooldown: '30s', shapingEvents: 20_000 };
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

async function withTidings<T>(scenario: string, receiver: Receiver, urls: (origin: string) => EndpointSpec[], fn: (t: Tidings, app: { applicationId: string; endpointIds: string[] }) => Promise<T>, extra?: TidingsOptions): Promise<T> {
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

/**
 * The minimal durable relay (relay.ts) doing the throughput scenario's work for one endpoint: the
 * same events, 32 publishes in flight, first publish to last arrival. Tidings' rate is also given
 * as a ratio to this: what a durable service can reach, where the ceiling is what the receiver takes.
 */
async function relayBaseline(receiver: Receiver): Promise<number> {
  const scenario = '1b. durable relay, 1 endpoint';
  const relay = await Relay.start(`${receiver.origin}/ok/0`);
  try {
    await receiver.stats({ reset: true });
    const cpuBefore = relay.cpuMs();
    const started = Date.now();
    const publishing = closedLoop(SIZE.events, 32, (seq) => relay.publish(seq));
    await until('every relayed delivery to arrive', async () => {
      const n = await receiver.count();
      progress(`${scenario}: ${n}/${SIZE.events} delivered`);
      return n >= SIZE.events;
    }, 600_000, 100);
    const times = await publishing;
    const last = Math.max(...Object.values(await receiver.stats()).map((s) => s.lastAt));
    const rate = SIZE.events / ((last - started) / 1000);
    record(scenario, 'deliveries/s', rate, '/s', 'SQLite group commit + undici, no tenants/signing/retries');
    record(scenario, 'publish p50', percentile(times, 50), 'ms', 'closed loop, 32 in flight');
    record(scenario, 'CPU per delivery', ((relay.cpuMs() - cpuBefore) * 1000) / SIZE.events, 'µs', 'relay process, all threads, from /proc');
    record(scenario, 'peak RSS', relay.peakRssMb(), 'MB');
    return rate;
  } finally {
    await relay.stop();
  }
}

async function throughput(receiver: Receiver, endpoints: number, ceilingRate: number, relayRate?: number): Promise<void> {
  const scenario = `2. throughput, ${endpoints} endpoint${endpoints > 1 ? 's' : ''}`;
  await withTidings(scenario, receiver, (o) => Array.from({ length: endpoints }, (_, i) => `${o}/ok/${i}`), async (t, app) => {
    const expected = SIZE.events * endpoints;
    const cpuBefore = t.cpuMs();
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
    if (relayRate) record(scenario, 'ratio to durable relay', rate / relayRate, 'x', 'target: at least 0.8x');
    record(scenario, 'publishEvent p50', percentile(times, 50), 'ms', 'closed loop, 32 in flight');
    // Less noisy than the rate on a shared machine: what each delivery cost Tidings, all threads.
    record(scenario, 'CPU per delivery', ((t.cpuMs() - cpuBefore) * 1000) / expected, 'µs', 'Tidings process, all threads, from /proc');
  });
}

/**
 * Publish-to-arrival at a steady offered rate, measured at the receiver. A freshly started process
 * runs its first seconds unoptimised (V8 compiles the hot paths as they run) and falls behind; a
 * service runs warm. So the process first takes the same rate for SIZE.warmupSeconds, reported as
 * its cold start, and the figures are measured after that, on the same process.
 */
async function atRate(receiver: Receiver, rate: number, publish: (seq: number) => Promise<number>) {
  const arrivals = async (sent: number) => {
    await until('the deliveries to arrive', async () => (await receiver.count()) >= sent, 180_000, 100);
    const latencies = Object.values(await receiver.stats({ withLatencies: true })).flatMap((s) => s.latencies);
    await receiver.stats({ reset: true });
    return latencies;
  };
  const coldSent = (await openLoop(rate, SIZE.warmupSeconds, publish)).sent;
  const cold = await arrivals(coldSent);
  const warm = await openLoop(rate, SIZE.latencySeconds, publish);
  return { ...warm, coldSent, cold, latencies: await arrivals(warm.sent) };
}

async function latency(receiver: Receiver, rate: number): Promise<void> {
  const scenario = `3. latency at ${rate} events/s`;
  await withTidings(scenario, receiver, (o) => [`${o}/ok/0`], async (t, app) => {
    progress(`${scenario}: ${SIZE.warmupSeconds} + ${SIZE.latencySeconds}s`);
    const claimsBefore = await t.storeCalls('claimDue');
    const { times, achieved, sent, coldSent, cold, latencies } = await atRate(receiver, rate, (seq) => publishOne(t, app.applicationId, seq));
    record(scenario, 'publish-to-arrival p50', percentile(latencies, 50), 'ms', `after ${SIZE.warmupSeconds} s at the same rate`);
    record(scenario, 'publish-to-arrival p95', percentile(latencies, 95), 'ms');
    record(scenario, 'publish-to-arrival p99', percentile(latencies, 99), 'ms', rate === 500 ? 'target: at most 10 ms' : 'target: at most 50 ms');
    record(scenario, 'publishEvent p50', percentile(times, 50), 'ms');
    record(scenario, 'publishEvent p99', percentile(times, 99), 'ms');
    record(scenario, 'rate achieved', achieved, '/s');
    record(scenario, 'claims per delivery', ((await t.storeCalls('claimDue')) - claimsBefore) / (sent + coldSent), 'x', 'claimDue calls (store round trips) / deliveries');
    record(scenario, 'cold start p50', percentile(cold, 50), 'ms', `publish-to-arrival in the process's first ${SIZE.warmupSeconds} s`);
    record(scenario, 'cold start p99', percentile(cold, 99), 'ms');
  });
}

/** The same offered load through the durable relay: the latency this machine allows a durable service. */
async function relayLatency(receiver: Receiver, rate: number): Promise<void> {
  const baseline = `3b. durable relay at ${rate} events/s`;
  const relay = await Relay.start(`${receiver.origin}/ok/0`);
  try {
    await receiver.stats({ reset: true });
    progress(`${baseline}: ${SIZE.warmupSeconds} + ${SIZE.latencySeconds}s`);
    const { times, latencies } = await atRate(receiver, rate, (seq) => relay.publish(seq));
    record(baseline, 'publish-to-arrival p50', percentile(latencies, 50), 'ms', `after ${SIZE.warmupSeconds} s at the same rate`);
    record(baseline, 'publish-to-arrival p95', percentile(latencies, 95), 'ms');
    record(baseline, 'publish-to-arrival p99', percentile(latencies, 99), 'ms');
    record(baseline, 'publish p99', percentile(times, 99), 'ms');
  } finally {
    await relay.stop();
  }
}

/**
 * `count` events published by an API-only process (no worker running) to `endpoints`, then drained by a
 * worker process on the same data; `measure` runs on the worker once every delivery has arrived.
 * Returns the drain rate (first to last arrival) and the worker's peak RSS.
 */
async function publishThenDrain<M = void>(scenario: string, receiver: Receiver, count: number, endpoints: (origin: string) => EndpointSpec[], measure?: (worker: Tidings, app: { applicationId: string; endpointIds: string[] }) => Promise<M>): Promise<{ rate: number; rssMb: number; measured?: M }> {
  const api = await Tidings.start(tidingsOptions({ env: { TIDINGS_ROLE: 'api' } }));
  let dataDir: string;
  let app: { applicationId: string; endpointIds: string[] };
  try {
    app = await api.setup(endpoints(receiver.origin));
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
    const measured = await measure?.(worker, app);
    return { rate, rssMb: worker.peakRssMb(), measured };
  } finally {
    await worker.stop();
  }
}

/** Drain rate of `count` deliveries that piled up while no worker ran (an API-only process published them). */
async function backlog(receiver: Receiver, count: number): Promise<number> {
  const scenario = `4. backlog of ${count}`;
  const { rate, rssMb } = await publishThenDrain(scenario, receiver, count, (o) => [`${o}/ok/0`]);
  record(scenario, 'drain deliveries/s', rate, '/s', 'first to last arrival');
  record(scenario, 'peak RSS', rssMb, 'MB');
  return rate;
}

/** One process of scenario 5's subscribers (subscribers.ts), asked over IPC. */
class Subscribers {
  private seq = 0;
  private readonly waiting = new Map<number, (answer: any) => void>();
  errors: string[] = [];
  private constructor(readonly child: ChildProcess) {
    child.on('message', (msg: { id?: number; error?: string }) => {
      if (msg.error !== undefined) this.errors.push(msg.error);
      if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg), this.waiting.delete(msg.id);
    });
  }

  static async start(url: string, count: number): Promise<Subscribers> {
    const child = fork(path.join(ROOT, 'test/bench/subscribers.ts'), [url, String(count), ADMIN_TOKEN], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`subscribers exited with ${code}`)));
    });
    return new Subscribers(child);
  }

  ask<T = any>(cmd: 'stats' | 'measure' | 'lags' | 'dispose'): Promise<T> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ cmd, id });
    });
  }

  stop(): void {
    this.child.kill();
  }
}

/** CPU time (user + system) a process has used so far, in ms (/proc/PID/stat, clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Processes the live feed's subscribers are spread over: the driver must not be what saturates. */
const SUBSCRIBER_PROCESSES = quick ? 1 : 4;

async function liveFeed(receiver: Receiver): Promise<void> {
  const scenario = `5. live feed, ${SIZE.subscribers} subscribers`;
  await withTidings(scenario, receiver, (o) => [`${o}/ok/0`], async (t, app) => {
    const wsUrl = t.url.replace(/^http/, 'ws') + '/graphql';
    const idleRss = rssMbOf(t.child.pid!);
    const share = Math.ceil(SIZE.subscribers / SUBSCRIBER_PROCESSES);
    const groups = await Promise.all(
      Array.from({ length: SUBSCRIBER_PROCESSES }, (_, i) => Subscribers.start(wsUrl, Math.min(share, SIZE.subscribers - i * share))),
    );
    const all = <T = any>(cmd: 'stats' | 'measure' | 'lags' | 'dispose') => Promise.all(groups.map((g) => g.ask<T>(cmd)));
    const received = async () => (await all<{ received: number }>('stats')).reduce((n, s) => n + s.received, 0);
    try {
      // Warm-up: publish until every subscriber has had a message (they are then all listening; a count
      // of messages is reached by the early ones while later ones are still connecting).
      await until('every subscriber to receive a warm-up message', async () => {
        await publishMany(t, app.applicationId, 1, 1);
        const n = (await all<{ reached: number }>('stats')).reduce((k, s) => k + s.reached, 0);
        const errors = groups.flatMap((g) => g.errors);
        progress(`${scenario}: warming up, ${n}/${SIZE.subscribers} subscribers have had a message${errors.length ? `, ${errors.length} client errors (${errors[0]})` : ''}`);
        return n >= SIZE.subscribers;
      }, 120_000, 500);
      await until('the warm-up deliveries to finish', async () => (await receiver.count()) >= 1, 30_000);
      const stats = await all<{ rssMb: number; idleRssMb: number }>('stats');
      record(scenario, 'memory per idle subscriber', ((rssMbOf(t.child.pid!) - idleRss) * 1024) / SIZE.subscribers, 'KB', 'Tidings RSS growth from no subscriber to all subscribed, / subscribers');
      const clientGrowth = stats.reduce((mb, s) => mb + s.rssMb - s.idleRssMb, 0);
      record(scenario, 'client memory per subscriber', (clientGrowth * 1024) / SIZE.subscribers, 'KB', `graphql-ws client + ws, in ${SUBSCRIBER_PROCESSES} subscriber processes`);
      const before = await received();
      const cpuBefore = { tidings: cpuMsOf(t.child.pid!), clients: (await all<{ cpuMs: number }>('stats')).reduce((n, s) => n + s.cpuMs, 0), at: Date.now() };
      await all('measure');
      const expected = SIZE.feedEvents * 2 * SIZE.subscribers;
      // 20,000 messages a second to subscribers whatever their number (20 events/s with 1,000).
      const rate = (20 * 1_000) / SIZE.subscribers;
      await publishAtRate(t, app.applicationId, rate, SIZE.feedEvents / rate);
      await until('every subscriber to receive every update', async () => {
        const n = (await received()) - before;
        progress(`${scenario}: ${n}/${expected} messages`);
        return n >= expected;
      }, 300_000, 200);
      const wall = Date.now() - cpuBefore.at;
      const clientCpu = (await all<{ cpuMs: number }>('stats')).reduce((n, s) => n + s.cpuMs, 0) - cpuBefore.clients;
      record(scenario, 'Tidings CPU while measured', (100 * (cpuMsOf(t.child.pid!) - cpuBefore.tidings)) / wall, '% of a core', `over ${(wall / 1000).toFixed(1)} s`);
      record(scenario, 'subscriber processes CPU', (100 * clientCpu) / wall, '% of a core', 'all of them together');
      const lags = (await all<{ lags: number[] }>('lags')).flatMap((l) => l.lags);
      record(scenario, 'lag p50', percentile(lags, 50), 'ms', `state change to receipt, graphql-ws, ${SUBSCRIBER_PROCESSES} subscriber processes`);
      record(scenario, 'lag p99', percentile(lags, 99), 'ms', 'target: at most 100 ms with 5,000 subscribers');
      record(scenario, 'lag max', lags.reduce((a, b) => Math.max(a, b), 0), 'ms');
      record(scenario, 'load average (1 min) after', os.loadavg()[0]!, '');
      await all('dispose');
    } finally {
      for (const g of groups) g.stop();
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

/** A port on 127.0.0.1 that nothing listens on (bound, then released): connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// Scenario 8 (issue 9): the same 100 events/s to 9 healthy endpoints as scenario 6, with and without
// a 10th endpoint whose port refuses connections for the whole run. Settings, the same in both runs:
// - TIDINGS_RETRY_SCHEDULE of 1s steps: every failed first attempt is due again within the run, so
//   without the circuit the dead endpoint's retries would pile onto the worker slots (the bench's
//   usual 1h schedule would hide that: no retry would come due);
// - TIDINGS_CIRCUIT_FAILURES 10 (the default): the circuit opens after the first 10 failed attempts,
//   early in the run, so most of the run is measured with it open;
// - TIDINGS_CIRCUIT_COOLDOWN 30s (the default) over a 60 s run, 2s over the quick run's 6 s: in both
//   the cool-down ends within the run, so the probe attempts (and the doubling after a failed one)
//   are part of what is counted.
const DEAD_ENV = { TIDINGS_RETRY_SCHEDULE: '1s,1s,1s,1s,1s,1s,1s', TIDINGS_CIRCUIT_FAILURES: '10', TIDINGS_CIRCUIT_COOLDOWN: SIZE.deadCooldown };

async function deadEndpoint(receiver: Receiver, withDead: boolean): Promise<number> {
  const scenario = `8. dead endpoint, ${withDead ? '9 healthy + 1 refusing' : '9 healthy'}`;
  const deadUrl = `http://127.0.0.1:${await closedPort()}/dead`;
  const urls = (o: string) => [...Array.from({ length: 9 }, (_, i) => `${o}/ok/${i}`), ...(withDead ? [deadUrl] : [])];
  return withTidings(scenario, receiver, urls, async (t, app) => {
    const deadId = app.endpointIds[9];
    // While publishing, watch the dead endpoint's health (10 small reads a second, in the run with it
    // only): the first time it reads CIRCUIT_OPEN, note the time and the healthy arrivals so far.
    let opened: { at: number; healthy: number } | undefined;
    let publishing = true;
    const started = Date.now();
    const watching = (async () => {
      while (deadId && publishing && !opened) {
        const { endpoint } = await t.gql('query($id: ID!) { endpoint(id: $id) { health { state } } }', { id: deadId });
        if (endpoint.health.state === 'CIRCUIT_OPEN') opened = { at: Date.now(), healthy: await receiver.count() };
        else await sleep(100);
      }
    })();
    progress(`${scenario}: ${SIZE.deadSeconds}s at 100 events/s`);
    const { sent } = await publishAtRate(t, app.applicationId, 100, SIZE.deadSeconds).finally(() => (publishing = false));
    await watching;
    await until('the healthy deliveries to arrive', async () => (await receiver.count()) >= sent * 9, 120_000, 100);
    const stats = await receiver.stats({ withLatencies: true });
    const healthy = Object.entries(stats).filter(([k]) => k.startsWith('/ok')).flatMap(([, s]) => s.latencies);
    const p99 = percentile(healthy, 99);
    record(scenario, 'healthy p99', p99, 'ms', `publish-to-arrival, ${sent} events`);
    if (!deadId) return p99;

    // Every attempt to the dead endpoint, from the API: its attempted deliveries are RETRYING or FAILED
    // (pages of 500: a page of 1000 with its attempts is over the API's query cost limit).
    const deadStarts: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 1000; page++) {
      const { deliveries }: { deliveries: { edges: { node: { attempts: { startedAt: string }[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await t.gql(
        'query($f: DeliveryFilter, $after: String) { deliveries(first: 500, after: $after, filter: $f) { edges { node { attempts { startedAt } } } pageInfo { hasNextPage endCursor } } }',
        { f: { endpointId: deadId, status: ['RETRYING', 'FAILED'] }, after },
      );
      for (const e of deliveries.edges) for (const a of e.node.attempts) deadStarts.push(Date.parse(a.startedAt));
      if (!deliveries.pageInfo.hasNextPage) break;
      after = deliveries.pageInfo.endCursor;
    }
    // Healthy endpoints answer 200 at once: their attempts are the receiver's arrivals.
    const healthyAttempts = sent * 9;
    const dead = deadStarts.length;
    record(scenario, 'dead attempts, share of all', (100 * dead) / (dead + healthyAttempts), '%', `${dead} of ${dead + healthyAttempts} attempts`);
    if (opened) {
      const deadAfter = deadStarts.filter((at) => at >= opened!.at).length;
      const healthyAfter = healthyAttempts - opened.healthy;
      record(scenario, 'circuit open after', opened.at - started, 'ms', 'first publish to CIRCUIT_OPEN seen');
      record(scenario, 'dead share once open', (100 * deadAfter) / (deadAfter + healthyAfter), '%', `${deadAfter} of ${deadAfter + healthyAfter} attempts (probes)`);
    } else {
      record(scenario, 'circuit open after', NaN, 'ms', 'the circuit was never seen open');
    }
    return p99;
  }, { env: DEAD_ENV });
}

// Scenario 9 (issue 10): what shaping costs per delivery. The same closed-loop backlog as scenario 4
// (published with no worker running, then drained, so the drain measures the delivery side alone) to
// one endpoint, once per shape, in the same run: plain STANDARD_WEBHOOKS (the stored payload text
// sent as it is), STANDARD_WEBHOOKS with a JSONata transform (the data parsed, the expression
// evaluated, the result printed; it reads the bench event's fields and drops its 900-byte padding),
// and the two CloudEvents formats. Besides the drain rate, `preparation` p50 from deliveryStats is
// Tidings' own time to build and sign one request.
const TRANSFORM = '{ "text": "Order " & $string(event.data.seq), "total": event.data.sentAt }';
const SHAPES: { name: string; input: Record<string, unknown> }[] = [
  { name: 'STANDARD_WEBHOOKS', input: {} },
  { name: 'STANDARD_WEBHOOKS + transform', input: { transform: TRANSFORM } },
  { name: 'CLOUDEVENTS_STRUCTURED', input: { format: 'CLOUDEVENTS_STRUCTURED' } },
  { name: 'CLOUDEVENTS_BINARY', input: { format: 'CLOUDEVENTS_BINARY' } },
];

async function shaping(receiver: Receiver): Promise<void> {
  // The full run measures every shape twice, in order and then in reverse, and reports the means, so
  // that a drift of the machine over the scenario weighs on every shape alike.
  const rounds = quick ? [SHAPES] : [SHAPES, [...SHAPES].reverse()];
  const runs = new Map(SHAPES.map((shape) => [shape, [] as { rate: number; rssMb: number; p50: number; p99: number; attempts: number }[]]));
  for (const [r, order] of rounds.entries()) {
    for (const shape of order) {
      const since = new Date(Date.now() - 60_000).toISOString();
      const run = await publishThenDrain(`9. shaping, ${shape.name}, round ${r + 1}`, receiver, SIZE.shapingEvents, (o) => [{ url: `${o}/ok/0`, ...shape.input }], async (worker, app) => {
        const { deliveryStats } = await worker.gql('query($i: DeliveryStatsInput!) { deliveryStats(input: $i) { total { attempts preparation { p50 p99 } } } }', {
          i: { since, endpointId: app.endpointIds[0] },
        });
        return deliveryStats.total as { attempts: number; preparation: { p50: number; p99: number } | null };
      });
      runs.get(shape)!.push({ rate: run.rate, rssMb: run.rssMb, p50: run.measured!.preparation?.p50 ?? NaN, p99: run.measured!.preparation?.p99 ?? NaN, attempts: run.measured!.attempts });
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const note = rounds.length > 1 ? `mean of ${rounds.length} rounds, ` : '';
  const plain = mean(runs.get(SHAPES[0]!)!.map((x) => x.rate));
  const plainPrep = mean(runs.get(SHAPES[0]!)!.map((x) => x.p50));
  for (const shape of SHAPES) {
    const scenario = `9. shaping, ${shape.name}`;
    const xs = runs.get(shape)!;
    const rate = mean(xs.map((x) => x.rate));
    record(scenario, 'drain deliveries/s', rate, '/s', `${note}${SIZE.shapingEvents} deliveries, first to last arrival`);
    if (shape !== SHAPES[0]) record(scenario, 'ratio to plain', rate / plain, 'x', 'drain deliveries/s');
    record(scenario, 'preparation p50', mean(xs.map((x) => x.p50)), 'ms', `${note}deliveryStats over ${xs[0]!.attempts} attempts (±9.5%)`);
    if (shape !== SHAPES[0]) record(scenario, 'preparation p50 ratio to plain', mean(xs.map((x) => x.p50)) / plainPrep, 'x');
    record(scenario, 'preparation p99', mean(xs.map((x) => x.p99)), 'ms');
    record(scenario, 'peak RSS', Math.max(...xs.map((x) => x.rssMb)), 'MB', 'worker process');
  }
}

// Scenario 10 (issue 13): bulk publish. SIZE.events ~1 KB events in publishEvents batches of 100
// (4 batches in flight) to 10 endpoints: how fast batches are accepted (each durable when it
// returns), and whether delivery keeps up with them.
const BATCH_SIZE = 100;
const BATCHES_IN_FLIGHT = 4;

async function bulkPublish(receiver: Receiver): Promise<void> {
  const scenario = `10. bulk publish, batches of ${BATCH_SIZE}, 10 endpoints`;
  await withTidings(scenario, receiver, (o) => Array.from({ length: 10 }, (_, i) => `${o}/ok/${i}`), async (t, app) => {
    const expected = SIZE.events * 10;
    const started = Date.now();
    const times = await publishBatches(t, app.applicationId, SIZE.events, BATCH_SIZE, BATCHES_IN_FLIGHT, (n) => progress(`${scenario}: accepted ${n}/${SIZE.events}`));
    const accepted = Date.now();
    await until('every delivery to arrive', async () => {
      const n = await receiver.count();
      progress(`${scenario}: ${n}/${expected} delivered`);
      return n >= expected;
    }, 600_000, 100);
    const stats = await receiver.stats();
    const last = Math.max(...Object.values(stats).map((s) => s.lastAt));
    record(scenario, 'events/s accepted', SIZE.events / ((accepted - started) / 1000), '/s', `${SIZE.events} events, durable when each batch returns; ${BATCHES_IN_FLIGHT} batches in flight`);
    record(scenario, 'publishEvents p50', percentile(times, 50), 'ms', `per batch of ${BATCH_SIZE}`);
    record(scenario, 'publishEvents p99', percentile(times, 99), 'ms');
    record(scenario, 'deliveries/s', expected / ((last - started) / 1000), '/s', `${expected} deliveries, first batch to last arrival`);
    record(scenario, 'all delivered after', last - started, 'ms', 'from the first batch');
    record(scenario, 'delivery lag after last batch', Math.max(0, last - accepted), 'ms', 'last batch accepted to last arrival');
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
  // Figures from a loaded machine are meaningless: say what the load was.
  const load = os.loadavg()[0]!;
  record('0. machine', 'load average (1 min) at start', load, '', load > 0.7 ? 'LOADED: figures unreliable' : 'quiet');
  const receiver = await Receiver.start();
  try {
    const top = await ceiling(receiver);
    if (wanted(2)) {
      const relayRate = await relayBaseline(receiver);
      await throughput(receiver, 1, top, relayRate);
      await throughput(receiver, 10, top);
    }
    if (wanted(3)) {
      await latency(receiver, 500);
      await relayLatency(receiver, 500);
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
    if (wanted(8)) {
      const good = await deadEndpoint(receiver, false);
      const bad = await deadEndpoint(receiver, true);
      record('8. dead endpoint', 'healthy p99 ratio (dead / none)', bad / good, 'x', 'target: within 1.2x');
    }
    if (wanted(9)) await shaping(receiver);
    if (wanted(10)) await bulkPublish(receiver);
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

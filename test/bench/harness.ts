// Processes and measurements shared by the benchmark scenarios.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { TEST_ADMIN_TOKEN } from '../support/admin-token.js';
import { startTidingsProcess, type TidingsProcess } from '../support/processes.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ADMIN_TOKEN = TEST_ADMIN_TOKEN;

const PAD = 'x'.repeat(900);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Polls until `probe` is truthy; throws after `timeoutMs` (every loop of the benchmark is bounded). */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`benchmark gave up after ${timeoutMs}ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

// ---------------------------------------------------------------- receiver

export interface PathStats { count: number; latencies: number[]; firstAt: number; lastAt: number; maxOpen: number }

export class Receiver {
  private seq = 0;
  private readonly waiting = new Map<number, (stats: Record<string, PathStats>) => void>();
  private constructor(private readonly child: ChildProcess, readonly origin: string) {
    child.on('message', (msg: { id?: number; stats?: Record<string, PathStats> }) => {
      if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg.stats!), this.waiting.delete(msg.id);
    });
  }

  static async start(): Promise<Receiver> {
    const child = fork(path.join(ROOT, 'test/bench/receiver.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { port: number }) => resolve(m.port));
      child.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
    });
    return new Receiver(child, `http://127.0.0.1:${port}`);
  }

  stats(options: { reset?: boolean; withLatencies?: boolean } = {}): Promise<Record<string, PathStats>> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ cmd: options.reset ? 'reset' : 'stats', id, withLatencies: options.withLatencies });
    });
  }

  /** Successful requests so far across paths starting with `prefix`. */
  async count(prefix = '/ok'): Promise<number> {
    const all = await this.stats();
    return Object.entries(all).filter(([k]) => k.startsWith(prefix)).reduce((n, [, s]) => n + s.count, 0);
  }

  stop(): void {
    this.child.kill();
  }
}

// ---------------------------------------------------------------- tidings

/** An endpoint for `Tidings.setup`: its URL, or createEndpoint's input fields besides `applicationId`. */
export type EndpointSpec = string | ({ url: string } & Record<string, unknown>);

export interface TidingsOptions {
  dataDir?: string;
  env?: Record<string, string>;
  /** Extra node flags, e.g. ['--cpu-prof'] to profile Tidings. */
  nodeArgs?: string[];
}

let built = false;

export class Tidings {
  readonly pool: Pool;
  readonly child: ChildProcess;
  private constructor(private readonly process: TidingsProcess, readonly url: string, readonly dataDir: string) {
    this.pool = new Pool(url, { connections: 128 });
    this.child = process.child;
  }

  static async start(options: TidingsOptions = {}): Promise<Tidings> {
    const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-bench-'));
    // BENCH_CPU_PROF=<dir>: a V8 CPU profile of every Tidings process (and thread) into <dir>.
    // Tidings runs compiled, as `npm start` runs it: built once per run from the sources measured.
    if (!built) execFileSync('npm', ['run', '-s', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
    built = true;
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
    // BENCH_NODE_ARGS='--max-semi-space-size=8 ...': node flags for every Tidings process (A/B runs of V8 settings).
    profile.push(...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []));
    const started = await startTidingsProcess(
      {
        TIDINGS_DATA_DIR: dataDir,
        TIDINGS_ALLOW_PRIVATE_TARGETS: 'true',
        TIDINGS_DELIVERY_TIMEOUT: '3s',
        TIDINGS_RETRY_SCHEDULE: '1h',
        TIDINGS_MAX_PAGE_SIZE: '1000',
        // The benchmark publishes thousands of events a second with one key: it measures Tidings, not its API rate limit.
        TIDINGS_API_RATE: '0',
        // The live-feed scenario holds thousands of connections and subscriptions with one token.
        TIDINGS_MAX_CONNECTIONS_PER_KEY: '0',
        TIDINGS_MAX_SUBSCRIPTIONS_PER_KEY: '0',
        ...options.env,
      },
      // The compiled server, as `npm start` runs it (bench.ts builds it first).
      { nodeArgs: [...profile, ...(options.nodeArgs ?? [])], testDefaults: false, compiled: true },
    );
    return new Tidings(started, started.url, dataDir);
  }

  /** CPU time of the process so far, in ms (every thread: main, SQLite writer, V8's helpers). */
  cpuMs(): number {
    return cpuMsOf(this.child.pid!);
  }

  /** Peak resident memory of the process so far, in MB (VmHWM). */
  peakRssMb(): number {
    return peakRssMbOf(this.child.pid!);
  }

  /** What the process has written to stdout and stderr (its log). */
  output(): string {
    return this.process.output();
  }

  /** How many times the store's `operation` ran, from Tidings' own /metrics (tidings_store_operation_duration_seconds_count). */
  async storeCalls(operation: string): Promise<number> {
    const text = await (await fetch(`${this.url}/metrics`)).text();
    const pattern = new RegExp(`^tidings_store_operation_duration_seconds_count\\{operation="${operation}",result="ok"\\} (\\d+)`, 'm');
    return Number(pattern.exec(text)?.[1] ?? 0);
  }

  async gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await this.pool.request({
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.body.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)} for ${query}`);
    return body.data as T;
  }

  /** An application, the `bench.event` type and endpoints: receiver URLs, or createEndpoint inputs (format, transform, …) with their URL. */
  async setup(urls: EndpointSpec[]): Promise<{ applicationId: string; endpointIds: string[] }> {
    const { createApplication } = await this.gql('mutation { createApplication(input: { name: "bench" }) { application { id } } }');
    const applicationId = createApplication.application.id as string;
    await this.gql('mutation { createEventType(input: { name: "bench.event", schema: { type: "object", required: ["sentAt"] } }) { eventType { name } } }').catch(() => {});
    const endpointIds: string[] = [];
    for (const spec of urls) {
      const input = typeof spec === 'string' ? { url: spec } : spec;
      const { createEndpoint } = await this.gql('mutation($i: CreateEndpointInput!) { createEndpoint(input: $i) { endpoint { id } } }', { i: { applicationId, ...input } });
      endpointIds.push(createEndpoint.endpoint.id);
    }
    return { applicationId, endpointIds };
  }

  async stop(): Promise<void> {
    await this.pool.close();
    await this.process.stop(60_000);
  }
}

// ---------------------------------------------------------------- durable relay baseline

/** The minimal durable relay (relay.ts) in its own process, relaying to `target`. */
export class Relay {
  readonly pool: Pool;
  private constructor(private readonly child: ChildProcess, readonly origin: string, private readonly dataDir: string) {
    this.pool = new Pool(origin, { connections: 128 });
  }

  static async start(target: string): Promise<Relay> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-bench-relay-'));
    const child = fork(path.join(ROOT, 'test/bench/relay.ts'), [target, dataDir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { port: number }) => resolve(m.port));
      child.once('exit', (code) => reject(new Error(`relay exited with ${code}`)));
    });
    return new Relay(child, `http://127.0.0.1:${port}`, dataDir);
  }

  /** Relays one ~1 KB event, the same body publishOne sends Tidings; resolves with the response time in ms. */
  async publish(seq: number): Promise<number> {
    const started = performance.now();
    const res = await this.pool.request({ path: '/events', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'bench.event', payload: { sentAt: Date.now(), seq, pad: PAD } }) });
    await res.body.dump();
    if (res.statusCode !== 202) throw new Error(`the relay answered ${res.statusCode}`);
    return performance.now() - started;
  }

  /** Peak resident memory of the relay process, in MB (VmHWM). */
  /** CPU time of the relay process so far, in ms. */
  cpuMs(): number {
    return cpuMsOf(this.child.pid!);
  }

  peakRssMb(): number {
    return peakRssMbOf(this.child.pid!);
  }

  async stop(): Promise<void> {
    await this.pool.close();
    this.child.kill();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Resident memory of a process now, in MB (VmRSS). */
export function rssMbOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** CPU time the process has used so far, all its threads (user + system), in ms: /proc/<pid>/stat's utime and stime. */
export function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
/** sysconf(_SC_CLK_TCK): 100 on Linux for every architecture Node runs on. */
const CLOCK_TICKS = 100;

function peakRssMbOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

// ---------------------------------------------------------------- publishing

const PUBLISH = 'mutation($i: PublishEventInput!) { publishEvent(input: $i) { event { id } } }';

/** Publishes one ~1 KB event; resolves with the mutation's response time in ms. */
export async function publishOne(tidings: Tidings, applicationId: string, seq: number): Promise<number> {
  const started = performance.now();
  await tidings.gql(PUBLISH, { i: { applicationId, type: 'bench.event', payload: { sentAt: Date.now(), seq, pad: PAD } } });
  return performance.now() - started;
}

/** Closed loop: `count` events with `concurrency` in flight. */
export async function publishMany(tidings: Tidings, applicationId: string, count: number, concurrency = 32, onProgress?: (done: number) => void): Promise<number[]> {
  return closedLoop(count, concurrency, (seq) => publishOne(tidings, applicationId, seq), onProgress);
}

/** Runs `publish(seq)` for seq 0..count-1 with `concurrency` in flight; returns each one's time in ms. */
export async function closedLoop(count: number, concurrency: number, publish: (seq: number) => Promise<number>, onProgress?: (done: number) => void): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const seq = next++;
        times.push(await publish(seq));
        if (times.length % 1000 === 0) onProgress?.(times.length);
      }
    }),
  );
  return times;
}

/** Open loop of Tidings' publishEvent (openLoop). */
export function publishAtRate(tidings: Tidings, applicationId: string, rate: number, seconds: number, maxInFlight = 512): Promise<{ times: number[]; achieved: number; sent: number }> {
  return openLoop(rate, seconds, (seq) => publishOne(tidings, applicationId, seq), maxInFlight);
}

/** Open loop: `rate` publishes per second for `seconds`, at most `maxInFlight` outstanding. Returns response times and the rate achieved. */
export async function openLoop(rate: number, seconds: number, publish: (seq: number) => Promise<number>, maxInFlight = 512): Promise<{ times: number[]; achieved: number; sent: number }> {
  const times: number[] = [];
  const total = Math.round(rate * seconds);
  const started = performance.now();
  let inFlight = 0;
  let sent = 0;
  const pending = new Set<Promise<void>>();
  // A failed publish ends the loop and is thrown by it (not left unhandled, which kills the
  // benchmark before the scenario can stop Tidings, losing its log and profile).
  let failure: Error | undefined;
  while (sent < total && !failure) {
    const due = started + (sent * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    if (inFlight >= maxInFlight) {
      await Promise.race(pending);
      continue;
    }
    inFlight++;
    const p: Promise<void> = publish(sent).then((t) => {
      times.push(t);
      inFlight--;
      pending.delete(p);
    }, (err: Error) => {
      failure ??= err;
      inFlight--;
      pending.delete(p);
    });
    pending.add(p);
    sent++;
  }
  await Promise.all(pending);
  if (failure) throw failure;
  return { times, achieved: sent / ((performance.now() - started) / 1000), sent };
}

const PUBLISH_BATCH = 'mutation($i: PublishEventsInput!) { publishEvents(input: $i) { results { error { code message } } } }';

/**
 * Closed loop of publishEvents: `count` ~1 KB events in batches of `batchSize`, `concurrency`
 * batches in flight. Resolves with each batch's response time in ms (every batch must be accepted whole).
 */
export async function publishBatches(tidings: Tidings, applicationId: string, count: number, batchSize: number, concurrency = 4, onProgress?: (done: number) => void): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const first = next;
        next = Math.min(count, next + batchSize);
        const events = Array.from({ length: next - first }, (_, k) => ({ applicationId, type: 'bench.event', payload: { sentAt: Date.now(), seq: first + k, pad: PAD } }));
        const started = performance.now();
        const { publishEvents } = await tidings.gql(PUBLISH_BATCH, { i: { events } });
        times.push(performance.now() - started);
        const refused = (publishEvents.results as { error: unknown }[]).filter((r) => r.error !== null);
        if (refused.length) throw new Error(`publishEvents refused ${refused.length} events: ${JSON.stringify(refused[0])}`);
        done += events.length;
        onProgress?.(done);
      }
    }),
  );
  return times;
}

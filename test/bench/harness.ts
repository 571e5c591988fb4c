// Processes and measurements shared by the benchmark scenarios.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { TEST_ADMIN_TOKEN } from '../support/admin-token.js';
import { startTidingsProcess, type TidingsProcess } from '../support/processes.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ADMIN_TOKEN = TEST_ADMIN_TOKEN;

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
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
    const started = await startTidingsProcess(
      {
        TIDINGS_DATA_DIR: dataDir,
        TIDINGS_ALLOW_PRIVATE_TARGETS: 'true',
        TIDINGS_DELIVERY_TIMEOUT: '3s',
        TIDINGS_RETRY_SCHEDULE: '1h',
        TIDINGS_MAX_PAGE_SIZE: '1000',
        // The benchmark publishes thousands of events a second with one key: it measures Tidings, not its API rate limit.
        TIDINGS_API_RATE: '0',
        ...options.env,
      },
      { nodeArgs: [...profile, ...(options.nodeArgs ?? [])], testDefaults: false },
    );
    return new Tidings(started, started.url, dataDir);
  }

  /** Peak resident memory of the process so far, in MB (VmHWM). */
  peakRssMb(): number {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
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

// ---------------------------------------------------------------- publishing

const PUBLISH = 'mutation($i: PublishEventInput!) { publishEvent(input: $i) { event { id } } }';
const PAD = 'x'.repeat(900);

/** Publishes one ~1 KB event; resolves with the mutation's response time in ms. */
export async function publishOne(tidings: Tidings, applicationId: string, seq: number): Promise<number> {
  const started = performance.now();
  await tidings.gql(PUBLISH, { i: { applicationId, type: 'bench.event', payload: { sentAt: Date.now(), seq, pad: PAD } } });
  return performance.now() - started;
}

/** Closed loop: `count` events with `concurrency` in flight. */
export async function publishMany(tidings: Tidings, applicationId: string, count: number, concurrency = 32, onProgress?: (done: number) => void): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const seq = next++;
        times.push(await publishOne(tidings, applicationId, seq));
        if (times.length % 1000 === 0) onProgress?.(times.length);
      }
    }),
  );
  return times;
}

/** Open loop: `rate` events per second for `seconds`, at most `maxInFlight` outstanding. Returns response times and the rate achieved. */
export async function publishAtRate(tidings: Tidings, applicationId: string, rate: number, seconds: number, maxInFlight = 512): Promise<{ times: number[]; achieved: number; sent: number }> {
  const times: number[] = [];
  const total = Math.round(rate * seconds);
  const started = performance.now();
  let inFlight = 0;
  let sent = 0;
  const pending = new Set<Promise<void>>();
  while (sent < total) {
    const due = started + (sent * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    if (inFlight >= maxInFlight) {
      await Promise.race(pending);
      continue;
    }
    inFlight++;
    const p: Promise<void> = publishOne(tidings, applicationId, sent).then((t) => {
      times.push(t);
      inFlight--;
      pending.delete(p);
    });
    pending.add(p);
    sent++;
  }
  await Promise.all(pending);
  return { times, achieved: sent / ((performance.now() - started) / 1000), sent };
}

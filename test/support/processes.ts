import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GqlClient } from './gql.js';
import { TEST_ADMIN_TOKEN } from './admin-token.js';
import { TEST_KEY_RING } from './keys.js';
import { formatKeyRing } from '../../src/store/secret-box.js';
import { waitFor } from './wait.js';

// Tidings as real processes (`node --import tsx src/main.ts`), for tests that need several of them
// (API and worker roles on one MongoDB, a live feed over Redis) or a real SIGKILL. Every process
// started here is remembered; stopAllTidingsProcesses() kills what is left (call it in afterAll),
// and the test worker kills any survivor when it exits.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface TidingsProcess {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  child: ChildProcess;
  /** Admin GraphQL client for this process. */
  admin: GqlClient;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then waits for exit (SIGKILL and an error if it takes longer than `timeoutMs`). */
  stop(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, then waits for exit. */
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Defaults for processes in tests; the caller's env wins. */
export const PROCESS_TEST_ENV: Record<string, string> = {
  TIDINGS_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
  TIDINGS_ALLOW_PRIVATE_TARGETS: 'true',
  TIDINGS_RETRY_SCHEDULE: '100ms,200ms,400ms,800ms,1s',
  TIDINGS_RETRY_JITTER: '0',
  TIDINGS_DELIVERY_TIMEOUT: '5s',
  TIDINGS_WORKER_POLL_INTERVAL: '50ms',
  TIDINGS_SHUTDOWN_GRACE: '2s',
  // Far above what tests send with one key (the rate-limit tests set low limits themselves).
  TIDINGS_API_RATE: '10000',
  TIDINGS_API_BURST: '10000',
  TIDINGS_MAX_SUBSCRIPTIONS_PER_KEY: '10000',
  TIDINGS_MAX_CONNECTIONS_PER_KEY: '10000',
};

const running = new Set<ChildProcess>();
/** Children started in a process group of their own (`npm start`): killed with their whole group. */
const groups = new Set<ChildProcess>();

process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const child of groups) killGroup(child);
});

/** SIGKILLs the process group led by `child` (it and everything it started), if any is left. */
export function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // the group is gone already
  }
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

export interface StartOptions {
  startTimeoutMs?: number;
  /** Node flags before `--import tsx`, e.g. ['--cpu-prof']. */
  nodeArgs?: string[];
  /** PROCESS_TEST_ENV under `env` (default true; the benchmark wants Tidings' own defaults). */
  testDefaults?: boolean;
  /** Run the compiled server (.tmp/server/main.js, `npm run build:server`) as `npm start` does, instead of the sources through tsx. */
  compiled?: boolean;
}

/**
 * The command line `npm start` runs (package.json "start"; test/api/shutdown.test.ts checks they
 * agree): the compiled server (`npm run build:server`) with V8 set for a small heap.
 */
export const COMPILED_SERVER_ARGS = ['--max-semi-space-size=4', '--heap-growing-percent=20', '.tmp/server/main.js'];

/**
 * The environment of a Tidings child: the runner's own, minus its Tidings settings (so nothing
 * leaks into the child), then the test defaults (unless `testDefaults` is false), then `env`.
 * A value of undefined removes a variable.
 */
export function tidingsChildEnv(env: Record<string, string | undefined>, testDefaults = true): NodeJS.ProcessEnv {
  const childEnv: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('TIDINGS_') && !['PORT', 'HOST', 'MONGODB_URI', 'REDIS_URL'].includes(k)) childEnv[k] = v;
  }
  Object.assign(childEnv, testDefaults ? PROCESS_TEST_ENV : { TIDINGS_ADMIN_TOKEN: TEST_ADMIN_TOKEN }, env);
  // MongoDB requires a key ring; a test that leaves TIDINGS_ENCRYPTION_KEY out gets the tests' one (`undefined` removes it).
  if (childEnv.MONGODB_URI && !('TIDINGS_ENCRYPTION_KEY' in env)) childEnv.TIDINGS_ENCRYPTION_KEY = formatKeyRing(TEST_KEY_RING);
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  return childEnv;
}

interface Spawned {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  spawnFailed: Promise<never>;
}

/** Spawns `command` in the repository root, remembered in `running`, collecting stdout and stderr. */
export function spawnInRepo(command: string, args: string[], env: NodeJS.ProcessEnv, options: { detached?: boolean } = {}): Spawned {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached });
  running.add(child);
  if (options.detached) groups.add(child);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  const spawnFailed = new Promise<never>((_, reject) => child.once('error', (err) => reject(err)));
  spawnFailed.catch(() => {});
  return { child, output: () => output, exited, spawnFailed };
}

/**
 * Runs `node --import tsx src/main.ts` (PORT=0 and HOST=127.0.0.1 unless `env` says otherwise) for
 * a start that is expected to fail: resolves with its exit and output once it exits by itself, or
 * SIGKILLs it and rejects after `timeoutMs`.
 */
export async function runTidingsUntilExit(
  env: Record<string, string | undefined>,
  timeoutMs = 15_000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  const { child, output, exited, spawnFailed } = spawnInRepo(process.execPath, ['--import', 'tsx', 'src/main.ts'], tidingsChildEnv({ PORT: '0', HOST: '127.0.0.1', ...env }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
  try {
    const result = await Promise.race([exited, deadline, spawnFailed]);
    if (result) return { ...result, output: output() };
    child.kill('SIGKILL');
    await exited;
    throw new Error(`the Tidings process did not exit by itself within ${timeoutMs}ms; killed it\n--- output ---\n${output()}`);
  } finally {
    clearTimeout(timer);
    if (isRunning(child)) child.kill('SIGKILL');
  }
}

/** Starts `node --import tsx src/main.ts` (or the compiled server) with PORT=0, HOST=127.0.0.1 and `env`; resolves once it listens. */
export async function startTidingsProcess(env: Record<string, string | undefined>, options: StartOptions = {}): Promise<TidingsProcess> {
  const childEnv = tidingsChildEnv({ ...env, PORT: '0', HOST: '127.0.0.1' }, options.testDefaults !== false);
  const entry = options.compiled ? COMPILED_SERVER_ARGS : ['--import', 'tsx', 'src/main.ts'];
  const spawned = spawnInRepo(process.execPath, [...(options.nodeArgs ?? []), ...entry], childEnv);
  const { child, exited, spawnFailed } = spawned;
  const output = () => spawned.output();

  let graphqlUrl: string;
  try {
    graphqlUrl = await Promise.race([
      waitFor('the "Tidings listening on" line', () => /Tidings listening on (\S+)/.exec(output())?.[1], options.startTimeoutMs ?? 30_000),
      exited.then(({ code, signal }) => {
        throw new Error(`the Tidings process exited (${code ?? signal}) before listening:\n${output()}`);
      }),
      spawnFailed,
    ]);
  } catch (err) {
    if (isRunning(child)) child.kill('SIGKILL');
    await Promise.race([exited, spawnFailed.catch(() => {})]);
    throw new Error(`${(err as Error).message}\n--- output ---\n${output()}`);
  }

  const url = graphqlUrl.replace(/\/graphql$/, '');
  const kill = async () => {
    if (isRunning(child)) child.kill('SIGKILL');
    return exited;
  };
  return {
    url,
    graphqlUrl,
    wsUrl: graphqlUrl.replace(/^http/, 'ws'),
    child,
    admin: new GqlClient(graphqlUrl, TEST_ADMIN_TOKEN),
    output,
    exited,
    kill,
    async stop(timeoutMs = 15_000) {
      if (isRunning(child)) child.kill('SIGTERM');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const result = await Promise.race([exited, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)))]);
      clearTimeout(timer);
      if (result) return result;
      await kill();
      throw new Error(`the Tidings process did not exit within ${timeoutMs}ms of SIGTERM; killed it\n--- output ---\n${output()}`);
    },
  };
}

/** SIGKILLs every Tidings process this test file started that is still running, and waits for them. */
export async function stopAllTidingsProcesses(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (!isRunning(child)) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

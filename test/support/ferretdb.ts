import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait.js';

// A real MongoDB-wire server for tests: FerretDB (SQLite backend, or PostgreSQL), built by .ci/build-ferretdb.sh.
// TIDINGS_TEST_MONGODB_URI points the tests at another server (e.g. a real MongoDB) instead.
// A missing server fails the suite: it never skips.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FERRETDB_BIN = process.env.TIDINGS_FERRETDB_BIN ?? path.join(ROOT, '.tmp', 'ferretdb');

export interface MongoServer {
  uri: string;
  /** Stops the server (SIGTERM), keeping its data. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  destroy(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * A MongoDB-wire server for tests. `sqlite` (the default): FerretDB on SQLite files, or the server
 * TIDINGS_TEST_MONGODB_URI names. `postgresql`: FerretDB's postgresql handler on a scratch
 * PostgreSQL cluster (Debian's postgresql, installed by .ci/run), whatever TIDINGS_TEST_MONGODB_URI says.
 */
export async function startMongoServer(options: { backend?: 'sqlite' | 'postgresql'; poolMaxConns?: number } = {}): Promise<MongoServer> {
  const external = process.env.TIDINGS_TEST_MONGODB_URI;
  if (external && options.backend !== 'postgresql') return { uri: external, stop: async () => {}, start: async () => {}, destroy: async () => {} };
  if (!fs.existsSync(FERRETDB_BIN)) {
    throw new Error(`No MongoDB-wire server: ${FERRETDB_BIN} is missing. Build it with "bash .ci/build-ferretdb.sh" (or set TIDINGS_TEST_MONGODB_URI).`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-ferretdb-'));
  let backend: string[];
  let postgres: PostgresCluster | undefined;
  if (options.backend === 'postgresql') {
    postgres = await startPostgres(dir);
    backend = ['--handler=postgresql', `--postgresql-url=${postgres.url}?pool_max_conns=${options.poolMaxConns ?? POOL_MAX_CONNS}`];
  } else backend = ['--handler=sqlite', `--sqlite-url=file:${dir}/`];
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = '';
  const start = async () => {
    child = spawn(
      FERRETDB_BIN,
      [...backend, `--listen-addr=127.0.0.1:${port}`, '--telemetry=disable', '--debug-addr=-', '--state-dir=-', '--log-level=error'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await waitFor(`FerretDB to accept connections on port ${port}`, async () => {
      if (child!.exitCode !== null) throw new Error(`FerretDB exited with ${child!.exitCode}: ${output}`);
      return accepts(port);
    }, 15_000);
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGTERM');
    await exited;
  };
  try {
    await start();
  } catch (err) {
    postgres?.stop();
    throw err;
  }
  return {
    uri: `mongodb://127.0.0.1:${port}/?directConnection=true`,
    stop,
    start,
    destroy: async () => {
      await stop();
      postgres?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * FerretDB's connections to PostgreSQL (its default is 50). FerretDB 1.24 runs an update holding
 * the connection of its query while it takes a second one for the write, so once as many updates
 * are in flight as it has connections, all of them wait for ever: keep the MongoDB clients'
 * connections in all (the driver's maxPoolSize, 100 by default, per client) below this.
 */
export const POOL_MAX_CONNS = 150;

interface PostgresCluster { url: string; stop(): void }

/** PostgreSQL's server programs: on PATH, or in Debian's /usr/lib/postgresql/<version>/bin (newest). */
function postgresBin(program: string): string {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    dirs.push(...versions.map((v) => path.join(debian, v, 'bin')));
  }
  for (const dir of dirs) if (fs.existsSync(path.join(dir, program))) return path.join(dir, program);
  throw new Error(`PostgreSQL's ${program} was not found (apt-get install -y postgresql, as .ci/run does); the FerretDB-on-PostgreSQL tests need a real server`);
}

/**
 * A scratch PostgreSQL cluster in `dir`/pg (fsync on, as shipped) with a database `ferretdb`. As root
 * the server runs as the `postgres` user (initdb refuses root), otherwise as the current user.
 */
async function startPostgres(dir: string): Promise<PostgresCluster> {
  const root = process.getuid?.() === 0;
  if (root) fs.chmodSync(dir, 0o777);
  const run = (program: string, args: string[]) => {
    const bin = postgresBin(program);
    try {
      execFileSync(root ? 'runuser' : bin, root ? ['-u', 'postgres', '--', bin, ...args] : args, { stdio: 'pipe' });
    } catch (err) {
      const e = err as { stderr?: Buffer; message: string };
      throw new Error(`${program} failed: ${e.stderr?.toString() || e.message}`);
    }
  };
  const data = path.join(dir, 'pg');
  const port = await freePort();
  run('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '--no-sync']);
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'pg.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=${POOL_MAX_CONNS + 20}`, 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  try {
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'ferretdb']);
  } catch (err) {
    stop();
    throw err;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/ferretdb`, stop };
}

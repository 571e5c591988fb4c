import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait.js';

// A real MongoDB-wire server for tests: FerretDB (SQLite backend), built by .ci/build-ferretdb.sh.
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

export async function startMongoServer(): Promise<MongoServer> {
  const external = process.env.TIDINGS_TEST_MONGODB_URI;
  if (external) return { uri: external, stop: async () => {}, start: async () => {}, destroy: async () => {} };
  if (!fs.existsSync(FERRETDB_BIN)) {
    throw new Error(`No MongoDB-wire server: ${FERRETDB_BIN} is missing. Build it with "bash .ci/build-ferretdb.sh" (or set TIDINGS_TEST_MONGODB_URI).`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-ferretdb-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = '';
  const start = async () => {
    child = spawn(
      FERRETDB_BIN,
      ['--handler=sqlite', `--sqlite-url=file:${dir}/`, `--listen-addr=127.0.0.1:${port}`, '--telemetry=disable', '--debug-addr=-', '--state-dir=-', '--log-level=error'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    await waitFor(`FerretDB to accept connections on port ${port}`, async () => {
      if (child!.exitCode !== null) throw new Error(`FerretDB exited with ${child!.exitCode}: ${output}`);
      return accepts(port);
    }, 15_000);
    void exited;
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    uri: `mongodb://127.0.0.1:${port}/?directConnection=true`,
    stop,
    start,
    destroy: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

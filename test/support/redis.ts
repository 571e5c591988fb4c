import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort } from './ferretdb.js';
import { waitFor } from './wait.js';

// A real Redis for tests: `redis-server` (Debian package redis-server, installed by .ci/run) on a
// free loopback port, no persistence. A missing redis-server fails the test: it never skips.

export interface RedisServer {
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Whether a Redis server answers PING on the port. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      reply += d.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.once('error', () => done(false));
  });
}

export async function startRedis(): Promise<RedisServer> {
  const bin = process.env.TIDINGS_REDIS_SERVER_BIN ?? findOnPath('redis-server');
  if (!bin) throw new Error('redis-server is not installed (apt-get install -y redis-server, as .ci/run does); the Redis tests need a real one');
  const port = await freePort();
  const child: ChildProcess = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));
  const stop = async () => {
    process.off('exit', killOnExit);
    if (spawnError || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  };
  try {
    await waitFor(`redis-server to answer PING on port ${port}`, async () => {
      if (spawnError) throw spawnError;
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}: ${output}`);
      return answersPing(port);
    }, 10_000);
    // waitFor keeps polling through errors: make a failed start say why.
    if (spawnError) throw spawnError;
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- redis-server output ---\n${output}`);
  }
  return { url: `redis://127.0.0.1:${port}`, port, output: () => output, stop };
}

import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ADMIN_SCOPE } from '../../src/domain/records.js';
import {
  CreateApplicationDocument,
  CreateEndpointDocument,
  CreateEventTypeDocument,
  LiveDeliveriesDocument,
  PublishEventDocument,
} from '../generated/graphql.js';
import { GqlClient } from '../support/gql.js';
import { subscribeWs } from '../support/live.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { COMPILED_SERVER_ARGS, killGroup, spawnInRepo, startTidingsProcess, tidingsChildEnv } from '../support/processes.js';
import { TEST_ADMIN_TOKEN } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// SIGTERM/SIGINT on the real process (`node --import tsx src/main.ts`): stop taking work, let the
// attempt in flight finish, close live streams, exit 0.


interface Child {
  process: ChildProcess;
  graphqlUrl: string;
  dataDir: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

describe('graceful shutdown of the real process', () => {
  const children: Child[] = [];
  const receivers: Receiver[] = [];

  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
      await child.exited;
      fs.rmSync(child.dataDir, { recursive: true, force: true });
    }
    for (const r of receivers.splice(0)) await r.close();
  });

  async function startChild(extraEnv: Record<string, string> = {}): Promise<Child> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-shutdown-'));
    const started = await startTidingsProcess({ TIDINGS_DATA_DIR: dataDir, TIDINGS_SHUTDOWN_GRACE: '10s', ...extraEnv }, { startTimeoutMs: 45_000 });
    const child: Child = { process: started.child, graphqlUrl: started.graphqlUrl, dataDir, exited: started.exited, output: started.output };
    children.push(child);
    return child;
  }

  /** An application, event type and endpoint to `url` on the child; returns a publisher of one event. */
  async function endpointTo(admin: GqlClient, url: string) {
    const { createApplication } = await admin.run(CreateApplicationDocument, { name: 'Shutdown' });
    const applicationId = createApplication.application.id;
    await admin.run(CreateEventTypeDocument, { input: { name: 'shutdown.test' } });
    const { createEndpoint } = await admin.run(CreateEndpointDocument, { input: { applicationId, url } });
    return async () => {
      const { publishEvent } = await admin.run(PublishEventDocument, { input: { applicationId, type: 'shutdown.test', payload: { n: 1 } } });
      expect(publishEvent.deliveries.map((d) => d.endpoint.id)).toEqual([createEndpoint.endpoint.id]);
      return publishEvent.deliveries[0]!.id;
    };
  }

  it('on SIGTERM lets the attempt in flight finish, closes graphql-ws subscriptions, and exits 0', async () => {
    const receiver = await startReceiver(() => ({ status: 200, body: 'ok', delayMs: 1000 }));
    receivers.push(receiver);
    const child = await startChild();
    const admin = new GqlClient(child.graphqlUrl, TEST_ADMIN_TOKEN);

    const feed = await subscribeWs(child.graphqlUrl.replace(/^http/, 'ws'), TEST_ADMIN_TOKEN, LiveDeliveriesDocument);
    let closed: { code?: number; reason?: string } | undefined;
    feed.client.on('closed', (event) => (closed = event as { code?: number; reason?: string }));

    const publishOne = await endpointTo(admin, receiver.url);
    const deliveryId = await publishOne();
    // The subscription is live, not merely connected.
    await feed.next('the PENDING message', (m) => m.deliveryUpdated.id === deliveryId && m.deliveryUpdated.status === 'PENDING');

    await receiver.waitForRequests(1);
    const signalledAt = Date.now();
    expect(child.process.kill('SIGTERM')).toBe(true);

    const { code, signal } = await child.exited;
    expect({ code, signal }, child.output()).toEqual({ code: 0, signal: null });
    expect(child.output()).toContain('SIGTERM');

    // The server closed the subscription cleanly (1001 Going Away), rather than the socket dying with the process (1006).
    await waitFor('the graphql-ws client to see the connection closed', () => closed);
    expect(closed!.code).toBe(1001);
    await feed.close();

    // The attempt that was in flight at SIGTERM finished and was recorded before exit.
    const store = SqliteStore.inDataDir(child.dataDir);
    try {
      const delivery = await store.findDelivery(ADMIN_SCOPE, deliveryId);
      expect(delivery).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1 });
      const attempts = await store.listAttempts(deliveryId);
      expect(attempts).toHaveLength(1);
      expect(attempts[0]).toMatchObject({ number: 1, success: true, responseStatus: 200, error: null });
      expect(attempts[0]!.startedAt).toBeLessThan(signalledAt);
      expect(attempts[0]!.startedAt + attempts[0]!.durationMs).toBeGreaterThanOrEqual(signalledAt);
    } finally {
      await store.close();
    }
    expect(receiver.requests).toHaveLength(1);
  }, 90_000);

  it('on SIGTERM waits no longer than TIDINGS_SHUTDOWN_GRACE for an attempt in flight, and records nothing for it', async () => {
    const holdMs = 10_000;
    const receiver = await startReceiver(() => ({ status: 200, body: 'ok', delayMs: holdMs }));
    receivers.push(receiver);
    const child = await startChild({ TIDINGS_SHUTDOWN_GRACE: '300ms' });
    const publishOne = await endpointTo(new GqlClient(child.graphqlUrl, TEST_ADMIN_TOKEN), receiver.url);
    const deliveryId = await publishOne();
    await receiver.waitForRequests(1);

    const signalledAt = Date.now();
    expect(child.process.kill('SIGTERM')).toBe(true);
    const { code, signal } = await child.exited;
    const tookMs = Date.now() - signalledAt;
    expect({ code, signal }, child.output()).toEqual({ code: 0, signal: null });
    // Gone while the receiver still held the request: the grace period bounds the wait, not the delivery timeout.
    expect(tookMs).toBeLessThan(holdMs);

    // The abandoned attempt left no outcome behind; its lease expires and a later worker attempts it again.
    const store = SqliteStore.inDataDir(child.dataDir);
    try {
      expect(await store.findDelivery(ADMIN_SCOPE, deliveryId)).toMatchObject({ status: 'PENDING', attemptCount: 0 });
      expect(await store.listAttempts(deliveryId)).toEqual([]);
    } finally {
      await store.close();
    }
  }, 90_000);

  it('on SIGINT exits 0 even with an SSE stream open, and that stream ends', async () => {
    const child = await startChild();
    const controller = new AbortController();
    const res = await fetch(child.graphqlUrl, {
      method: 'POST',
      signal: controller.signal,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      body: JSON.stringify({ query: 'subscription { deliveryUpdated { id } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    let ended = false;
    const reading = (async () => {
      try {
        for await (const _chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          // keep reading until the server ends the stream
        }
      } catch {
        // the connection was cut
      } finally {
        ended = true;
      }
    })();
    expect(child.process.kill('SIGINT')).toBe(true);
    const { code, signal } = await child.exited;
    expect({ code, signal }, child.output()).toEqual({ code: 0, signal: null });
    expect(child.output()).toContain('SIGINT');
    await reading;
    expect(ended).toBe(true);
    controller.abort();
  }, 90_000);
});

/** Pids of every living descendant of `pid`, from /proc (Linux). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after "(comm)": state, ppid, ...; comm may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited while we looked
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) for (const child of children.get(queue.shift()!) ?? []) found.push(child), queue.push(child);
  return found;
}

/** Whether `pid` still runs (a zombie, exited but not yet reaped, counts as gone). */
function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function portIsFree(port: number): Promise<boolean> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('npm start under a supervisor', () => {
  let started: { spawned: ReturnType<typeof spawnInRepo>; dataDir: string } | undefined;

  afterEach(async () => {
    if (!started) return;
    killGroup(started.spawned.child);
    await started.spawned.exited;
    fs.rmSync(started.dataDir, { recursive: true, force: true });
    started = undefined;
  });

  /** `npm start` in a process group of its own (as a terminal or supervisor runs it), listening on a free port. */
  async function npmStart() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-npm-start-'));
    const env = tidingsChildEnv({ PORT: '0', HOST: '127.0.0.1', TIDINGS_DATA_DIR: dataDir, npm_config_update_notifier: 'false' });
    const spawned = spawnInRepo('npm', ['start'], env, { detached: true });
    started = { spawned, dataDir };
    const graphqlUrl = await Promise.race([
      waitFor('the "Tidings listening on" line', () => /Tidings listening on (\S+)/.exec(spawned.output())?.[1], 45_000),
      spawned.exited.then(({ code, signal }) => {
        throw new Error(`npm start exited (${code ?? signal}) before listening:\n${spawned.output()}`);
      }),
      spawned.spawnFailed,
    ]);
    const tree = descendants(spawned.child.pid!);
    expect(tree.length, 'npm start runs at least the server process').toBeGreaterThan(0);
    return { spawned, port: Number(new URL(graphqlUrl).port), tree };
  }

  async function expectAllGone(npm: Awaited<ReturnType<typeof npmStart>>, signal: string) {
    const exit = await Promise.race([
      npm.spawned.exited,
      waitFor('npm start to exit', () => false, 20_000).then(() => undefined, (err: Error) => {
        throw new Error(`${err.message}\n--- output ---\n${npm.spawned.output()}`);
      }),
    ]);
    expect(exit, npm.spawned.output()).toEqual({ code: 0, signal: null });
    expect(npm.spawned.output()).toContain(`${signal}: finishing attempts in flight`);
    await waitFor('every process npm start started to exit', () => npm.tree.every((pid) => !isAlive(pid)), 10_000).catch((err: Error) => {
      throw new Error(`${err.message}: still running ${npm.tree.filter(isAlive).join(', ')}\n--- output ---\n${npm.spawned.output()}`);
    });
    expect(await portIsFree(npm.port)).toBe(true);
  }

  it('runs the server compiled to JavaScript (no TypeScript loader), which serves the API, the console and GraphiQL', async () => {
    const npm = await npmStart();
    const commands = npm.tree.map((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean));
    const server = commands.find((argv) => argv.includes('.tmp/server/main.js'));
    expect(server?.slice(1), `processes of npm start: ${JSON.stringify(commands)}`).toEqual(COMPILED_SERVER_ARGS);
    expect(commands.flat().join(' ')).not.toContain('tsx');
    const origin = `http://127.0.0.1:${npm.port}`;
    const admin = new GqlClient(`${origin}/graphql`, TEST_ADMIN_TOKEN);
    // A write goes through the writer thread, which the compiled build starts from its own file.
    const created = await admin.run<{ createApplication: { application: { name: string } } }, undefined>('mutation { createApplication(input: { name: "compiled" }) { application { name } } }');
    expect(created.createApplication.application.name).toBe('compiled');
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/console/app.js');
    const graphiql = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toContain('Tidings: webhooks for your platform.');
    process.kill(npm.spawned.child.pid!, 'SIGTERM');
    await expectAllGone(npm, 'SIGTERM');
  }, 90_000);

  it('on SIGTERM to the npm process stops the server gracefully: the whole tree exits, npm exits 0, the port is free', async () => {
    const npm = await npmStart();
    process.kill(npm.spawned.child.pid!, 'SIGTERM');
    await expectAllGone(npm, 'SIGTERM');
  }, 90_000);

  it('on Ctrl-C (SIGINT to the whole process group) stops the server gracefully and npm exits 0', async () => {
    const npm = await npmStart();
    process.kill(-npm.spawned.child.pid!, 'SIGINT');
    await expectAllGone(npm, 'SIGINT');
  }, 90_000);
});

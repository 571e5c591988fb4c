import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryDocument } from '../generated/graphql.js';
import type { MongoServer } from '../support/ferretdb.js';
import { startTidingsProcess, stopAllTidingsProcesses, type TidingsProcess } from '../support/processes.js';
import { waitFor } from '../support/wait.js';
import { deliveryIdsWithStatus, publishMany, setupApplication, startMongoServerOnTmpfs, SUCCEEDED, uniqueDbName } from './scale-helpers.js';

// A worker process dies (SIGKILL) with attempts in flight: once their leases expire, the other
// worker sends them again and every delivery ends SUCCEEDED; nothing is lost.

const EVENTS = 30;
const ENDPOINTS = 10;
const TOTAL = EVENTS * ENDPOINTS;
const HOLD_MS = 300;

interface Hit {
  deliveryId: string;
  attempt: string;
  receivedAt: number;
  remotePort: number;
  answered: boolean;
}

/** A receiver that holds every request HOLD_MS, then answers 200, and remembers which connection sent it. */
async function startHoldingReceiver() {
  const hits: Hit[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const hit: Hit = {
        deliveryId: String(req.headers['tidings-delivery-id']),
        attempt: String(req.headers['tidings-attempt']),
        receivedAt: Date.now(),
        remotePort: req.socket.remotePort ?? 0,
        answered: false,
      };
      hits.push(hit);
      const timer = setTimeout(() => {
        timers.delete(timer);
        hit.answered = true;
        if (!res.destroyed) res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      }, HOLD_MS);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    hits,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The process (among `pids`) that owns the loopback TCP connection from `localPort` to `remotePort` (Linux /proc). */
function owningPid(localPort: number, remotePort: number, pids: number[]): number | undefined {
  const hex = (p: number) => p.toString(16).toUpperCase().padStart(4, '0');
  let inode: string | undefined;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      if (fields[1]!.endsWith(`:${hex(localPort)}`) && fields[2]!.endsWith(`:${hex(remotePort)}`)) inode = fields[9];
    }
  }
  if (!inode || inode === '0') return undefined;
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

describe('a worker killed in the middle of a burst', () => {
  let mongo: MongoServer | undefined;
  let receiver: Awaited<ReturnType<typeof startHoldingReceiver>> | undefined;
  let api: TidingsProcess;
  let workers: TidingsProcess[] = [];

  beforeAll(async () => {
    mongo = await startMongoServerOnTmpfs();
    receiver = await startHoldingReceiver();
    const env = { MONGODB_URI: mongo.uri, TIDINGS_MONGODB_DB: uniqueDbName('crash') };
    api = await startTidingsProcess({ ...env, TIDINGS_ROLE: 'api' });
    const workerEnv = {
      ...env,
      TIDINGS_ROLE: 'worker',
      TIDINGS_DELIVERY_TIMEOUT: '1s',
      TIDINGS_LEASE: '3s',
      // Few slots, so the burst lasts long enough to kill a worker in the middle of it.
      TIDINGS_WORKER_CONCURRENCY: '8',
    };
    workers = await Promise.all([startTidingsProcess(workerEnv), startTidingsProcess(workerEnv)]);
  }, 90_000);

  afterAll(async () => {
    await stopAllTidingsProcesses();
    await receiver?.close();
    await mongo?.destroy();
  });

  it('loses nothing: the surviving worker sends the dead one\'s attempts again after the lease, and all end SUCCEEDED', async () => {
    const { applicationId, type } = await setupApplication(api.admin, receiver!.url, ENDPOINTS, 'crash');
    const published = new Set(await publishMany(api.admin, applicationId, type, EVENTS, 10));
    expect(published.size).toBe(TOTAL);

    // Wait until some work is done and a worker has a request held at the receiver right now; kill that worker.
    const pids = workers.map((w) => w.child.pid!);
    const { victim, inFlight } = await waitFor(
      'a worker with a request in flight at the receiver, after at least 30 requests',
      () => {
        if (receiver!.hits.length < 30) return undefined;
        for (const hit of receiver!.hits.filter((h) => !h.answered)) {
          const pid = owningPid(hit.remotePort, receiver!.port, pids);
          if (pid !== undefined) {
            // Every request this worker has held right now.
            const held = receiver!.hits.filter((h) => !h.answered && owningPid(h.remotePort, receiver!.port, [pid]) === pid);
            return { victim: workers[pids.indexOf(pid)]!, inFlight: held.map((h) => ({ ...h })) };
          }
        }
        return undefined;
      },
      60_000,
      5,
    );
    const { signal } = await victim.kill();
    const killedAt = Date.now();
    expect(signal).toBe('SIGKILL');
    expect(inFlight.length).toBeGreaterThan(0);
    const survivor = workers.find((w) => w !== victim)!;
    expect(receiver!.hits.length, 'the burst was not over when the worker died').toBeLessThan(TOTAL);

    // Everything ends SUCCEEDED.
    const succeeded = await waitFor(
      `all ${TOTAL} deliveries SUCCEEDED`,
      async () => {
        const ids = await deliveryIdsWithStatus(api.admin, SUCCEEDED);
        return ids.size >= TOTAL && ids;
      },
      120_000,
      500,
    );
    expect([...succeeded].sort()).toEqual([...published].sort());
    expect(new Set(receiver!.hits.map((h) => h.deliveryId))).toEqual(published);

    // The attempts that died with the worker were never recorded, so the survivor sent the same
    // attempt number again, and not before the dead worker's lease could have expired.
    for (const lost of inFlight) {
      const again = receiver!.hits.filter((h) => h.deliveryId === lost.deliveryId && h.receivedAt > lost.receivedAt);
      expect(again.length, `delivery ${lost.deliveryId} was sent again after its worker died`).toBeGreaterThan(0);
      expect(again[0]!.attempt).toBe(lost.attempt);
      expect(again[0]!.receivedAt).toBeGreaterThanOrEqual(killedAt);
      const { delivery } = await api.admin.run(DeliveryDocument, { id: lost.deliveryId });
      expect(delivery?.status).toBe('SUCCEEDED');
      expect(delivery?.attempts.filter((a) => a.success)).toHaveLength(1);
    }
    const gaps = inFlight.map((lost) => receiver!.hits.find((h) => h.deliveryId === lost.deliveryId && h.receivedAt > lost.receivedAt)!.receivedAt - lost.receivedAt);
    console.log(`[scale] worker crash: ${inFlight.length} attempt(s) in flight at SIGKILL were sent again ${Math.min(...gaps)}-${Math.max(...gaps)}ms after the first send (lease 3s); ${receiver!.hits.length} requests for ${TOTAL} deliveries`);
    expect(survivor.child.exitCode, survivor.output()).toBeNull();
  }, 180_000);
});

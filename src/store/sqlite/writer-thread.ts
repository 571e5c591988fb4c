// The embedded store's writer thread: owns the only writing connection and commits what the main
// thread asks for in batches. Writes (and their fsyncs) thus never block the main thread's event
// loop, and every request that arrives during a commit joins the next one (group commit).
import { parentPort, workerData } from 'node:worker_threads';
import { ConflictError } from '../../errors.js';
import { openDatabase } from './connection.js';
import { LEASE_OPS, SqliteWrites, type WriteOp } from './writes.js';
import { parseKeyRing, SecretBox } from '../secret-box.js';

export interface WriteRequest { id: number; op: WriteOp; args: unknown[] }
export interface WriteReply { id: number; ok: boolean; value: unknown }
/** An error as it crosses the thread boundary (classes do not survive structured cloning). */
export interface WriteFailure { message: string; conflict: boolean; code?: string }

// The store's main-thread connection has created file and tables before starting this thread.
const { file, keyRing } = workerData as { file: string; keyRing: string };
const db = openDatabase(file, { create: false });
const writes = new SqliteWrites(db, new SecretBox(parseKeyRing(keyRing)));
let queue: WriteRequest[] = [];
let flushScheduled = false;

function failure(err: unknown): WriteFailure {
  const e = err as Error & { code?: string };
  return { message: e.message ?? String(err), conflict: err instanceof ConflictError, code: e.code };
}

function flush(): void {
  flushScheduled = false;
  if (queue.length === 0) return;
  const batch = queue;
  queue = [];
  // A claim must not wait behind other writes' fsync: claims commit first, unsynced (WAL with
  // synchronous=NORMAL cannot corrupt the file; the next synced commit makes them durable too).
  const leases = batch.filter((r) => LEASE_OPS.has(r.op));
  const acknowledged = batch.filter((r) => !LEASE_OPS.has(r.op));
  if (leases.length > 0) commit(leases, 'NORMAL');
  if (acknowledged.length > 0) commit(acknowledged, 'FULL');
  writes.endBatch();
}

let synchronous: 'FULL' | 'NORMAL' = 'FULL';

function commit(batch: WriteRequest[], mode: 'FULL' | 'NORMAL'): void {
  if (mode !== synchronous) db.pragma(`synchronous = ${(synchronous = mode)}`);
  let replies: WriteReply[];
  try {
    const results = writes.runBatch(batch.map(({ op, args }) => () => (writes[op] as (...a: unknown[]) => unknown)(...args)));
    replies = batch.map(({ id }, i) => ({ id, ok: results[i]!.ok, value: results[i]!.ok ? results[i]!.value : failure(results[i]!.value) }));
  } catch (err) {
    replies = batch.map(({ id }) => ({ id, ok: false, value: failure(err) }));
  }
  parentPort!.postMessage(replies);
}

parentPort!.on('message', (message: WriteRequest | 'close') => {
  if (message === 'close') {
    if (queue.length) flush();
    db.close();
    parentPort!.close();
    return;
  }
  queue.push(message);
  // Messages that arrived together are all queued before this runs: they share one commit.
  if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flush);
  }
});

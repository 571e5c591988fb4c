import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SERVER_BUILD_DIR } from '../../root.js';
import { ConflictError } from '../../errors.js';
import type { WriteFailure, WriteReply, WriteRequest } from './writer-thread.js';
import type { SqliteWrites, WriteOp } from './writes.js';

type Pending = { resolve: (value: any) => void; reject: (err: Error) => void };

/**
 * The main thread's handle on the writer thread: `call` sends one write and resolves once it is
 * committed (or rejects with what the write threw). Calls are committed in the order they are made,
 * except that claims (LEASE_OPS) are committed ahead of the other writes they are batched with.
 */
export class SqliteWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private broken: Error | undefined;
  private readonly exited: Promise<void>;

  /** `keyRing`: the ring's text (secret-box.ts), for the thread's own SecretBox. */
  constructor(file: string, keyRing: string) {
    this.worker = startWriterThread(file, keyRing);
    this.worker.on('message', (replies: WriteReply[]) => {
      for (const { id, ok, value } of replies) {
        const call = this.pending.get(id);
        this.pending.delete(id);
        if (ok) call?.resolve(value);
        else call?.reject(toError(value as WriteFailure));
      }
      if (this.pending.size === 0) this.worker.unref();
    });
    this.worker.on('error', (err) => this.fail(new Error(`the SQLite writer thread failed: ${err.message}`)));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => {
      this.fail(new Error('the SQLite writer thread has stopped'));
      resolve();
    }));
    // Idle, the thread must not keep the process alive; with writes pending it must.
    this.worker.unref();
  }

  call<K extends WriteOp>(op: K, ...args: Parameters<SqliteWrites[K]>): Promise<ReturnType<SqliteWrites[K]>> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, args } satisfies WriteRequest);
    });
  }

  /** Throws when the thread can no longer write (readiness). */
  check(): void {
    if (this.broken) throw this.broken;
  }

  /** Commits what was sent, then stops the thread. */
  async close(): Promise<void> {
    if (!this.broken) {
      this.worker.ref();
      this.worker.postMessage('close');
    }
    await this.exited;
  }

  private fail(err: Error): void {
    this.broken ??= err;
    for (const call of this.pending.values()) call.reject(this.broken);
    this.pending.clear();
  }
}

function toError(failure: WriteFailure): Error {
  if (failure.conflict) return new ConflictError(failure.message);
  return Object.assign(new Error(failure.message), failure.code ? { code: failure.code } : {});
}

/**
 * Starts writer-thread.ts. Run from TypeScript sources (tsx, vitest), the thread registers tsx's
 * loader first: loader hooks of the main thread do not reach worker threads on Node 20.
 */
function startWriterThread(file: string, keyRing: string): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  // Compiled, this module may sit in a shared chunk: the thread's entry is named from the install root.
  const entry = fromSource ? new URL('./writer-thread.ts', import.meta.url) : pathToFileURL(path.join(SERVER_BUILD_DIR, 'writer-thread.js'));
  if (!fromSource) return new Worker(entry, { workerData: { file, keyRing } });
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: { file, keyRing } });
}

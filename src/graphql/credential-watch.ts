import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Credential } from '../auth/authenticator.js';
import type { PubSub } from '../live/pubsub.js';
import type { Context } from './context.js';

// A live connection must not outlast its credential. Every request authenticates against the
// store anyway; what stays open is a graphql-ws socket and an SSE subscription. Both are watched
// here by credential ID: they end when the credential expires (its `endsAt`), and when any process
// publishes 'credential:revoked' for it (revocation now, or the end of a rotation's grace later).

type End = (reason: string) => void;

const MAX_TIMER_MS = 2 ** 31 - 1;

const KIND_NAMES: Record<Credential['kind'], string> = {
  'api-key': 'API key', 'admin-token': 'admin token', 'admin-bootstrap': 'admin token', 'portal-session': 'portal session',
};

export class CredentialWatch {
  private readonly watchers = new Map<string, Set<{ end: End; timers: Set<NodeJS.Timeout> }>>();
  private readonly unlisten: () => void;

  constructor(pubsub: Pick<PubSub, 'listen'>, private readonly now: () => number) {
    this.unlisten = pubsub.listen('credential:revoked', ({ id, endsAt, reason }) => {
      for (const watcher of this.watchers.get(id) ?? []) this.endAt(watcher, endsAt, reason);
    });
  }

  /** Calls `end` (once) when the credential stops working; returns a function that stops watching. */
  watch(credential: Credential, end: End): () => void {
    let ended = false;
    const watcher = {
      timers: new Set<NodeJS.Timeout>(),
      end: (reason: string) => {
        if (ended) return;
        ended = true;
        stop();
        end(reason);
      },
    };
    const set = this.watchers.get(credential.id) ?? new Set();
    this.watchers.set(credential.id, set.add(watcher));
    const stop = () => {
      for (const timer of watcher.timers) clearTimeout(timer);
      set.delete(watcher);
      if (set.size === 0 && this.watchers.get(credential.id) === set) this.watchers.delete(credential.id);
    };
    if (credential.endsAt !== undefined) this.endAt(watcher, credential.endsAt, `Forbidden: the ${KIND_NAMES[credential.kind]} has expired`);
    return stop;
  }

  private endAt(watcher: { end: End; timers: Set<NodeJS.Timeout> }, at: number, reason: string): void {
    const delay = Math.max(0, at - this.now());
    // setTimeout fires at once for delays past 2^31 ms (about 25 days): a far expiry is looked at again later.
    const timer = delay > MAX_TIMER_MS
      ? setTimeout(() => { watcher.timers.delete(timer); this.endAt(watcher, at, reason); }, MAX_TIMER_MS)
      : setTimeout(() => watcher.end(reason), delay);
    timer.unref();
    watcher.timers.add(timer);
  }

  close(): void {
    this.unlisten();
    for (const set of this.watchers.values()) for (const w of set) for (const t of w.timers) clearTimeout(t);
    this.watchers.clear();
  }
}

/**
 * A subscription's results that end when `register`'s callback is called: one last result with a
 * FORBIDDEN error saying why, then done (an SSE stream then completes).
 */
function endable(source: AsyncIterator<ExecutionResult>, register: (end: End) => () => void): AsyncIterableIterator<ExecutionResult> {
  let final: ExecutionResult | undefined;
  let done = false;
  let wake: (() => void) | undefined;
  const woken = new Promise<'ended'>((resolve) => (wake = () => resolve('ended')));
  const unwatch = register((reason) => {
    final = { errors: [new GraphQLError(reason, { extensions: { code: 'FORBIDDEN' } })] };
    wake!();
    void source.return?.();
  });
  const finish = (): IteratorResult<ExecutionResult> => {
    unwatch();
    if (final && !done) {
      done = true;
      return { done: false, value: final };
    }
    done = true;
    return { done: true, value: undefined };
  };
  const it: AsyncIterableIterator<ExecutionResult> = {
    next: async () => {
      if (done || final) return finish();
      const step = await Promise.race([source.next(), woken]);
      if (step === 'ended' || final) return finish();
      if (step.done) unwatch();
      return step;
    },
    return: async () => {
      unwatch();
      done = true;
      await source.return?.();
      return { done: true, value: undefined };
    },
    throw: async (error) => {
      unwatch();
      done = true;
      if (source.throw) return source.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]: () => it,
  };
  return it;
}

/**
 * Envelop plugin: an SSE subscription ends when the credential it was made with does. (A
 * graphql-ws socket is closed whole by the server, with 4403 and the reason; its operations are
 * left to end with it, so that the client sees the close code rather than a completion first.)
 */
export function useCredentialWatch(watch: CredentialWatch): Plugin {
  return {
    onSubscribe({ args }) {
      const context = args.contextValue as unknown as Context & { socket?: unknown };
      const credential = context.credential;
      if (!credential || context.socket !== undefined) return;
      return {
        onSubscribeResult({ result, setResult }) {
          if (!(Symbol.asyncIterator in (result as object))) return;
          const source = (result as AsyncIterable<ExecutionResult>)[Symbol.asyncIterator]();
          setResult(endable(source, (end) => watch.watch(credential, end)) as never);
        },
      };
    },
  };
}

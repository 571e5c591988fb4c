import type { Plugin } from 'graphql-yoga';
import type { Authenticated, Authenticator } from '../auth/authenticator.js';
import type { Config } from '../config.js';
import { openTokenSlots, retryAfterSeconds, type TokenBucket } from '../domain/api-rate-limit.js';
import { RateLimitedError, UnauthenticatedError } from '../errors.js';
import type { RateSlots } from '../store/ports.js';
import type { Context } from './context.js';
import { domainGraphqlError } from './mask-errors.js';

// Abuse limits, declared once for every transport (fast POST, yoga's GET/POST/SSE, graphql-ws):
// - requests a second per credential (unauthenticated requests: per client address), checked
//   where the context is built, before anything runs; over the limit: RateLimitedError (HTTP 429
//   with Retry-After, or an error message on the graphql-ws operation);
// - live subscriptions per credential (the envelop plugin below) and graphql-ws connections per
//   credential (server.ts onConnect), counted in this process.

/** Close code of a graphql-ws connection over TIDINGS_MAX_CONNECTIONS_PER_KEY. */
export const TOO_MANY_CONNECTIONS = 4429;

interface KeyState {
  /** The bucket the state is for (a changed limit starts afresh). */
  bucket: string;
  /** The slot whose tokens this process holds, and how many are left. */
  slot: number;
  left: number;
  /** The newest slot this process tried to take (taken by it or by another process). */
  tried: number;
  /** A slot being taken for this key: concurrent requests wait for it. */
  busy?: Promise<void>;
}

/**
 * Token buckets shared through the store: a process takes a slot of tokens with one store write
 * (RateSlots.takeRateSlot) and spends them in memory; a refusal costs no store write.
 */
export class ApiRateLimiter {
  private readonly keys = new Map<string, KeyState>();
  private prunedAt = 0;

  constructor(private readonly slots: RateSlots, private readonly now: () => number) {}

  private state(key: string, bucket: TokenBucket, now: number): KeyState {
    if (now - this.prunedAt > 10_000) this.prune(now);
    const id = `${bucket.rate}/${bucket.burst}`;
    let st = this.keys.get(key);
    if (!st || st.bucket !== id) {
      st = { bucket: id, slot: -Infinity, left: 0, tried: -Infinity };
      this.keys.set(key, st);
    }
    return st;
  }

  /** Forgets keys whose slots have all closed (the state of a key that has been quiet is the initial one; any slot it tried is closed). */
  private prune(now: number): void {
    this.prunedAt = now;
    for (const [key, st] of this.keys) {
      const [rate, burst] = st.bucket.split('/').map(Number) as [number, number];
      if (!st.busy && st.tried < openTokenSlots({ rate, burst }, now).slots[0]!) this.keys.delete(key);
    }
  }

  /** Spends one token of `key`'s bucket: undefined when the request may go on, else the seconds to wait. */
  async take(key: string, bucket: TokenBucket): Promise<number | undefined> {
    for (;;) {
      const now = this.now();
      const st = this.state(key, bucket, now);
      if (st.busy) {
        await st.busy;
        continue;
      }
      const open = openTokenSlots(bucket, now);
      if (st.left > 0 && st.slot >= open.slots[0]!) {
        st.left--;
        return undefined;
      }
      const untried = open.slots.filter((n) => n > st.tried);
      if (untried.length === 0) return retryAfterSeconds(open, now);
      let done!: () => void;
      st.busy = new Promise((resolve) => (done = resolve));
      try {
        for (const n of untried) {
          st.tried = n;
          if (await this.slots.takeRateSlot(`${key}#${st.bucket}:${n}`, open.closesAt(n))) {
            st.slot = n;
            st.left = open.size;
            break;
          }
        }
      } finally {
        st.busy = undefined;
        done();
      }
    }
  }

  /** Whether this process knows `key`'s bucket to be empty now (no store access). */
  exhausted(key: string, bucket: TokenBucket): boolean {
    const st = this.keys.get(key);
    if (!st || st.busy || st.bucket !== `${bucket.rate}/${bucket.burst}`) return false;
    const open = openTokenSlots(bucket, this.now());
    return !(st.left > 0 && st.slot >= open.slots[0]!) && open.slots.every((n) => n <= st.tried);
  }
}

const seconds = (n: number) => `${n} second${n === 1 ? '' : 's'}`;

/** Per-process counts of what each credential holds open (subscriptions, connections). */
class Holdings {
  private readonly counts = new Map<string, number>();

  /** Counts one more for `key` if it holds fewer than `max` (0 = no limit): how to give it back, or undefined when over. */
  acquire(key: string, max: number): (() => void) | undefined {
    const held = this.counts.get(key) ?? 0;
    if (max > 0 && held >= max) return undefined;
    this.counts.set(key, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    };
  }

  held(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

export class ApiLimits {
  private readonly limiter: ApiRateLimiter;
  readonly subscriptions = new Holdings();
  readonly connections = new Holdings();

  constructor(private readonly config: Pick<Config, 'apiRate' | 'apiBurst' | 'maxSubscriptionsPerKey' | 'maxConnectionsPerKey'>, slots: RateSlots, private readonly now: () => number) {
    this.limiter = new ApiRateLimiter(slots, now);
  }

  /** The bucket of a rate (the burst scales with it: the same number of seconds' worth as TIDINGS_API_BURST is of TIDINGS_API_RATE). */
  private bucket(rate: number): TokenBucket {
    const { apiRate, apiBurst } = this.config;
    return { rate, burst: rate === apiRate ? apiBurst : Math.max(1, Math.round((apiBurst * rate) / Math.max(1, apiRate))) };
  }

  private async spend(key: string, rate: number, whose: string): Promise<void> {
    if (rate <= 0) return;
    const bucket = this.bucket(rate);
    const wait = await this.limiter.take(key, bucket);
    if (wait !== undefined) throw this.refusal(whose, bucket, wait);
  }

  private refusal(whose: string, bucket: TokenBucket, wait: number): RateLimitedError {
    return new RateLimitedError(
      `Rate limit exceeded: ${whose} may make ${bucket.rate} requests a second (bursts of ${bucket.burst}); retry in ${seconds(wait)}.`,
      wait,
    );
  }

  /**
   * Identifies the caller and spends one token of its bucket: the credential's, or for a request
   * without a valid token the client address's (so guessing tokens is limited too). While an
   * address's bucket is known to be empty, its requests are refused before their token is looked
   * at, so a guess over the limit cannot tell a valid token from an invalid one.
   */
  async admit(auth: Authenticator, authorization: string | null | undefined, address: string | undefined): Promise<Authenticated | undefined> {
    const addressKey = `address:${address ?? 'unknown'}`;
    const rate = this.config.apiRate;
    if (authorization && rate > 0 && this.limiter.exhausted(addressKey, this.bucket(rate))) {
      const now = this.now();
      throw this.refusal('this client address (without a valid token)', this.bucket(rate), retryAfterSeconds(openTokenSlots(this.bucket(rate), now), now));
    }
    let who: Authenticated | undefined;
    try {
      who = await auth.identify(authorization);
    } catch (err) {
      if (err instanceof UnauthenticatedError) await this.spend(addressKey, rate, 'this client address (without a valid token)');
      throw err;
    }
    if (!who) await this.spend(addressKey, rate, 'this client address (without a token)');
    else await this.spend(`credential:${who.credential.id}`, who.credential.rateLimit ?? rate, 'this credential');
    return who;
  }

  /** A graphql-ws connection of `credentialId`: how to give the slot back, or undefined when over the limit. */
  connect(credentialId: string): (() => void) | undefined {
    return this.connections.acquire(credentialId, this.config.maxConnectionsPerKey);
  }

  connectionRefusal(): string {
    return `Too many connections: at most ${this.config.maxConnectionsPerKey} WebSocket connections per credential`;
  }

  /** The envelop plugin counting live subscriptions per credential; one over the limit is answered RATE_LIMITED (HTTP 429 on SSE). */
  plugin(): Plugin<Context> {
    const max = () => this.config.maxSubscriptionsPerKey;
    return {
      onSubscribe: ({ args }) => ({
        onSubscribeResult: ({ result, setResult }) => {
          const iterator = result as AsyncIterable<unknown> & { return?: () => unknown };
          if (typeof iterator[Symbol.asyncIterator] !== 'function') return;
          const credentialId = (args.contextValue as Context).credential?.id;
          if (credentialId === undefined) return;
          const release = this.subscriptions.acquire(credentialId, max());
          if (!release) {
            void Promise.resolve(iterator.return?.()).catch(() => {});
            const err = new RateLimitedError(`Too many live subscriptions: this credential already holds ${max()} open on this server (TIDINGS_MAX_SUBSCRIPTIONS_PER_KEY); end one before starting another.`);
            setResult({ errors: [domainGraphqlError(err)] });
            return;
          }
          return { onEnd: release };
        },
      }),
    };
  }
}

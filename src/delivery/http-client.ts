import { Agent, request, errors } from 'undici';
import { assertLiteralTargetAllowed, BlockedTargetError, guardedLookup } from './ssrf-guard.js';

// Outbound webhook POSTs: undici keep-alive pools per origin, no redirects followed, one deadline
// for the whole exchange, the first 4 KiB of the response kept for the delivery history.

export const RESPONSE_BODY_LIMIT = 4096;

export interface SendResult {
  /** HTTP status, when a response arrived. */
  status: number | null;
  /** First 4 KiB of the response body, decoded as UTF-8. */
  body: string | null;
  /** Why no usable response arrived (timeout, refused target, network error). */
  error: string | null;
  /** The SSRF guard refused the target: retrying cannot help, so the delivery is given up at once. */
  refused: boolean;
  /** No answer came within the timeout. */
  timedOut: boolean;
  durationMs: number;
  /** The response's Retry-After header, as sent (null when absent). */
  retryAfter: string | null;
}

export interface HttpClientOptions {
  timeoutMs: number;
  allowPrivateTargets: boolean;
  /** Keep-alive connections per origin. */
  connectionsPerOrigin?: number;
}

export class HttpClient {
  private readonly agent: Agent;

  constructor(private readonly options: HttpClientOptions) {
    this.agent = new Agent({
      connections: options.connectionsPerOrigin ?? 64,
      keepAliveTimeout: 30_000,
      connectTimeout: options.timeoutMs,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connect: options.allowPrivateTargets ? {} : { lookup: guardedLookup as never },
    });
  }

  /** POSTs the body; `timeoutMs` overrides the client's timeout for this request (an endpoint's own). */
  async post(url: string, headers: Record<string, string>, body: string, options: { timeoutMs?: number | null } = {}): Promise<SendResult> {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const target = new URL(url);
      if (!this.options.allowPrivateTargets) assertLiteralTargetAllowed(target);
      const res = await request(target, {
        method: 'POST',
        headers,
        body,
        dispatcher: this.agent,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await readPrefix(res.body, RESPONSE_BODY_LIMIT);
      const retryAfter = res.headers['retry-after'];
      return {
        status: res.statusCode, body: text, error: null, refused: false, timedOut: false, durationMs: elapsed(),
        retryAfter: (Array.isArray(retryAfter) ? retryAfter[0] : retryAfter) ?? null,
      };
    } catch (err) {
      return {
        status: null, body: null, error: describe(err, timeoutMs), refused: blockedTarget(err) !== undefined, timedOut: isTimeout(err), durationMs: elapsed(), retryAfter: null,
      };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/** Reads at most `limit` bytes, then drops the rest of the body (and with it the connection if unread). */
async function readPrefix(body: AsyncIterable<Buffer> & { destroy(): void }, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  // Stream mode leaves out a multi-byte character cut at the limit (instead of a 3-byte U+FFFD
  // that would take the text past the limit).
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks).subarray(0, limit), { stream: true });
}

/** The guard's refusal, thrown directly (IP literal) or as the cause of undici's connect error (resolved name). */
function blockedTarget(err: unknown): BlockedTargetError | undefined {
  if (err instanceof BlockedTargetError) return err;
  const cause = (err as { cause?: unknown } | null)?.cause;
  return cause instanceof BlockedTargetError ? cause : undefined;
}

function isTimeout(err: unknown): boolean {
  const e = err as Error | null;
  return e?.name === 'TimeoutError' || e instanceof errors.HeadersTimeoutError || e instanceof errors.BodyTimeoutError || e instanceof errors.ConnectTimeoutError;
}

function describe(err: unknown, timeoutMs: number): string {
  const e = err as Error & { code?: string; cause?: unknown };
  const blocked = blockedTarget(err);
  if (blocked) return blocked.message;
  if (isTimeout(err)) return `timed out after ${timeoutMs}ms`;
  const code = e?.code ? `${e.code}: ` : '';
  return `${code}${e?.message ?? String(err)}`;
}

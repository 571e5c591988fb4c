import { createHash } from 'node:crypto';
import type { EndpointAuth, Millis } from '../domain/records.js';
import type { SendResult } from './http-client.js';

// Receiver credentials: the Authorization header of an endpoint's requests. Basic and bearer
// credentials are sent as given; an OAuth2 client-credentials token is fetched from the token URL
// (through the same HTTP client, so the same SSRF guard and timeout), cached until shortly before
// it expires, and fetched again then, or at once after the receiver answered 401. Credentials and
// tokens appear in no log line and no error message.

export interface TokenPoster {
  post(url: string, headers: Record<string, string>, body: string): Promise<SendResult>;
}

/** The Authorization value, or why none could be had (the attempt then fails like a failed send). */
export type Authorization = { ok: true; value: string | null } | { ok: false; error: string; refused: boolean; durationMs: number };

/** A token is fetched again this long before it expires (or halfway, for shorter-lived ones). */
export const REFRESH_MARGIN_MS = 30_000;
/** Lifetime assumed for a token answered without `expires_in`. */
export const DEFAULT_TOKEN_LIFETIME_MS = 5 * 60_000;

interface CachedToken { token: string; refreshAt: Millis }

export class ReceiverCredentials {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly fetching = new Map<string, Promise<Authorization>>();

  constructor(private readonly http: TokenPoster, private readonly now: () => Millis = Date.now) {}

  async authorization(auth: EndpointAuth | null): Promise<Authorization> {
    if (auth === null) return { ok: true, value: null };
    if (auth.kind === 'BASIC') return { ok: true, value: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
    if (auth.kind === 'BEARER') return { ok: true, value: `Bearer ${auth.token}` };
    const key = cacheKey(auth);
    const cached = this.tokens.get(key);
    if (cached && cached.refreshAt > this.now()) return { ok: true, value: `Bearer ${cached.token}` };
    // Attempts to the same endpoint at once share one token request.
    let pending = this.fetching.get(key);
    if (!pending) {
      pending = this.fetchToken(key, auth).finally(() => this.fetching.delete(key));
      this.fetching.set(key, pending);
    }
    return pending;
  }

  /** Drops a cached token (the receiver refused it): the next attempt fetches a new one. */
  forget(auth: EndpointAuth | null): void {
    if (auth?.kind === 'OAUTH2_CLIENT_CREDENTIALS') this.tokens.delete(cacheKey(auth));
  }

  private async fetchToken(key: string, auth: Extract<EndpointAuth, { kind: 'OAUTH2_CLIENT_CREDENTIALS' }>): Promise<Authorization> {
    const body = new URLSearchParams({ grant_type: 'client_credentials', ...(auth.scope ? { scope: auth.scope } : {}) }).toString();
    // RFC 6749 2.3.1: client_secret_basic, the client ID and secret form-encoded first.
    const basic = Buffer.from(`${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.clientSecret)}`).toString('base64');
    const sent = await this.http.post(auth.tokenUrl, {
      'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: `Basic ${basic}`, 'user-agent': 'Tidings-Webhooks/0.1',
    }, body);
    const fail = (why: string): Authorization => ({ ok: false, error: `could not get an OAuth2 token from ${auth.tokenUrl}: ${why}`, refused: sent.refused, durationMs: sent.durationMs });
    if (sent.status === null) return fail(sent.error ?? 'no answer');
    if (sent.status < 200 || sent.status >= 300) return fail(`the token endpoint answered HTTP ${sent.status}`);
    let answer: { access_token?: unknown; expires_in?: unknown; token_type?: unknown };
    try {
      answer = JSON.parse(sent.body ?? '');
    } catch {
      return fail('the answer is not JSON');
    }
    if (typeof answer.access_token !== 'string' || answer.access_token === '') return fail('the answer has no access_token');
    if (typeof answer.token_type === 'string' && answer.token_type.toLowerCase() !== 'bearer') return fail(`token_type "${answer.token_type}" is not bearer`);
    const lifetime = typeof answer.expires_in === 'number' && answer.expires_in > 0 ? answer.expires_in * 1000 : DEFAULT_TOKEN_LIFETIME_MS;
    const refreshAt = this.now() + Math.max(0, lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 2));
    if (this.tokens.size > 10_000) this.tokens.clear();
    this.tokens.set(key, { token: answer.access_token, refreshAt });
    return { ok: true, value: `Bearer ${answer.access_token}` };
  }
}

/** One cache entry per distinct credentials (changing any of them fetches a new token). */
function cacheKey(auth: Extract<EndpointAuth, { kind: 'OAUTH2_CLIENT_CREDENTIALS' }>): string {
  return createHash('sha256').update(JSON.stringify([auth.tokenUrl, auth.clientId, auth.clientSecret, auth.scope])).digest('base64');
}

/** What previewDelivery shows instead of the credentials (write-only; no token is fetched for a preview). */
export function redactedAuthorization(auth: EndpointAuth | null): string | null {
  if (auth === null) return null;
  if (auth.kind === 'BASIC') return 'Basic <credentials not shown>';
  if (auth.kind === 'BEARER') return 'Bearer <token not shown>';
  return `Bearer <OAuth2 token from ${auth.tokenUrl}, not shown>`;
}

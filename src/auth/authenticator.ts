import { bearerToken, hashesEqual, hashToken, namedTokenIdOf, portalSessionIdOf } from './tokens.js';
import { keyEndsAt, keyState, lastUsedDue, LAST_USED_INTERVAL_MS } from '../domain/api-keys.js';
import type { ApiKeyScope, Scope } from '../domain/records.js';
import { UnauthenticatedError } from '../errors.js';
import { kindOfId } from '../ids.js';
import type { Catalogue, StoredApiKey } from '../store/ports.js';

// Who is calling: the platform (the bootstrap admin token or a named admin token) or one
// application (one of its API keys, or a portal session token, which acts as a key with both
// scopes until it expires or is revoked). HTTP and SSE send `Authorization: Bearer <token>`;
// graphql-ws sends it as connectionParams.authorization. Every request reads the store, so a
// revocation made by any process takes effect on the next request everywhere.

/**
 * The credential a request was made with, never the token itself: what rate limits are counted
 * against, what the audit log names as the actor, and what a credential's scopes are checked on.
 */
export interface Credential {
  /** Stable ID of the credential: the ApiKey's, AdminToken's or portal session's ID ('admin' for the bootstrap token). */
  id: string;
  kind: 'admin-bootstrap' | 'admin-token' | 'api-key' | 'portal-session';
  /** A name a person recognises, for the audit log (an API key's or admin token's own name). */
  name: string;
  /** What the credential may do (admin tokens and portal sessions: both). */
  scopes: readonly ApiKeyScope[];
  /** This credential's own API rate limit (requests a second; 0 = none); unset = TIDINGS_API_RATE. */
  rateLimit?: number;
  /** When the credential stops working on its own (expiry, end of a rotation's grace): live connections end then. */
  endsAt?: number;
}

export interface Authenticated {
  scope: Scope;
  credential: Credential;
}

export interface Authenticator {
  /** undefined when no token was presented; throws UnauthenticatedError for a token that is not valid. */
  authenticate(authorization: string | null | undefined): Promise<Scope | undefined>;
  /** authenticate, also saying which credential the token is. */
  identify(authorization: string | null | undefined): Promise<Authenticated | undefined>;
}

const BOTH: readonly ApiKeyScope[] = ['READ', 'WRITE'];

export function createAuthenticator(
  store: Pick<Catalogue, 'findApiKeyForAuth' | 'findApiKeyByHash' | 'touchApiKey' | 'findAdminToken' | 'findPortalSession'>,
  adminTokenHash: string,
  now: () => number = Date.now,
): Authenticator {
  // Keys whose lastUsedAt write is in flight in this process: a burst of requests writes once.
  const touching = new Set<string>();
  const touch = (key: StoredApiKey, at: number) => {
    if (!lastUsedDue(key.lastUsedAt, at) || touching.has(key.id)) return;
    touching.add(key.id);
    // The write is best effort and off the request's path; the store's condition keeps it to once a minute across processes.
    store.touchApiKey(key.id, at, LAST_USED_INTERVAL_MS).catch(() => undefined).finally(() => touching.delete(key.id));
  };

  const apiKey = (key: StoredApiKey | null, hash: string): Authenticated => {
    if (!key || !hashesEqual(hash, key.tokenHash)) throw new UnauthenticatedError('The token is not valid');
    const at = now();
    const state = keyState(key, at);
    if (state === 'REVOKED') throw new UnauthenticatedError(`The API key "${key.name}" was revoked`);
    if (state === 'EXPIRED') throw new UnauthenticatedError(`The API key "${key.name}" has expired`);
    touch(key, at);
    const endsAt = keyEndsAt(key);
    return {
      scope: { kind: 'app', applicationId: key.applicationId },
      credential: {
        id: key.id, kind: 'api-key', name: key.name, scopes: key.scopes,
        ...(key.rateLimit !== null ? { rateLimit: key.rateLimit } : {}), ...(endsAt !== null ? { endsAt } : {}),
      },
    };
  };

  const authenticator: Authenticator = {
    async authenticate(authorization) {
      return (await authenticator.identify(authorization))?.scope;
    },
    async identify(authorization) {
      if (!authorization) return undefined;
      const token = bearerToken(authorization);
      if (!token) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
      const hash = hashToken(token);
      if (hashesEqual(hash, adminTokenHash)) return { scope: { kind: 'admin' }, credential: { id: 'admin', kind: 'admin-bootstrap', name: 'bootstrap admin token', scopes: BOTH } };
      const sessionId = portalSessionIdOf(token);
      if (sessionId !== undefined) {
        const session = await store.findPortalSession(sessionId);
        if (!session || !hashesEqual(hash, session.tokenHash)) throw new UnauthenticatedError('The token is not valid');
        if (session.revokedAt !== null) throw new UnauthenticatedError('This portal session was revoked: ask the platform for a new link');
        if (session.expiresAt <= now()) throw new UnauthenticatedError('This portal session has expired: ask the platform for a new link');
        return {
          scope: { kind: 'app', applicationId: session.applicationId },
          credential: { id: session.id, kind: 'portal-session', name: `portal session ${session.id}`, scopes: BOTH, endsAt: session.expiresAt },
        };
      }
      const id = namedTokenIdOf(token);
      if (id !== undefined && kindOfId(id) === 'AdminToken') {
        const admin = await store.findAdminToken(id);
        if (!admin || !hashesEqual(hash, admin.tokenHash)) throw new UnauthenticatedError('The token is not valid');
        if (admin.revokedAt !== null) throw new UnauthenticatedError(`The admin token "${admin.name}" was revoked`);
        return {
          scope: { kind: 'admin' },
          credential: { id: admin.id, kind: 'admin-token', name: admin.name, scopes: BOTH, ...(admin.rateLimit !== null ? { rateLimit: admin.rateLimit } : {}) },
        };
      }
      if (id !== undefined && kindOfId(id) === 'ApiKey') return apiKey(await store.findApiKeyForAuth(id), hash);
      // A key of an earlier release (its token names nothing): found by its unique hash.
      return apiKey(await store.findApiKeyByHash(hash), hash);
    },
  };
  return authenticator;
}

import { bearerToken, hashesEqual, hashToken, portalSessionIdOf } from './tokens.js';
import { UnauthenticatedError } from '../errors.js';
import type { Scope } from '../domain/records.js';
import type { Catalogue } from '../store/ports.js';

// Who is calling: the platform (admin token) or one application (its API key, or a portal session
// token, which acts exactly as that application's key until it expires or is revoked). HTTP and
// SSE send `Authorization: Bearer <token>`; graphql-ws sends it as connectionParams.authorization.

/**
 * The credential a request was made with, never the token itself: what rate limits are counted
 * against, what the audit log names as the actor, and what a credential's scopes are checked on.
 */
export interface Credential {
  /** Stable ID of the credential (for the application key of today, the application's ID). */
  id: string;
  kind: 'admin-bootstrap' | 'api-key' | 'portal-session';
  /** A name a person recognises, for the audit log. */
  name: string;
  /** This credential's own API rate limit (requests a second; 0 = none); unset = TIDINGS_API_RATE. */
  rateLimit?: number;
}

export interface Authenticated {
  scope: Scope;
  credential: Credential;
  /** Set for a portal session token: a live connection made with it must end at `expiresAt` or on revocation. */
  portalSession?: { id: string; expiresAt: number };
}

export interface Authenticator {
  /** undefined when no token was presented; throws UnauthenticatedError for a token that is not valid. */
  authenticate(authorization: string | null | undefined): Promise<Scope | undefined>;
  /** authenticate, also saying which portal session (if any) the token belongs to. */
  identify(authorization: string | null | undefined): Promise<Authenticated | undefined>;
}

export function createAuthenticator(
  store: Pick<Catalogue, 'findApplicationByKeyHash' | 'findPortalSession'>,
  adminTokenHash: string,
  now: () => number = Date.now,
): Authenticator {
  const authenticator: Authenticator = {
    async authenticate(authorization) {
      return (await authenticator.identify(authorization))?.scope;
    },
    async identify(authorization) {
      if (!authorization) return undefined;
      const token = bearerToken(authorization);
      if (!token) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
      const hash = hashToken(token);
      if (hashesEqual(hash, adminTokenHash)) return { scope: { kind: 'admin' }, credential: { id: 'admin', kind: 'admin-bootstrap', name: 'bootstrap admin token' } };
      const sessionId = portalSessionIdOf(token);
      if (sessionId !== undefined) {
        const session = await store.findPortalSession(sessionId);
        if (!session || !hashesEqual(hash, session.tokenHash)) throw new UnauthenticatedError('The token is not valid');
        if (session.revokedAt !== null) throw new UnauthenticatedError('This portal session was revoked: ask the platform for a new link');
        if (session.expiresAt <= now()) throw new UnauthenticatedError('This portal session has expired: ask the platform for a new link');
        return {
          scope: { kind: 'app', applicationId: session.applicationId },
          credential: { id: session.id, kind: 'portal-session', name: `portal session ${session.id}` },
          portalSession: { id: session.id, expiresAt: session.expiresAt },
        };
      }
      const app = await store.findApplicationByKeyHash(hash);
      if (!app) throw new UnauthenticatedError('The token is not valid');
      return { scope: { kind: 'app', applicationId: app.id }, credential: { id: app.id, kind: 'api-key', name: `API key of ${app.name}` } };
    },
  };
  return authenticator;
}

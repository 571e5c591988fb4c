import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Tokens are random, shown once, and stored only as SHA-256 hashes. A fast hash is enough here:
// the tokens carry 256 bits of randomness, so there is nothing to brute-force.

export function newToken(prefix: 'tdk_adm' | 'tdk_app'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time comparison of two token hashes. */
export function hashesEqual(hash: string, storedHash: string): boolean {
  const a = Buffer.from(hash, 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` value, or undefined. */
export function bearerToken(header: string | null | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** Portal session tokens name their session, so the store finds it by ID: `tdk_prt_<session id>.<secret>`. */
const PORTAL_PREFIX = 'tdk_prt_';

export function newPortalToken(sessionId: string): string {
  return `${PORTAL_PREFIX}${sessionId}.${randomBytes(32).toString('base64url')}`;
}

/** The session ID a portal token names, or undefined when the token is not a portal token. */
export function portalSessionIdOf(token: string): string | undefined {
  if (!token.startsWith(PORTAL_PREFIX)) return undefined;
  const dot = token.indexOf('.', PORTAL_PREFIX.length);
  return dot > PORTAL_PREFIX.length ? token.slice(PORTAL_PREFIX.length, dot) : undefined;
}

/**
 * Tokens of named API keys and admin tokens name their record as portal tokens do:
 * `tdk_app_<key id>.<secret>`, `tdk_adm_<admin token id>.<secret>`. Authentication then reads one
 * record by primary key (the only lookup FerretDB indexes) instead of searching by hash. Keys of
 * earlier releases (`tdk_app_<secret>`, no dot) are still found by their unique hash.
 */
export function newNamedToken(prefix: 'tdk_app' | 'tdk_adm', id: string): string {
  return `${prefix}_${id}.${randomBytes(32).toString('base64url')}`;
}

/** The record ID a named token carries (after its `tdk_app_`/`tdk_adm_` prefix), or undefined. */
export function namedTokenIdOf(token: string): string | undefined {
  const match = /^tdk_(?:app|adm)_([a-z]+_[0-9A-Z]{26})\.[A-Za-z0-9_-]+$/.exec(token);
  return match?.[1];
}

import type { ApiKeyRecord, ApiKeyScope, Millis } from './records.js';

// The rules of API keys: when a key stops working, whether a request may mutate, and how often
// its lastUsedAt is written. Pure: the authenticator and use-cases do the reading and writing.

export const API_KEY_SCOPES: readonly ApiKeyScope[] = ['READ', 'WRITE'];

/** rotateApiKey's grace (seconds) when none is given, and the longest one allowed (7 days). */
export const ROTATION_GRACE_DEFAULT_SECONDS = 3600;
export const ROTATION_GRACE_MAX_SECONDS = 7 * 24 * 3600;

/** lastUsedAt is written at most once per this interval per key (a write per request would cost a store write each). */
export const LAST_USED_INTERVAL_MS = 60_000;

/** When the key stops working on its own (expiry, or the end of a rotation's grace); null when it never does. */
export function keyEndsAt(key: Pick<ApiKeyRecord, 'expiresAt' | 'revokedAt'>): Millis | null {
  const ends = [key.expiresAt, key.revokedAt].filter((t): t is Millis => t !== null);
  return ends.length ? Math.min(...ends) : null;
}

export type KeyState = 'ACTIVE' | 'REVOKED' | 'EXPIRED';

/** Whether a key works at `now`: REVOKED once its revocation (or rotation grace) time is reached, EXPIRED once its expiry is. */
export function keyState(key: Pick<ApiKeyRecord, 'expiresAt' | 'revokedAt'>, now: Millis): KeyState {
  if (key.revokedAt !== null && key.revokedAt <= now) return 'REVOKED';
  if (key.expiresAt !== null && key.expiresAt <= now) return 'EXPIRED';
  return 'ACTIVE';
}

/** Whether the scopes allow mutations (WRITE), and queries and subscriptions (READ, implied by WRITE). */
export function allows(scopes: readonly ApiKeyScope[], needed: ApiKeyScope): boolean {
  return scopes.includes('WRITE') || (needed === 'READ' && scopes.includes('READ'));
}

/** Whether an authentication at `now` should write lastUsedAt (the throttle). */
export function lastUsedDue(lastUsedAt: Millis | null, now: Millis): boolean {
  return lastUsedAt === null || now - lastUsedAt >= LAST_USED_INTERVAL_MS;
}

import { hashToken, newNamedToken } from '../auth/tokens.js';
import { API_KEY_SCOPES, keyState, ROTATION_GRACE_DEFAULT_SECONDS, ROTATION_GRACE_MAX_SECONDS } from '../domain/api-keys.js';
import type { ApiKeyRecord, ApiKeyScope, Scope } from '../domain/records.js';
import type { Deps } from '../deps.js';
import { BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type { Page, PageArgs, StoredApiKey } from '../store/ports.js';
import { resolveApplicationId } from './access.js';
import { text } from './validate.js';

// Named API keys of an application: created (the token shown once, only its hash stored),
// revoked, rotated with a grace during which the old token still works. The admin token manages
// any application's keys; an application's key (with WRITE) manages its own application's.
// Ending a key also ends the live connections made with it, on every process ('credential:revoked').

/** The highest per-key rate limit accepted (requests per second). */
export const MAX_KEY_RATE_LIMIT = 100_000;

export interface CreatedApiKey {
  apiKey: ApiKeyRecord;
  key: string;
}

export interface NewKeyInput {
  name: string;
  scopes: readonly ApiKeyScope[];
  expiresAt?: number | null;
  rateLimit?: number | null;
}

/** A key's fields checked and normalised: BAD_USER_INPUT names the first field that is wrong. */
export function keyFields(input: NewKeyInput, now: number): Pick<ApiKeyRecord, 'name' | 'scopes' | 'expiresAt' | 'rateLimit'> {
  const name = text('name', input.name, 256);
  if (input.scopes.length === 0) throw new BadInputError('scopes', `must name at least one scope (${API_KEY_SCOPES.join(', ')})`);
  const scopes = API_KEY_SCOPES.filter((s) => input.scopes.includes(s));
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt !== null && expiresAt <= now) throw new BadInputError('expiresAt', 'must be in the future');
  return { name, scopes, expiresAt, rateLimit: rateLimitOf(input.rateLimit) };
}

export function rateLimitOf(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_KEY_RATE_LIMIT) throw new BadInputError('rateLimit', `must be a whole number of requests per second from 1 to ${MAX_KEY_RATE_LIMIT}, or null for the server default`);
  return value;
}

/** A new key record and its token (nothing stored). */
export function mintApiKey(applicationId: string, fields: Pick<ApiKeyRecord, 'name' | 'scopes' | 'expiresAt' | 'rateLimit'>, now: number): { stored: StoredApiKey; key: string } {
  const id = newId('ApiKey', now);
  const key = newNamedToken('tdk_app', id);
  const stored: StoredApiKey = { id, applicationId, ...fields, createdAt: now, lastUsedAt: null, revokedAt: null, tokenHash: hashToken(key) };
  return { stored, key };
}

const withoutHash = ({ tokenHash: _hash, ...key }: StoredApiKey): ApiKeyRecord => key;

export async function createApiKey(deps: Deps, scope: Scope, input: NewKeyInput & { applicationId?: string | null }): Promise<CreatedApiKey> {
  const applicationId = await resolveApplicationId(deps.store, scope, input.applicationId);
  const now = deps.now();
  const { stored, key } = mintApiKey(applicationId, keyFields(input, now), now);
  await deps.store.createApiKey(stored);
  return { apiKey: withoutHash(stored), key };
}

export async function listApiKeys(deps: Deps, scope: Scope, applicationId: string, page: PageArgs): Promise<Page<ApiKeyRecord>> {
  return deps.store.listApiKeys(scope, applicationId, page);
}

/** A key the caller may manage, or NOT_FOUND (another application's key is exactly as unknown as a missing one). */
async function keyInScope(deps: Deps, scope: Scope, id: string): Promise<ApiKeyRecord> {
  const key = await deps.store.findApiKey(scope, id);
  if (!key) throw new NotFoundError('API key', id);
  return key;
}

/** Ends a key now: its token is refused from the next request on and its live connections close. */
export async function revokeApiKey(deps: Deps, scope: Scope, id: string): Promise<ApiKeyRecord> {
  const now = deps.now();
  const before = await keyInScope(deps, scope, id);
  if (keyState(before, now) === 'REVOKED') throw new ConflictError(`The API key ${id} was revoked already`);
  const key = await deps.store.revokeApiKey(scope, id, now);
  if (!key) throw new NotFoundError('API key', id);
  deps.pubsub.publish('credential:revoked', { id, endsAt: key.revokedAt ?? now, reason: `Forbidden: the API key "${key.name}" was revoked` });
  return key;
}

/**
 * Replaces a key with a new one of the same name, scopes, expiry and rate limit: the old token
 * keeps working for `grace` seconds (default 3600, at most 7 days; 0 ends it now), then stops.
 */
export async function rotateApiKey(deps: Deps, scope: Scope, input: { id: string; grace?: number | null }): Promise<CreatedApiKey & { previous: ApiKeyRecord }> {
  const grace = input.grace ?? ROTATION_GRACE_DEFAULT_SECONDS;
  if (!Number.isInteger(grace) || grace < 0 || grace > ROTATION_GRACE_MAX_SECONDS) {
    throw new BadInputError('grace', `must be a whole number of seconds from 0 to ${ROTATION_GRACE_MAX_SECONDS} (7 days)`);
  }
  const now = deps.now();
  const old = await keyInScope(deps, scope, input.id);
  if (old.revokedAt !== null) throw new ConflictError(`The API key ${old.id} was revoked or rotated already`);
  if (keyState(old, now) === 'EXPIRED') throw new ConflictError(`The API key ${old.id} has expired: create a new key instead`);
  const { stored, key } = mintApiKey(old.applicationId, { name: old.name, scopes: old.scopes, expiresAt: old.expiresAt, rateLimit: old.rateLimit }, now);
  const endsAt = now + grace * 1000;
  const ended = await deps.store.rotateApiKey(scope, old.id, stored, endsAt);
  if (!ended) throw new ConflictError(`The API key ${old.id} was revoked or rotated already`);
  deps.pubsub.publish('credential:revoked', { id: old.id, endsAt, reason: `Forbidden: the API key "${old.name}" was rotated and its grace has ended` });
  return { apiKey: withoutHash(stored), key, previous: ended };
}

import { hashToken, newNamedToken } from '../auth/tokens.js';
import type { AdminScope, AdminTokenRecord } from '../domain/records.js';
import type { Deps } from '../deps.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type { Page, PageArgs } from '../store/ports.js';
import { rateLimitOf } from './api-keys.js';
import { text } from './validate.js';

// Named admin tokens: each person or system that administers the platform gets its own, which can
// be revoked alone. The bootstrap token (TIDINGS_ADMIN_TOKEN, or the generated one) is not one of
// them and is unaffected. Only the hash of a token is stored; it is shown once.

export async function createAdminToken(deps: Deps, _admin: AdminScope, input: { name: string; rateLimit?: number | null }): Promise<{ adminToken: AdminTokenRecord; token: string }> {
  const name = text('name', input.name, 256);
  const rateLimit = rateLimitOf(input.rateLimit);
  const now = deps.now();
  const adminToken: AdminTokenRecord = { id: newId('AdminToken', now), name, rateLimit, createdAt: now, revokedAt: null };
  const token = newNamedToken('tdk_adm', adminToken.id);
  await deps.store.createAdminToken({ ...adminToken, tokenHash: hashToken(token) });
  return { adminToken, token };
}

export function listAdminTokens(deps: Deps, _admin: AdminScope, page: PageArgs): Promise<Page<AdminTokenRecord>> {
  return deps.store.listAdminTokens(page);
}

/** Ends an admin token now (every process refuses it from the next request on; its live connections close). */
export async function revokeAdminToken(deps: Deps, _admin: AdminScope, id: string): Promise<AdminTokenRecord> {
  const before = await deps.store.findAdminToken(id);
  if (!before) throw new NotFoundError('admin token', id);
  if (before.revokedAt !== null) throw new ConflictError(`The admin token ${id} was revoked already`);
  const token = await deps.store.revokeAdminToken(id, deps.now());
  if (!token) throw new NotFoundError('admin token', id);
  deps.pubsub.publish('credential:revoked', { id, endsAt: token.revokedAt ?? deps.now(), reason: `Forbidden: the admin token "${token.name}" was revoked` });
  return token;
}

import { hashToken, newToken } from './tokens.js';
import type { Catalogue } from '../store/ports.js';

export const ADMIN_TOKEN_SETTING = 'admin_token_sha256';

/**
 * The admin token's hash. With TIDINGS_ADMIN_TOKEN set, that token is the admin token. Otherwise one
 * is generated on first start and returned in `generated` so that it can be printed once; only
 * its hash is kept, so it survives restarts and cannot be read back.
 */
export async function ensureAdminToken(store: Pick<Catalogue, 'ensureSetting'>, configured: string | undefined): Promise<{ hash: string; generated?: string }> {
  if (configured) return { hash: hashToken(configured) };
  const candidate = newToken('tdk_adm');
  const stored = await store.ensureSetting(ADMIN_TOKEN_SETTING, hashToken(candidate));
  return stored === hashToken(candidate) ? { hash: stored, generated: candidate } : { hash: stored };
}

import { hashToken, newPortalToken } from '../auth/tokens.js';
import type { Deps } from '../deps.js';
import type { AdminScope, PortalSessionRecord } from '../domain/records.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import { resolveApplicationId } from './access.js';

// Portal sessions: the platform hands one application's developers a link to the console scoped
// to that application. The token acts exactly as the application's key until it expires or is
// revoked; only its hash is stored.

export const PORTAL_PATH = '/portal';
/** Shortest and longest lifetime of a portal session, in seconds. */
export const PORTAL_MIN_SECONDS = 60;
export const PORTAL_MAX_SECONDS = 7 * 24 * 3600;

export interface CreatedPortalSession {
  session: PortalSessionRecord;
  token: string;
  /** The portal page with the token in its fragment (never sent to a server by browsers). */
  url: string;
}

export async function createPortalSession(
  deps: Deps,
  admin: AdminScope,
  input: { applicationId: string; expiresIn?: number | null },
  origin: string | undefined,
): Promise<CreatedPortalSession> {
  const applicationId = await resolveApplicationId(deps.store, admin, input.applicationId);
  const seconds = input.expiresIn ?? 3600;
  if (!Number.isInteger(seconds) || seconds < PORTAL_MIN_SECONDS || seconds > PORTAL_MAX_SECONDS) {
    throw new BadInputError('expiresIn', `must be a whole number of seconds from ${PORTAL_MIN_SECONDS} to ${PORTAL_MAX_SECONDS} (7 days)`);
  }
  const now = deps.now();
  const session: PortalSessionRecord = { id: newId('PortalSession', now), applicationId, expiresAt: now + seconds * 1000, revokedAt: null, createdAt: now };
  const token = newPortalToken(session.id);
  await deps.store.createPortalSession({ ...session, tokenHash: hashToken(token) });
  return { session, token, url: `${origin ?? ''}${PORTAL_PATH}#token=${encodeURIComponent(token)}` };
}

/** Ends a portal session now: its token is refused from the next request on. */
export async function revokePortalSession(deps: Deps, _admin: AdminScope, id: string): Promise<PortalSessionRecord> {
  const session = await deps.store.revokePortalSession(id, deps.now());
  if (!session) throw new NotFoundError('portal session', id);
  deps.pubsub.publish('credential:revoked', { id: session.id, endsAt: session.revokedAt ?? deps.now(), reason: 'Forbidden: the portal session was revoked' });
  return session;
}

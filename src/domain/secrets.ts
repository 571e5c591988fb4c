import type { EndpointSecret, Millis } from './records.js';

/** Secrets that sign now: the current one plus rotated-out ones still in their grace period. */
export function secretsInForce(secrets: readonly EndpointSecret[], now: Millis): EndpointSecret[] {
  return secrets.filter((s) => s.expiresAt === null || s.expiresAt > now);
}

/**
 * The secrets after a rotation: `secret` becomes the current one; those still in force keep
 * signing until the grace period ends (or their own earlier end); expired ones are dropped.
 */
export function rotatedSecrets(secrets: readonly EndpointSecret[], secret: string, now: Millis, graceMs: Millis): EndpointSecret[] {
  const graceEnds = now + graceMs;
  const previous = secretsInForce(secrets, now).map((s) => ({ secret: s.secret, expiresAt: s.expiresAt === null ? graceEnds : Math.min(s.expiresAt, graceEnds) }));
  return [{ secret, expiresAt: null }, ...previous];
}

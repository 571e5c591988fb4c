import { assertPublicTarget, BlockedTargetError, UnresolvableTargetError } from '../delivery/ssrf-guard.js';
import { BadInputError } from '../errors.js';

/** Trimmed text of `min`..`max` characters, or a BAD_USER_INPUT naming the field. */
export function text(field: string, value: string, max: number, min = 1): string {
  const trimmed = value.trim();
  if (trimmed.length < min) throw new BadInputError(field, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
  if (trimmed.length > max) throw new BadInputError(field, `must be at most ${max} characters (got ${trimmed.length})`);
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : text(field, trimmed, max);
}

export const MAX_URL_LENGTH = 2048;

/** An absolute http(s) URL without credentials; where it points is checked by webhookTargetAllowed. */
export function webhookUrl(field: string, value: string): string {
  const raw = value.trim();
  if (raw.length > MAX_URL_LENGTH) throw new BadInputError(field, `must be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BadInputError(field, `"${raw}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new BadInputError(field, 'must use http or https');
  if (url.username || url.password) throw new BadInputError(field, 'must not contain credentials; receivers verify the signature instead');
  return url.toString();
}

/**
 * Refuses a URL on a loopback, private, link-local or other non-public address, or whose host name
 * does not resolve, unless private targets are allowed (then nothing is looked up: local names may
 * come later). The SSRF guard's own rule; it is applied again to every connection at send time.
 */
export async function webhookTargetAllowed(field: string, url: string, allowPrivateTargets: boolean): Promise<void> {
  if (allowPrivateTargets) return;
  try {
    await assertPublicTarget(new URL(url));
  } catch (err) {
    if (err instanceof BlockedTargetError) throw new BadInputError(field, err.message);
    if (err instanceof UnresolvableTargetError) throw new BadInputError(field, `${err.message}; give a host name that resolves, or an IP address`);
    throw err;
  }
}

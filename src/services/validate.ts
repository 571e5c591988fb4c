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

/** An absolute http(s) URL without credentials; where it points is checked at send time (SSRF guard). */
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

// What an application's metadata may hold: the platform's own labels (a customer ID, a plan), a
// flat JSON object of string values, small enough to show in a list. The same limits as the
// metadata of the services Tidings is modelled on (Stripe: 50 keys, 40-character keys, 500-character values).

export const METADATA_MAX_KEYS = 50;
export const METADATA_MAX_KEY_LENGTH = 40;
export const METADATA_MAX_VALUE_LENGTH = 500;

/** Why a metadata value is refused, or null when it is a valid metadata object. */
export function metadataProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'must be a JSON object of string values';
  const entries = Object.entries(value);
  if (entries.length > METADATA_MAX_KEYS) return `may hold at most ${METADATA_MAX_KEYS} keys (got ${entries.length})`;
  for (const [key, v] of entries) {
    if (key.length === 0 || key.length > METADATA_MAX_KEY_LENGTH) return `keys must be 1 to ${METADATA_MAX_KEY_LENGTH} characters ("${key.slice(0, 60)}")`;
    if (typeof v !== 'string') return `values must be strings ("${key}" is ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v})`;
    if (v.length > METADATA_MAX_VALUE_LENGTH) return `values must be at most ${METADATA_MAX_VALUE_LENGTH} characters ("${key}" has ${v.length})`;
  }
  return null;
}

/** The failureReason of the unfinished deliveries of an application that was deleted. */
export const DELETED_APPLICATION_REASON = 'application deleted before the delivery completed';

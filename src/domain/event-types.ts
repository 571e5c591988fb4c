// Endpoint subscriptions to event types: exact names, `prefix.*` wildcards and `*`.

export const ALL_EVENT_TYPES = '*';

/** Event type names: dot-separated segments of letters, digits, `_` and `-` (e.g. `order.created`). */
export const EVENT_TYPE_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/** A pattern is an exact name, `*`, or an exact name's prefix followed by `.*`. */
export function isWildcard(pattern: string): boolean {
  return pattern === ALL_EVENT_TYPES || pattern.endsWith('.*');
}

export function isValidPattern(pattern: string): boolean {
  if (pattern === ALL_EVENT_TYPES) return true;
  const name = pattern.endsWith('.*') ? pattern.slice(0, -2) : pattern;
  return name.length > 0 && name.length <= 256 && EVENT_TYPE_NAME.test(name);
}

export function matchesEventType(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => p === ALL_EVENT_TYPES || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));
}

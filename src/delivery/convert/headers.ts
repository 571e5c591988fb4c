// Extra request headers (an endpoint's `headers`, or a transform's): names that would break the
// request or its signature are refused, so the format and the signer always have the last word.

const FORBIDDEN = new Set([
  'host', 'content-length', 'content-type', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade',
  'te', 'trailer', 'expect', 'cookie', 'date',
]);
const FORBIDDEN_PREFIXES = ['webhook-', 'ce-', 'tidings-', 'proxy-', 'sec-'];

/** Why `name: value` cannot be an extra header, or null when it can. */
export function headerProblem(name: string, value: string): string | null {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,128}$/.test(name)) return `"${name}" is not a valid header name`;
  const lower = name.toLowerCase();
  if (FORBIDDEN.has(lower) || FORBIDDEN_PREFIXES.some((p) => lower.startsWith(p))) {
    return `"${name}" is set by Tidings (the request, its format or its signature); it cannot be set per endpoint (refused: ${[...FORBIDDEN].join(', ')}, ${FORBIDDEN_PREFIXES.map((p) => `${p}*`).join(', ')})`;
  }
  if (value.length > 4096 || /[\r\n\0]/.test(value)) return `the value of "${name}" must be at most 4096 characters with no line breaks`;
  return null;
}

/** Most extra headers one request may carry. */
export const MAX_EXTRA_HEADERS = 32;

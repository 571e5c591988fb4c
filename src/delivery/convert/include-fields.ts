// includeFields: keep only the listed dotted paths of the event's data (Shopify's projection).
// Objects keep the listed keys in their own order; a path through an array applies to each of its
// elements; a path that runs into a value that is not an object keeps nothing. Data that is not an
// object is left as it is.

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function includeFields(data: unknown, paths: readonly string[]): unknown {
  if (!isPlainObject(data)) return data;
  return project(data, paths.map((p) => p.split('.')));
}

function project(value: unknown, paths: string[][]): unknown {
  if (Array.isArray(value)) return value.map((v) => project(v, paths)).filter((v) => v !== undefined);
  if (!isPlainObject(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const here = paths.filter((p) => p[0] === key);
    if (here.length === 0) continue;
    if (here.some((p) => p.length === 1)) {
      out[key] = child;
      continue;
    }
    const kept = project(child, here.map((p) => p.slice(1)));
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}

/** A valid dotted path: non-empty segments of letters, digits, `_`, `-`, `$` or `@`, at most 32 deep. */
export function isFieldPath(path: string): boolean {
  const parts = path.split('.');
  return path.length <= 256 && parts.length <= 32 && parts.every((p) => /^[A-Za-z0-9_\-$@]+$/.test(p));
}

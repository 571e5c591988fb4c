import { BadInputError } from '../errors.js';

// Rules for JSON values received from clients. Both walk the value with an explicit stack instead
// of recursion, so a value nested thousands of levels deep cannot overflow the call stack here.

/**
 * Whether two JSON values are the same value: object key order does not matter, list order does.
 * Prototypes are ignored (the JSON scalar builds inline literal objects with a null prototype,
 * variables arrive as plain objects; both are the same JSON). Meant for values that went through
 * JSON.parse, so only null, booleans, numbers, strings, lists and objects occur.
 */
export function sameJsonValue(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  while (pending.length > 0) {
    const [x, y] = pending.pop()!;
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x)) {
      const ys = y as unknown[];
      if (x.length !== ys.length) return false;
      for (let i = 0; i < x.length; i++) pending.push([x[i], ys[i]]);
      continue;
    }
    const xo = x as Record<string, unknown>;
    const yo = y as Record<string, unknown>;
    const keys = Object.keys(xo);
    if (keys.length !== Object.keys(yo).length) return false;
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(yo, key)) return false;
      pending.push([xo[key], yo[key]]);
    }
  }
  return true;
}

/**
 * Refuses a JSON value nested deeper than `maxDepth` lists/objects (a scalar is depth 0, `{}` and
 * `[]` depth 1), before anything recursive (JSON.stringify, ajv, the store) touches it.
 * Stops at the first level past the limit, so a huge value costs no more than its allowed part.
 */
export function assertJsonDepth(field: string, value: unknown, maxDepth: number): void {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth + 1 > maxDepth) {
      throw new BadInputError(field, `is nested more than ${maxDepth} levels deep (lists and objects); the limit is set by TIDINGS_MAX_JSON_DEPTH`, {
        maxDepth,
      });
    }
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
  }
}

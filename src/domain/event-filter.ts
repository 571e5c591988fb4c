import siftModule from 'sift';

// sift is CommonJS: under Node's ESM interop its default export is the module object.
const sift = siftModule.default;

// Endpoint filters: a condition on an event's data in a subset of the MongoDB query language,
// evaluated by sift (https://github.com/crcn/sift.js). Only the operators below are accepted, so a
// filter means the same thing to a reader of the MongoDB manual and can be checked when it is set.

/** The operators a filter may use; anything else starting with `$` is refused when the filter is set. */
export const FILTER_OPERATORS = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists', '$and', '$or', '$not', '$regex', '$options'] as const;

const ALLOWED = new Set<string>(FILTER_OPERATORS);
const LOGICAL = new Set(['$and', '$or']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why `filter` is not a valid filter (naming the bad operator or path), or null when it is. A filter
 * is an object of dotted paths (or `$and`/`$or` lists of filters) to values or operator objects.
 */
export function filterProblem(filter: unknown, at = 'filter'): string | null {
  if (!isPlainObject(filter)) return `${at} must be an object of field paths and conditions`;
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$')) {
      if (!LOGICAL.has(key)) return ALLOWED.has(key) ? `${at}: ${key} must be used on a field path` : unsupported(key, at);
      if (!Array.isArray(value) || value.length === 0) return `${at}: ${key} takes a non-empty list of conditions`;
      for (let i = 0; i < value.length; i++) {
        const problem = filterProblem(value[i], `${at}.${key}[${i}]`);
        if (problem) return problem;
      }
      continue;
    }
    if (key === '' || key.split('.').some((part) => part === '')) return `${at}: "${key}" is not a dotted field path`;
    const problem = conditionProblem(value, `${at}.${key}`);
    if (problem) return problem;
  }
  try {
    sift(filter as never);
  } catch (err) {
    return `${at}: ${(err as Error).message}`;
  }
  return null;
}

/** A field's condition: a value to equal, or an object of operators (`$not` wraps another condition). */
function conditionProblem(value: unknown, at: string): string | null {
  if (!isPlainObject(value)) return null;
  const keys = Object.keys(value);
  if (!keys.some((k) => k.startsWith('$'))) return null; // an object to compare equal
  for (const key of keys) {
    if (!key.startsWith('$')) return `${at}: "${key}" cannot be mixed with operators`;
    if (!ALLOWED.has(key) || LOGICAL.has(key)) return unsupported(key, at);
    const operand = value[key];
    if ((key === '$in' || key === '$nin') && !Array.isArray(operand)) return `${at}: ${key} takes a list`;
    if (key === '$exists' && typeof operand !== 'boolean') return `${at}: $exists takes true or false`;
    if (key === '$regex' && typeof operand !== 'string') return `${at}: $regex takes a string`;
    if (key === '$options' && (typeof operand !== 'string' || !/^[imsu]*$/.test(operand))) return `${at}: $options takes regex flags among "imsu"`;
    if (key === '$not') {
      if (!isPlainObject(operand)) return `${at}: $not takes an object of operators`;
      const problem = conditionProblem(operand, `${at}.$not`);
      if (problem) return problem;
    }
  }
  if ('$options' in value && !('$regex' in value)) return `${at}: $options needs $regex`;
  return null;
}

function unsupported(operator: string, at: string): string {
  return `${at}: operator ${operator} is not supported (supported: ${FILTER_OPERATORS.filter((o) => o !== '$options').join(' ')})`;
}

/** A checked filter as a predicate on event data. */
export function compileFilter(filter: Record<string, unknown>): (data: unknown) => boolean {
  const test = sift(filter as never);
  return (data) => test(data as never);
}

import type { FuzzRequest } from './generate.js';
import type { Answer } from './send.js';

// What every answer must be, whatever was asked: no 5xx, only known error codes, nothing of the
// implementation (stack traces, file paths, SQL or MongoDB errors), no other tenant's records.

/** Codes an answer may carry: the domain's (src/errors.ts) and GraphQL's and yoga's for requests. */
export const ALLOWED_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
]);

/** Text no answer may contain: how the server is built, or a masked failure. */
const INTERNALS: readonly [RegExp, string][] = [
  [/\bat (?:async )?[\w$.<>]+ \(/, 'a stack trace'],
  [/\bat (?:file|node):\/\//, 'a stack trace'],
  [/(?:\/|\\)(?:src|node_modules|work|home|tmp)(?:\/|\\)[\w./-]+\.(?:ts|js|mjs|cjs)\b/, 'a file path'],
  [/\.(?:ts|js):\d+:\d+/, 'a source location'],
  [/SQLITE_[A-Z]+|SqliteError|no such (?:table|column)|near "[^"]*": syntax error/i, 'SQLite error text'],
  [/MongoServerError|MongoError|E11000|BSON|\$[a-z]+ is not (?:allowed|valid)/, 'MongoDB error text'],
  [/Unexpected error/i, 'a masked "Unexpected error"'],
  [/INTERNAL_SERVER_ERROR/, 'INTERNAL_SERVER_ERROR'],
  [/Maximum call stack size exceeded|RangeError|TypeError|ReferenceError|Cannot read propert/, 'a JavaScript error'],
];

/** The tenants' record ids at the time of the check. */
export interface Tenancy {
  own: Set<string>;
  foreign: Set<string>;
}

function idsIn(text: string, ids: Set<string>): string[] {
  const found: string[] = [];
  for (const id of ids) if (text.includes(id)) found.push(id);
  return found;
}

export function problemsOf(req: FuzzRequest, answer: Answer, requestText: string, tenancy: Tenancy): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  if (answer.closeCode !== undefined && (answer.closeCode === 1011 || answer.closeCode === 4500)) problems.push(`WebSocket closed with ${answer.closeCode}`);
  for (const result of answer.results) {
    for (const error of result.errors ?? []) {
      const code = error.extensions?.code;
      if (!code || !ALLOWED_CODES.has(code)) problems.push(`error code ${JSON.stringify(code)}: ${String(error.message).slice(0, 300)}`);
    }
  }
  for (const [pattern, what] of INTERNALS) {
    // An answer may repeat the request's own strings (e.g. "… was not found"): judge only what is new.
    const match = answer.text.match(pattern);
    if (match && !requestText.includes(match[0])) problems.push(`${what} in the answer: ${JSON.stringify(answer.text.slice(Math.max(0, (match.index ?? 0) - 150), (match.index ?? 0) + 150))}`);
  }
  const others = req.caller === 'own' ? [tenancy.foreign] : req.caller === 'foreign' ? [tenancy.own] : req.caller === 'admin' ? [] : [tenancy.own, tenancy.foreign];
  for (const ids of others) {
    for (const result of answer.results) {
      const leaked = idsIn(JSON.stringify(result.data ?? null), ids);
      if (leaked.length) problems.push(`another tenant's records in the data answered to the ${req.caller} caller: ${leaked.join(', ')}`);
      const inErrors = idsIn(JSON.stringify(result.errors ?? []), ids).filter((id) => !requestText.includes(id));
      if (inErrors.length) problems.push(`another tenant's records in the errors answered to the ${req.caller} caller: ${inErrors.join(', ')}`);
    }
  }
  return problems;
}

import jsonata from 'jsonata';
import type { HeaderRecord } from '../../domain/records.js';
import { headerProblem, MAX_EXTRA_HEADERS } from './headers.js';

// transform: a JSONata expression (https://jsonata.org) computing the body of an endpoint's requests
// from `{ event: { id, type, timestamp, data, channels }, endpoint: { id, url } }`. It returns the
// body, or `{ body, headers }` to add headers too. Evaluation has a time and a depth budget, so a
// runaway expression fails its attempt instead of holding a worker.

/** Longest one evaluation may run, and deepest it may nest (JSONata's own guardrails). */
export const TRANSFORM_BUDGET = { timeoutMs: 200, stack: 250 };
/** Longest expression accepted. */
export const MAX_TRANSFORM_LENGTH = 16_384;

export class TransformSyntaxError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
  }
}

export interface TransformInput {
  event: { id: string; type: string; timestamp: string; data: unknown; channels: string[] };
  endpoint: { id: string; url: string };
}

export interface TransformResult {
  body: unknown;
  headers: HeaderRecord[];
}

type Expression = ReturnType<typeof jsonata>;
// Compiled expressions by text: most attempts use an expression compiled before. Bounded, oldest out.
const compiled = new Map<string, Expression>();
const CACHE_SIZE = 256;

/** Compiles the expression; throws TransformSyntaxError with JSONata's message and the character position. */
export function compileTransform(text: string): Expression {
  const cached = compiled.get(text);
  if (cached) return cached;
  let expression: Expression;
  try {
    expression = jsonata(text, { timeout: TRANSFORM_BUDGET.timeoutMs, stack: TRANSFORM_BUDGET.stack } as never);
  } catch (err) {
    const e = err as { message?: string; position?: number };
    throw new TransformSyntaxError(e.message ?? String(err), e.position ?? 0);
  }
  if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
  compiled.set(text, expression);
  return expression;
}

/** Evaluates the transform; throws an Error saying why it failed (evaluation error, budget, bad result). */
export async function runTransform(text: string, input: TransformInput): Promise<TransformResult> {
  let result: unknown;
  try {
    result = await compileTransform(text).evaluate(input);
  } catch (err) {
    const e = err as { message?: string; code?: string; position?: number };
    throw new Error(`transform failed${e.code ? ` (${e.code}` + (e.position !== undefined ? ` at position ${e.position})` : ')') : ''}: ${e.message ?? String(err)}`);
  }
  if (result === undefined) throw new Error('transform returned nothing (undefined) for this event');
  if (isEnvelope(result)) {
    const headers = Object.entries(result.headers ?? {}).map(([name, value]) => ({ name: name.toLowerCase(), value }));
    if (headers.length > MAX_EXTRA_HEADERS) throw new Error(`transform returned more than ${MAX_EXTRA_HEADERS} headers`);
    for (const h of headers) {
      if (typeof h.value !== 'string') throw new Error(`transform returned a non-string value for header "${h.name}"`);
      const problem = headerProblem(h.name, h.value);
      if (problem) throw new Error(`transform returned a header Tidings refuses: ${problem}`);
    }
    if (result.body === undefined) throw new Error('transform returned { headers } without a body');
    return { body: result.body, headers: headers as HeaderRecord[] };
  }
  return { body: result, headers: [] };
}

/** `{ body, headers }` (both, or body alone with headers): the form that sets headers too. */
function isEnvelope(v: unknown): v is { body: unknown; headers?: Record<string, unknown> } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  const headers = (v as { headers?: unknown }).headers;
  return keys.includes('body') && keys.includes('headers') && keys.length === 2 && typeof headers === 'object' && headers !== null && !Array.isArray(headers);
}

import type http from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getOperationAST, GraphQLError, type DocumentNode, type ExecutionResult } from 'graphql';
import { processRegularResult, type YogaServerInstance } from 'graphql-yoga';
import type { Context } from './context.js';

// POST /graphql with a JSON body is the API's hot path (every publishEvent). This runs it on
// yoga's own envelop (the same plugins: parse and validation caches, GraphQL Armor, error
// masking, and yoga's own result processor for status and body) but without yoga's Fetch API
// layer: measured in-process, yoga.fetch took ~300 µs for `{ eventTypes { name } }` and the
// envelop path ~40 µs. Whatever is not a plain query or mutation that parses, validates and gets
// a context is handed to yoga with the body already read, so yoga answers every error case as it
// always does; nothing has executed by then.

type Yoga = YogaServerInstance<{ connectionParams?: Record<string, unknown> }, Context>;

/** Yoga's default maxRequestBodySize; bigger bodies go to yoga, which refuses them. */
const MAX_BODY_BYTES = 25_000_000;

/** The media type yoga's result processors would answer with, when it is a regular (non-streaming) one. */
function regularMediaType(accept: string | undefined): string | undefined {
  // Mirrors yoga's useResultProcessors: accepted types in reverse order, processors in the order
  // SSE, multipart, regular, media types of each in order; the last match wins.
  const requested = (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')
    .filter((entry) => (entry.split(';').slice(1).find((p) => p.includes('charset=')) ?? 'charset=utf-8') === 'charset=utf-8')
    .map((entry) => entry.split(';')[0]!)
    .reverse();
  const matches = (processorType: string, requestedType: string) => {
    const [askedPre, askedSuf] = processorType.split('/');
    const [pre, suf] = requestedType.split('/');
    return (pre === '*' || pre === askedPre) && (suf === '*' || suf === askedSuf);
  };
  let chosen: string | undefined;
  for (const processorTypes of [['text/event-stream'], ['multipart/mixed'], ['application/graphql-response+json', 'application/json']]) {
    for (const requestedType of requested) {
      for (const processorType of processorTypes) if (matches(processorType, requestedType)) chosen = processorType;
    }
  }
  return chosen === 'application/json' || chosen === 'application/graphql-response+json' ? chosen : undefined;
}

interface Params { query: string; variables?: Record<string, unknown> | null; operationName?: string | null; extensions?: Record<string, unknown> | null }

function asParams(body: Buffer): Params | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const p = value as Record<string, unknown>;
  const isObject = (v: unknown) => v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v));
  const known = new Set(['query', 'variables', 'operationName', 'extensions']);
  if (typeof p.query !== 'string' || !isObject(p.variables) || !isObject(p.extensions) || Object.keys(p).some((k) => !known.has(k))) return undefined;
  if (p.operationName !== undefined && p.operationName !== null && typeof p.operationName !== 'string') return undefined;
  return p as unknown as Params;
}

/** Whether the request can take the fast path at all, judged from its headers alone. */
function eligible(req: http.IncomingMessage): string | undefined {
  if (req.method !== 'POST' || !/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return undefined;
  // Browsers send Origin, and yoga answers them with its CORS headers: theirs is yoga's path.
  if (req.headers.origin !== undefined) return undefined;
  const length = Number(req.headers['content-length']);
  if (!Number.isInteger(length) || length > MAX_BODY_BYTES) return undefined;
  return regularMediaType(req.headers.accept);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Yoga's answer for a request whose body was already read. It is streamed, not buffered: a
 * subscription (Accept: *\/* gets SSE) is an answer that does not end, and a client that goes
 * away cancels it, which ends the subscription.
 */
async function viaYoga(yoga: Yoga, req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  const response = await yoga.fetch(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: 'POST', headers, body: body as unknown as string, signal: gone.signal }, { req, res } as never);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  res.flushHeaders();
  // A premature close is the client going away: pipeline has cancelled the stream, nothing to report.
  // (yoga's body is its own ReadableStream implementation, iterable but not one Readable.fromWeb takes.)
  await pipeline(Readable.from(response.body as unknown as AsyncIterable<Uint8Array>, { objectMode: false }), res).catch(() => {});
}

/** The parts of a Fetch Response that yoga's result processor sets, captured instead of built. */
class CapturedResponse {
  constructor(readonly body: string, readonly init: { status: number; headers: Record<string, string> }) {}
}

/** Answers POST /graphql: on the fast path when it can, else through yoga. */
export async function handleGraphqlPost(yoga: Yoga, req: http.IncomingMessage, res: http.ServerResponse, counters: { fastPath: number }): Promise<void> {
  const mediaType = eligible(req);
  if (!mediaType) return void yoga.handle(req, res);
  const body = await readBody(req);
  const params = asParams(body);
  if (!params) return viaYoga(yoga, req, res, body);

  // The request as far as the plugins and our context function look at it.
  const header = (name: string) => {
    const value = req.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  };
  const request = { method: 'POST', url: req.url, headers: { get: header, has: (name: string) => header(name) !== null } };
  const { parse, validate, contextFactory, execute, schema } = yoga.getEnveloped({ request, params, req, res } as never);
  let document: DocumentNode;
  let contextValue: Context;
  try {
    document = parse(params.query);
    const operation = getOperationAST(document, params.operationName ?? undefined);
    if (!operation || operation.operation === 'subscription' || validate(schema, document).length > 0) return viaYoga(yoga, req, res, body);
    contextValue = (await contextFactory()) as Context;
  } catch (err) {
    // A refused caller (not authenticated, over the rate limit: a domain error, which yoga's
    // contextFactory hands over already masked, with its code) is answered here as yoga would, not
    // by yoga, which would build the context again (and count the request against the limit twice).
    if (err instanceof GraphQLError && typeof err.extensions.code === 'string') return answer(res, { errors: [err] }, mediaType);
    return viaYoga(yoga, req, res, body);
  }

  counters.fastPath++;
  const result = (await execute({
    schema,
    document,
    contextValue,
    variableValues: params.variables ?? undefined,
    operationName: params.operationName ?? undefined,
  })) as ExecutionResult;
  await answer(res, result, mediaType);
}

/** Writes `result` as yoga's result processor would answer it (status, headers, body). */
async function answer(res: http.ServerResponse, result: ExecutionResult, mediaType: string): Promise<void> {
  const response = (await processRegularResult(result as never, { Response: CapturedResponse } as never, mediaType)) as unknown as CapturedResponse;
  res.writeHead(response.init.status, response.init.headers);
  res.end(response.body);
}

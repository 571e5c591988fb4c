import type http from 'node:http';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// Every answer that is not a success carries `{"errors":[{message, extensions.code}]}`, with a
// message a person can act on. Yoga answers some cases with an empty body (404, 406, 415), one
// with a 500 (query-string variables that are not JSON), and leaves graphql-js's variable
// coercion errors without a code; this plugin fills those gaps. It runs on yoga's envelop, so the
// fast POST path (fast-post.ts) gives the same answers.

/** Request-level problems keep yoga's code for them (it answers malformed bodies with BAD_REQUEST). */
type AnswerCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'INTERNAL_SERVER_ERROR';

export function errorBody(code: AnswerCode, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

function errorResponse(fetchAPI: { Response: typeof Response }, status: number, code: AnswerCode, message: string, headers: Record<string, string> = {}): Response {
  return new fetchAPI.Response(errorBody(code, message), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

/** The same error answer from the hand-written routes of app.ts (no Fetch API there). */
export function writeErrorAnswer(res: http.ServerResponse, status: number, code: AnswerCode, message: string): void {
  if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(errorBody(code, message));
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> & { return?: () => unknown } =>
  typeof (value as { [Symbol.asyncIterator]?: unknown } | null)?.[Symbol.asyncIterator] === 'function';

/**
 * graphql-js answers a request whose variables cannot be coerced (or whose operation cannot be
 * chosen) with errors and no `data` at all, before anything runs: always the caller's input.
 */
function withInputCodes(result: ExecutionResult): ExecutionResult | undefined {
  if ('data' in result || !result.errors?.some((e) => e.extensions?.code === undefined)) return undefined;
  const errors = result.errors.map((e) =>
    e.extensions?.code !== undefined
      ? e
      : new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, originalError: e.originalError, extensions: { ...e.extensions, code: 'BAD_USER_INPUT' } }),
  );
  return { ...result, errors };
}

/** An error thrown while reading the request's parameters, as the 400 it is. */
function asBadRequest(err: unknown, url: URL): GraphQLError {
  if (err instanceof GraphQLError) {
    // Yoga repeats the JSON parser's message in extensions.originalError; the message says it.
    // (Its `http.spec` flag would turn the status into 200 for Accept: application/json.)
    const { originalError: _repeated, http, ...extensions } = err.extensions as { http?: { spec?: boolean; status?: number }; [key: string]: unknown };
    const { spec: _spec, ...httpWithoutSpec } = http ?? {};
    return new GraphQLError(err.message, { extensions: { ...extensions, code: extensions.code ?? 'BAD_REQUEST', http: { ...httpWithoutSpec, status: http?.status ?? 400 } } });
  }
  // Yoga's query-string parser calls JSON.parse on `variables` and `extensions` unguarded.
  const notJson = ['variables', 'extensions'].find((name) => {
    const value = url.searchParams.get(name);
    if (!value) return false;
    try {
      JSON.parse(value);
      return false;
    } catch {
      return true;
    }
  });
  const message = notJson ? `The "${notJson}" parameter is not valid JSON.` : 'The "variables" or "extensions" parameter is not valid JSON.';
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

export function useErrorAnswers(graphqlPath: string): Plugin {
  return {
    // graphql-js parses recursively: a document nested a few thousand levels (within the token
    // limit, e.g. `[[[[...]]]]`) overflows the stack. That is the caller's malformed input.
    onParse: ({ parseFn, setParseFn }) => {
      setParseFn((source, options) => {
        try {
          return parseFn(source, options);
        } catch (err) {
          if (!(err instanceof RangeError)) throw err;
          throw new GraphQLError('Syntax Error: the document is nested too deeply to parse; nest lists and objects less deeply.', {
            extensions: { code: 'GRAPHQL_PARSE_FAILED', http: { status: 400 } },
          });
        }
      });
    },
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        const coded = isAsyncIterable(result) ? undefined : withInputCodes(result);
        if (coded) setResult(coded);
      },
    }),
    onSubscribe: () => ({
      onSubscribeResult: ({ result, setResult }) => {
        const coded = isAsyncIterable(result) ? undefined : withInputCodes(result);
        if (coded) setResult(coded);
      },
    }),
    onRequestParse: ({ request, requestParser, setRequestParser, endResponse, fetchAPI, url }) => {
      // Other methods are left to yoga, which answers them with 405 and a JSON body.
      if (!requestParser && request.method === 'POST') {
        endResponse(errorResponse(fetchAPI, 415, 'BAD_REQUEST', 'Unsupported content type: send the GraphQL request as JSON with "Content-Type: application/json" (or use GET with a query string).'));
        return;
      }
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (err) {
          throw asBadRequest(err, url);
        }
      });
    },
    onResultProcess: ({ result, resultProcessor, setResultProcessor }) => {
      if (resultProcessor) return;
      // Yoga has already subscribed by now; nobody will read this stream, so end it.
      const subscription = isAsyncIterable(result);
      if (subscription) void Promise.resolve(result.return?.()).catch(() => {});
      const message = subscription
        ? 'A subscription is answered as a stream of events: send "Accept: text/event-stream" (GraphQL over SSE), or subscribe over graphql-ws on the same path.'
        : 'None of the media types in the Accept header can be answered: send "Accept: application/graphql-response+json" or "Accept: application/json".';
      const accept = subscription ? 'text/event-stream' : 'application/graphql-response+json, application/json';
      setResultProcessor((_result, fetchAPI) => errorResponse(fetchAPI, 406, 'BAD_REQUEST', message, { accept }), 'application/json');
    },
    onResponse: ({ response, setResponse, fetchAPI, request }) => {
      // Yoga's answer to a path it does not serve has no body.
      if (response.status === 404 && !response.headers.get('content-type')) {
        const path = new URL(request.url, 'http://localhost').pathname;
        setResponse(errorResponse(fetchAPI, 404, 'NOT_FOUND', `Nothing at ${path}: the GraphQL API (and GraphiQL, in a browser) is at ${graphqlPath}.`));
      }
    },
  };
}

import type http from 'node:http';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type DocumentNode, type ExecutionResult, type ValidationContext } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Authenticator } from '../auth/authenticator.js';
import type { Deps } from '../deps.js';
import type { Logger } from '../log.js';
import { RateLimitedError, UnauthenticatedError } from '../errors.js';
import { pushResultsTo, useSharedSubscriptionExecution } from '../live/shared-execution.js';
import { nextSender, writtenToSocket } from './ws-frames.js';
import { CredentialWatch, useCredentialWatch } from './credential-watch.js';
import type { Context } from './context.js';
import { useMetrics } from '../http/metrics.js';
import { useErrorAnswers, writeErrorAnswer } from './error-answers.js';
import { handleGraphqlPost } from './fast-post.js';
import { graphiqlOptions, readGraphiQLPage } from './graphiql.js';
import { errorMasker } from './mask-errors.js';
import { ApiLimits, TOO_MANY_CONNECTIONS } from './rate-limits.js';
import { schema } from './schema/index.js';

// The GraphQL server: yoga (HTTP, SSE, GraphiQL) with GraphQL Armor and our plugins, the fast POST
// path on yoga's envelop, and graphql-ws on the same path.

export const GRAPHQL_PATH = '/graphql';

/**
 * The origin a request was addressed to. Yoga's requests carry a full URL; the fast POST path's
 * only the path, so the Host header says it (Tidings itself serves plain HTTP).
 */
function originOf(request: { url: string; headers: { get(name: string): string | null } } | undefined): string | undefined {
  if (!request) return undefined;
  if (/^https?:\/\//.test(request.url)) return new URL(request.url).origin;
  const host = request.headers.get('host');
  return host ? `http://${host}` : undefined;
}

export interface GraphqlServer {
  /** Answers an HTTP request (`path` is its URL without the query): GraphQL, GraphiQL, or a JSON 404. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, path: string): void;
  /** Serves graphql-ws on the http server's GRAPHQL_PATH; returns how to close every socket. */
  attachWebSockets(server: http.Server): { close(): Promise<void> };
  /** Requests of this process by the path that answered them (the parity test reads it). */
  counters: { fastPath: number };
}

export function createGraphqlServer(deps: Deps, auth: Authenticator, log: Logger): GraphqlServer {
  const { config } = deps;
  // Armor throws its rejections out of validation by default, which skips yoga's marking of
  // validation errors; reported as validation errors instead, they get GRAPHQL_VALIDATION_FAILED
  // and HTTP 400 like any other. (The token limit is checked while parsing and is answered as a
  // parse error, GRAPHQL_PARSE_FAILED.)
  const asValidationError = { propagateOnRejection: false, onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(err)] };
  const armor = new EnvelopArmor({
    maxDepth: { n: config.graphqlMaxDepth, ...asValidationError },
    maxAliases: { n: config.graphqlMaxAliases, ...asValidationError },
    maxTokens: { n: config.graphqlMaxTokens },
    costLimit: { maxCost: config.graphqlMaxCost, ...asValidationError },
    maxDirectives: { ...asValidationError },
    // Introspection is on, so "Did you mean ..." suggestions reveal nothing new and help people.
    blockFieldSuggestion: { enabled: false },
  });

  // Live connections end with their credential (revocation on any process, expiry, rotation grace).
  const credentials = new CredentialWatch(deps.pubsub, () => deps.now());
  const limits = new ApiLimits(config, deps.store, deps.now);
  const maskError = errorMasker(log);
  // Pushed results (pushResultsTo) skip yoga's masking, which wraps the results' iterator: their
  // errors are masked here, once per result its subscribers share.
  const maskedResults = new WeakMap<ExecutionResult, ExecutionResult>();
  const masked = (result: ExecutionResult): ExecutionResult => {
    if (!result.errors?.length) return result;
    let m = maskedResults.get(result);
    if (!m) maskedResults.set(result, (m = { ...result, errors: result.errors.map((e) => maskError(e, 'Unexpected error.') as GraphQLError) }));
    return m;
  };
  const yoga = createYoga<{ connectionParams?: Record<string, unknown>; req?: http.IncomingMessage }, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    renderGraphiQL: readGraphiQLPage,
    graphiql: graphiqlOptions,
    maskedErrors: { maskError },
    // limits.plugin() before useMetrics: a subscription it refuses is counted as an error, not as live.
    plugins: [...armor.protect().plugins, useSharedSubscriptionExecution(), useCredentialWatch(credentials), useErrorAnswers(GRAPHQL_PATH), limits.plugin(), useMetrics(deps.metrics, { slowMs: config.slowOperationMs, log })],
    logging: false,
    context: async ({ request, connectionParams, req }) => {
      const authorization = connectionParams ? String(connectionParams.authorization ?? '') : request.headers.get('authorization');
      // Every request and graphql-ws operation spends a token here, before anything runs.
      const who = await limits.admit(auth, authorization, req?.socket.remoteAddress);
      return { caller: who?.scope, credential: who?.credential, deps, origin: originOf(request) };
    },
  });

  const counters = { fastPath: 0 };
  return {
    counters,
    handle(req, res, path) {
      if (req.method !== 'POST' || path !== GRAPHQL_PATH) return void yoga.handle(req, res);
      handleGraphqlPost(yoga, req, res, counters).catch((err: Error) => {
        log.error(`POST ${GRAPHQL_PATH} failed`, { err });
        writeErrorAnswer(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
      });
    },
    attachWebSockets(server) {
      const wss = new WebSocketServer({ server, path: GRAPHQL_PATH });
      const wsServer = useServer<Record<string, unknown>>(
        {
          // A missing or invalid token is refused at connection_init (graphql-ws closes with 4403 Forbidden);
          // over the rate limit or TIDINGS_MAX_CONNECTIONS_PER_KEY, the socket is closed with 4429.
          onConnect: async (ctx) => {
            try {
              const socket = ctx.extra.socket;
              const who = await limits.admit(auth, String(ctx.connectionParams?.authorization ?? ''), ctx.extra.request.socket.remoteAddress);
              if (who) {
                const release = limits.connect(who.credential.id);
                if (!release) {
                  socket.close(TOO_MANY_CONNECTIONS, limits.connectionRefusal());
                  return false;
                }
                // A socket closes when its credential is revoked or expires (new operations re-authenticate anyway).
                const unwatch = credentials.watch(who.credential, (reason) => socket.close(4403, reason));
                socket.once('close', () => {
                  release();
                  unwatch();
                });
              }
              return who !== undefined;
            } catch (err) {
              if (err instanceof UnauthenticatedError) return false;
              if (err instanceof RateLimitedError) {
                ctx.extra.socket.close(TOO_MANY_CONNECTIONS, `Rate limited: retry in ${err.retryAfterSeconds ?? 1} s`);
                return false;
              }
              throw err;
            }
          },
          execute: (args: any) => args.rootValue.execute(args),
          // A subscription's results are written on the socket by nextSender (pushed) or writtenToSocket
          // (read from its iterator), printed once per result its subscribers share with the
          // operation id spliced in, not by graphql-ws's loop (a copy, a print and a promise each).
          subscribe: async (args: any) => {
            const { subscribe, socket, id } = args.rootValue;
            const result = await subscribe(args);
            return Symbol.asyncIterator in result ? writtenToSocket(result[Symbol.asyncIterator](), id, socket) : result;
          },
          onSubscribe: async (ctx, id, params) => {
            const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
              ...ctx,
              req: ctx.extra.request,
              socket: ctx.extra.socket,
              params,
              connectionParams: ctx.connectionParams ?? {},
            });
            // A document that cannot be parsed (syntax, token limit, nesting) is the caller's: answer
            // it on the socket as over HTTP; thrown, graphql-ws would close the socket with 4500.
            let document: DocumentNode;
            try {
              document = parse(params.query);
            } catch (err) {
              if (!(err instanceof GraphQLError)) throw err;
              const { http: _status, ...extensions } = err.extensions as { http?: unknown; [key: string]: unknown };
              return [new GraphQLError(err.message, { source: err.source, positions: err.positions, extensions: { ...extensions, code: extensions.code ?? 'GRAPHQL_PARSE_FAILED' } })];
            }
            let contextValue: unknown;
            try {
              contextValue = await contextFactory();
            } catch (err) {
              // Over the rate limit (yoga hands the domain error over masked): an error message on
              // this operation; the connection stays.
              if (err instanceof GraphQLError && err.extensions.code === 'RATE_LIMITED') {
                const { http: _http, ...extensions } = err.extensions;
                return [new GraphQLError(err.message, { extensions })];
              }
              throw err;
            }
            // Live results are written on the socket as they come (printed once per result its subscribers share).
            const send = nextSender(ctx.extra.socket, id);
            pushResultsTo(contextValue as object, (result) => void send(masked(result)));
            const args = {
              schema,
              operationName: params.operationName,
              document,
              variableValues: params.variables,
              contextValue,
              rootValue: { execute, subscribe, socket: ctx.extra.socket, id },
            };
            const errors = validate(args.schema, args.document);
            if (errors.length) return errors;
            return args;
          },
        },
        wss,
      );
      return {
        async close() {
          credentials.close();
          await wsServer.dispose();
          for (const client of wss.clients) client.terminate();
          wss.close();
        },
      };
    },
  };
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { GraphQLError, type ValidationContext } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, maskError } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { ensureAdminToken } from './auth/admin-token.js';
import type { Config } from './config.js';
import { createAuthenticator } from './auth/authenticator.js';
import { HttpClient } from './delivery/http-client.js';
import { Sweeper } from './delivery/sweeper.js';
import { DeliveryWorker } from './delivery/worker.js';
import type { Deps } from './deps.js';
import { DomainError, UnauthenticatedError } from './errors.js';
import { handleGraphqlPost } from './graphql-post.js';
import { DeliveryFeed } from './live/delivery-feed.js';
import { createTidingsPubSub, type PubSub } from './live/pubsub.js';
import type { Context } from './graphql/context.js';
import { schema } from './graphql/schema/index.js';
import { useSharedSubscriptionExecution } from './live/shared-execution.js';
import type { Store } from './store/ports.js';
import { useErrorAnswers, writeErrorAnswer } from './graphql/error-answers.js';
import { graphiqlOptions } from './graphql/graphiql.js';
import { listenFailure } from './startup-error.js';

// The service as one value: GraphQL over HTTP and SSE (yoga), graphql-ws on the same path, health
// endpoints, and the delivery worker, on one http.Server.

export const GRAPHQL_PATH = '/graphql';

export interface AppOptions {
  config: Config;
  store: Store;
  log?: (message: string) => void;
  /** Defaults to an in-process pubsub; pass one over Redis to share the live feed between processes. */
  pubsub?: PubSub;
}

export interface App {
  deps: Deps;
  worker: DeliveryWorker | undefined;
  /** Set on the first start without TIDINGS_ADMIN_TOKEN: print it once, it cannot be read back. */
  generatedAdminToken: string | undefined;
  start(port?: number, host?: string): Promise<string>;
  /** Stops taking requests, lets attempts in flight finish (up to the grace period), closes streams. */
  stop(): Promise<void>;
  url: string;
}

/**
 * Maps domain errors to GraphQL errors with `extensions.code`; anything unexpected is masked for the
 * client and logged here, so that an operator can find the cause.
 */
function errorMasker(log: (message: string) => void) {
  return (error: unknown, message: string, isDev?: boolean): Error => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DomainError) {
      const located = error instanceof GraphQLError ? error : undefined;
      return new GraphQLError(original.message, {
        nodes: located?.nodes,
        path: located?.path,
        // yoga turns extensions.http into the response status (and strips it from the body).
        extensions: { ...original.details, code: original.code, ...(original.code === 'UNAUTHENTICATED' ? { http: { status: 401 } } : {}) },
      });
    }
    const masked = maskError(error, message, isDev);
    if (masked.message === message) {
      const cause = original instanceof Error ? (original.stack ?? original.message) : String(original);
      log(`unexpected error${error instanceof GraphQLError && error.path ? ` at ${error.path.join('.')}` : ''}: ${cause}`);
    }
    return masked;
  };
}

export async function createApp(options: AppOptions): Promise<App> {
  const { config, store } = options;
  const log = options.log ?? ((m: string) => console.log(m));
  const pubsub = options.pubsub ?? createTidingsPubSub();
  const deps: Deps = { store, pubsub, config, now: Date.now, live: new DeliveryFeed(pubsub), stats: { graphqlFastPath: 0 } };
  const admin = await ensureAdminToken(store, config.adminToken);
  const auth = createAuthenticator(store, admin.hash);

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

  const yoga = createYoga<{ connectionParams?: Record<string, unknown> }, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    renderGraphiQL,
    graphiql: graphiqlOptions,
    maskedErrors: { maskError: errorMasker(log) },
    plugins: [...armor.protect().plugins, useSharedSubscriptionExecution(), useErrorAnswers(GRAPHQL_PATH)],
    logging: false,
    context: async ({ request, connectionParams }) => {
      const authorization = connectionParams ? String(connectionParams.authorization ?? '') : request.headers.get('authorization');
      return { caller: await auth.authenticate(authorization), deps };
    },
  });

  const server = http.createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    if (path === '/readyz') {
      try {
        await store.ping();
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ready\n');
      } catch (err) {
        // The cause goes to the log only: it may name hosts of the database.
        log(`readyz: store unavailable: ${(err as Error).message}`);
        return void res.writeHead(503, { 'content-type': 'text/plain' }).end('store unavailable\n');
      }
    }
    if (!config.runApi) return writeErrorAnswer(res, 404, 'NOT_FOUND', 'This process only delivers (TIDINGS_ROLE=worker): it serves /healthz and /readyz, and the API is on the API processes.');
    if (path === '/') return void res.writeHead(302, { location: GRAPHQL_PATH }).end();
    if (path === GRAPHQL_PATH && req.method === 'POST') {
      return handleGraphqlPost(yoga, req, res, deps.stats).catch((err: Error) => {
        log(`POST ${GRAPHQL_PATH} failed: ${err.stack ?? err.message}`);
        writeErrorAnswer(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
      });
    }
    return yoga.handle(req, res);
  });

  const wss = new WebSocketServer(config.runApi ? { server, path: GRAPHQL_PATH } : { noServer: true });
  const wsServer = useServer<Record<string, unknown>>(
    {
      // A missing or invalid token is refused at connection_init (graphql-ws closes with 4403 Forbidden).
      onConnect: async (ctx) => {
        try {
          return (await auth.authenticate(String(ctx.connectionParams?.authorization ?? ''))) !== undefined;
        } catch (err) {
          if (err instanceof UnauthenticatedError) return false;
          throw err;
        }
      },
      execute: (args: any) => args.rootValue.execute(args),
      subscribe: (args: any) => args.rootValue.subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          connectionParams: ctx.connectionParams ?? {},
        });
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        return args;
      },
    },
    wss,
  );

  const http_ = new HttpClient({ timeoutMs: config.deliveryTimeoutMs, allowPrivateTargets: config.allowPrivateTargets });
  const worker = config.runWorker
    ? new DeliveryWorker(
        { store, http: http_, pubsub, log },
        {
          concurrency: config.workerConcurrency,
          endpointConcurrency: config.endpointConcurrency,
          leaseMs: config.leaseMs,
          pollMs: config.workerPollMs,
          retry: { scheduleMs: config.retryScheduleMs, jitter: config.retryJitter },
        },
      )
    : undefined;

  const sweeper = config.runWorker
    ? new Sweeper({ store, pubsub, log }, { intervalMs: config.sweepIntervalMs, retentionMs: config.retentionMs })
    : undefined;

  let stopping: Promise<void> | undefined;
  const app: App = {
    deps,
    worker,
    generatedAdminToken: admin.generated,
    url: '',
    async start(port = config.port, host = config.host) {
      // ws relays the http server's errors to the WebSocketServer, where graphql-ws logs them with
      // a stack trace; an error of listen() is start()'s to report, as one clear line.
      const relays = server.listeners('error') as ((err: Error) => void)[];
      server.removeAllListeners('error');
      try {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, host, () => resolve());
        });
      } catch (err) {
        throw listenFailure(err as NodeJS.ErrnoException, port, host);
      } finally {
        server.removeAllListeners('error');
        for (const relay of relays) server.on('error', relay);
      }
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      app.url = `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${address.port}`;
      worker?.start();
      sweeper?.start();
      return app.url;
    },
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all([worker?.stop(config.shutdownGraceMs), sweeper?.stop()]);
        await wsServer.dispose();
        for (const client of wss.clients) client.terminate();
        wss.close();
        // SSE streams are long-lived requests: end them so the server can close.
        server.closeAllConnections();
        await closed;
        // Not awaited: attempts still in flight after the grace period are abandoned, not waited
        // for (up to the delivery timeout); their lease expires and a worker attempts them again.
        void http_.close().catch(() => {});
      })();
      return stopping;
    },
  };
  return app;
}

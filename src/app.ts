import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureAdminToken } from './auth/admin-token.js';
import { createAuthenticator } from './auth/authenticator.js';
import type { Config } from './config.js';
import { createDeliverySide, type DeliverySide } from './delivery/delivery-side.js';
import { createDeps, type Deps } from './deps.js';
import { createGraphqlServer, type GraphqlServer } from './graphql/server.js';
import { consoleHandler } from './http/console.js';
import { routes } from './http/routes.js';
import type { PubSub } from './live/pubsub.js';
import { silentLogger, type Logger } from './log.js';
import { listenFailure } from './startup-error.js';
import type { Store } from './store/ports.js';

// The service as one value, composed of its parts: the use-cases' dependencies, the GraphQL server
// (API processes), the delivery side (worker processes), and the HTTP routes, on one http.Server.

export { GRAPHQL_PATH } from './graphql/server.js';

export interface AppOptions {
  config: Config;
  store: Store;
  /** Where the app logs; nothing is logged when omitted. */
  log?: Logger;
  /** Defaults to an in-process pubsub; pass one over Redis to share the live feed between processes. */
  pubsub?: PubSub;
}

export interface App {
  deps: Deps;
  /** The GraphQL server, unless this process only delivers (TIDINGS_ROLE=worker). */
  graphql: GraphqlServer | undefined;
  /** The delivery worker, unless this process only serves the API (TIDINGS_ROLE=api). */
  worker: DeliverySide['worker'] | undefined;
  /** Set on the first start without TIDINGS_ADMIN_TOKEN: print it once, it cannot be read back. */
  generatedAdminToken: string | undefined;
  start(port?: number, host?: string): Promise<string>;
  /** Stops taking requests, lets attempts in flight finish (up to the grace period), closes streams. */
  stop(): Promise<void>;
  url: string;
}

export async function createApp(options: AppOptions): Promise<App> {
  const { config, store } = options;
  const log = options.log ?? silentLogger;
  const deps = createDeps({ config, store, pubsub: options.pubsub, log });
  const admin = await ensureAdminToken(store, config.adminToken);
  // The reserved operations application and its event types exist from the start.
  await deps.operations.applicationId();
  const graphql = config.runApi ? createGraphqlServer(deps, createAuthenticator(store, admin.hash, () => deps.now()), log) : undefined;
  const delivery = config.runWorker ? createDeliverySide(deps, log) : undefined;
  const consolePages = graphql ? consoleHandler({ portalFrameAncestors: config.portalFrameAncestors }) : undefined;
  const server = http.createServer(routes(store, graphql, log, { metrics: deps.metrics, token: config.metricsToken }, consolePages));
  const sockets = graphql?.attachWebSockets(server);

  let stopping: Promise<void> | undefined;
  const app: App = {
    deps,
    graphql,
    worker: delivery?.worker,
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
      delivery?.start();
      return app.url;
    },
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await delivery?.stop();
        await sockets?.close();
        // SSE streams are long-lived requests: end them so the server can close.
        server.closeAllConnections();
        await closed;
      })();
      return stopping;
    },
  };
  return app;
}

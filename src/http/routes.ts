import type http from 'node:http';
import { writeErrorAnswer } from '../graphql/error-answers.js';
import { GRAPHQL_PATH, type GraphqlServer } from '../graphql/server.js';
import { errorMessage, type Logger } from '../log.js';
import type { StoreLifecycle } from '../store/ports.js';
import { serveMetrics, type Metrics } from './metrics.js';
import type { ConsoleHandler } from './console.js';

// The process's HTTP routes. Health and readiness are answered here rather than by yoga's plugins
// because worker processes (TIDINGS_ROLE=worker) serve them without any GraphQL server.

export function routes(
  store: StoreLifecycle, graphql: GraphqlServer | undefined, log: Logger, metrics?: { metrics: Metrics; token: string | undefined },
  consolePages?: ConsoleHandler,
): http.RequestListener {
  const metricsRoute = metrics && serveMetrics(metrics.metrics, metrics.token);
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    if (path === '/readyz') {
      try {
        await store.ping();
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ready\n');
      } catch (err) {
        // The cause goes to the log only: it may name hosts of the database.
        log.warn('store unavailable (readiness check)', { error: errorMessage(err) });
        return void res.writeHead(503, { 'content-type': 'text/plain' }).end('store unavailable\n');
      }
    }
    if (path === '/metrics' && metricsRoute) return metricsRoute(req, res);
    if (!graphql) return writeErrorAnswer(res, 404, 'NOT_FOUND', 'This process only delivers (TIDINGS_ROLE=worker): it serves /healthz, /readyz and /metrics, and the API is on the API processes.');
    // The console (/, /portal and its assets), served by API processes next to GraphQL.
    if (consolePages?.(req, res, path)) return;
    // Everything else is yoga's to answer (GraphiQL, GraphQL, and a JSON 404 for unknown paths).
    graphql.handle(req, res, path);
  };
}

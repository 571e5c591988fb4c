// Prometheus metrics (prom-client), served at GET /metrics by every process, API and worker alike.
// What happens is counted where it is recorded: a Proxy around the store times every store
// operation and counts what publishes, attempts, cancellations and expiries stored; an envelop
// plugin counts GraphQL operations; the backlog is read from the store at scrape time. Labels are
// bounded: event type names (the platform's catalogue), outcome classes, statuses, operation types,
// root field and store method names; never an endpoint, event or delivery ID.
import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ADMIN_SCOPE, type AttemptOutcome, type AttemptOutcomeClass, type DeliveryRecord } from '../domain/records.js';
import { outcomeClass } from '../domain/stats.js';
import type { Logger } from '../log.js';
import type { BacklogCounts, PublishResult, Store, SweepResult } from '../store/ports.js';

/** Seconds, from 5 ms to 2 h: attempt durations and end-to-end latencies. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 7200];
/** Seconds, from 100 µs to 10 s: store and GraphQL operations. */
const OPERATION_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

/** Process metrics (CPU, memory, event loop, GC) are the process's, collected once whatever the number of apps in it. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'tidings_' });
  }
  return processRegistry;
}

export class Metrics {
  readonly registry = new Registry();
  readonly eventsPublished = new Counter({ name: 'tidings_events_published_total', help: 'Events published, by event type.', labelNames: ['event_type'], registers: [this.registry] });
  readonly deliveriesCreated = new Counter({ name: 'tidings_deliveries_created_total', help: 'Deliveries created by publishes.', registers: [this.registry] });
  readonly deliveriesFinished = new Counter({ name: 'tidings_deliveries_finished_total', help: 'Deliveries that reached a final status (SUCCEEDED or FAILED).', labelNames: ['status'], registers: [this.registry] });
  readonly attempts = new Counter({ name: 'tidings_delivery_attempts_total', help: 'Delivery attempts recorded, by outcome (success, clientError, serverError, otherStatus, timeout, networkError, refused).', labelNames: ['outcome'], registers: [this.registry] });
  readonly attemptDuration = new Histogram({ name: 'tidings_attempt_duration_seconds', help: 'How long attempts took, request to last response byte.', buckets: LATENCY_BUCKETS, registers: [this.registry] });
  readonly endToEnd = new Histogram({ name: 'tidings_end_to_end_latency_seconds', help: 'Publish to the end of the successful attempt.', buckets: LATENCY_BUCKETS, registers: [this.registry] });
  readonly liveSubscriptions = new Gauge({ name: 'tidings_live_subscriptions', help: 'GraphQL subscriptions open on this process (graphql-ws and SSE).', registers: [this.registry] });
  readonly graphqlOperations = new Counter({ name: 'tidings_graphql_operations_total', help: 'GraphQL operations executed, by type, root field and result.', labelNames: ['type', 'field', 'result'], registers: [this.registry] });
  readonly graphqlDuration = new Histogram({ name: 'tidings_graphql_operation_duration_seconds', help: 'Execution time of GraphQL queries and mutations, by type and root field.', labelNames: ['type', 'field'], buckets: OPERATION_BUCKETS, registers: [this.registry] });
  readonly storeDuration = new Histogram({ name: 'tidings_store_operation_duration_seconds', help: 'Store operations, by operation and result.', labelNames: ['operation', 'result'], buckets: OPERATION_BUCKETS, registers: [this.registry] });

  /** The backlog gauges read the store when scraped (one read serves both). */
  watchBacklog(store: Pick<Store, 'readBacklog'>, now: () => number): void {
    // While the store cannot be read the gauges keep their last values: the rest of the metrics
    // are still served (an outage is when they matter most); the store histogram shows the errors.
    let reading: Promise<BacklogCounts | undefined> | undefined;
    const read = () => {
      if (!reading) {
        reading = store.readBacklog(ADMIN_SCOPE, {}).catch(() => undefined);
        void reading.finally(() => setImmediate(() => (reading = undefined)));
      }
      return reading;
    };
    new Gauge({
      name: 'tidings_backlog_deliveries', help: 'Unfinished deliveries now, by status (PENDING, RETRYING).', labelNames: ['status'], registers: [this.registry],
      async collect() {
        const b = await read();
        if (!b) return;
        this.set({ status: 'PENDING' }, b.waiting);
        this.set({ status: 'RETRYING' }, b.retrying);
      },
    });
    new Gauge({
      name: 'tidings_backlog_oldest_waiting_age_seconds', help: 'Age of the oldest PENDING delivery (0 when none waits).', registers: [this.registry],
      async collect() {
        const b = await read();
        if (!b) return;
        this.set(b.oldestWaitingSince === null ? 0 : Math.max(0, now() - b.oldestWaitingSince) / 1000);
      },
    });
  }

  /** The text exposition of every metric of this app and of the process. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([processMetrics(), this.registry]);
    return { contentType: this.registry.contentType, body: await merged.metrics() };
  }

  recordPublish(result: PublishResult): void {
    if (!result.created) return;
    this.eventsPublished.inc({ event_type: result.event.type });
    if (result.deliveries.length) this.deliveriesCreated.inc(result.deliveries.length);
  }

  recordAttempt(outcome: AttemptOutcome, updated: DeliveryRecord | null): void {
    if (!updated) return;
    const { attempt } = outcome;
    const cls: AttemptOutcomeClass = outcome.measures?.outcome ?? (attempt.success ? 'success' : attempt.responseStatus !== null ? outcomeClass({ status: attempt.responseStatus, refused: false }) : 'networkError');
    this.attempts.inc({ outcome: cls });
    this.attemptDuration.observe(attempt.durationMs / 1000);
    if (updated.status === 'SUCCEEDED' || updated.status === 'FAILED') this.deliveriesFinished.inc({ status: updated.status });
    if (updated.status === 'SUCCEEDED' && outcome.measures?.endToEndMs != null) this.endToEnd.observe(outcome.measures.endToEndMs / 1000);
  }
}

/** What a store call's arguments and result tell the metrics. */
function observe(metrics: Metrics, operation: string, args: unknown[], result: unknown): void {
  if (operation === 'publishEvent') metrics.recordPublish(result as PublishResult);
  else if (operation === 'publishEvents') for (const published of result as PublishResult[]) metrics.recordPublish(published);
  else if (operation === 'recordAttempt') metrics.recordAttempt(args[1] as AttemptOutcome, result as DeliveryRecord | null);
  else if (operation === 'deleteEndpoint' && result) {
    const n = (result as { cancelled: DeliveryRecord[] }).cancelled.length;
    if (n) metrics.deliveriesFinished.inc({ status: 'FAILED' }, n);
  } else if (operation === 'sweep') {
    const n = (result as SweepResult).expired.length;
    if (n) metrics.deliveriesFinished.inc({ status: 'FAILED' }, n);
  }
}

/** The store, timed and counted: every method call is observed once it settles; one slower than `slowMs` is logged. */
export function instrumentStore<S extends Store>(store: S, metrics: Metrics, slow: { slowMs: number; log: Logger }): S {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      let fn = wrapped.get(property);
      if (!fn) {
        // The histogram's children for this operation, found once, timed with performance.now():
        // prom-client's startTimer allocates hrtime pairs, closures and a merged label object per
        // call, a few calls per delivery on the hot path.
        const timed = { ok: metrics.storeDuration.labels({ operation: property, result: 'ok' }), error: metrics.storeDuration.labels({ operation: property, result: 'error' }) };
        const done = (result: 'ok' | 'error', started: number) => {
          const ms = performance.now() - started;
          timed[result].observe(ms / 1000);
          if (ms > slow.slowMs) slow.log.warn('slow store operation', { operation: property, result, durationMs: Math.round(ms) });
        };
        fn = async (...args: unknown[]) => {
          const started = performance.now();
          try {
            const result = await value.apply(target, args);
            done('ok', started);
            observe(metrics, property, args, result);
            return result;
          } catch (err) {
            done('error', started);
            throw err;
          }
        };
        wrapped.set(property, fn);
      }
      return fn;
    },
  });
}

/** Operation type and root field of an executed document (bounded by the schema: validation ran before). */
function operationLabels(args: { document: { definitions: readonly unknown[] }; operationName?: string | null }): { type: string; field: string } {
  const ops = args.document.definitions.filter((d) => (d as { kind: string }).kind === 'OperationDefinition') as {
    operation: string; name?: { value: string }; selectionSet: { selections: { kind: string; name?: { value: string } }[] };
  }[];
  const op = ops.find((o) => !args.operationName || o.name?.value === args.operationName) ?? ops[0];
  const first = op?.selectionSet.selections.find((s) => s.kind === 'Field');
  return { type: op?.operation ?? 'unknown', field: first?.name?.value ?? 'unknown' };
}

/** The envelop plugin: counts and times operations (logging slow ones), and keeps the open subscriptions gauge. */
export function useMetrics(metrics: Metrics, slow: { slowMs: number; log: Logger }): Plugin {
  return {
    onExecute({ args }) {
      const labels = operationLabels(args as never);
      const end = metrics.graphqlDuration.startTimer(labels);
      return {
        onExecuteDone({ result }) {
          const ms = end() * 1000;
          if (ms > slow.slowMs) slow.log.warn('slow GraphQL operation', { ...labels, durationMs: Math.round(ms) });
          const errors = (result as { errors?: unknown[] }).errors;
          metrics.graphqlOperations.inc({ ...labels, result: errors?.length ? 'error' : 'ok' });
        },
      };
    },
    onSubscribe({ args }) {
      const labels = operationLabels(args as never);
      return {
        onSubscribeResult({ result }) {
          const iterating = typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
          metrics.graphqlOperations.inc({ ...labels, result: iterating ? 'ok' : 'error' });
          if (!iterating) return;
          metrics.liveSubscriptions.inc();
          let ended = false;
          return {
            onEnd() {
              if (ended) return;
              ended = true;
              metrics.liveSubscriptions.dec();
            },
          };
        },
      };
    },
  };
}

/** Compares in constant time (digests of equal length, whatever the lengths given). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** GET /metrics: the text exposition; with a token configured, only for `Authorization: Bearer <token>`. */
export function serveMetrics(metrics: Metrics, token: string | undefined) {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('GET only\n');
    if (token !== undefined) {
      const header = req.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7) : '';
      if (!sameSecret(given, token)) {
        return void res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' }).end('a valid TIDINGS_METRICS_TOKEN bearer token is required\n');
      }
    }
    try {
      const { contentType, body } = await metrics.exposition();
      res.writeHead(200, { 'content-type': contentType }).end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics could not be collected\n');
    }
  };
}

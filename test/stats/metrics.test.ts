import { describe, expect, it } from 'vitest';
import { LiveDeliveryIdsDocument, PublishEventsDocument, UpdateEndpointDocument } from '../generated/graphql.js';
import { closedPort, waitForStatus } from '../delivery/delivery-helpers.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import { subscribeWs } from '../support/live.js';
import { receiversClosedAfterEach } from '../support/receiver.js';
import { startTestServer, useTestServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// GET /metrics in the Prometheus text format, scraped after real traffic and parsed.

const receiver = receiversClosedAfterEach();
const TOKEN = 'metrics-token-for-tests-0123456789';

interface Sample { name: string; labels: Record<string, string>; value: number }

/** Parses the Prometheus text exposition format (comments, samples with optional labels). */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1]!, type[2]!);
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k!] = v!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return { samples, types };
}

async function scrape(server: { url: string }, token: string | null = TOKEN) {
  const res = await fetch(`${server.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type'), text, ...(res.status === 200 ? parseExposition(text) : { samples: [], types: new Map() }) };
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((n, s) => n + s.value, 0);
}

describe('GET /metrics', () => {
  let server: TestServer;
  useTestServer((s) => (server = s), { metricsToken: TOKEN, deliveryTimeoutMs: 300 });

  it('requires the bearer token when TIDINGS_METRICS_TOKEN is set', async () => {
    expect((await scrape(server, null)).status).toBe(401);
    expect((await scrape(server, 'wrong')).status).toBe(401);
    expect((await scrape(server, `${TOKEN}x`)).status).toBe(401);
    const ok = await scrape(server);
    expect(ok.status).toBe(200);
    expect(ok.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('counts real traffic: events by type, attempts by outcome, final statuses, latencies, backlog, subscriptions, GraphQL and store operations', async () => {
    const ok = await receiver((req) => (JSON.parse(req.body).data.fail ? { status: 500 } : { status: 200 }));
    const slow = await receiver(() => ({ status: 200, delayMs: 1500 }));
    const app = await createApplication(server);
    const type = await createEventType(server);
    const slowType = await createEventType(server);
    const pausedType = await createEventType(server);
    await createEndpoint(server, app.id, ok.url, { eventTypes: [type] });
    await createEndpoint(server, app.id, slow.url, { eventTypes: [slowType] });
    await createEndpoint(server, app.id, `http://127.0.0.1:${await closedPort()}/hook`, { eventTypes: [slowType] });
    const paused = await createEndpoint(server, app.id, ok.url, { eventTypes: [pausedType] });
    await server.admin.run(UpdateEndpointDocument, { input: { id: paused.id, enabled: false } });
    const before = (await scrape(server)).samples;

    const published = [
      await publish(server, app.id, type, { n: 1 }),
      await publish(server, app.id, type, { n: 2 }),
      await publish(server, app.id, type, { fail: true }),
      await publish(server, app.id, slowType, { n: 3 }),
    ];
    await publish(server, app.id, pausedType, { n: 4 });
    const ids = published.flatMap((p) => p.deliveries.map((d) => d.id));
    for (const id of ids) await waitFor(`delivery ${id} to finish`, async () => (await Promise.race([waitForStatus(server, id, 'SUCCEEDED', 200), waitForStatus(server, id, 'FAILED', 200)]).catch(() => false)), 20_000);

    const feed = await subscribeWs(server.wsUrl, server.admin.token, LiveDeliveryIdsDocument);
    try {
      await server.waitForSubscribers(1);
      const { samples, types, text } = await scrape(server);
      const delta = (name: string, labels: Record<string, string> = {}) => value(samples, name, labels) - value(before, name, labels);
      expect(delta('tidings_events_published_total', { event_type: type })).toBe(3);
      expect(delta('tidings_events_published_total', { event_type: slowType })).toBe(1);
      expect(delta('tidings_deliveries_created_total')).toBe(6);
      // 2 successes; the failing one 3×500; the slow one 3 timeouts; the closed port 3 network errors.
      expect(delta('tidings_delivery_attempts_total', { outcome: 'success' })).toBe(2);
      expect(delta('tidings_delivery_attempts_total', { outcome: 'serverError' })).toBe(3);
      expect(delta('tidings_delivery_attempts_total', { outcome: 'timeout' })).toBe(3);
      expect(delta('tidings_delivery_attempts_total', { outcome: 'networkError' })).toBe(3);
      expect(delta('tidings_deliveries_finished_total', { status: 'SUCCEEDED' })).toBe(2);
      expect(delta('tidings_deliveries_finished_total', { status: 'FAILED' })).toBe(3);
      expect(types.get('tidings_attempt_duration_seconds')).toBe('histogram');
      expect(delta('tidings_attempt_duration_seconds_count')).toBe(11);
      expect(delta('tidings_attempt_duration_seconds_bucket', { le: '+Inf' })).toBe(11);
      expect(delta('tidings_end_to_end_latency_seconds_count')).toBe(2);
      expect(value(samples, 'tidings_backlog_deliveries', { status: 'PENDING' })).toBe(1);
      expect(value(samples, 'tidings_backlog_deliveries', { status: 'RETRYING' })).toBe(0);
      expect(value(samples, 'tidings_backlog_oldest_waiting_age_seconds')).toBeGreaterThan(0);
      expect(value(samples, 'tidings_live_subscriptions')).toBe(1);
      expect(delta('tidings_graphql_operations_total', { type: 'mutation', field: 'publishEvent', result: 'ok' })).toBe(5);
      expect(delta('tidings_graphql_operation_duration_seconds_count', { type: 'mutation', field: 'publishEvent' })).toBe(5);
      expect(delta('tidings_store_operation_duration_seconds_count', { operation: 'recordAttempt', result: 'ok' })).toBe(11);
      expect(value(samples, 'tidings_process_cpu_user_seconds_total')).toBeGreaterThan(0);
      expect(value(samples, 'tidings_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
      // Bounded labels: no record ID anywhere.
      expect(text).not.toMatch(/\b(app|ep|evt|dlv)_[0-9A-Z]{10,}/);
    } finally {
      await feed.close();
    }
    await waitFor('the subscription to be counted as closed', async () => value((await scrape(server)).samples, 'tidings_live_subscriptions') === 0);
  }, 40_000);

  it('counts the events and deliveries of a publishEvents batch like those of single publishes', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    await createEndpoint(server, app.id, `http://127.0.0.1:${await closedPort()}/hook`, { eventTypes: [type] });
    await createEndpoint(server, app.id, `http://127.0.0.1:${await closedPort()}/hook`, { eventTypes: [type] });
    const before = (await scrape(server)).samples;
    const events = Array.from({ length: 3 }, (_, n) => ({ applicationId: app.id, type, payload: { n } }));
    const { publishEvents } = await server.admin.run(PublishEventsDocument, { input: { events } });
    expect(publishEvents.results.every((r) => r.error === null)).toBe(true);
    const { samples } = await scrape(server);
    expect(value(samples, 'tidings_events_published_total', { event_type: type }) - value(before, 'tidings_events_published_total', { event_type: type })).toBe(3);
    expect(value(samples, 'tidings_deliveries_created_total') - value(before, 'tidings_deliveries_created_total')).toBe(6);
  });

  it('counts failed GraphQL operations apart', async () => {
    const labels = { type: 'query', field: 'deliveryStats' };
    const before = (await scrape(server)).samples;
    await server.admin.fail('{ deliveryStats(input: {since: "2030-01-01T00:00:00Z", until: "2020-01-01T00:00:00Z"}) { total { attempts } } }', undefined, 'BAD_USER_INPUT');
    await server.admin.run('{ deliveryStats(input: {since: "2026-01-01T00:00:00Z", interval: DAY}) { total { attempts } } }');
    const after = (await scrape(server)).samples;
    const delta = (result: string) => value(after, 'tidings_graphql_operations_total', { ...labels, result }) - value(before, 'tidings_graphql_operations_total', { ...labels, result });
    expect([delta('error'), delta('ok')]).toEqual([1, 1]);
  });
});

describe('GET /metrics on a worker-only process', () => {
  it('is still served while the store cannot be read, the backlog gauges keeping their last values', async () => {
    const worker = await startTestServer({ role: 'worker', runApi: false, runWorker: true });
    try {
      expect(value((await scrape(worker, null)).samples, 'tidings_backlog_deliveries', { status: 'PENDING' })).toBe(0);
      await worker.store.close();
      await scrape(worker, null);
      // The failed read of the first scrape is timed once it has failed: it shows from the next one on.
      const res = await scrape(worker, null);
      expect(res.status).toBe(200);
      expect(value(res.samples, 'tidings_backlog_deliveries', { status: 'PENDING' })).toBe(0);
      expect(value(res.samples, 'tidings_store_operation_duration_seconds_count', { operation: 'readBacklog', result: 'error' }), res.text.split('\n').filter((l) => l.includes('readBacklog')).join('\n')).toBeGreaterThan(0);
    } finally {
      await worker.app.stop();
    }
  });

  it('is served without a token when none is set, beside /healthz and /readyz', async () => {
    const worker = await startTestServer({ role: 'worker', runApi: false, runWorker: true });
    try {
      const res = await scrape(worker, null);
      expect(res.status).toBe(200);
      expect(res.types.get('tidings_delivery_attempts_total')).toBe('counter');
      expect(value(res.samples, 'tidings_backlog_deliveries', { status: 'PENDING' })).toBe(0);
    } finally {
      await worker.stop();
    }
  });
});

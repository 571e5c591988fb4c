import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryUpdatedDocument } from '../generated/graphql.js';
import { createApplication, createEndpoint, createEventType, publish, setupEndpoint } from '../support/fixtures.js';
import { subscribeWs } from '../support/live.js';
import { receiversClosedAfterEach, type Receiver } from '../support/receiver.js';
import { startTestServer, useTestServer, type TestServer } from '../support/server.js';
import { closedPort, readDelivery, waitForStatus, webhookHeaders } from './delivery-helpers.js';

// The retry schedule end to end: real server, real receivers. The test schedule is '50ms,100ms'
// without jitter, so a delivery gets at most 3 attempts.

/** Receivers started here are closed after each test. */
const receiver = receiversClosedAfterEach();

describe('retries with the default test schedule', () => {
  let server: TestServer;
  useTestServer((started) => (server = started));

  it('a receiver that fails twice then succeeds gets exactly three attempts, RETRYING in between, then SUCCEEDED', async () => {
    const r = await receiver((_req, n) => (n <= 2 ? { status: 500, body: `boom ${n}` } : { status: 200, body: 'ok' }));
    const { app, type, endpoint } = await setupEndpoint(server, r.url);
    const feed = await subscribeWs(server.wsUrl, server.admin.token, DeliveryUpdatedDocument, { filter: { endpointId: endpoint.id } });
    try {
      await server.waitForSubscribers(1);
      const published = await publish(server, app.id, type, { n: 1 });
      const id = published.deliveries[0]!.id;

      const done = await waitForStatus(server, id, 'SUCCEEDED');
      expect(done.attemptCount).toBe(3);
      expect(done.nextAttemptAt).toBeNull();
      expect(done.attempts.map((a) => a.number)).toEqual([1, 2, 3]);
      expect(done.attempts[0]).toMatchObject({ success: false, responseStatus: 500, responseBody: 'boom 1' });
      expect(done.attempts[1]).toMatchObject({ success: false, responseStatus: 500, responseBody: 'boom 2' });
      expect(done.attempts[0]!.error).toMatch(/500/);
      expect(done.attempts[2]).toMatchObject({ success: true, responseStatus: 200, responseBody: 'ok', error: null });
      expect(r.requests).toHaveLength(3);

      // The live feed saw every state: created, each failure as RETRYING with its count, then success.
      await feed.next('SUCCEEDED message', (m) => m.deliveryUpdated.status === 'SUCCEEDED');
      const seen = feed.messages.filter((m) => m.deliveryUpdated.id === id).map((m) => `${m.deliveryUpdated.status}:${m.deliveryUpdated.attemptCount}`);
      expect(seen).toEqual(['PENDING:0', 'RETRYING:1', 'RETRYING:2', 'SUCCEEDED:3']);
    } finally {
      await feed.close();
    }
  });

  it('sends a byte-identical body and the same webhook-id on every attempt, each verifiable', async () => {
    const r = await receiver((_req, n) => (n <= 2 ? { status: 503 } : { status: 204 }));
    const { app, type, endpoint } = await setupEndpoint(server, r.url);
    const published = await publish(server, app.id, type, { text: 'ünïcødé', nested: { list: [1, 2.5, null, true] } });
    await waitForStatus(server, published.deliveries[0]!.id, 'SUCCEEDED');

    expect(r.requests).toHaveLength(3);
    const [first, ...rest] = r.requests;
    for (const request of rest) {
      expect(Buffer.from(request.body)).toEqual(Buffer.from(first!.body));
      expect(request.headers['webhook-id']).toBe(published.event.id);
    }
    expect(first!.headers['webhook-id']).toBe(published.event.id);
    // The body's timestamp is the event's creation time, not the attempt's.
    expect(JSON.parse(first!.body).timestamp).toBe(published.event.createdAt);
    for (const request of r.requests) {
      expect(() => new StandardWebhook(endpoint.secret).verify(request.body, webhookHeaders(request))).not.toThrow();
    }
  });

  it('a receiver that always fails ends FAILED after the whole schedule (3 attempts), with no next attempt', async () => {
    const r = await receiver(() => ({ status: 500, body: 'down' }));
    const { app, type } = await setupEndpoint(server, r.url);
    const published = await publish(server, app.id, type, { n: 2 });
    const failed = await waitForStatus(server, published.deliveries[0]!.id, 'FAILED');

    expect(failed.attemptCount).toBe(3);
    expect(failed.nextAttemptAt).toBeNull();
    expect(failed.failureReason).toBeNull();
    expect(failed.attempts.map((a) => [a.number, a.success, a.responseStatus])).toEqual([
      [1, false, 500],
      [2, false, 500],
      [3, false, 500],
    ]);
    expect(r.requests).toHaveLength(3);
    // The gaps follow the schedule (50ms then 100ms, no jitter in tests).
    const started = failed.attempts.map((a) => Date.parse(a.startedAt));
    expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(50);
    expect(started[2]! - started[1]!).toBeGreaterThanOrEqual(100);
  });

  it('a 3xx answer is a failed attempt and the redirect is not followed', async () => {
    const r = await receiver((req) =>
      req.path === '/moved-here' ? { status: 200, body: 'followed' } : { status: 302, body: 'see other', headers: { location: '/moved-here' } },
    );
    const { app, type } = await setupEndpoint(server, r.url);
    const published = await publish(server, app.id, type, { n: 3 });
    const failed = await waitForStatus(server, published.deliveries[0]!.id, 'FAILED');

    expect(failed.attemptCount).toBe(3);
    expect(failed.attempts[0]).toMatchObject({ success: false, responseStatus: 302, responseBody: 'see other' });
    expect(failed.attempts[0]!.error).toMatch(/302/);
    expect(r.requests.map((q) => q.path)).toEqual(['/hook', '/hook', '/hook']);
  });

  it('a connection refused is recorded as a failed attempt with the network error', async () => {
    const port = await closedPort();
    const app = await createApplication(server);
    const type = await createEventType(server);
    await createEndpoint(server, app.id, `http://127.0.0.1:${port}/hook`);
    const published = await publish(server, app.id, type, { n: 4 });
    const failed = await waitForStatus(server, published.deliveries[0]!.id, 'FAILED');

    expect(failed.attemptCount).toBe(3);
    for (const attempt of failed.attempts) {
      expect(attempt).toMatchObject({ success: false, responseStatus: null, responseBody: null });
      expect(attempt.error).toMatch(/ECONNREFUSED/);
    }
  });

  it('records at most the first 4096 bytes of a large response body', async () => {
    const big = 'abcdefghij'.repeat(1000); // 10 000 bytes
    const r = await receiver(() => ({ status: 500, body: big }));
    const { app, type } = await setupEndpoint(server, r.url);
    const published = await publish(server, app.id, type, { n: 5 });
    const failed = await waitForStatus(server, published.deliveries[0]!.id, 'FAILED');

    const recorded = failed.attempts[0]!.responseBody!;
    expect(Buffer.byteLength(recorded)).toBe(4096);
    expect(recorded).toBe(big.slice(0, 4096));
  });

  it('never records more than 4096 bytes when a multi-byte character straddles the limit', async () => {
    // 4095 ASCII bytes, then 2-byte characters: the 4096-byte cut falls inside the first one.
    const body = 'a'.repeat(4095) + 'é'.repeat(100);
    const r = await receiver(() => ({ status: 500, body }));
    const { app, type } = await setupEndpoint(server, r.url);
    const published = await publish(server, app.id, type, { n: 6 });
    await waitForStatus(server, published.deliveries[0]!.id, 'FAILED');
    const recorded = (await readDelivery(server, published.deliveries[0]!.id)).attempts[0]!.responseBody!;

    expect(Buffer.byteLength(recorded)).toBeLessThanOrEqual(4096);
    expect(body.startsWith(recorded)).toBe(true);
  });
});

describe('timeouts', () => {
  let server: TestServer;
  useTestServer((started) => (server = started), { deliveryTimeoutMs: 300, leaseMs: 30_000 });

  it('an attempt that outlasts the delivery timeout is recorded as failed with "timed out", and the retry goes on', async () => {
    const r = await receiver((_req, n) => (n === 1 ? { status: 200, body: 'too late', delayMs: 3_000 } : { status: 200, body: 'ok' }));
    const { app, type } = await setupEndpoint(server, r.url);
    const published = await publish(server, app.id, type, { n: 7 });
    const done = await waitForStatus(server, published.deliveries[0]!.id, 'SUCCEEDED');

    expect(done.attemptCount).toBe(2);
    expect(done.attempts[0]).toMatchObject({ number: 1, success: false, responseStatus: null, responseBody: null });
    expect(done.attempts[0]!.error).toMatch(/timed out/);
    expect(done.attempts[0]!.durationMs).toBeGreaterThanOrEqual(250);
    expect(done.attempts[0]!.durationMs).toBeLessThan(3_000);
    expect(done.attempts[1]).toMatchObject({ number: 2, success: true, responseStatus: 200 });
  });
});

describe('webhook-timestamp', () => {
  let server: TestServer;
  beforeAll(async () => {
    // A retry more than a second later, so the two attempts fall in different Unix seconds.
    server = await startTestServer({ retryScheduleMs: [1_100] });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('is the time of each attempt, while body and webhook-id stay the same', async () => {
    const r = await receiver((_req, n) => (n === 1 ? { status: 500 } : { status: 200 }));
    const { app, type, endpoint } = await setupEndpoint(server, r.url);
    const published = await publish(server, app.id, type, { n: 8 });
    const done = await waitForStatus(server, published.deliveries[0]!.id, 'SUCCEEDED');

    expect(r.requests).toHaveLength(2);
    const stamps = r.requests.map((q) => Number(q.headers['webhook-timestamp']));
    const attemptSeconds = done.attempts.map((a) => Math.floor(Date.parse(a.startedAt) / 1000));
    expect(stamps).toEqual(attemptSeconds);
    expect(stamps[1]).toBeGreaterThan(stamps[0]!);
    expect(r.requests[1]!.body).toBe(r.requests[0]!.body);
    expect(r.requests[1]!.headers['webhook-id']).toBe(r.requests[0]!.headers['webhook-id']);
    for (const request of r.requests) {
      expect(() => new StandardWebhook(endpoint.secret).verify(request.body, webhookHeaders(request))).not.toThrow();
    }
  });
});

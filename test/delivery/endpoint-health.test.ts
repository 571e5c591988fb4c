import { describe, expect, it } from 'vitest';
import { CreateEndpointDocument, EndpointHealthDocument, UpdateEndpointDocument } from '../generated/graphql.js';
import { createApplication, createEventType, publish, setupEndpoint } from '../support/fixtures.js';
import { receiversClosedAfterEach } from '../support/receiver.js';
import { useTestServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';
import { readDelivery, waitForStatus } from './delivery-helpers.js';

// Endpoint health and what the receiver says, end to end: a real server, real receivers.

const receiver = receiversClosedAfterEach();

async function health(server: TestServer, id: string) {
  const { endpoint } = await server.admin.run(EndpointHealthDocument, { id });
  if (!endpoint) throw new Error(`endpoint ${id} is not visible`);
  return endpoint;
}

function waitForHealth(server: TestServer, id: string, state: string, timeoutMs = 10_000) {
  return waitFor(`endpoint ${id} to be ${state}`, async () => {
    const e = await health(server, id);
    return e.health.state === state && e;
  }, timeoutMs);
}

const gap = (d: Awaited<ReturnType<typeof readDelivery>>, i: number) => Date.parse(d.attempts[i + 1]!.startedAt) - Date.parse(d.attempts[i]!.startedAt);

describe('Retry-After', () => {
  let server: TestServer;
  useTestServer((s) => (server = s), { retryAfterMaxMs: 1500 });

  it('a 429 with Retry-After in seconds delays the next attempt at least that long, and the attempt records the delay', async () => {
    const r = await receiver((_q, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 }));
    const { app, type } = await setupEndpoint(server, r.url);
    const done = await waitForStatus(server, (await publish(server, app.id, type, {})).deliveries[0]!.id, 'SUCCEEDED');
    expect(done.attempts.map((a) => [a.responseStatus, a.retryAfterMs])).toEqual([[429, 1000], [200, null]]);
    expect(gap(done, 0)).toBeGreaterThanOrEqual(1000);
  });

  it('a 503 with Retry-After as an HTTP date waits until then', async () => {
    let asked = 0;
    const r = await receiver((_q, n) => {
      if (n > 1) return { status: 200 };
      asked = Math.ceil((Date.now() + 1000) / 1000) * 1000 + 1000; // a whole second, 1-2 s ahead
      return { status: 503, headers: { 'retry-after': new Date(asked).toUTCString() } };
    });
    const { app, type } = await setupEndpoint(server, r.url);
    const done = await waitForStatus(server, (await publish(server, app.id, type, {})).deliveries[0]!.id, 'SUCCEEDED');
    expect(done.attempts[0]!.retryAfterMs).toBeGreaterThan(500);
    expect(done.attempts[0]!.retryAfterMs).toBeLessThanOrEqual(1500);
    expect(Date.parse(done.attempts[1]!.startedAt)).toBeGreaterThanOrEqual(Math.min(asked, Date.parse(done.attempts[0]!.startedAt) + 1500) - 50);
  });

  it('is capped by TIDINGS_RETRY_AFTER_MAX', async () => {
    const r = await receiver((_q, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '3600' } } : { status: 200 }));
    const { app, type } = await setupEndpoint(server, r.url);
    const done = await waitForStatus(server, (await publish(server, app.id, type, {})).deliveries[0]!.id, 'SUCCEEDED');
    expect(done.attempts[0]!.retryAfterMs).toBe(1500);
    expect(gap(done, 0)).toBeGreaterThanOrEqual(1500);
    expect(gap(done, 0)).toBeLessThan(5000);
  });
});

describe('410 Gone and per-endpoint settings', () => {
  let server: TestServer;
  useTestServer((s) => (server = s));

  it('410 Gone disables the endpoint at once (GONE); its deliveries wait and go out once it is enabled, with its health reset', async () => {
    let gone = true;
    const r = await receiver(() => (gone ? { status: 410 } : { status: 200 }));
    const { app, type, endpoint } = await setupEndpoint(server, r.url);
    const first = (await publish(server, app.id, type, { n: 1 })).deliveries[0]!.id;
    const disabled = await waitForHealth(server, endpoint.id, 'DISABLED');
    expect(disabled).toMatchObject({ enabled: false, health: { disabledReason: 'GONE', consecutiveFailures: 1 } });
    const second = (await publish(server, app.id, type, { n: 2 })).deliveries[0]!.id;
    expect(await readDelivery(server, first)).toMatchObject({ status: 'RETRYING', attemptCount: 1 });
    expect(await readDelivery(server, second)).toMatchObject({ status: 'PENDING', attemptCount: 0 });
    expect(r.requests).toHaveLength(1);

    gone = false;
    const { updateEndpoint } = await server.admin.run(UpdateEndpointDocument, { input: { id: endpoint.id, enabled: true } });
    expect(updateEndpoint.endpoint.enabled).toBe(true);
    expect((await health(server, endpoint.id)).health).toMatchObject({ state: 'HEALTHY', consecutiveFailures: 0, disabledReason: null, failingSince: null });
    expect(await waitForStatus(server, first, 'SUCCEEDED')).toMatchObject({ attemptCount: 2 });
    expect(await waitForStatus(server, second, 'SUCCEEDED')).toMatchObject({ attemptCount: 1 });
  });

  it('an endpoint\'s own timeout and retry schedule, written like the environment, replace the platform\'s', async () => {
    const r = await receiver(() => ({ status: 200, delayMs: 1000 }));
    const app = await createApplication(server);
    const type = await createEventType(server);
    const { createEndpoint } = await server.admin.run(CreateEndpointDocument, {
      input: { applicationId: app.id, url: r.url, timeout: '300ms', retrySchedule: ['200ms'] },
    });
    const id = createEndpoint.endpoint.id;
    expect(await health(server, id)).toMatchObject({ timeout: '300ms', retrySchedule: ['200ms'] });
    const failed = await waitForStatus(server, (await publish(server, app.id, type, {})).deliveries[0]!.id, 'FAILED');
    // One delay in its schedule: two attempts, each cut at 300ms (the platform's timeout is 2s).
    expect(failed.attempts).toHaveLength(2);
    for (const a of failed.attempts) expect(a.error).toBe('timed out after 300ms');
    expect(gap(failed, 0)).toBeGreaterThanOrEqual(200);

    const { updateEndpoint } = await server.admin.run(UpdateEndpointDocument, { input: { id, timeout: null, retrySchedule: ['1m', '90s'] } });
    expect(updateEndpoint.endpoint.id).toBe(id);
    expect(await health(server, id)).toMatchObject({ timeout: null, retrySchedule: ['1m', '90s'] });
  });

  it('refuses a timeout or retry schedule that is not a duration, or a timeout that outlasts the lease, changing nothing', async () => {
    const app = await createApplication(server);
    for (const input of [{ timeout: '10' }, { timeout: 'soon' }, { retrySchedule: ['5s', 'later'] }, { timeout: '1h' }]) {
      const error = await server.admin.fail(CreateEndpointDocument, { input: { applicationId: app.id, url: 'http://127.0.0.1:9/hook', ...input } }, 'BAD_USER_INPUT');
      expect(error.message).toMatch(/timeout|retrySchedule/);
    }
  });
});

describe('circuit breaker', () => {
  let server: TestServer;
  useTestServer((s) => (server = s), { circuitFailures: 3, circuitCooldownMs: 3000, retryScheduleMs: [50, 50, 50, 50, 50, 50], endpointConcurrency: 1 });

  it('opens after consecutive failures: queued deliveries keep their attempt counts; the probe after the cool-down closes it and they flow', async () => {
    let down = true;
    const r = await receiver(() => (down ? { status: 500 } : { status: 200 }));
    const { app, type, endpoint } = await setupEndpoint(server, r.url);
    const first = (await publish(server, app.id, type, { n: 0 })).deliveries[0]!.id;
    const open = await waitForHealth(server, endpoint.id, 'CIRCUIT_OPEN');
    expect(open.health.consecutiveFailures).toBe(3);
    expect(Date.parse(open.health.circuitOpenUntil!)).toBeGreaterThan(Date.parse(open.health.lastFailureAt!));
    const queued = [];
    for (let n = 1; n <= 5; n++) queued.push((await publish(server, app.id, type, { n })).deliveries[0]!.id);
    for (const id of queued) expect(await readDelivery(server, id)).toMatchObject({ status: 'PENDING', attemptCount: 0 });
    expect(await readDelivery(server, first)).toMatchObject({ status: 'RETRYING', attemptCount: 3 });
    expect(r.requests).toHaveLength(3);

    down = false;
    for (const id of queued) expect(await waitForStatus(server, id, 'SUCCEEDED')).toMatchObject({ attemptCount: 1 });
    expect(await waitForStatus(server, first, 'SUCCEEDED')).toMatchObject({ attemptCount: 4 });
    expect((await health(server, endpoint.id)).health).toMatchObject({ state: 'HEALTHY', consecutiveFailures: 0, circuitOpenUntil: null });
    // The first attempt after the cool-down was a single probe: no attempt during the cool-down.
    const afterOpen = r.requests.slice(3);
    expect(afterOpen[0]!.receivedAt).toBeGreaterThanOrEqual(Date.parse(open.health.circuitOpenUntil!) - 5);
    expect(r.requests).toHaveLength(3 + 6);
  });
});

describe('auto-disable', () => {
  let server: TestServer;
  useTestServer((s) => (server = s), { disableAfterMs: 400, circuitFailures: 1000, retryScheduleMs: Array(40).fill(50) });

  it('disables an endpoint that fails without success for TIDINGS_DISABLE_AFTER (reason FAILING); enabling it resets its health', async () => {
    const r = await receiver(() => ({ status: 500 }));
    const { app, type, endpoint } = await setupEndpoint(server, r.url);
    const id = (await publish(server, app.id, type, {})).deliveries[0]!.id;
    const disabled = await waitForHealth(server, endpoint.id, 'DISABLED');
    expect(disabled).toMatchObject({ enabled: false, health: { disabledReason: 'FAILING' } });
    expect(Date.parse(disabled.health.lastFailureAt!) - Date.parse(disabled.health.failingSince!)).toBeGreaterThanOrEqual(400);
    const attempts = (await readDelivery(server, id)).attemptCount;
    expect((await readDelivery(server, id)).status).toBe('RETRYING');

    r.respond(() => ({ status: 200 }));
    await server.admin.run(UpdateEndpointDocument, { input: { id: endpoint.id, enabled: true } });
    expect((await health(server, endpoint.id)).health).toMatchObject({ state: 'HEALTHY', consecutiveFailures: 0, failingSince: null, disabledReason: null });
    expect(await waitForStatus(server, id, 'SUCCEEDED')).toMatchObject({ attemptCount: attempts + 1 });
  });
});

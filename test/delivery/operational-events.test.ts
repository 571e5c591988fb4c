import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import {
  ApplicationDocument, EndpointHealthChangedDocument, EndpointHealthDocument, EventsDocument, EventTypeDocument, OperationsApplicationDocument, UpdateEndpointDocument,
} from '../generated/graphql.js';
import { createApplication, createEndpoint, publish, setupEndpoint } from '../support/fixtures.js';
import { subscribeWs } from '../support/live.js';
import { receiversClosedAfterEach } from '../support/receiver.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';
import { webhookHeaders } from './delivery-helpers.js';

// Operational events: Tidings tells the platform about endpoints through its own pipeline.

const receiver = receiversClosedAfterEach();

async function opsApp(server: TestServer) {
  return (await server.admin.run(OperationsApplicationDocument, {})).operationsApplication;
}

async function opsEvents(server: TestServer) {
  const { events } = await server.admin.run(EventsDocument, { applicationId: (await opsApp(server)).id, first: 100 });
  return events.edges.map((e) => ({ type: e.node.type, payload: e.node.payload as Record<string, unknown> }));
}

function waitForState(server: TestServer, id: string, state: string) {
  return waitFor(`endpoint ${id} to be ${state}`, async () => {
    const { endpoint } = await server.admin.run(EndpointHealthDocument, { id });
    return endpoint?.health.state === state && endpoint;
  });
}

/** A server for the describe block that may be restarted by its tests (the current one is stopped after). */
function restartableServer(overrides: Partial<Config> = {}) {
  const holder: { server: TestServer } = {} as never;
  beforeAll(async () => {
    holder.server = await startTestServer(overrides);
  });
  afterAll(async () => {
    await holder.server?.stop();
  });
  return holder;
}

describe('the operations application', () => {
  const current = restartableServer();

  it('exists from the start, one per installation, with the operational event types; only the admin sees it', async () => {
    let server = current.server;
    const app = await opsApp(server);
    expect(app.name).toBe('Tidings operations');
    for (const name of ['tidings.endpoint.disabled', 'tidings.endpoint.enabled', 'tidings.endpoint.circuit_opened', 'tidings.endpoint.recovered', 'tidings.delivery.exhausted']) {
      expect((await server.admin.run(EventTypeDocument, { name })).eventType?.name).toBe(name);
    }
    const tenant = await createApplication(server);
    await tenant.client.fail(OperationsApplicationDocument, {}, 'FORBIDDEN');
    expect((await tenant.client.run(ApplicationDocument, { id: app.id })).application).toBeNull();
    server = current.server = await server.restart();
    expect((await opsApp(server)).id).toBe(app.id);
  });
});

describe('operational events', () => {
  const current = restartableServer({ disableAfterMs: 400, circuitFailures: 1000, retryScheduleMs: Array(40).fill(50) });

  it('auto-disable sends a signed tidings.endpoint.disabled naming application, endpoint and reason; re-enabling sends tidings.endpoint.enabled', async () => {
    const server = current.server;
    const ops = await opsApp(server);
    const platform = await receiver();
    const opsEndpoint = await createEndpoint(server, ops.id, platform.url, { eventTypes: ['tidings.endpoint.*'] });
    const down = await receiver(() => ({ status: 500 }));
    const { app, type, endpoint } = await setupEndpoint(server, down.url);
    const feed = await subscribeWs(server.wsUrl, server.admin.token, EndpointHealthChangedDocument, { filter: { endpointId: endpoint.id } });
    try {
      await waitFor('the health subscription', () => server.app.deps.healthFeed.subscribers >= 1);
      await publish(server, app.id, type, {});
      const [request] = await platform.waitForRequests(1);
      const body = new StandardWebhook(opsEndpoint.secret).verify(request!.body, webhookHeaders(request!)) as { type: string; data: Record<string, unknown> };
      expect(body.type).toBe('tidings.endpoint.disabled');
      expect(body.data).toMatchObject({ applicationId: app.id, endpointId: endpoint.id, endpointUrl: down.url, reason: 'FAILING' });
      await feed.next('DISABLED', (m) => m.endpointHealthChanged.health.state === 'DISABLED');
      expect(feed.messages.map((m) => m.endpointHealthChanged.health.state)).toEqual(['FAILING', 'DISABLED']);
      expect(feed.messages[1]!.endpointHealthChanged).toMatchObject({ id: endpoint.id, enabled: false, health: { disabledReason: 'FAILING' } });

      down.respond(() => ({ status: 200 }));
      await server.admin.run(UpdateEndpointDocument, { input: { id: endpoint.id, enabled: true } });
      const [, enabled] = await platform.waitForRequests(2);
      expect(JSON.parse(enabled!.body)).toMatchObject({ type: 'tidings.endpoint.enabled', data: { endpointId: endpoint.id, applicationId: app.id } });
      await feed.next('HEALTHY', (m) => m.endpointHealthChanged.health.state === 'HEALTHY');
    } finally {
      await feed.close();
    }
  });

  it('an exhausted delivery sends tidings.delivery.exhausted; an operational endpoint that fails never produces events about itself', async () => {
    let server = current.server;
    const ops = await opsApp(server);
    const platform = await receiver();
    await createEndpoint(server, ops.id, platform.url, { eventTypes: ['tidings.delivery.exhausted'] });
    const broken = await receiver(() => ({ status: 500 }));
    const brokenOps = await createEndpoint(server, ops.id, broken.url);
    // The tenant's endpoint has a retry schedule of no delays: its one attempt fails, the delivery is exhausted.
    const t2 = await setupEndpoint(server, (await receiver(() => ({ status: 500 }))).url);
    await server.admin.run(UpdateEndpointDocument, { input: { id: t2.endpoint.id, retrySchedule: [] } });
    const published = await publish(server, t2.app.id, t2.type, { n: 1 });
    const [request] = await platform.waitForRequests(1);
    expect(JSON.parse(request!.body)).toMatchObject({
      type: 'tidings.delivery.exhausted',
      data: { applicationId: t2.app.id, endpointId: t2.endpoint.id, deliveryId: published.deliveries[0]!.id, attemptCount: 1, reason: 'the retry schedule is exhausted' },
    });
    // The broken operational endpoint gets every operational event, fails until it is disabled, and
    // none of that comes back as an operational event.
    await waitForState(server, brokenOps.id, 'DISABLED');
    server = current.server = await server.restart(); // lets the attempts in flight finish
    const events = await opsEvents(server);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.filter((e) => e.payload.endpointId === brokenOps.id)).toEqual([]);
    expect(events.filter((e) => e.payload.applicationId === ops.id)).toEqual([]);
  });
});

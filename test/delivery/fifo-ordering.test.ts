import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateEndpointDocument } from '../generated/graphql.js';
import { publish, setupEndpoint } from '../support/fixtures.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { waitForStatus } from './delivery-helpers.js';

// FIFO ordering end to end: a real server, a real receiver that fails in the middle, a restart.

const DELAY_MS = 40;

describe('a FIFO endpoint', () => {
  let server: TestServer;
  let receiver: Receiver;
  beforeAll(async () => {
    server = await startTestServer({ retryScheduleMs: [100, 100, 100] });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it('gets its deliveries strictly in publish order, one at a time, through a failing delivery and a worker restart', async () => {
    const { app, type, endpoint } = await setupEndpoint(server, receiver.url);
    await server.admin.run(UpdateEndpointDocument, { input: { id: endpoint.id, ordering: 'FIFO' } });
    // The third event fails twice, then succeeds; every answer takes DELAY_MS.
    let failuresLeft = 2;
    receiver.respond((request) => {
      const n = JSON.parse(request.body).data.n as number;
      if (n === 3 && failuresLeft > 0) return failuresLeft--, { status: 500, delayMs: DELAY_MS };
      return { status: 200, delayMs: DELAY_MS };
    });
    const published: { eventId: string; deliveryId: string }[] = [];
    for (let n = 1; n <= 8; n++) {
      const p = await publish(server, app.id, type, { n });
      published.push({ eventId: p.event.id, deliveryId: p.deliveries[0]!.id });
    }
    await receiver.waitForRequests(5);
    server = await server.restart(); // waits for the attempt in flight, then a new worker picks up
    for (const { deliveryId } of published) await waitForStatus(server, deliveryId, 'SUCCEEDED');

    const order = receiver.requests.map((r) => String(r.headers['webhook-id']));
    const expected = published.flatMap(({ eventId }, i) => (i === 2 ? [eventId, eventId, eventId] : [eventId]));
    expect(order).toEqual(expected);
    // One in flight: each request arrives after the previous one was answered.
    for (let i = 1; i < receiver.requests.length; i++) {
      expect(receiver.requests[i]!.receivedAt - receiver.requests[i - 1]!.receivedAt).toBeGreaterThanOrEqual(DELAY_MS - 2);
    }
  });
});

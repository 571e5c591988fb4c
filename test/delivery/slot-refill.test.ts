import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { UpdateEndpointDocument } from '../generated/graphql.js';
import { publish, setupEndpoint } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// A worker fills an endpoint's slot from the endpoint's own due work as soon as the slot is given
// back, and fresh deliveries go to free slots as they are published: neither waits for the claim
// loop's poll, which these servers set to an hour. The receiver counts the requests it holds open.

const AN_HOUR = 3_600_000;

interface CountingReceiver { url: string; bodies: string[]; maxOpen: number; close(): Promise<void> }

async function countingReceiver(delayMs: number): Promise<CountingReceiver> {
  let open = 0;
  const state = { bodies: [] as string[], maxOpen: 0 };
  const server = http.createServer((req, res) => {
    open++;
    state.maxOpen = Math.max(state.maxOpen, open);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.bodies.push(Buffer.concat(chunks).toString('utf8'));
      setTimeout(() => {
        open--;
        res.writeHead(200).end('ok');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    get bodies() { return state.bodies; },
    get maxOpen() { return state.maxOpen; },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('an endpoint with more due work than slots', () => {
  let server: TestServer | undefined;
  let receiver: CountingReceiver | undefined;
  afterEach(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it('gets its backlog through its share of slots, refilled as each request ends, never more in flight than its share', async () => {
    server = await startTestServer({ endpointConcurrency: 2, workerPollMs: AN_HOUR });
    receiver = await countingReceiver(30);
    const { app, type } = await setupEndpoint(server, receiver.url);
    await Promise.all(Array.from({ length: 20 }, (_, n) => publish(server!, app.id, type, { n })));
    await waitFor('all 20 deliveries to arrive', () => receiver!.bodies.length >= 20, 20_000);
    expect(receiver.maxOpen).toBe(2);
    expect(new Set(receiver.bodies.map((b) => JSON.parse(b).data.n)).size).toBe(20);
  });

  it('gets a FIFO endpoint\'s deliveries one after the other, each claimed as the one before it ends', async () => {
    server = await startTestServer({ workerPollMs: AN_HOUR });
    receiver = await countingReceiver(10);
    const { app, type, endpoint } = await setupEndpoint(server, receiver.url);
    await server.admin.run(UpdateEndpointDocument, { input: { id: endpoint.id, ordering: 'FIFO' } });
    for (let n = 1; n <= 6; n++) await publish(server, app.id, type, { n });
    await waitFor('all 6 deliveries to arrive', () => receiver!.bodies.length >= 6, 20_000);
    expect(receiver.bodies.map((b) => JSON.parse(b).data.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(receiver.maxOpen).toBe(1);
  });
});

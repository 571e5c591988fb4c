import net from 'node:net';
import { DeliveryDocument, type DeliveryQuery, type DeliveryStatus } from '../generated/graphql.js';
import type { ReceivedRequest } from '../support/receiver.js';
import type { TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// Small helpers shared by the delivery tests: read a delivery through the API, wait for a state.

export type DeliveryView = NonNullable<DeliveryQuery['delivery']>;

/** The delivery as the admin sees it, with its attempts; fails when it is not visible. */
export async function readDelivery(server: TestServer, id: string): Promise<DeliveryView> {
  const { delivery } = await server.admin.run(DeliveryDocument, { id });
  if (!delivery) throw new Error(`delivery ${id} is not visible to the admin`);
  return delivery;
}

/** Waits until the delivery matches `predicate` (read through the API) and returns it. */
export function waitForDelivery(server: TestServer, id: string, what: string, predicate: (d: DeliveryView) => boolean, timeoutMs?: number): Promise<DeliveryView> {
  return waitFor(`delivery ${id} ${what}`, async () => {
    const d = await readDelivery(server, id);
    return predicate(d) && d;
  }, timeoutMs);
}

export function waitForStatus(server: TestServer, id: string, status: DeliveryStatus, timeoutMs?: number): Promise<DeliveryView> {
  return waitForDelivery(server, id, `to be ${status}`, (d) => d.status === status, timeoutMs);
}

/** The Standard Webhooks headers of a received request, as the verifying libraries take them. */
export function webhookHeaders(request: ReceivedRequest): Record<string, string> {
  return {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  };
}

/** A TCP port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

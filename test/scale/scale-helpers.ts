import fs from 'node:fs';
import { CreateApplicationDocument, CreateEndpointDocument, CreateEventTypeDocument, DeliveriesDocument, PublishEventDocument, type DeliveryStatus } from '../generated/graphql.js';
import { startMongoServer, type MongoServer } from '../support/ferretdb.js';
import type { GqlClient } from '../support/gql.js';
import type { ReceivedRequest } from '../support/receiver.js';

// Shared steps of the scale tests: set up through the API, publish many events, read statuses back.

let databases = 0;
/** A database name no other test (or earlier run) uses. */
export const uniqueDbName = (label: string) => `tidings_scale_${label}_${process.pid}_${Date.now()}_${++databases}`;

/** An application, one event type and `endpoints` endpoints pointing at the receiver. */
export async function setupApplication(admin: GqlClient, receiverUrl: string, endpoints: number, label: string) {
  const { createApplication } = await admin.run(CreateApplicationDocument, { name: `Scale ${label}` });
  const applicationId = createApplication.application.id;
  const type = `scale.${label}`;
  await admin.run(CreateEventTypeDocument, { input: { name: type } });
  const endpointIds: string[] = [];
  for (let i = 0; i < endpoints; i++) {
    const { createEndpoint } = await admin.run(CreateEndpointDocument, { input: { applicationId, url: `${receiverUrl}?endpoint=${i}` } });
    endpointIds.push(createEndpoint.endpoint.id);
  }
  return { applicationId, type, endpointIds };
}

/** Publishes `count` events with at most `concurrency` requests in flight; returns every delivery ID created. */
export async function publishMany(admin: GqlClient, applicationId: string, type: string, count: number, concurrency: number, offset = 0): Promise<string[]> {
  const deliveryIds: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      const { publishEvent } = await admin.run(PublishEventDocument, { input: { applicationId, type, payload: { i: offset + i } } });
      deliveryIds.push(...publishEvent.deliveries.map((d) => d.id));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return deliveryIds;
}

/** The IDs of every delivery in the given statuses, read page by page through the API. */
export async function deliveryIdsWithStatus(admin: GqlClient, status: DeliveryStatus[], maxPages = 1000): Promise<Set<string>> {
  const ids = new Set<string>();
  let after: string | null | undefined;
  for (let page = 0; page < maxPages; page++) {
    const { deliveries } = await admin.run(DeliveriesDocument, { filter: { status }, first: 100, after });
    for (const edge of deliveries.edges) ids.add(edge.node.id);
    if (!deliveries.pageInfo.hasNextPage) return ids;
    after = deliveries.pageInfo.endCursor;
  }
  throw new Error(`more than ${maxPages} pages of deliveries`);
}

export const SUCCEEDED: DeliveryStatus[] = ['SUCCEEDED'];

/** How often the receiver saw each (tidings-delivery-id, tidings-attempt) pair. */
export function attemptPairs(requests: ReceivedRequest[]): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const r of requests) {
    const key = `${String(r.headers['tidings-delivery-id'])}#${String(r.headers['tidings-attempt'])}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  return pairs;
}

export const uniqueDeliveryIds = (requests: ReceivedRequest[]) => new Set(requests.map((r) => String(r.headers['tidings-delivery-id'])));

/** Entries seen more than once. */
export const repeated = (counts: Map<string, number>) => [...counts].filter(([, n]) => n > 1);

/**
 * FerretDB (startMongoServer) with its SQLite files on tmpfs (/dev/shm) when the machine has one.
 * On disk, FerretDB's SQLite backend commits every write with an fsync and makes concurrent writers
 * queue on SQLite's busy handler: a few writes per second under the load of several workers, which
 * would make these tests measure the disk instead of Tidings. TIDINGS_TEST_FERRETDB_ON_DISK=1 keeps it on disk.
 */
export async function startMongoServerOnTmpfs(): Promise<MongoServer> {
  const useTmpfs = !process.env.TIDINGS_TEST_FERRETDB_ON_DISK && fs.existsSync('/dev/shm') && fs.statSync('/dev/shm').isDirectory();
  if (!useTmpfs) return startMongoServer();
  const before = process.env.TMPDIR;
  process.env.TMPDIR = '/dev/shm';
  // startMongoServer creates its data folder under os.tmpdir() before its first await.
  const starting = startMongoServer();
  if (before === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = before;
  return starting;
}

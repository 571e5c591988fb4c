import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateEndpointDocument } from '../generated/graphql.js';
import type { MongoServer } from '../support/ferretdb.js';
import { startTidingsProcess, stopAllTidingsProcesses, type TidingsProcess } from '../support/processes.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { waitFor } from '../support/wait.js';
import { publishMany, setupApplication, startMongoServerOnTmpfs, uniqueDbName, uniqueDeliveryIds } from './scale-helpers.js';

// A per-endpoint rate limit held by three worker processes together on one MongoDB (FerretDB):
// attempts to the endpoint never exceed the limit by more than 10% over any 5-second window,
// every delivery still arrives, and an endpoint without a limit is not held back.

const LIMIT = 10;
const EVENTS = 80;
const WORKERS = 3;

describe('a rate-limited endpoint with three worker processes on one MongoDB', () => {
  let mongo: MongoServer | undefined;
  let receiver: Receiver | undefined;
  let api: TidingsProcess;

  beforeAll(async () => {
    mongo = await startMongoServerOnTmpfs();
    receiver = await startReceiver();
    const env = { MONGODB_URI: mongo.uri, TIDINGS_MONGODB_DB: uniqueDbName('rate') };
    api = await startTidingsProcess({ ...env, TIDINGS_ROLE: 'api' });
    await Promise.all(Array.from({ length: WORKERS }, () => startTidingsProcess({ ...env, TIDINGS_ROLE: 'worker' })));
  }, 90_000);

  afterAll(async () => {
    await stopAllTidingsProcesses();
    await receiver?.close();
    await mongo?.destroy();
  });

  it(`sends at most ${LIMIT}/s (+10% over any 5 s) to it, summed over the workers, and delivers everything`, async () => {
    const { applicationId, type, endpointIds } = await setupApplication(api.admin, receiver!.url, 2, 'rate');
    const [limitedId] = endpointIds;
    await api.admin.run(UpdateEndpointDocument, { input: { id: limitedId!, rateLimitPerSecond: LIMIT } });
    const published = await publishMany(api.admin, applicationId, type, EVENTS, 10);
    expect(published).toHaveLength(EVENTS * 2);

    const limited = () => receiver!.requests.filter((r) => r.path.endsWith('endpoint=0'));
    const unlimited = () => receiver!.requests.filter((r) => r.path.endsWith('endpoint=1'));
    // The endpoint without a limit gets everything long before the limited one can.
    await waitFor('the unlimited endpoint to get every delivery', () => uniqueDeliveryIds(unlimited()).size >= EVENTS, 30_000, 100);
    expect(uniqueDeliveryIds(limited()).size).toBeLessThan(EVENTS);
    await waitFor(`all ${EVENTS} deliveries at the limited endpoint`, () => uniqueDeliveryIds(limited()).size >= EVENTS, 60_000, 100);

    const times = limited().map((r) => r.receivedAt).sort((x, y) => x - y);
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 5000).length));
    const span = times[times.length - 1]! - times[0]!;
    console.log(`[rate] ${times.length} attempts at ${LIMIT}/s over ${span}ms with ${WORKERS} workers; busiest 5 s window: ${busiest}`);
    expect(busiest).toBeLessThanOrEqual(LIMIT * 5 * 1.1);
    // Not starved either: the limit is used, not just respected. The bound allows for a loaded CI
    // machine (one run took 17.5 s against the ideal 8 s with the load average at 6); a claimer that
    // held the endpoint back to a fraction of its limit would take several times longer.
    expect(span).toBeLessThan(((EVENTS / LIMIT) * 1000) * 3);
  }, 150_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EndpointHealthDocument } from '../generated/graphql.js';
import type { MongoServer } from '../support/ferretdb.js';
import { startTidingsProcess, stopAllTidingsProcesses, type TidingsProcess } from '../support/processes.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { waitFor } from '../support/wait.js';
import { deliveryIdsWithStatus, publishMany, setupApplication, startMongoServerOnTmpfs, SUCCEEDED, uniqueDbName } from './scale-helpers.js';

// The circuit breaker across three worker processes on one MongoDB (FerretDB): once the circuit of
// a dead endpoint is open, each cool-down ends in exactly one probe attempt in all (not one per
// worker); when the receiver is back, the probe closes the circuit and every delivery arrives.

const EVENTS = 30;

describe('an open circuit with three worker processes on one MongoDB', () => {
  let mongo: MongoServer | undefined;
  let receiver: Receiver | undefined;
  let api: TidingsProcess;

  beforeAll(async () => {
    mongo = await startMongoServerOnTmpfs();
    receiver = await startReceiver();
    const env = {
      MONGODB_URI: mongo.uri, TIDINGS_MONGODB_DB: uniqueDbName('circuit'),
      TIDINGS_CIRCUIT_FAILURES: '3', TIDINGS_CIRCUIT_COOLDOWN: '1s', TIDINGS_RETRY_SCHEDULE: Array(30).fill('100ms').join(','),
    };
    api = await startTidingsProcess({ ...env, TIDINGS_ROLE: 'api' });
    await Promise.all([0, 1, 2].map(() => startTidingsProcess({ ...env, TIDINGS_ROLE: 'worker' })));
  }, 90_000);

  afterAll(async () => {
    await stopAllTidingsProcesses();
    await receiver?.close();
    await mongo?.destroy();
  });

  it('makes one probe per cool-down across the workers, and the probe that succeeds lets everything through', async () => {
    let down = true;
    receiver!.respond(() => (down ? { status: 500 } : { status: 200 }));
    const { applicationId, type, endpointIds } = await setupApplication(api.admin, receiver!.url, 1, 'circuit');
    const published = await publishMany(api.admin, applicationId, type, EVENTS, 10);
    await waitFor('the circuit to open', async () => (await api.admin.run(EndpointHealthDocument, { id: endpointIds[0]! })).endpoint?.health.state === 'CIRCUIT_OPEN');
    const openSeenAt = Date.now();

    /**
     * Requests in bursts separated by at least 500 ms (the cool-down is 1 s, then 2 s). Everything
     * that began before the circuit was seen open is the first burst, however a loaded machine
     * spread it out; each burst after it is one probe.
     */
    const bursts = () => {
      const groups: number[][] = [];
      for (const t of receiver!.requests.map((r) => r.receivedAt)) {
        const last = groups[groups.length - 1];
        if (last && (t - last[last.length - 1]! < 500 || last[0]! <= openSeenAt && t <= openSeenAt)) last.push(t);
        else groups.push([t]);
      }
      return groups;
    };
    await waitFor('two failed probes after the first burst', () => bursts().length >= 3, 20_000, 50);
    const whileDown = bursts();
    down = false;
    await waitFor(`all ${EVENTS} SUCCEEDED`, async () => (await deliveryIdsWithStatus(api.admin, SUCCEEDED)).size >= EVENTS, 30_000, 250);

    const probes = whileDown.slice(1, 3);
    console.log(`[circuit] first burst ${whileDown[0]!.length} attempts, then probes of ${probes.map((p) => p.length).join(', ')} at gaps ${probes.map((p, i) => p[0]! - (i === 0 ? whileDown[0]! : probes[i - 1]!).at(-1)!).join(', ')} ms`);
    for (const probe of probes) expect(probe).toHaveLength(1);
    expect(probes[1]![0]! - probes[0]![0]!).toBeGreaterThanOrEqual(1900); // the cool-down doubled
    expect(published).toHaveLength(EVENTS);
    expect((await api.admin.run(EndpointHealthDocument, { id: endpointIds[0]! })).endpoint?.health).toMatchObject({ state: 'HEALTHY', consecutiveFailures: 0 });
  }, 120_000);
});

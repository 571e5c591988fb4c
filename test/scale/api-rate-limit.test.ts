import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateApplicationDocument } from '../generated/graphql.js';
import type { MongoServer } from '../support/ferretdb.js';
import { startTidingsProcess, stopAllTidingsProcesses, type TidingsProcess } from '../support/processes.js';
import { startMongoServerOnTmpfs, uniqueDbName } from './scale-helpers.js';

// One credential's API rate limit held by two API processes together on one MongoDB (FerretDB):
// both flooded with the same key for a few seconds, they accept in total within 10% of
// rate × seconds + burst (the bucket's state is shared through the store, not per process).

const RATE = 20;
const BURST = 20;
const SECONDS = 6;
const LANES = 8;

describe('an API rate limit with two API processes on one MongoDB', () => {
  let mongo: MongoServer | undefined;
  let apis: TidingsProcess[] = [];

  beforeAll(async () => {
    mongo = await startMongoServerOnTmpfs();
    const env = { MONGODB_URI: mongo.uri, TIDINGS_MONGODB_DB: uniqueDbName('apirate'), TIDINGS_ROLE: 'api', TIDINGS_API_RATE: String(RATE), TIDINGS_API_BURST: String(BURST) };
    apis = await Promise.all([startTidingsProcess(env), startTidingsProcess(env)]);
  }, 90_000);

  afterAll(async () => {
    await stopAllTidingsProcesses();
    await mongo?.destroy();
  });

  it(`accepts rate × seconds + burst (±10%) in total from one key sent to both as fast as they answer`, async () => {
    const { createApplication } = await apis[0]!.admin.run(CreateApplicationDocument, { name: 'Flooder' });
    const key = createApplication.apiKey;
    const counts = apis.map(() => ({ accepted: 0, refused: 0, other: 0 }));
    const started = Date.now();
    const until = started + SECONDS * 1000;
    const lane = async (i: number) => {
      while (Date.now() < until) {
        const res = await fetch(apis[i]!.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        await res.arrayBuffer();
        const count = counts[i]!;
        if (res.status === 200) count.accepted++;
        else if (res.status === 429) count.refused++;
        else count.other++;
      }
    };
    await Promise.all(apis.flatMap((_, i) => Array.from({ length: LANES }, () => lane(i))));
    const seconds = (Date.now() - started) / 1000;
    const accepted = counts.reduce((sum, c) => sum + c.accepted, 0);
    const expected = RATE * seconds + BURST;
    console.log(`[api-rate] ${JSON.stringify(counts)} over ${seconds.toFixed(2)} s; accepted ${accepted}, expected ${expected.toFixed(0)}`);
    expect(counts.every((c) => c.other === 0)).toBe(true);
    // Both were flooded past the limit, and both served part of it.
    const sent = counts.reduce((sum, c) => sum + c.accepted + c.refused, 0);
    expect(sent, 'requests sent: too few to go over the limit').toBeGreaterThan(expected * 1.5);
    expect(counts.every((c) => c.refused > 0 && c.accepted > 0)).toBe(true);
    expect(Math.abs(accepted - expected)).toBeLessThanOrEqual(expected * 0.1);
  }, 60_000);
});

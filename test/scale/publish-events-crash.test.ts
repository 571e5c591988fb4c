import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EventsPageDocument, PublishEventsDocument } from '../generated/graphql.js';
import type { MongoServer } from '../support/ferretdb.js';
import type { GqlClient } from '../support/gql.js';
import { startTidingsProcess, stopAllTidingsProcesses } from '../support/processes.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { waitFor } from '../support/wait.js';
import { deliveryIdsWithStatus, setupApplication, startMongoServerOnTmpfs, SUCCEEDED, uniqueDbName, uniqueDeliveryIds } from './scale-helpers.js';

// publishEvents answers only once the whole batch is durable: a Tidings process killed (SIGKILL)
// the moment the answer arrives loses nothing of it. The next process on the same data has every
// event and delivery the answer named, no other, and delivers them all.

/** Fewer on FerretDB, whose deliveries are slower on a shared machine. */
const EVENTS_ON = { SQLite: 200, MongoDB: 100 };
const ENDPOINTS = 5;

async function allEventIds(admin: GqlClient): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null | undefined;
  for (;;) {
    const { events } = await admin.run(EventsPageDocument, { first: 1000, after });
    ids.push(...events.edges.map((e) => e.node.id));
    if (!events.pageInfo.hasNextPage) return ids.sort();
    after = events.pageInfo.endCursor;
  }
}

for (const kind of ['SQLite', 'MongoDB'] as const) {
  describe(`publishEvents on ${kind}, the process killed as soon as the call returns`, () => {
    const EVENTS = EVENTS_ON[kind];
    let mongo: MongoServer | undefined;
    let receiver: Receiver | undefined;
    let dataDir: string | undefined;

    afterAll(async () => {
      await stopAllTidingsProcesses();
      await receiver?.close();
      await mongo?.destroy();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it(`keeps every event and delivery of a batch of ${EVENTS} events to ${ENDPOINTS} endpoints, and delivers them after the restart`, async () => {
      // Held answers: the kill comes while the first deliveries are still in flight.
      receiver = await startReceiver(() => ({ status: 200, body: 'ok', delayMs: 200 }));
      let env: Record<string, string>;
      if (kind === 'MongoDB') {
        mongo = await startMongoServerOnTmpfs();
        env = { MONGODB_URI: mongo.uri, TIDINGS_MONGODB_DB: uniqueDbName('batch') };
      } else {
        dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-batch-crash-'));
        env = { TIDINGS_DATA_DIR: dataDir };
      }
      env.TIDINGS_MAX_PAGE_SIZE = '1000';
      // Attempts the kill cut short are taken up again once their lease ends.
      env.TIDINGS_DELIVERY_TIMEOUT = '1s';
      env.TIDINGS_LEASE = '2s';
      const first = await startTidingsProcess(env, { startTimeoutMs: 45_000 });
      const { applicationId, type } = await setupApplication(first.admin, receiver.url, ENDPOINTS, `batch${kind}`);
      const events = Array.from({ length: EVENTS }, (_, i) => ({ applicationId, type, payload: { i } }));
      const { publishEvents } = await first.admin.run(PublishEventsDocument, { input: { events } });
      expect((await first.kill()).signal).toBe('SIGKILL');

      expect(publishEvents.results.filter((r) => r.error !== null)).toEqual([]);
      const eventIds = publishEvents.results.map((r) => r.event!.id).sort();
      const deliveryIds = new Set(publishEvents.results.flatMap((r) => r.deliveries.map((d) => d.id)));
      expect(deliveryIds.size).toBe(EVENTS * ENDPOINTS);

      const second = await startTidingsProcess(env, { startTimeoutMs: 45_000 });
      expect(await allEventIds(second.admin)).toEqual(eventIds);
      const succeeded = await waitFor(
        `all ${deliveryIds.size} deliveries SUCCEEDED after the restart`,
        async () => {
          const ids = await deliveryIdsWithStatus(second.admin, SUCCEEDED);
          return ids.size >= deliveryIds.size && ids;
        },
        180_000,
        250,
      );
      expect([...succeeded].sort()).toEqual([...deliveryIds].sort());
      const received = uniqueDeliveryIds(receiver.requests);
      expect([...deliveryIds].filter((id) => !received.has(id))).toEqual([]);
    }, 300_000);
  });
}

import { silentLogger } from '../../src/log.js';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { MongoStore } from '../../src/store/mongo/mongo-store.js';
import type { Store } from '../../src/store/ports.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { startMongoServer, type MongoServer } from '../support/ferretdb.js';
import { GqlClient } from '../support/gql.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { TEST_ADMIN_TOKEN, testConfig } from '../support/server.js';
import { TEST_KEY_RING } from '../support/keys.js';

// A real Tidings server on 127.0.0.1 (port 0) over either store, with a receiver: for delivery
// behaviour that both stores take part in (fan-out, options stored with the endpoint).

export const STORES = ['SQLite', 'MongoDB'] as const;
export type StoreKind = (typeof STORES)[number];

export interface StoreServer {
  admin: GqlClient;
  config: Config;
  receiver: Receiver;
}

let databases = 0;

/** Starts the server (and FerretDB for MongoDB) before the enclosing describe's tests, stops them after. */
export function useServerOn(kind: StoreKind, onStart: (s: StoreServer) => void, overrides: Partial<Config> = {}): void {
  let mongo: MongoServer | undefined;
  let store: Store | undefined;
  let app: App | undefined;
  let receiver: Receiver | undefined;
  beforeAll(async () => {
    const config = testConfig(overrides);
    if (kind === 'MongoDB') {
      mongo = await startMongoServer();
      store = await MongoStore.connect(mongo.uri, `tidings_options_${process.pid}_${++databases}`, { keyRing: TEST_KEY_RING });
    } else {
      store = SqliteStore.inDataDir(config.dataDir);
    }
    app = await createApp({ config, store, log: silentLogger });
    const url = await app.start(0, '127.0.0.1');
    receiver = await startReceiver();
    onStart({ admin: new GqlClient(`${url}/graphql`, TEST_ADMIN_TOKEN), config, receiver });
  }, 30_000);
  afterAll(async () => {
    await app?.stop();
    if (kind === 'MongoDB') await (store as MongoStore | undefined)?.dropDatabase();
    await store?.close();
    await receiver?.close();
    await mongo?.destroy();
  });
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/log.js';
import { createApp, type App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { MongoStore } from '../../src/store/mongo/mongo-store.js';
import type { Store } from '../../src/store/ports.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { MongoServer } from '../support/ferretdb.js';
import { GqlClient } from '../support/gql.js';
import { TEST_ADMIN_TOKEN, testConfig } from '../support/server.js';
import { TEST_KEY_RING } from '../support/keys.js';

// A real Tidings server on either store, for the statistics tests (which must hold on both).

export interface StatsServer {
  app: App;
  graphqlUrl: string;
  wsUrl: string;
  admin: GqlClient;
  client(token: string): GqlClient;
  stop(): Promise<void>;
}

export type StoreKind = 'sqlite' | 'mongo';

let databases = 0;

export async function startStatsServer(kind: StoreKind, mongo: () => MongoServer, overrides: Partial<Config> = {}): Promise<StatsServer> {
  const config = testConfig(overrides);
  let store: Store;
  let drop = async () => {};
  if (kind === 'sqlite') store = SqliteStore.inDataDir(config.dataDir);
  else {
    const m = await MongoStore.connect(mongo().uri, `tidings_stats_${process.pid}_${++databases}`, { keyRing: TEST_KEY_RING });
    store = m;
    drop = () => m.dropDatabase();
  }
  const app = await createApp({ config, store, log: silentLogger });
  const url = await app.start(0, '127.0.0.1');
  const graphqlUrl = `${url}/graphql`;
  return {
    app,
    graphqlUrl,
    wsUrl: graphqlUrl.replace(/^http/, 'ws'),
    admin: new GqlClient(graphqlUrl, TEST_ADMIN_TOKEN),
    client: (token) => new GqlClient(graphqlUrl, token),
    async stop() {
      await app.stop();
      await drop();
      await store.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

export const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-stats-'));

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { TEST_ADMIN_TOKEN } from './admin-token.js';
import { GqlClient } from './gql.js';
import { startReceiver, type Receiver } from './receiver.js';
import { waitFor } from './wait.js';

// A real Tidings server on 127.0.0.1, port 0, with a fresh data folder: the tests' way in.

export { TEST_ADMIN_TOKEN };

export interface TestServer {
  app: App;
  store: SqliteStore;
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  dataDir: string;
  config: Config;
  admin: GqlClient;
  client(token?: string): GqlClient;
  /** Resolves once `count` live subscriptions are listening on this server. */
  waitForSubscribers(count: number): Promise<void>;
  stop(): Promise<void>;
  /** Stops, then starts a new server process-state on the same data folder (what a restart keeps). */
  restart(overrides?: Partial<Config>): Promise<TestServer>;
}

/** Test defaults: loopback receivers allowed, a fast retry schedule, short poll interval. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({
    TIDINGS_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    TIDINGS_ALLOW_PRIVATE_TARGETS: 'true',
    TIDINGS_RETRY_SCHEDULE: '50ms,100ms',
    TIDINGS_RETRY_JITTER: '0',
    TIDINGS_DELIVERY_TIMEOUT: '2s',
    TIDINGS_WORKER_POLL_INTERVAL: '25ms',
    TIDINGS_SHUTDOWN_GRACE: '2s',
    // Tests make many requests quickly with one key: limits far above that (test/security/rate-limits.test.ts sets low ones).
    TIDINGS_API_RATE: '10000',
    TIDINGS_API_BURST: '10000',
    TIDINGS_MAX_SUBSCRIPTIONS_PER_KEY: '10000',
    TIDINGS_MAX_CONNECTIONS_PER_KEY: '10000',
    HOST: '127.0.0.1',
  });
  return { ...base, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-test-')), ...overrides };
}

export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const config = testConfig(overrides);
  const store = SqliteStore.inDataDir(config.dataDir);
  const app = await createApp({ config, store, log: silentLogger });
  const url = await app.start(0, '127.0.0.1');
  const graphqlUrl = `${url}/graphql`;
  const server: TestServer = {
    app,
    store,
    url,
    graphqlUrl,
    wsUrl: graphqlUrl.replace(/^http/, 'ws'),
    dataDir: config.dataDir,
    config,
    admin: new GqlClient(graphqlUrl, TEST_ADMIN_TOKEN),
    client: (token) => new GqlClient(graphqlUrl, token),
    waitForSubscribers: async (count) => {
      await waitFor(`${count} live subscription(s)`, () => app.deps.live.subscribers >= count);
    },
    async stop() {
      await app.stop();
      await store.close();
    },
    async restart(more = {}) {
      await server.stop();
      return startTestServer({ ...overrides, ...more, dataDir: config.dataDir });
    },
  };
  return server;
}

/** One server for a test file (or describe block): started before its tests, stopped after them. */
export function useTestServer(onStart: (server: TestServer) => void, overrides: Partial<Config> = {}): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(overrides);
    onStart(server);
  });
  afterAll(async () => {
    await server?.stop();
  });
}

/** useTestServer, plus one receiver on 127.0.0.1 for the same tests (closed after the server). */
export function useTestServerAndReceiver(onStart: (server: TestServer, receiver: Receiver) => void, overrides: Partial<Config> = {}): void {
  let server: TestServer | undefined;
  let receiver: Receiver | undefined;
  beforeAll(async () => {
    server = await startTestServer(overrides);
    receiver = await startReceiver();
    onStart(server, receiver);
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });
}

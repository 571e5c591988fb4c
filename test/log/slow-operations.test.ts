import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { memoryLogger } from '../../src/log.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { GqlClient } from '../support/gql.js';
import { TEST_ADMIN_TOKEN, testConfig } from '../support/server.js';

// Store and GraphQL operations slower than TIDINGS_SLOW_OPERATION are logged, with what they were.

async function run(slowOperationMs: number) {
  const config = testConfig({ slowOperationMs });
  const store = SqliteStore.inDataDir(config.dataDir);
  const log = memoryLogger();
  const app = await createApp({ config, store, log });
  const url = await app.start(0, '127.0.0.1');
  try {
    await new GqlClient(`${url}/graphql`, TEST_ADMIN_TOKEN).run('{ applications(first: 1) { edges { cursor } } }');
  } finally {
    await app.stop();
    await store.close();
    fs.rmSync(config.dataDir, { recursive: true, force: true });
  }
  return log.lines;
}

describe('slow operations', () => {
  it('are logged as warnings naming the store operation or the GraphQL root field, with the time taken', async () => {
    const lines = await run(0);
    expect(lines).toContainEqual(['warn', 'slow store operation', { operation: 'listApplications', result: 'ok', durationMs: expect.any(Number) }]);
    expect(lines).toContainEqual(['warn', 'slow GraphQL operation', { type: 'query', field: 'applications', durationMs: expect.any(Number) }]);
  });

  it('are the only ones logged: fast ones are not', async () => {
    const lines = await run(10_000);
    expect(lines.filter(([, message]) => message.startsWith('slow'))).toEqual([]);
  });
});

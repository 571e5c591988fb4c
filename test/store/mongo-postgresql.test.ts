import { afterAll, beforeAll } from 'vitest';
import { MongoStore } from '../../src/store/mongo/mongo-store.js';
import { startMongoServer, type MongoServer } from '../support/ferretdb.js';
import { storeContract } from './contract.js';
import { TEST_KEY_RING } from '../support/keys.js';

// The MongoDB store on FerretDB's postgresql handler (a scratch PostgreSQL cluster): its jsonb
// storage refuses what SQLite takes (U+0000 in any string), so the whole contract runs here too.

let server: MongoServer;
let databases = 0;
beforeAll(async () => {
  server = await startMongoServer({ backend: 'postgresql' });
});
afterAll(async () => {
  await server?.destroy();
});

storeContract('MongoDB (FerretDB on PostgreSQL)', async () => {
  const store = await MongoStore.connect(server.uri, `tidings_contract_pg_${process.pid}_${++databases}`, { keyRing: TEST_KEY_RING });
  return {
    store,
    cleanup: async () => {
      await store.dropDatabase();
      await store.close();
    },
  };
});

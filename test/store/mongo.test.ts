import { afterAll, beforeAll } from 'vitest';
import { MongoStore } from '../../src/store/mongo/mongo-store.js';
import { startMongoServer, type MongoServer } from '../support/ferretdb.js';
import { storeContract } from './contract.js';
import { TEST_KEY_RING } from '../support/keys.js';

let server: MongoServer;
let databases = 0;
beforeAll(async () => {
  server = await startMongoServer();
});
afterAll(async () => {
  await server?.destroy();
});

storeContract('MongoDB (FerretDB or TIDINGS_TEST_MONGODB_URI)', async () => {
  const store = await MongoStore.connect(server.uri, `tidings_contract_${process.pid}_${++databases}`, { keyRing: TEST_KEY_RING });
  return {
    store,
    cleanup: async () => {
      await store.dropDatabase();
      await store.close();
    },
  };
});

import type { Config } from '../config.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './ports.js';

/**
 * The store the configuration asks for: MongoDB when MONGODB_URI is set, else the embedded SQLite file.
 * The MongoDB adapter is loaded only then: its driver allocates a 17 MB serialisation buffer when loaded.
 */
export async function openStore(config: Config): Promise<Store> {
  if (config.mongodbUri) {
    const { MongoStore } = await import('./mongo/mongo-store.js');
    return MongoStore.connect(config.mongodbUri, config.mongodbDb);
  }
  return SqliteStore.inDataDir(config.dataDir);
}

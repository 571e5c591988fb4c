import type { Config } from '../config.js';
import { MongoStore } from './mongo/mongo-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './ports.js';

/** The store the configuration asks for: MongoDB when MONGODB_URI is set, else the embedded SQLite file. */
export async function openStore(config: Config): Promise<Store> {
  if (config.mongodbUri) return MongoStore.connect(config.mongodbUri, config.mongodbDb);
  return SqliteStore.inDataDir(config.dataDir);
}

import type { Config } from '../config.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './ports.js';
import type { Logger } from '../log.js';
import { StartupError } from '../startup-error.js';

/**
 * The store the configuration asks for: MongoDB when MONGODB_URI is set, else the embedded SQLite
 * file. Without TIDINGS_ENCRYPTION_KEY the embedded store's key file is used, and `log` says where.
 * The MongoDB adapter is loaded only then: its driver allocates a 17 MB serialisation buffer when loaded.
 */
export async function openStore(config: Config, log?: Pick<Logger, 'info'>): Promise<Store> {
  if (config.mongodbUri) {
    // loadConfig refuses MONGODB_URI without TIDINGS_ENCRYPTION_KEY.
    if (!config.encryptionKeys) throw new StartupError('TIDINGS_ENCRYPTION_KEY is required with MONGODB_URI');
    const { MongoStore } = await import('./mongo/mongo-store.js');
    return MongoStore.connect(config.mongodbUri, config.mongodbDb, { keyRing: config.encryptionKeys });
  }
  const store = SqliteStore.inDataDir(config.dataDir, config.encryptionKeys);
  if (store.keyFile) {
    log?.info(
      `stored secrets are encrypted with the key in ${store.keyFile.path} (${store.keyFile.created ? 'created now' : 'kept from an earlier start'}): ` +
        'back it up with the database, since without it the secrets cannot be read (or set TIDINGS_ENCRYPTION_KEY)',
      { event: 'encryption-key', keyFile: store.keyFile.path, created: store.keyFile.created },
    );
  }
  return store;
}

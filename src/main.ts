// Process entry: config → store → app → listen; SIGTERM/SIGINT stop it gracefully.
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createRedisPubSub } from './live/pubsub-redis.js';
import { openStore } from './store/open.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const store = await openStore(config);
  const redis = config.redisUrl ? createRedisPubSub(config.redisUrl) : undefined;
  const app = await createApp({ config, store, pubsub: redis?.pubsub });
  if (app.generatedAdminToken) {
    console.log('No TIDINGS_ADMIN_TOKEN was set, so an admin token was generated. It is shown only this once:');
    console.log(`\n  ${app.generatedAdminToken}\n`);
    console.log('Keep it safe (only its hash is stored). To replace it, set TIDINGS_ADMIN_TOKEN.');
  }
  const url = await app.start();
  const storeName = config.mongodbUri ? `MongoDB database ${config.mongodbDb}` : config.dataDir;
  console.log(`Tidings listening on ${url}/graphql (role: ${config.role}, store: ${storeName}, live feed: ${redis ? 'Redis' : 'in-process'})`);

  const shutdown = async (signal: string) => {
    console.log(`${signal}: finishing attempts in flight (up to ${config.shutdownGraceMs}ms), then exiting`);
    await app.stop();
    await redis?.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? `configuration error: ${err.message}` : err);
  process.exit(1);
});

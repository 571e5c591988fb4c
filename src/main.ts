// Process entry: config → store → app → listen; SIGTERM/SIGINT stop it gracefully.
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const store = SqliteStore.inDataDir(config.dataDir);
  const app = await createApp({ config, store });
  if (app.generatedAdminToken) {
    console.log('No TIDINGS_ADMIN_TOKEN was set, so an admin token was generated. It is shown only this once:');
    console.log(`\n  ${app.generatedAdminToken}\n`);
    console.log('Keep it safe (only its hash is stored). To replace it, set TIDINGS_ADMIN_TOKEN.');
  }
  const url = await app.start();
  console.log(`Tidings listening on ${url}/graphql (store: ${config.dataDir}, worker: ${config.runWorker ? 'on' : 'off'})`);

  const shutdown = async (signal: string) => {
    console.log(`${signal}: finishing attempts in flight (up to ${config.shutdownGraceMs}ms), then exiting`);
    await app.stop();
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

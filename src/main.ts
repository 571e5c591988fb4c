// Process entry: config → store → app → listen; SIGTERM/SIGINT stop it gracefully.
import { createApp, type App } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { StartupError } from './startup-error.js';
import { openStore } from './store/open.js';
import type { Store } from './store/ports.js';

// What is open so far, closed in reverse by shutdown (a signal may arrive before all of it is).
let config: Config | undefined;
let store: Store | undefined;
let redis: Awaited<ReturnType<typeof import('./live/pubsub-redis.js')['createRedisPubSub']>> | undefined;
let app: App | undefined;
let stopping = false;
// Until the configuration is read, the log has the default level; readable on a terminal, JSON otherwise.
const pretty = process.stdout.isTTY === true;
let log: Logger = createLogger({ level: 'info', pretty });

async function main(): Promise<void> {
  // Installed first: a signal during start-up stops the process as cleanly as one later.
  // Repeats are ignored: under `npm start` Ctrl-C reaches this process twice (from the terminal, and
  // forwarded by npm), and the second must not kill it halfway through the shutdown.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  config = loadConfig();
  log = createLogger({ level: config.logLevel, pretty });
  for (const warning of config.warnings) log.warn(`warning: ${warning}`, { kind: 'configuration' });
  store = await openStore(config, log);
  // Loaded only when configured, like the MongoDB driver: what is not used costs no memory.
  redis = config.redisUrl ? (await import('./live/pubsub-redis.js')).createRedisPubSub(config.redisUrl) : undefined;
  app = await createApp({ config, store, pubsub: redis?.pubsub, log });
  if (app.generatedAdminToken) {
    // Deliberately not a log line (logs are shipped and kept): written once to the terminal or the
    // supervisor's output, for the operator to copy.
    process.stdout.write(
      'No TIDINGS_ADMIN_TOKEN was set, so an admin token was generated. It is shown only this once:\n' +
        `\n  ${app.generatedAdminToken}\n\n` +
        'Keep it safe (only its hash is stored). To replace it, set TIDINGS_ADMIN_TOKEN.\n',
    );
  }
  const url = await app.start();
  const storeName = config.mongodbUri ? `MongoDB database ${config.mongodbDb}` : config.dataDir;
  const tokenSource = config.adminToken
    ? 'TIDINGS_ADMIN_TOKEN'
    : app.generatedAdminToken
      ? 'generated now, printed above'
      : 'generated on an earlier start, its hash kept in the store';
  log.info(
    `Tidings listening on ${url}/graphql (role: ${config.role}, store: ${storeName}, live feed: ${redis ? 'Redis' : 'in-process'}, admin token: ${tokenSource})`,
    { event: 'start', url, role: config.role, store: config.mongodbUri ? 'mongodb' : 'sqlite', liveFeed: redis ? 'redis' : 'in-process' },
  );
}

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  const graceMs = config?.shutdownGraceMs ?? 0;
  log.info(`${signal}: finishing attempts in flight (up to ${graceMs}ms), then exiting`, { event: 'stop', signal });
  // The grace period bounds the attempts; this bounds everything else (a store that does not answer).
  setTimeout(() => {
    log.error(`${signal}: shutdown did not finish within ${graceMs + 10_000}ms; exiting anyway`, { event: 'stop', signal });
    process.exit(1);
  }, graceMs + 10_000).unref();
  try {
    await app?.stop();
    await redis?.close();
    await store?.close();
    log.info('stopped', { event: 'stopped', signal });
    process.exit(0);
  } catch (err) {
    log.error(`${signal}: shutdown failed`, { event: 'stop', signal, err });
    process.exit(1);
  }
}

main().catch(async (err) => {
  if (err instanceof ConfigError) log.fatal(`configuration error: ${err.message}`, { event: 'start-failed' });
  else if (err instanceof StartupError) log.fatal(`cannot start: ${err.message}`, { event: 'start-failed' });
  else log.fatal('cannot start: unexpected error', { event: 'start-failed', err });
  // Whatever was opened before the failure must not keep the process alive.
  stopping = true;
  const closed = Promise.allSettled([redis?.close(), store?.close()]);
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  process.exit(1);
});

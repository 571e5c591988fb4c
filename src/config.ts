import path from 'node:path';
import parseDuration from 'parse-duration';

// Every setting Tidings reads, parsed and validated once. Nothing else reads process.env.

export interface Config {
  /** TCP port for HTTP, GraphQL, WebSocket and SSE. */
  port: number;
  /** Interface to listen on. */
  host: string;
  /** Folder of the embedded store (SQLite file). */
  dataDir: string;
  /** Admin token given by the operator; when absent one is generated on first start. */
  adminToken: string | undefined;
  /** Longest one delivery attempt may take, connect to last response byte. */
  deliveryTimeoutMs: number;
  /** Delays after each failed attempt; its length + 1 is the number of attempts. */
  retryScheduleMs: number[];
  /** Random spread applied to each retry delay (0.2 = ±20%). */
  retryJitter: number;
  /** Allow endpoint URLs that resolve to loopback, private, link-local or metadata addresses. */
  allowPrivateTargets: boolean;
  /** How long a claimed delivery stays reserved for its worker; must outlast the delivery timeout. */
  leaseMs: number;
  /** Attempts in flight at once in one worker. */
  workerConcurrency: number;
  /** Attempts in flight at once to one endpoint, so a slow endpoint cannot take every slot. */
  endpointConcurrency: number;
  /** How often an idle worker looks for due deliveries (new events wake it at once). */
  workerPollMs: number;
  /**
   * all = API and worker; api = GraphQL only; worker = delivery, sweeps and health endpoints only.
   * Split processes share MongoDB, or on one machine the same SQLite data folder (WAL allows it).
   */
  role: 'all' | 'api' | 'worker';
  /** Whether this process runs the delivery worker and the sweeper. */
  runWorker: boolean;
  /** Whether this process serves GraphQL. */
  runApi: boolean;
  /** MongoDB connection string; unset = the embedded SQLite store. */
  mongodbUri: string | undefined;
  /** MongoDB database name. */
  mongodbDb: string;
  /** Redis URL carrying the live feed between processes; unset = in-process only. */
  redisUrl: string | undefined;
  /** Events, deliveries and attempts older than this are removed by the sweeper. */
  retentionMs: number;
  /** How often the sweeper runs (retention, interrupted fan-outs, stale leases). */
  sweepIntervalMs: number;
  /** Time to let in-flight attempts finish on SIGTERM/SIGINT. */
  shutdownGraceMs: number;
  /** How long an idempotency key returns the original event. */
  idempotencyWindowMs: number;
  /** How long a rotated-out endpoint secret keeps signing. */
  secretRotationGraceMs: number;
  /** Largest event payload accepted, in bytes of JSON. */
  maxPayloadBytes: number;
  /** Deepest nesting of lists and objects accepted in any JSON input (payload, schema). */
  maxJsonDepth: number;
  /** Largest `first` accepted by connections. */
  maxPageSize: number;
  /** GraphQL abuse limits (GraphQL Armor). */
  graphqlMaxDepth: number;
  graphqlMaxAliases: number;
  graphqlMaxTokens: number;
  graphqlMaxCost: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function duration(env: Env, name: string, fallback: string): number {
  const raw = env[name] ?? fallback;
  const ms = parseDurationStrict(raw);
  if (ms === undefined) throw new ConfigError(`${name}: "${raw}" is not a duration (examples: 500ms, 15s, 5m, 2h, 1d)`);
  return ms;
}

/** A single duration such as "5s" or "250ms"; bare numbers are refused because their unit is ambiguous. */
export function parseDurationStrict(raw: string): number | undefined {
  const text = raw.trim();
  if (!/^\d+(\.\d+)?\s*(ms|s|m|h|d)$/.test(text)) return undefined;
  const ms = parseDuration(text);
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? Math.round(ms) : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name}: "${raw}" must be a whole number from ${min} to ${max}`);
  }
  return n;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name}: "${raw}" must be true or false`);
}

export function parseRetrySchedule(raw: string): number[] {
  const parts = raw.split(',').map((s) => s.trim()).filter(Boolean);
  return parts.map((part) => {
    const ms = parseDurationStrict(part);
    if (ms === undefined) throw new ConfigError(`TIDINGS_RETRY_SCHEDULE: "${part}" is not a duration (examples: 5s, 5m, 2h)`);
    return ms;
  });
}

export const DEFAULT_RETRY_SCHEDULE = '5s,5m,30m,2h,5h,10h,10h';

export function loadConfig(env: Env = process.env): Config {
  const deliveryTimeoutMs = duration(env, 'TIDINGS_DELIVERY_TIMEOUT', '15s');
  if (deliveryTimeoutMs < 1) throw new ConfigError('TIDINGS_DELIVERY_TIMEOUT must be at least 1ms');
  const leaseMs = env.TIDINGS_LEASE ? duration(env, 'TIDINGS_LEASE', '0s') : deliveryTimeoutMs + 30_000;
  if (leaseMs <= deliveryTimeoutMs) {
    throw new ConfigError('TIDINGS_LEASE must be longer than TIDINGS_DELIVERY_TIMEOUT, or a live attempt could be taken over');
  }
  const jitter = Number(env.TIDINGS_RETRY_JITTER ?? '0.2');
  if (!(jitter >= 0 && jitter < 1)) throw new ConfigError('TIDINGS_RETRY_JITTER must be a number from 0 to below 1');
  const role = env.TIDINGS_ROLE || 'all';
  if (role !== 'all' && role !== 'api' && role !== 'worker') throw new ConfigError(`TIDINGS_ROLE: "${role}" must be all, api or worker`);

  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.TIDINGS_DATA_DIR || './data'),
    adminToken: env.TIDINGS_ADMIN_TOKEN || undefined,
    deliveryTimeoutMs,
    retryScheduleMs: parseRetrySchedule(env.TIDINGS_RETRY_SCHEDULE ?? DEFAULT_RETRY_SCHEDULE),
    retryJitter: jitter,
    allowPrivateTargets: boolean(env, 'TIDINGS_ALLOW_PRIVATE_TARGETS', false),
    leaseMs,
    workerConcurrency: integer(env, 'TIDINGS_WORKER_CONCURRENCY', 64, 1, 10_000),
    endpointConcurrency: integer(env, 'TIDINGS_ENDPOINT_CONCURRENCY', 16, 1, 10_000),
    workerPollMs: duration(env, 'TIDINGS_WORKER_POLL_INTERVAL', '250ms'),
    role,
    runWorker: role !== 'api',
    runApi: role !== 'worker',
    mongodbUri: env.MONGODB_URI || undefined,
    mongodbDb: env.TIDINGS_MONGODB_DB || 'tidings',
    redisUrl: env.REDIS_URL || undefined,
    retentionMs: duration(env, 'TIDINGS_RETENTION', '30d'),
    sweepIntervalMs: duration(env, 'TIDINGS_SWEEP_INTERVAL', '1m'),
    shutdownGraceMs: duration(env, 'TIDINGS_SHUTDOWN_GRACE', '10s'),
    idempotencyWindowMs: duration(env, 'TIDINGS_IDEMPOTENCY_WINDOW', '24h'),
    secretRotationGraceMs: duration(env, 'TIDINGS_SECRET_ROTATION_GRACE', '24h'),
    maxPayloadBytes: integer(env, 'TIDINGS_MAX_PAYLOAD_BYTES', 256 * 1024, 2),
    maxJsonDepth: integer(env, 'TIDINGS_MAX_JSON_DEPTH', 64, 1, 256),
    maxPageSize: integer(env, 'TIDINGS_MAX_PAGE_SIZE', 100, 1, 10_000),
    graphqlMaxDepth: integer(env, 'TIDINGS_GRAPHQL_MAX_DEPTH', 12, 1),
    graphqlMaxAliases: integer(env, 'TIDINGS_GRAPHQL_MAX_ALIASES', 30, 1),
    graphqlMaxTokens: integer(env, 'TIDINGS_GRAPHQL_MAX_TOKENS', 5000, 10),
    graphqlMaxCost: integer(env, 'TIDINGS_GRAPHQL_MAX_COST', 20000, 10),
  };
}

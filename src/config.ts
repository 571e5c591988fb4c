import path from 'node:path';
import parseDuration from 'parse-duration';
import { BULK_JOB_BATCH } from './domain/bulk-jobs.js';
import { editDistance } from './edit-distance.js';
import { LOG_LEVELS, type LogLevel } from './log.js';
import { KeyRingError, parseKeyRing, type KeyRing } from './store/secret-box.js';

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
  /** Longest wait a receiver's Retry-After (on 429/503) can impose before the next attempt. */
  retryAfterMaxMs: number;
  /** Consecutive failed attempts that open an endpoint's circuit. */
  circuitFailures: number;
  /** How long an open circuit waits before its probe attempt (doubles per failed probe, up to 10 minutes). */
  circuitCooldownMs: number;
  /** An endpoint that has not succeeded for this long while failing is disabled (reason FAILING). */
  disableAfterMs: number;
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
  /** Records one batch of a bulk job walks, in one store write (retryDeliveries, recoverEndpoint, replayEvents). */
  bulkJobBatch: number;
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
  /**
   * Keys sealing the stored secrets (secret-box.ts), newest first: the first encrypts, all decrypt.
   * Unset: the embedded store keeps a generated key file beside its data; MongoDB refuses to start.
   */
  encryptionKeys: KeyRing | undefined;
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
  /** Most events one publishEvents call takes. */
  maxEventsPerCall: number;
  /** The installation's name in default CloudEvents sources: `tidings://<this>/applications/<id>`. */
  cloudEventsSource: string;
  /** Largest `first` accepted by connections. */
  maxPageSize: number;
  /** GraphQL abuse limits (GraphQL Armor). */
  graphqlMaxDepth: number;
  graphqlMaxAliases: number;
  graphqlMaxTokens: number;
  graphqlMaxCost: number;
  /** Requests a second each credential may make (unauthenticated requests: each client address); 0 = no limit. */
  apiRate: number;
  /** Requests a credential may make at once above its rate (the token bucket's size). */
  apiBurst: number;
  /** Live subscriptions (graphql-ws and SSE) one credential may hold open on one API process; 0 = no limit. */
  maxSubscriptionsPerKey: number;
  /** graphql-ws connections one credential may hold open on one API process; 0 = no limit. */
  maxConnectionsPerKey: number;
  /** Lowest level of log lines written. */
  logLevel: LogLevel;
  /** A store or GraphQL operation that takes longer is logged as slow. */
  slowOperationMs: number;
  /** Bearer token GET /metrics requires; open when unset. */
  metricsToken: string | undefined;
  /** How often a deliveryStatsUpdated subscription emits the current bucket. */
  statsLiveIntervalMs: number;
  /**
   * Origins allowed to show the application portal (/portal) in an iframe (CSP frame-ancestors);
   * empty = framing is forbidden ('none').
   */
  portalFrameAncestors: string[];
  /** What the operator should know about this configuration (printed at start, never fatal). */
  warnings: string[];
}

/**
 * Every environment variable Tidings reads. loadConfig reads only through `read`, which takes only
 * these names, so this list cannot miss one; an unknown TIDINGS_* variable (a typo) is warned about
 * with the closest of these.
 */
export const VARIABLES = [
  'PORT', 'HOST', 'TIDINGS_DATA_DIR', 'TIDINGS_ADMIN_TOKEN', 'TIDINGS_DELIVERY_TIMEOUT', 'TIDINGS_RETRY_SCHEDULE',
  'TIDINGS_RETRY_JITTER', 'TIDINGS_ALLOW_PRIVATE_TARGETS', 'TIDINGS_LEASE', 'TIDINGS_WORKER_CONCURRENCY',
  'TIDINGS_ENDPOINT_CONCURRENCY', 'TIDINGS_WORKER_POLL_INTERVAL', 'TIDINGS_ROLE', 'MONGODB_URI', 'TIDINGS_MONGODB_DB',
  'REDIS_URL', 'TIDINGS_RETENTION', 'TIDINGS_SWEEP_INTERVAL', 'TIDINGS_SHUTDOWN_GRACE', 'TIDINGS_IDEMPOTENCY_WINDOW',
  'TIDINGS_SECRET_ROTATION_GRACE', 'TIDINGS_MAX_PAYLOAD_BYTES', 'TIDINGS_MAX_JSON_DEPTH', 'TIDINGS_MAX_PAGE_SIZE', 'TIDINGS_GRAPHQL_MAX_DEPTH',
  'TIDINGS_GRAPHQL_MAX_ALIASES', 'TIDINGS_GRAPHQL_MAX_TOKENS', 'TIDINGS_GRAPHQL_MAX_COST', 'TIDINGS_CLOUDEVENTS_SOURCE',
  'TIDINGS_STATS_LIVE_INTERVAL', 'TIDINGS_METRICS_TOKEN', 'TIDINGS_LOG_LEVEL', 'TIDINGS_SLOW_OPERATION',
  'TIDINGS_PORTAL_FRAME_ANCESTORS',
  'TIDINGS_RETRY_AFTER_MAX', 'TIDINGS_CIRCUIT_FAILURES', 'TIDINGS_CIRCUIT_COOLDOWN', 'TIDINGS_DISABLE_AFTER',
  'TIDINGS_BULK_JOB_BATCH', 'TIDINGS_MAX_EVENTS_PER_CALL', 'TIDINGS_ENCRYPTION_KEY', 'TIDINGS_API_RATE', 'TIDINGS_API_BURST',
  'TIDINGS_MAX_SUBSCRIPTIONS_PER_KEY', 'TIDINGS_MAX_CONNECTIONS_PER_KEY',
] as const;

export type Variable = (typeof VARIABLES)[number];

/** The admin token rule: long and varied enough that it cannot be guessed (generated tokens are 256-bit). */
export const ADMIN_TOKEN_MIN_LENGTH = 32;
export const ADMIN_TOKEN_MIN_DISTINCT = 8;

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;
/** The environment, readable only by the names in VARIABLES. */
type Read = (name: Variable) => string | undefined;

function duration(read: Read, name: Variable, fallback: string): number {
  const raw = read(name) ?? fallback;
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

function integer(read: Read, name: Variable, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = read(name);
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name}: "${raw}" must be a whole number from ${min} to ${max}`);
  }
  return n;
}

function boolean(read: Read, name: Variable, fallback: boolean): boolean {
  const raw = read(name);
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
  const read: Read = (name) => env[name];
  const deliveryTimeoutMs = duration(read, 'TIDINGS_DELIVERY_TIMEOUT', '15s');
  if (deliveryTimeoutMs < 1) throw new ConfigError('TIDINGS_DELIVERY_TIMEOUT must be at least 1ms');
  const leaseMs = read('TIDINGS_LEASE') ? duration(read, 'TIDINGS_LEASE', '0s') : deliveryTimeoutMs + 30_000;
  if (leaseMs <= deliveryTimeoutMs) {
    throw new ConfigError('TIDINGS_LEASE must be longer than TIDINGS_DELIVERY_TIMEOUT, or a live attempt could be taken over');
  }
  const jitter = Number(read('TIDINGS_RETRY_JITTER') ?? '0.2');
  if (!(jitter >= 0 && jitter < 1)) throw new ConfigError('TIDINGS_RETRY_JITTER must be a number from 0 to below 1');
  const role = read('TIDINGS_ROLE') || 'all';
  if (role !== 'all' && role !== 'api' && role !== 'worker') throw new ConfigError(`TIDINGS_ROLE: "${role}" must be all, api or worker`);

  const allowPrivateTargets = boolean(read, 'TIDINGS_ALLOW_PRIVATE_TARGETS', false);
  const warnings = unknownVariables(env);
  if (allowPrivateTargets) {
    warnings.push('TIDINGS_ALLOW_PRIVATE_TARGETS is on: endpoints may target loopback, private and cloud-metadata addresses (for local development only)');
  }

  return {
    port: integer(read, 'PORT', 4000, 0, 65535),
    host: read('HOST') || '0.0.0.0',
    dataDir: path.resolve(read('TIDINGS_DATA_DIR') || './data'),
    adminToken: adminToken(read('TIDINGS_ADMIN_TOKEN')),
    deliveryTimeoutMs,
    retryScheduleMs: parseRetrySchedule(read('TIDINGS_RETRY_SCHEDULE') ?? DEFAULT_RETRY_SCHEDULE),
    retryJitter: jitter,
    retryAfterMaxMs: duration(read, 'TIDINGS_RETRY_AFTER_MAX', '1h'),
    circuitFailures: integer(read, 'TIDINGS_CIRCUIT_FAILURES', 10, 1, 10_000),
    circuitCooldownMs: duration(read, 'TIDINGS_CIRCUIT_COOLDOWN', '30s'),
    disableAfterMs: duration(read, 'TIDINGS_DISABLE_AFTER', '5d'),
    allowPrivateTargets,
    leaseMs,
    workerConcurrency: integer(read, 'TIDINGS_WORKER_CONCURRENCY', 64, 1, 10_000),
    endpointConcurrency: integer(read, 'TIDINGS_ENDPOINT_CONCURRENCY', 16, 1, 10_000),
    workerPollMs: duration(read, 'TIDINGS_WORKER_POLL_INTERVAL', '250ms'),
    bulkJobBatch: integer(read, 'TIDINGS_BULK_JOB_BATCH', BULK_JOB_BATCH, 1, 10_000),
    role,
    runWorker: role !== 'api',
    runApi: role !== 'worker',
    mongodbUri: read('MONGODB_URI') || undefined,
    mongodbDb: read('TIDINGS_MONGODB_DB') || 'tidings',
    encryptionKeys: encryptionKeys(read('TIDINGS_ENCRYPTION_KEY'), Boolean(read('MONGODB_URI'))),
    redisUrl: read('REDIS_URL') || undefined,
    retentionMs: duration(read, 'TIDINGS_RETENTION', '30d'),
    sweepIntervalMs: duration(read, 'TIDINGS_SWEEP_INTERVAL', '1m'),
    shutdownGraceMs: duration(read, 'TIDINGS_SHUTDOWN_GRACE', '10s'),
    idempotencyWindowMs: duration(read, 'TIDINGS_IDEMPOTENCY_WINDOW', '24h'),
    secretRotationGraceMs: duration(read, 'TIDINGS_SECRET_ROTATION_GRACE', '24h'),
    maxPayloadBytes: integer(read, 'TIDINGS_MAX_PAYLOAD_BYTES', 256 * 1024, 2),
    maxJsonDepth: integer(read, 'TIDINGS_MAX_JSON_DEPTH', 64, 1, 256),
    maxEventsPerCall: integer(read, 'TIDINGS_MAX_EVENTS_PER_CALL', 1000, 1, 100_000),
    maxPageSize: integer(read, 'TIDINGS_MAX_PAGE_SIZE', 100, 1, 10_000),
    cloudEventsSource: cloudEventsSource(read('TIDINGS_CLOUDEVENTS_SOURCE')),
    graphqlMaxDepth: integer(read, 'TIDINGS_GRAPHQL_MAX_DEPTH', 12, 1),
    graphqlMaxAliases: integer(read, 'TIDINGS_GRAPHQL_MAX_ALIASES', 30, 1),
    graphqlMaxTokens: integer(read, 'TIDINGS_GRAPHQL_MAX_TOKENS', 5000, 10),
    graphqlMaxCost: integer(read, 'TIDINGS_GRAPHQL_MAX_COST', 20000, 10),
    apiRate: integer(read, 'TIDINGS_API_RATE', 100, 0, 1_000_000),
    apiBurst: integer(read, 'TIDINGS_API_BURST', 200, 1, 10_000_000),
    maxSubscriptionsPerKey: integer(read, 'TIDINGS_MAX_SUBSCRIPTIONS_PER_KEY', 100, 0, 1_000_000),
    maxConnectionsPerKey: integer(read, 'TIDINGS_MAX_CONNECTIONS_PER_KEY', 20, 0, 1_000_000),
    statsLiveIntervalMs: statsLiveInterval(read),
    metricsToken: read('TIDINGS_METRICS_TOKEN') || undefined,
    logLevel: logLevel(read('TIDINGS_LOG_LEVEL')),
    slowOperationMs: duration(read, 'TIDINGS_SLOW_OPERATION', '1s'),
    portalFrameAncestors: frameAncestors(read('TIDINGS_PORTAL_FRAME_ANCESTORS')),
    warnings,
  };
}

/** A URI authority (host name, optionally with a port): what names the installation in CloudEvents sources. */
function cloudEventsSource(raw: string | undefined): string {
  if (!raw) return 'tidings';
  if (!/^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/.test(raw)) {
    throw new ConfigError(`TIDINGS_CLOUDEVENTS_SOURCE: "${raw}" must be a host name such as webhooks.example.com (it becomes tidings://<it>/applications/<id>)`);
  }
  return raw;
}

function logLevel(raw: string | undefined): LogLevel {
  const level = (raw || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new ConfigError(`TIDINGS_LOG_LEVEL: "${raw}" must be one of ${LOG_LEVELS.join(', ')}`);
  return level as LogLevel;
}

function statsLiveInterval(read: Read): number {
  const ms = duration(read, 'TIDINGS_STATS_LIVE_INTERVAL', '5s');
  if (ms < 100) throw new ConfigError('TIDINGS_STATS_LIVE_INTERVAL must be at least 100ms');
  return ms;
}

/** Origins such as `https://platform.example.com`, separated by spaces or commas; each checked to be an origin. */
function frameAncestors(raw: string | undefined): string[] {
  const origins = (raw ?? '').split(/[\s,]+/).filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError(`TIDINGS_PORTAL_FRAME_ANCESTORS: "${origin}" is not an origin (scheme://host[:port], for example https://platform.example.com)`);
    }
  }
  return origins.map((o) => o.replace(/\/$/, ''));
}

/** The key ring (`<id>:<base64 of 32 bytes>`, comma-separated, newest first); required with MongoDB. Errors never show key material. */
function encryptionKeys(raw: string | undefined, mongodb: boolean): KeyRing | undefined {
  if (!raw?.trim()) {
    if (mongodb) {
      throw new ConfigError(
        'TIDINGS_ENCRYPTION_KEY is required with MONGODB_URI (it encrypts the stored endpoint secrets and receiver credentials): ' +
          'set it to k1:<key>, the key made by `openssl rand -base64 32`',
      );
    }
    return undefined;
  }
  try {
    return parseKeyRing(raw);
  } catch (err) {
    if (err instanceof KeyRingError) throw new ConfigError(`TIDINGS_ENCRYPTION_KEY: ${err.message}`);
    throw err;
  }
}

/** The operator's admin token, refused when too short or too uniform to stay secret. */
function adminToken(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (raw.length < ADMIN_TOKEN_MIN_LENGTH || new Set(raw).size < ADMIN_TOKEN_MIN_DISTINCT) {
    throw new ConfigError(
      `TIDINGS_ADMIN_TOKEN is too weak to stay secret: it must be at least ${ADMIN_TOKEN_MIN_LENGTH} characters long ` +
        `with at least ${ADMIN_TOKEN_MIN_DISTINCT} different characters (for example tdk_adm_$(openssl rand -hex 24)), ` +
        'or unset it and Tidings generates one',
    );
  }
  return raw;
}

/** A warning for each TIDINGS_* variable Tidings does not read, naming the known one it most resembles. */
function unknownVariables(env: Env): string[] {
  const known: readonly string[] = VARIABLES;
  return Object.keys(env)
    .filter((name) => name.startsWith('TIDINGS_') && !known.includes(name))
    .sort()
    .map((name) => {
      const [closest] = [...VARIABLES].sort((a, b) => editDistance(name, a) - editDistance(name, b));
      // Past a third of the name, a suggestion is a guess rather than a likely typo.
      const likely = closest !== undefined && editDistance(name, closest) <= Math.max(2, Math.floor(name.length / 3));
      return `${name} is not a Tidings setting and is ignored${likely ? `; did you mean ${closest}?` : ' (see Configuration in README.md)'}`;
    });
}

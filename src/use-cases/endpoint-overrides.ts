import { parseDurationStrict } from '../config.js';
import type { Config } from '../config.js';
import { BadInputError } from '../errors.js';

// Per-endpoint overrides of the platform's delivery settings, written as the environment writes
// them ("10s"; ["5s", "5m", "30m"]) and parsed by the same parser (config.ts).

/** Most delays one endpoint's retry schedule may list. */
export const MAX_RETRY_SCHEDULE_LENGTH = 50;

/**
 * An endpoint's timeout: a duration from 1ms that leaves at least a second of the lease
 * (TIDINGS_LEASE) for recording the outcome, so that no live attempt is taken over. Null = the default.
 */
export function endpointTimeout(field: string, raw: string | null | undefined, config: Pick<Config, 'leaseMs'>): number | null {
  if (raw === null || raw === undefined) return null;
  const ms = parseDurationStrict(raw);
  if (ms === undefined || ms < 1) throw new BadInputError(field, `"${raw}" is not a duration (examples: 500ms, 10s, 1m)`);
  if (ms > config.leaseMs - 1000) {
    throw new BadInputError(field, `must be at most ${formatDuration(config.leaseMs - 1000)}: an attempt must end a second before its lease (TIDINGS_LEASE, ${formatDuration(config.leaseMs)})`);
  }
  return ms;
}

/** An endpoint's retry schedule: the delays after each failed attempt (an empty list: one attempt only). Null = the default. */
export function endpointRetrySchedule(field: string, raw: readonly string[] | null | undefined): number[] | null {
  if (raw === null || raw === undefined) return null;
  if (raw.length > MAX_RETRY_SCHEDULE_LENGTH) throw new BadInputError(field, `must list at most ${MAX_RETRY_SCHEDULE_LENGTH} delays`);
  return raw.map((part) => {
    const ms = parseDurationStrict(part);
    if (ms === undefined) throw new BadInputError(field, `"${part}" is not a duration (examples: 5s, 5m, 2h)`);
    return ms;
  });
}

const UNITS: [string, number][] = [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]];

/** A duration as the environment writes it, in the largest unit that keeps it whole ("90s", "5m", "250ms"). */
export function formatDuration(ms: number): string {
  for (const [unit, size] of UNITS) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

/** Highest per-endpoint rate limit accepted (attempts a second). */
export const MAX_RATE_LIMIT = 100_000;

/** An endpoint's rate limit: attempts a second across all workers, 1 to MAX_RATE_LIMIT. Null = none. */
export function endpointRateLimit(field: string, raw: number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  if (!Number.isInteger(raw) || raw < 1 || raw > MAX_RATE_LIMIT) throw new BadInputError(field, `must be a whole number from 1 to ${MAX_RATE_LIMIT} (attempts a second), or null for no limit`);
  return raw;
}

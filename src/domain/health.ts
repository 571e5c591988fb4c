import type { Millis } from './records.js';

// Endpoint health: a pure tracker in the manner of Hookdeck Outpost's alert evaluator. It takes the
// endpoint's health, how one attempt ended and the time, and returns the new health with the
// decisions it implies (open the circuit, disable the endpoint, it recovered). The store persists the
// new health and acts on the decisions in the same write; the worker announces them.

export type HealthState = 'HEALTHY' | 'FAILING' | 'CIRCUIT_OPEN' | 'DISABLED';
export type DisabledReason = 'MANUAL' | 'GONE' | 'FAILING';

export interface EndpointHealth {
  state: HealthState;
  consecutiveFailures: number;
  lastSuccessAt: Millis | null;
  lastFailureAt: Millis | null;
  /** The first failure since the last success (null while healthy). */
  failingSince: Millis | null;
  disabledReason: DisabledReason | null;
  /** While the circuit is open: when the cool-down ends and one probe attempt may be made. */
  circuitOpenUntil: Millis | null;
  /** The cool-down in force (doubles on each failed probe); null while the circuit is closed. */
  circuitCooldownMs: number | null;
}

export interface HealthSettings {
  /** Consecutive failures that open the circuit (TIDINGS_CIRCUIT_FAILURES). */
  circuitFailures: number;
  /** First cool-down of an open circuit (TIDINGS_CIRCUIT_COOLDOWN). */
  circuitCooldownMs: number;
  /** Longest cool-down the doubling reaches. */
  circuitCooldownMaxMs: number;
  /** No success for this long while failing disables the endpoint (TIDINGS_DISABLE_AFTER). */
  disableAfterMs: number;
}

/** Cool-downs double on each failed probe up to this (or the first cool-down, if longer). */
export const CIRCUIT_COOLDOWN_MAX_MS = 10 * 60_000;

/** How an attempt ended, as far as health cares. */
export interface HealthInput {
  success: boolean;
  /** The receiver answered 410 Gone: the endpoint is disabled at once. */
  gone: boolean;
}

export type HealthDecision =
  | { kind: 'disable'; reason: DisabledReason }
  /** The circuit opened (reopened = a probe failed and the cool-down doubled): claims skip the endpoint until `until`. */
  | { kind: 'circuitOpened'; until: Millis; reopened: boolean }
  /** A success closed an open circuit. */
  | { kind: 'recovered' };

export const HEALTHY: EndpointHealth = {
  state: 'HEALTHY', consecutiveFailures: 0, lastSuccessAt: null, lastFailureAt: null, failingSince: null,
  disabledReason: null, circuitOpenUntil: null, circuitCooldownMs: null,
};

/** The health of a stored endpoint; one stored before health was tracked is healthy, or disabled by hand. */
export function healthOf(stored: EndpointHealth | null | undefined, enabled: boolean): EndpointHealth {
  if (stored) return stored;
  return enabled ? HEALTHY : manuallyDisabled(HEALTHY);
}

/** Disabled by hand: the counters stay, the circuit closes. */
export function manuallyDisabled(health: EndpointHealth): EndpointHealth {
  return { ...health, state: 'DISABLED', disabledReason: 'MANUAL', circuitOpenUntil: null, circuitCooldownMs: null };
}

/** Enabled by hand: a fresh start (the last success and failure times are kept as history). */
export function manuallyEnabled(health: EndpointHealth): EndpointHealth {
  return { ...HEALTHY, lastSuccessAt: health.lastSuccessAt, lastFailureAt: health.lastFailureAt };
}

/** How stale lastSuccessAt of a healthy endpoint may be: a success within this of the last one is not written. */
export const SUCCESS_WRITE_INTERVAL_MS = 1000;

/**
 * Whether an outcome needs writing: a success of an endpoint that was healthy (as claimed) and
 * succeeded less than SUCCESS_WRITE_INTERVAL_MS ago changes nothing but lastSuccessAt, so a busy
 * healthy endpoint costs one health write a second, not one per attempt.
 */
export function healthWriteNeeded(health: EndpointHealth, input: HealthInput, now: Millis): boolean {
  return !(input.success && health.state === 'HEALTHY' && health.consecutiveFailures === 0
    && health.lastSuccessAt !== null && now - health.lastSuccessAt < SUCCESS_WRITE_INTERVAL_MS);
}

/** The new health after one attempt, and what follows from it. */
export function trackHealth(
  health: EndpointHealth,
  input: HealthInput,
  now: Millis,
  settings: HealthSettings,
): { health: EndpointHealth; decisions: HealthDecision[] } {
  if (health.state === 'DISABLED') {
    // An attempt that was in flight when the endpoint was disabled: history only.
    return { health: input.success ? { ...health, lastSuccessAt: now } : { ...health, lastFailureAt: now }, decisions: [] };
  }
  if (input.success) {
    const decisions: HealthDecision[] = health.state === 'CIRCUIT_OPEN' ? [{ kind: 'recovered' }] : [];
    return { health: { ...HEALTHY, lastSuccessAt: now, lastFailureAt: health.lastFailureAt }, decisions };
  }
  const failed: EndpointHealth = {
    ...health,
    consecutiveFailures: health.consecutiveFailures + 1,
    lastFailureAt: now,
    failingSince: health.failingSince ?? now,
  };
  const disable = (reason: DisabledReason) => ({
    health: { ...failed, state: 'DISABLED' as const, disabledReason: reason, circuitOpenUntil: null, circuitCooldownMs: null },
    decisions: [{ kind: 'disable' as const, reason }],
  });
  if (input.gone) return disable('GONE');
  if (now - failed.failingSince! >= settings.disableAfterMs) return disable('FAILING');
  if (health.state === 'CIRCUIT_OPEN') {
    // A failure once the cool-down is over is the probe's: open again, for twice as long.
    if (health.circuitOpenUntil !== null && now < health.circuitOpenUntil) return { health: failed, decisions: [] };
    const cooldown = Math.min((health.circuitCooldownMs ?? settings.circuitCooldownMs) * 2, Math.max(settings.circuitCooldownMaxMs, settings.circuitCooldownMs));
    return open(failed, cooldown, now, true);
  }
  if (failed.consecutiveFailures >= settings.circuitFailures) return open(failed, settings.circuitCooldownMs, now, false);
  return { health: { ...failed, state: 'FAILING' }, decisions: [] };
}

function open(health: EndpointHealth, cooldownMs: number, now: Millis, reopened: boolean) {
  const until = now + cooldownMs;
  return {
    health: { ...health, state: 'CIRCUIT_OPEN' as const, circuitOpenUntil: until, circuitCooldownMs: cooldownMs },
    decisions: [{ kind: 'circuitOpened' as const, until, reopened }],
  };
}

import { describe, expect, it } from 'vitest';
import { HEALTHY, healthWriteNeeded, manuallyDisabled, manuallyEnabled, trackHealth, type EndpointHealth, type HealthSettings } from '../../src/domain/health.js';

// The pure tracker of endpoint health: from (health, attempt outcome, now) to (health, decisions).

const settings: HealthSettings = { circuitFailures: 3, circuitCooldownMs: 1000, circuitCooldownMaxMs: 5000, disableAfterMs: 60_000 };
const NOW = 1_000_000;
const fail = { success: false, gone: false };
const ok = { success: true, gone: false };

function run(steps: { input: typeof ok; at: number }[], start: EndpointHealth = HEALTHY) {
  let health = start;
  const decisions = [];
  for (const { input, at } of steps) {
    const r = trackHealth(health, input, at, settings);
    health = r.health;
    decisions.push(...r.decisions);
  }
  return { health, decisions };
}

describe('trackHealth', () => {
  it('a failure makes a healthy endpoint FAILING, counting from the first failure', () => {
    const { health, decisions } = run([{ input: fail, at: NOW }, { input: fail, at: NOW + 10 }]);
    expect(health).toMatchObject({ state: 'FAILING', consecutiveFailures: 2, failingSince: NOW, lastFailureAt: NOW + 10 });
    expect(decisions).toEqual([]);
  });

  it('opens the circuit after the configured consecutive failures, for the cool-down', () => {
    const { health, decisions } = run([0, 1, 2].map((i) => ({ input: fail, at: NOW + i })));
    expect(health).toMatchObject({ state: 'CIRCUIT_OPEN', consecutiveFailures: 3, circuitOpenUntil: NOW + 2 + 1000 });
    expect(decisions).toEqual([{ kind: 'circuitOpened', until: NOW + 2 + 1000, reopened: false }]);
  });

  it('a failed probe after the cool-down reopens the circuit for twice as long, up to the maximum', () => {
    let { health } = run([0, 1, 2].map((i) => ({ input: fail, at: NOW + i })));
    const untils: number[] = [];
    for (let probe = 0; probe < 5; probe++) {
      const at = health.circuitOpenUntil!;
      const r = trackHealth(health, fail, at, settings);
      expect(r.decisions).toEqual([{ kind: 'circuitOpened', until: r.health.circuitOpenUntil, reopened: true }]);
      untils.push(r.health.circuitOpenUntil! - at);
      health = r.health;
    }
    expect(untils).toEqual([2000, 4000, 5000, 5000, 5000]);
  });

  it('a failure during the cool-down (an attempt that was in flight) changes only the counters', () => {
    const { health } = run([0, 1, 2].map((i) => ({ input: fail, at: NOW + i })));
    const r = trackHealth(health, fail, NOW + 500, settings);
    expect(r.decisions).toEqual([]);
    expect(r.health).toMatchObject({ state: 'CIRCUIT_OPEN', circuitOpenUntil: health.circuitOpenUntil, consecutiveFailures: 4 });
  });

  it('a success closes the circuit and says the endpoint recovered', () => {
    const { health } = run([0, 1, 2].map((i) => ({ input: fail, at: NOW + i })));
    const r = trackHealth(health, ok, NOW + 2000, settings);
    expect(r.decisions).toEqual([{ kind: 'recovered' }]);
    expect(r.health).toEqual({ ...HEALTHY, lastSuccessAt: NOW + 2000, lastFailureAt: NOW + 2 });
  });

  it('a success after a few failures makes it HEALTHY without a recovery decision', () => {
    const r = run([{ input: fail, at: NOW }, { input: ok, at: NOW + 1 }]);
    expect(r.health).toMatchObject({ state: 'HEALTHY', consecutiveFailures: 0, failingSince: null });
    expect(r.decisions).toEqual([]);
  });

  it('410 Gone disables at once with reason GONE', () => {
    const r = trackHealth(HEALTHY, { success: false, gone: true }, NOW, settings);
    expect(r.health).toMatchObject({ state: 'DISABLED', disabledReason: 'GONE', consecutiveFailures: 1 });
    expect(r.decisions).toEqual([{ kind: 'disable', reason: 'GONE' }]);
  });

  it('disables with reason FAILING once it has failed without success for the configured time', () => {
    const before = run([{ input: fail, at: NOW }, { input: fail, at: NOW + 59_999 }]);
    expect(before.health.state).toBe('FAILING');
    const r = trackHealth(before.health, fail, NOW + 60_000, settings);
    expect(r.health).toMatchObject({ state: 'DISABLED', disabledReason: 'FAILING', circuitOpenUntil: null });
    expect(r.decisions).toEqual([{ kind: 'disable', reason: 'FAILING' }]);
  });

  it('a disabled endpoint stays disabled whatever an attempt still in flight says', () => {
    const disabled = manuallyDisabled(HEALTHY);
    expect(trackHealth(disabled, ok, NOW, settings)).toEqual({ health: { ...disabled, lastSuccessAt: NOW }, decisions: [] });
    expect(trackHealth(disabled, fail, NOW, settings).health.state).toBe('DISABLED');
  });

  it('enabling by hand resets the counters and the circuit, keeping the last times', () => {
    const { health } = run([0, 1, 2].map((i) => ({ input: fail, at: NOW + i })));
    expect(manuallyEnabled(health)).toEqual({ ...HEALTHY, lastFailureAt: NOW + 2 });
  });
});

describe('healthWriteNeeded', () => {
  it('skips only a success of a healthy endpoint that succeeded less than a second ago', () => {
    const healthy = { ...HEALTHY, lastSuccessAt: NOW };
    expect(healthWriteNeeded(healthy, ok, NOW + 999)).toBe(false);
    expect(healthWriteNeeded(healthy, ok, NOW + 1000)).toBe(true);
    expect(healthWriteNeeded(HEALTHY, ok, NOW)).toBe(true);
    expect(healthWriteNeeded(healthy, fail, NOW + 1)).toBe(true);
    expect(healthWriteNeeded({ ...healthy, state: 'FAILING', consecutiveFailures: 1 }, ok, NOW + 1)).toBe(true);
  });
});

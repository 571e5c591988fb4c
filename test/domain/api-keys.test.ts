import { describe, expect, it } from 'vitest';
import { allows, keyEndsAt, keyState, lastUsedDue, LAST_USED_INTERVAL_MS } from '../../src/domain/api-keys.js';

const T0 = Date.UTC(2026, 0, 1);

describe('API key rules', () => {
  it('a key works until its expiry or its revocation (or rotation grace end), whichever comes first', () => {
    const cases: [{ expiresAt: number | null; revokedAt: number | null }, number, string, number | null][] = [
      [{ expiresAt: null, revokedAt: null }, T0, 'ACTIVE', null],
      [{ expiresAt: T0 + 10, revokedAt: null }, T0 + 9, 'ACTIVE', T0 + 10],
      [{ expiresAt: T0 + 10, revokedAt: null }, T0 + 10, 'EXPIRED', T0 + 10],
      [{ expiresAt: null, revokedAt: T0 + 5 }, T0 + 4, 'ACTIVE', T0 + 5],
      [{ expiresAt: null, revokedAt: T0 + 5 }, T0 + 5, 'REVOKED', T0 + 5],
      [{ expiresAt: T0 + 3, revokedAt: T0 + 5 }, T0 + 6, 'REVOKED', T0 + 3],
      [{ expiresAt: T0 + 30, revokedAt: T0 + 5 }, T0 + 4, 'ACTIVE', T0 + 5],
    ];
    for (const [key, now, state, endsAt] of cases) {
      expect(keyState(key, now), JSON.stringify({ key, now })).toBe(state);
      expect(keyEndsAt(key), JSON.stringify(key)).toBe(endsAt);
    }
  });

  it('WRITE allows mutations and implies READ; READ allows reading only', () => {
    expect(allows(['READ'], 'READ')).toBe(true);
    expect(allows(['READ'], 'WRITE')).toBe(false);
    expect(allows(['WRITE'], 'READ')).toBe(true);
    expect(allows(['READ', 'WRITE'], 'WRITE')).toBe(true);
    expect(allows([], 'READ')).toBe(false);
  });

  it('lastUsedAt is due when never written or a full interval has passed', () => {
    expect(lastUsedDue(null, T0)).toBe(true);
    expect(lastUsedDue(T0, T0 + LAST_USED_INTERVAL_MS - 1)).toBe(false);
    expect(lastUsedDue(T0, T0 + LAST_USED_INTERVAL_MS)).toBe(true);
  });
});

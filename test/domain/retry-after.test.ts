import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryAfterDelay } from '../../src/domain/retry-after.js';

// The pure rule that reads a receiver's Retry-After.

const NOW = Date.UTC(2026, 9, 21, 7, 28, 0);

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP date as the time until then, and a past date as no wait', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', NOW)).toBe(0);
  });

  it('ignores what is neither form', () => {
    for (const bad of [null, undefined, '', '-5', '1.5', 'soon', '2026-10-21T07:28:30Z', '5s']) expect(parseRetryAfter(bad, NOW)).toBeNull();
  });
});

describe('retryAfterDelay', () => {
  it('applies to 429 and 503 only', () => {
    expect(retryAfterDelay(429, '10', NOW, 3_600_000)).toBe(10_000);
    expect(retryAfterDelay(503, '10', NOW, 3_600_000)).toBe(10_000);
    expect(retryAfterDelay(500, '10', NOW, 3_600_000)).toBeNull();
    expect(retryAfterDelay(null, '10', NOW, 3_600_000)).toBeNull();
  });

  it('is capped at the maximum', () => {
    expect(retryAfterDelay(429, '86400', NOW, 3_600_000)).toBe(3_600_000);
  });
});

import type { Millis } from './records.js';

// Retry-After (RFC 9110 §10.2.3): what a receiver answering 429 or 503 asks the sender to wait.

/** Statuses whose Retry-After header Tidings honours. */
export const RETRY_AFTER_STATUSES: readonly number[] = [429, 503];

/**
 * The wait a Retry-After value asks for, in milliseconds from `now`: delay-seconds ("120") or an
 * HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"). A date in the past asks for no wait (0); anything
 * else that is not one of the two forms is ignored (null).
 */
export function parseRetryAfter(value: string | null | undefined, now: Millis): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date always names the day and the time zone; Date.parse alone accepts much more.
  if (!/^[A-Za-z]{3},? .*\d{2}:\d{2}:\d{2} GMT$/.test(text) && !/^[A-Za-z]+, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return null;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return null;
  return Math.max(0, at - now);
}

/** The delay honoured for an answer: its Retry-After (when the status is 429 or 503) capped at `maxMs`; null when none applies. */
export function retryAfterDelay(status: number | null, header: string | null | undefined, now: Millis, maxMs: number): number | null {
  if (status === null || !RETRY_AFTER_STATUSES.includes(status)) return null;
  const asked = parseRetryAfter(header, now);
  return asked === null ? null : Math.min(asked, maxMs);
}

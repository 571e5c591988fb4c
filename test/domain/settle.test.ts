import { describe, expect, it } from 'vitest';
import { nextStep, settleAttempt, settleOnStored, settleUnprepared, type RetryPolicy, type SendOutcome } from '../../src/domain/settle.js';

// The pure rule that decides a delivery's next step after each attempt.

const policy: RetryPolicy = { scheduleMs: [1000, 5000], jitter: 0 };
const NOW = 1_000_000;
const REASON = 'localhost (127.0.0.1) is refused as a webhook target: loopback addresses are not allowed';

describe('nextStep', () => {
  it('a success ends the delivery SUCCEEDED', () => {
    expect(nextStep(policy, 1, { success: true }, false, NOW)).toEqual({ status: 'SUCCEEDED', nextAttemptAt: null });
  });

  it('a failure is retried after the delay of its attempt number, until the schedule runs out', () => {
    expect(nextStep(policy, 1, { success: false }, false, NOW)).toEqual({ status: 'RETRYING', nextAttemptAt: NOW + 1000 });
    expect(nextStep(policy, 2, { success: false }, false, NOW)).toEqual({ status: 'RETRYING', nextAttemptAt: NOW + 5000 });
    expect(nextStep(policy, 3, { success: false }, false, NOW)).toEqual({ status: 'FAILED', nextAttemptAt: null });
  });

  it('a permanent failure on the first attempt ends the delivery FAILED at once, with its reason', () => {
    expect(nextStep(policy, 1, { success: false, permanentFailure: REASON }, false, NOW)).toEqual({ status: 'FAILED', nextAttemptAt: null, failureReason: REASON });
  });

  it('a permanent failure on a manual retry is FAILED with its reason too', () => {
    expect(nextStep(policy, 4, { success: false, permanentFailure: REASON }, true, NOW)).toMatchObject({ status: 'FAILED', failureReason: REASON });
  });

  it('a manual retry that fails is FAILED without starting the schedule again', () => {
    expect(nextStep(policy, 1, { success: false }, true, NOW)).toEqual({ status: 'FAILED', nextAttemptAt: null });
  });
});

describe('settleAttempt', () => {
  const attempt = { deliveryId: 'dlv_1', number: 1, manualRetry: false, startedAt: NOW - 40 };
  const sent = (over: Partial<SendOutcome>): SendOutcome => ({ status: null, body: null, error: null, refused: false, durationMs: 40, ...over });

  it('records a 2xx answer as a success that ends the delivery', () => {
    expect(settleAttempt(policy, attempt, sent({ status: 204, body: '' }), NOW)).toEqual({
      attempt: { deliveryId: 'dlv_1', number: 1, startedAt: NOW - 40, durationMs: 40, success: true, responseStatus: 204, responseBody: '', error: null, retryAfterMs: null },
      status: 'SUCCEEDED',
      nextAttemptAt: null,
      endpointGone: false,
    });
  });

  it('records any other status (3xx included) as a failure naming the status, retried on schedule', () => {
    const outcome = settleAttempt(policy, attempt, sent({ status: 302, body: 'moved' }), NOW);
    expect(outcome).toMatchObject({ attempt: { success: false, error: 'endpoint answered HTTP 302', responseStatus: 302 }, status: 'RETRYING', nextAttemptAt: NOW + 1000 });
  });

  it('keeps the error of a request that got no answer', () => {
    expect(settleAttempt(policy, attempt, sent({ error: 'timed out after 15000ms' }), NOW).attempt.error).toBe('timed out after 15000ms');
  });

  it('ends a refused target FAILED at once, the refusal as the reason', () => {
    expect(settleAttempt(policy, attempt, sent({ error: REASON, refused: true }), NOW)).toMatchObject({ status: 'FAILED', failureReason: REASON, nextAttemptAt: null });
  });
});

describe('settleOnStored', () => {
  const outcome = (success: boolean) => settleAttempt(policy, { deliveryId: 'dlv_1', number: 1, manualRetry: false, startedAt: NOW }, { status: success ? 200 : 500, body: null, error: null, refused: false, durationMs: 1 }, NOW);

  it('keeps a delivery cancelled while its attempt was in flight FAILED when that attempt failed', () => {
    expect(settleOnStored('FAILED', outcome(false))).toEqual({ status: 'FAILED', nextAttemptAt: null, cancelled: true });
  });

  it('lets a success override the cancellation, and applies the outcome to a delivery still going', () => {
    expect(settleOnStored('FAILED', outcome(true))).toMatchObject({ status: 'SUCCEEDED', cancelled: false });
    expect(settleOnStored('PENDING', outcome(false))).toMatchObject({ status: 'RETRYING', nextAttemptAt: NOW + 1000, cancelled: false });
  });
});

describe('settleUnprepared', () => {
  it('records a failed attempt with the error and ends the delivery FAILED with the reason at once, whatever the schedule', () => {
    const outcome = settleUnprepared({ deliveryId: 'dlv_1', number: 1, startedAt: NOW }, 'transform failed: boom', 'TRANSFORM_FAILED: x', NOW + 3);
    expect(outcome).toEqual({
      attempt: { deliveryId: 'dlv_1', number: 1, startedAt: NOW, durationMs: 3, success: false, responseStatus: null, responseBody: null, error: 'transform failed: boom', retryAfterMs: null },
      status: 'FAILED',
      nextAttemptAt: null,
      failureReason: 'TRANSFORM_FAILED: x',
    });
  });
});

describe('settleAttempt: what the receiver says', () => {
  const attempt = { deliveryId: 'dlv_1', number: 1, manualRetry: false, startedAt: NOW - 40 };
  const sent = (over: Partial<SendOutcome>): SendOutcome => ({ status: null, body: null, error: null, refused: false, durationMs: 40, ...over });

  it('a 429 or 503 with Retry-After waits at least that long and records the delay used', () => {
    const outcome = settleAttempt(policy, attempt, sent({ status: 429, retryAfter: '30' }), NOW);
    expect(outcome).toMatchObject({ status: 'RETRYING', nextAttemptAt: NOW + 30_000, attempt: { retryAfterMs: 30_000 } });
    const date = new Date(NOW + 20_000).toUTCString();
    expect(settleAttempt(policy, attempt, sent({ status: 503, retryAfter: date }), NOW)).toMatchObject({ nextAttemptAt: NOW + 20_000, attempt: { retryAfterMs: 20_000 } });
  });

  it('a Retry-After shorter than the schedule keeps the schedule', () => {
    expect(settleAttempt(policy, attempt, sent({ status: 429, retryAfter: '0' }), NOW)).toMatchObject({ nextAttemptAt: NOW + 1000, attempt: { retryAfterMs: 0 } });
  });

  it('caps Retry-After at retryAfterMaxMs, and ignores it on other statuses', () => {
    expect(settleAttempt({ ...policy, retryAfterMaxMs: 60_000 }, attempt, sent({ status: 429, retryAfter: '86400' }), NOW))
      .toMatchObject({ nextAttemptAt: NOW + 60_000, attempt: { retryAfterMs: 60_000 } });
    expect(settleAttempt(policy, attempt, sent({ status: 500, retryAfter: '30' }), NOW)).toMatchObject({ nextAttemptAt: NOW + 1000, attempt: { retryAfterMs: null } });
  });

  it('a Retry-After does not extend an exhausted schedule', () => {
    expect(settleAttempt(policy, { ...attempt, number: 3 }, sent({ status: 429, retryAfter: '30' }), NOW)).toMatchObject({ status: 'FAILED', nextAttemptAt: null });
  });

  it('says a 410 Gone answer means the endpoint is gone', () => {
    expect(settleAttempt(policy, attempt, sent({ status: 410 }), NOW)).toMatchObject({ status: 'RETRYING', endpointGone: true });
    expect(settleAttempt(policy, attempt, sent({ status: 404 }), NOW).endpointGone).toBe(false);
  });
});

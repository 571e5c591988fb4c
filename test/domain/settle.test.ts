import { describe, expect, it } from 'vitest';
import { nextStep, type RetryPolicy } from '../../src/domain/settle.js';

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

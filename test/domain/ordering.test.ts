import { describe, expect, it } from 'vitest';
import { mayClaimInOrder } from '../../src/domain/ordering.js';

describe('mayClaimInOrder', () => {
  it('lets any due delivery of a PARALLEL endpoint be claimed', () => {
    expect(mayClaimInOrder('PARALLEL', 'dlv_2', 'dlv_1')).toBe(true);
  });

  it('lets only the oldest unfinished delivery of a FIFO endpoint be claimed', () => {
    expect(mayClaimInOrder('FIFO', 'dlv_1', 'dlv_1')).toBe(true);
    expect(mayClaimInOrder('FIFO', 'dlv_2', 'dlv_1')).toBe(false);
    expect(mayClaimInOrder('FIFO', 'dlv_2', undefined)).toBe(false);
  });
});

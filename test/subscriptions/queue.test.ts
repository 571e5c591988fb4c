import { describe, expect, it } from 'vitest';
import { liveQueue, PUSH } from '../../src/live/queue.js';

// The per-subscriber queue behind the live feed.

function source() {
  let push: ((n: number) => void) | undefined;
  let listening = false;
  const queue = liveQueue<number>(3, (p) => {
    push = p;
    listening = true;
    return () => (listening = false);
  });
  return { queue, push: (n: number) => push!(n), listening: () => listening };
}

describe('liveQueue', () => {
  it('hands values over in order, to a waiting reader at once', async () => {
    const { queue, push } = source();
    const waiting = queue.next();
    push(1);
    push(2);
    expect(await waiting).toEqual({ value: 1, done: false });
    expect(await queue.next()).toEqual({ value: 2, done: false });
  });

  it('keeps only the newest `limit` values for a reader that falls behind', async () => {
    const { queue, push } = source();
    for (let n = 1; n <= 5; n++) push(n);
    const read = [];
    for (let i = 0; i < 3; i++) read.push((await queue.next()).value);
    expect(read).toEqual([3, 4, 5]);
    push(6);
    expect(await queue.next()).toEqual({ value: 6, done: false });
  });

  it('stops listening on return(), also while a reader waits, and ends every later read', async () => {
    const { queue, push, listening } = source();
    const waiting = queue.next();
    expect(listening()).toBe(true);
    await queue.return!();
    expect(listening()).toBe(false);
    expect(await waiting).toEqual({ value: undefined, done: true });
    push(1);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('in push mode hands the unread values, then each new one at once, to the sink; next() resolves only when the queue ends', async () => {
    const { queue, push, listening } = source();
    push(1);
    push(2);
    const sunk: number[] = [];
    queue[PUSH]((n) => sunk.push(n));
    expect(sunk).toEqual([1, 2]);
    let ended = false;
    const reading = queue.next().then((step) => ((ended = true), step));
    push(3);
    expect(sunk).toEqual([1, 2, 3]);
    await Promise.resolve();
    expect(ended).toBe(false);
    await queue.return!();
    expect(listening()).toBe(false);
    expect(await reading).toEqual({ value: undefined, done: true });
    push(4);
    expect(sunk).toEqual([1, 2, 3]);
  });
});

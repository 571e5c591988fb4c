/** The key of a live queue's push mode (see LiveQueue). */
export const PUSH = Symbol('live queue push');

/**
 * A live queue. `[PUSH](sink)` switches it to push mode: every value (those unread first) goes to
 * `sink` as it arrives, synchronously, and next() only resolves when the queue ends. For thousands
 * of subscribers of one feed, the promise per value and reader is most of what a message costs.
 */
export interface LiveQueue<T> extends AsyncIterableIterator<T> {
  [PUSH](sink: (value: T) => void): void;
}

/**
 * An async iterator over values pushed by a source, for one live subscriber. `listen` starts the
 * source and returns how to stop it; return() stops it at once. A reader that falls more than
 * `limit` values behind loses the oldest. Written out rather than built on a general-purpose
 * channel: with a thousand subscribers every push is paid a thousand times per event.
 */
export function liveQueue<T>(limit: number, listen: (push: (value: T) => void) => () => void): LiveQueue<T> {
  let buffer: (T | undefined)[] = [];
  let sink: ((value: T) => void) | undefined;
  let head = 0; // buffer[head..] is unread; a moving index instead of shift(), which copies
  const readers: ((step: IteratorResult<T>) => void)[] = [];
  let done = false;

  const stopListening = listen((value) => {
    if (done) return;
    if (sink) return sink(value);
    const reader = readers.shift();
    if (reader) return reader({ value, done: false });
    buffer.push(value);
    if (buffer.length - head > limit) buffer[head++] = undefined;
    if (head > 1024 && head * 2 > buffer.length) (buffer = buffer.slice(head)), (head = 0);
  });

  const finish = (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      stopListening();
      buffer = [];
      for (const reader of readers.splice(0)) reader({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  };

  const queue: LiveQueue<T> = {
    next() {
      if (head < buffer.length) {
        const value = buffer[head] as T;
        buffer[head++] = undefined;
        if (head === buffer.length) (buffer = []), (head = 0);
        return Promise.resolve({ value, done: false });
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => readers.push(resolve));
    },
    return: finish,
    throw: (error) => finish().then(() => Promise.reject(error)),
    [Symbol.asyncIterator]: () => queue,
    [PUSH](to) {
      sink = to;
      const unread = buffer.slice(head) as T[];
      (buffer = []), (head = 0);
      for (const value of unread) to(value);
    },
  };
  return queue;
}

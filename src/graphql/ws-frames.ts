import type { ExecutionResult } from 'graphql';

// graphql-ws prints every `next` message for its socket: with thousands of subscribers of one
// feed, the same result is copied, validated and printed thousands of times per event, and each
// message waits on a promise of its own. shared-execution.ts hands every subscriber of a distinct
// subscription the same result object; here it is printed once, and each socket's message is that
// payload with its operation id spliced in, written straight onto the socket.

const payloads = new WeakMap<ExecutionResult, string>();

/** The JSON of a result as graphql-ws sends it (errors in their JSON form, after the other keys), printed once per result object. */
export function payloadJson(result: ExecutionResult): string {
  let json = payloads.get(result);
  if (json === undefined) {
    const { errors, ...rest } = result;
    json = JSON.stringify(errors ? { ...rest, errors: errors.map((e) => e.toJSON()) } : rest);
    payloads.set(result, json);
  }
  return json;
}

/** graphql-ws's `next` messages for operation `id` (the id is the client's: printed once, as a JSON string). */
export function nextMessages(id: string): (result: ExecutionResult) => string {
  const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return (result) => `${prefix}${payloadJson(result)}}`;
}

/** graphql-ws's `next` message for operation `id` and `result`. */
export function nextMessage(id: string, result: ExecutionResult): string {
  return nextMessages(id)(result);
}

/** A socket as far as writing goes (ws's WebSocket). */
export interface FrameSocket {
  readonly bufferedAmount: number;
  readonly readyState: number;
  readonly OPEN: number;
  send(data: string, cb?: (err?: Error) => void): void;
}

/**
 * Bytes a socket may have waiting to be written. Past it, an operation whose results are pushed
 * (shared-execution.ts's pushResultsTo) loses the new ones, and one read through its iterator
 * stops reading until they are written (its live queue then drops the oldest): a slow reader costs
 * bounded memory, and the store keeps every record.
 */
export const SOCKET_BUFFER_LIMIT = 1024 * 1024;

/** Writes operation `id`'s `next` message for a result on the socket; false when it was not written (closed, or over SOCKET_BUFFER_LIMIT). */
export function nextSender(socket: FrameSocket, id: string): (result: ExecutionResult) => boolean {
  const message = nextMessages(id);
  return (result) => {
    if (socket.readyState !== socket.OPEN || socket.bufferedAmount > SOCKET_BUFFER_LIMIT) return false;
    socket.send(message(result));
    return true;
  };
}

/**
 * The results of operation `id` as graphql-ws's loop sees them: every result is written on the
 * socket here as a `next` message, and the loop only hears of the end (then sends `complete`) or
 * of an error (then sends `error`). return() reaches the results at once.
 */
export function writtenToSocket(results: AsyncIterator<ExecutionResult>, id: string, socket: FrameSocket): AsyncIterableIterator<never> {
  let ended = false;
  const message = nextMessages(id);
  const written: AsyncIterableIterator<never> = {
    async next() {
      for (;;) {
        const step = await results.next();
        if (step.done || ended) return { done: true, value: undefined };
        if (socket.readyState !== socket.OPEN) continue; // graphql-ws ends the operation on close
        const text = message(step.value);
        if (socket.bufferedAmount <= SOCKET_BUFFER_LIMIT) socket.send(text);
        else await new Promise<void>((resolve) => socket.send(text, () => resolve()));
      }
    },
    async return() {
      ended = true;
      await results.return?.();
      return { done: true, value: undefined };
    },
    async throw(error) {
      ended = true;
      if (results.throw) await results.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]: () => written,
  };
  return written;
}

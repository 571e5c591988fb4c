import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../graphql/context.js';
import { PUSH, type LiveQueue } from './queue.js';

// A live feed with many subscribers sends the same event to each of them. graphql-js's subscribe
// executes the selection set once per subscriber and event; with 1,000 subscribers that is 1,000
// identical executions per delivery change, on the thread that also serves the API and delivers.
// This executes once per event and distinct subscription (document, operation, variables, caller)
// and hands the same result to every subscriber that shares them.

type MaybePromise<T> = T | Promise<T>;

/** Results by event payload (the pubsub hands every listener the same object), then by subscription key. */
const resultsByPayload = new WeakMap<object, Map<string, MaybePromise<ExecutionResult>>>();
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

function subscriptionKey(args: ExecutionArgs): string {
  let documentId = documentIds.get(args.document);
  if (documentId === undefined) documentIds.set(args.document, (documentId = nextDocumentId++));
  const caller = (args.contextValue as Context).caller;
  // The caller is part of the key although no field of a delivery depends on it today: a result
  // computed for one tenant must never reach another if that changes.
  const who = caller === undefined ? '-' : caller.kind === 'admin' ? 'admin' : `app:${caller.applicationId}`;
  return `${documentId}|${args.operationName ?? ''}|${who}|${JSON.stringify(args.variableValues ?? {})}`;
}

/** The result for `payload` (graphql-js's execute: an object when every resolver answered synchronously). */
function sharedExecution(args: ExecutionArgs, key: string, payload: unknown): MaybePromise<ExecutionResult> {
  const run = () => execute({ ...args, rootValue: payload }) as MaybePromise<ExecutionResult>;
  if (typeof payload !== 'object' || payload === null) return run();
  let results = resultsByPayload.get(payload);
  if (!results) resultsByPayload.set(payload, (results = new Map()));
  let result = results.get(key);
  if (!result) results.set(key, (result = run()));
  return result;
}

/** Where the results of a live operation go as they come, instead of through its iterator, by its context. */
const sinks = new WeakMap<object, (result: ExecutionResult) => void>();

/**
 * The results of the subscription run with `contextValue` go to `sink` as they come (when its
 * source is a live queue): no promise per result and subscriber, and nothing through the
 * iterator, which then only ends. graphql-ws sockets use it (ws-frames.ts).
 */
export function pushResultsTo(contextValue: object, sink: (result: ExecutionResult) => void): void {
  sinks.set(contextValue, sink);
}

/** Payloads to `sink` as their results, in the payloads' order although a result may be a promise. */
function inOrder(sink: (result: ExecutionResult) => void, resultOf: (payload: unknown) => MaybePromise<ExecutionResult>): (payload: unknown) => void {
  let pending: Promise<void> | undefined; // the last result not yet handed over
  return (payload) => {
    const result = resultOf(payload);
    if (pending === undefined && !(result instanceof Promise)) return sink(result);
    const handed: Promise<void> = (pending ?? Promise.resolve()).then(() => result).then(sink);
    pending = handed;
    const clear = () => void (pending === handed && (pending = undefined));
    void handed.then(clear, clear);
  };
}

/** graphql-js's subscribe (source stream, then execute per event) with the execution shared. */
async function sharedSubscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const key = subscriptionKey(args);
  const events = source[Symbol.asyncIterator]() as AsyncIterator<unknown> & Partial<Pick<LiveQueue<unknown>, typeof PUSH>>;
  const sink = sinks.get(args.contextValue as object);
  if (sink && events[PUSH]) events[PUSH](inOrder(sink, (payload) => sharedExecution(args, key, payload)));
  const toResult = async (step: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> =>
    step.done ? { done: true, value: undefined } : { done: false, value: await sharedExecution(args, key, step.value) };
  // A hand-written iterator rather than an async generator: return() must reach the source at
  // once (ending the pubsub listener), not after the next event arrives.
  const results: AsyncIterableIterator<ExecutionResult> = {
    next: () => events.next().then(toResult),
    return: () => (events.return ? events.return().then(toResult) : Promise.resolve({ done: true, value: undefined })),
    throw: (error) => (events.throw ? events.throw(error).then(toResult) : Promise.reject(error)),
    [Symbol.asyncIterator]: () => results,
  };
  return results;
}

/** Envelop plugin: every subscription (graphql-ws and SSE) runs through sharedSubscribe. */
export function useSharedSubscriptionExecution(): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(sharedSubscribe as never);
    },
  };
}

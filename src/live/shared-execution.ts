import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../graphql/context.js';

// A live feed with many subscribers sends the same event to each of them. graphql-js's subscribe
// executes the selection set once per subscriber and event; with 1,000 subscribers that is 1,000
// identical executions per delivery change, on the thread that also serves the API and delivers.
// This executes once per event and distinct subscription (document, operation, variables, caller)
// and hands the same result to every subscriber that shares them.

/** Results by event payload (the pubsub hands every listener the same object), then by subscription key. */
const resultsByPayload = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
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

function sharedExecution(args: ExecutionArgs, key: string, payload: unknown): Promise<ExecutionResult> {
  const run = () => Promise.resolve(execute({ ...args, rootValue: payload }));
  if (typeof payload !== 'object' || payload === null) return run();
  let results = resultsByPayload.get(payload);
  if (!results) resultsByPayload.set(payload, (results = new Map()));
  let result = results.get(key);
  if (!result) results.set(key, (result = run()));
  return result;
}

/** graphql-js's subscribe (source stream, then execute per event) with the execution shared. */
async function sharedSubscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const key = subscriptionKey(args);
  const events = source[Symbol.asyncIterator]();
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

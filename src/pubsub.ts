import { setMaxListeners } from 'node:events';
import { createPubSub } from 'graphql-yoga';
import type { DeliveryRecord } from './domain/records.js';

// Notifications between the parts of Tidings. The store is the record; a message here only says
// "this changed". In-process by default (an EventTarget); an EventTarget over Redis carries the
// same messages between processes.

export type Topics = {
  /** A delivery was created or changed state. */
  'delivery:updated': [delivery: DeliveryRecord];
  /** An endpoint was enabled again: its waiting deliveries are due now (workers look at once). */
  'endpoint:enabled': [endpoint: { id: string }];
};

type Target = NonNullable<NonNullable<Parameters<typeof createPubSub<Topics>>[0]>['eventTarget']>;

/** An in-process target: every live subscriber adds a listener, so the default cap of 10 does not apply. */
function localTarget(): Target {
  const target = new EventTarget();
  setMaxListeners(0, target);
  return target as unknown as Target;
}

export function createTidingsPubSub(eventTarget: Target = localTarget()) {
  const pubsub = createPubSub<Topics>({ eventTarget });
  return {
    publish: pubsub.publish,
    subscribe: pubsub.subscribe,
    /** Calls `listener` for each message as it is published, with no queue; returns a function that stops it. */
    listen<K extends keyof Topics>(topic: K, listener: (...args: Topics[K]) => void): () => void {
      const handler = (event: Event) => (listener as (detail: unknown) => void)((event as CustomEvent).detail);
      eventTarget.addEventListener(topic, handler as never);
      return () => eventTarget.removeEventListener(topic, handler as never);
    },
  };
}

export type PubSub = ReturnType<typeof createTidingsPubSub>;

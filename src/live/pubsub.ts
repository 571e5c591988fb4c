import { setMaxListeners } from 'node:events';
import { createPubSub } from 'graphql-yoga';
import type { BulkJobRecord } from '../domain/bulk-jobs.js';
import type { DeliveryRecord, EndpointRecord, EventRecord } from '../domain/records.js';

// Notifications between the parts of Tidings, on two topics: the live feed's and the workers'.
// The store is the record; a message here only says "this changed". In-process by default (an
// EventTarget); an EventTarget over Redis carries the same messages between processes.

export type Topics = {
  /** A delivery was created or changed state. */
  'delivery:updated': [delivery: DeliveryRecord];
  /** An event was published (stored with its deliveries): the eventPublished feed (`tidings listen`). */
  'event:published': [event: EventRecord];
  /**
   * Deliveries of this endpoint may be due now (new, retried by hand, or the endpoint was enabled
   * again): workers look at once instead of at their next poll. The workers' own topic, so that
   * the live feed and the delivery side change independently.
   */
  'work:due': [work: { endpointId: string; /** The deliveries that became due, when known. */ deliveryIds?: string[] }];
  /**
   * A credential (API key, admin token, portal session) was revoked, or will stop at `endsAt`
   * (a rotated key's grace): every process closes the live connections made with it then.
   */
  'credential:revoked': [credential: { id: string; endsAt: number; reason: string }];
  /** An endpoint's health state changed (or a health decision was taken): the endpointHealthChanged feed. */
  'endpoint:health': [endpoint: EndpointRecord];
  /** A bulk job was created or made progress: the bulkJobUpdated feed, and job runners wake up for a QUEUED one. */
  'bulk-job:updated': [job: BulkJobRecord];
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

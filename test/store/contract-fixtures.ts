import { afterEach, beforeEach } from 'vitest';
import { ENDPOINT_DEFAULTS } from '../../src/domain/endpoint-defaults.js';
import { newId } from '../../src/ids.js';
import type { AttemptOutcome, EndpointRecord, EventRecord, Scope } from '../../src/domain/records.js';
import type { ClaimedDelivery, Store } from '../../src/store/ports.js';

// What the contract suites build their cases from: records written through the port under test.

export interface StoreHarness {
  store: Store;
  cleanup(): Promise<void>;
}

export const T0 = Date.UTC(2026, 0, 1);
export const admin: Scope = { kind: 'admin' };
export const appScope = (applicationId: string): Scope => ({ kind: 'app', applicationId });

/** Record builders bound to the store of the running case. */
export function fixtures(current: () => Store) {
  async function application(name = 'app') {
    const app = { id: newId('Application'), name, metadata: {}, createdAt: T0 };
    await current().createApplication(app);
    return app;
  }

  async function endpoint(applicationId: string, extra: Partial<EndpointRecord> = {}) {
    const e: EndpointRecord = {
      id: newId('Endpoint'),
      applicationId,
      url: 'https://example.com/hook',
      description: null,
      eventTypes: ['*'],
      enabled: true,
      secrets: [{ secret: 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0', expiresAt: null }],
      createdAt: T0,
      updatedAt: T0,
      deletedAt: null,
      ...ENDPOINT_DEFAULTS,
      ...extra,
    };
    await current().createEndpoint(e);
    return e;
  }

  function event(applicationId: string, extra: Partial<EventRecord> = {}): EventRecord {
    return { id: newId('Event'), applicationId, type: 'order.created', payload: '{"n":1}', channels: [], testEndpointId: null, idempotencyKey: null, createdAt: T0, ...extra };
  }

  const publish = (e: EventRecord, idempotentSince = 0) => current().publishEvent(e, { idempotentSince });

  function outcome(claim: ClaimedDelivery, success: boolean, nextAttemptAt: number | null, now = T0): AttemptOutcome {
    return {
      attempt: {
        deliveryId: claim.delivery.id,
        number: claim.attemptNumber,
        startedAt: now,
        durationMs: 5,
        success,
        responseStatus: success ? 200 : 500,
        responseBody: success ? 'ok' : 'nope',
        error: success ? null : 'endpoint answered HTTP 500',
        retryAfterMs: null,
      },
      status: success ? 'SUCCEEDED' : nextAttemptAt === null ? 'FAILED' : 'RETRYING',
      nextAttemptAt,
    };
  }


  return { application, endpoint, event, publish, outcome };
}

/** Opens a fresh store for each case of the enclosing describe; returns the store of the running case. */
export function freshStorePerCase(open: () => Promise<StoreHarness>): () => Store {
  let h: StoreHarness | undefined;
  beforeEach(async () => {
    h = await open();
  });
  afterEach(async () => {
    await h?.cleanup();
  });
  return () => h!.store;
}

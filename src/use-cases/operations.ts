import { ADMIN_SCOPE, type DeliveryRecord, type EndpointRecord, type Millis } from '../domain/records.js';
import { ConflictError } from '../errors.js';
import { newId } from '../ids.js';
import { announceDeliveries } from '../live/announce.js';
import type { PubSub } from '../live/pubsub.js';
import type { HealthChange, Store } from '../store/ports.js';

// Operational events: Tidings tells the platform about its endpoints through its own pipeline, so
// they are signed, retried, kept and streamed like any other event. They belong to one reserved
// application per installation (created at start); the platform registers endpoints on it. An
// endpoint of that application never produces operational events about itself (no loops).

export const OPERATIONAL_EVENT_TYPES = {
  'tidings.endpoint.disabled': 'An endpoint was disabled: by hand (MANUAL), because it answered 410 Gone (GONE), or because it failed without success for TIDINGS_DISABLE_AFTER (FAILING).',
  'tidings.endpoint.enabled': 'A disabled endpoint was enabled again by hand; its health starts afresh.',
  'tidings.endpoint.circuit_opened': 'An endpoint failed TIDINGS_CIRCUIT_FAILURES times in a row: its deliveries wait until a probe attempt after the cool-down succeeds.',
  'tidings.endpoint.recovered': 'A probe attempt succeeded: the circuit of the endpoint is closed and its waiting deliveries flow again.',
  'tidings.delivery.exhausted': 'A delivery ended FAILED after an attempt: its retry schedule was used up, its manual retry failed, or it cannot be retried.',
} as const;

export type OperationalEventType = keyof typeof OPERATIONAL_EVENT_TYPES;

const SETTING = 'operations_application_id';
export const OPERATIONS_APPLICATION_NAME = 'Tidings operations';

type OperationsStore = Pick<Store, 'ensureSetting' | 'findApplication' | 'createApplication' | 'findEventType' | 'createEventType' | 'publishEvent'>;

export class Operations {
  private ready: Promise<string> | undefined;

  constructor(private readonly store: OperationsStore, private readonly pubsub: PubSub, private readonly now: () => Millis, private readonly log: (m: string) => void = () => {}) {}

  /** The operations application's ID, creating it and its event types on first use (at start). Safe when processes start at once. */
  applicationId(): Promise<string> {
    this.ready ??= this.ensure().catch((err) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  private async ensure(): Promise<string> {
    const now = this.now();
    const id = await this.store.ensureSetting(SETTING, newId('Application', now));
    if (!(await this.store.findApplication(ADMIN_SCOPE, id))) {
      // It has no API key: the admin token manages it.
      try {
        await this.store.createApplication({ id, name: OPERATIONS_APPLICATION_NAME, metadata: {}, createdAt: now });
      } catch (err) {
        if (!(await this.store.findApplication(ADMIN_SCOPE, id))) throw err; // else another process created it
      }
    }
    for (const [name, description] of Object.entries(OPERATIONAL_EVENT_TYPES)) {
      if (await this.store.findEventType(name)) continue;
      try {
        await this.store.createEventType({ name, description, schema: null, examples: [], archived: false, createdAt: now, updatedAt: now });
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
      }
    }
    return id;
  }

  /** What an attempt's outcome tells the platform: health decisions, and a delivery that ended FAILED. */
  async afterAttempt(endpoint: EndpointRecord, delivery: DeliveryRecord, change: HealthChange | null): Promise<void> {
    for (const decision of change?.decisions ?? []) {
      const health = change!.endpoint.health;
      if (decision.kind === 'disable') await this.endpointDisabled(change!.endpoint);
      if (decision.kind === 'circuitOpened' && !decision.reopened) {
        await this.publish('tidings.endpoint.circuit_opened', endpoint, {
          reason: `${health.consecutiveFailures} consecutive failed attempts`,
          consecutiveFailures: health.consecutiveFailures,
          circuitOpenUntil: iso(health.circuitOpenUntil),
        });
      }
      if (decision.kind === 'recovered') {
        await this.publish('tidings.endpoint.recovered', endpoint, { reason: 'a probe attempt succeeded', failingSince: iso(change!.previous.failingSince) });
      }
    }
    if (delivery.status === 'FAILED') {
      await this.publish('tidings.delivery.exhausted', endpoint, {
        reason: delivery.failureReason ?? (delivery.manualRetry ? 'the manual retry failed' : 'the retry schedule is exhausted'),
        deliveryId: delivery.id,
        eventId: delivery.eventId,
        eventType: delivery.eventType,
        attemptCount: delivery.attemptCount,
      });
    }
  }

  async endpointDisabled(endpoint: EndpointRecord): Promise<void> {
    await this.publish('tidings.endpoint.disabled', endpoint, {
      reason: endpoint.health.disabledReason ?? 'MANUAL',
      consecutiveFailures: endpoint.health.consecutiveFailures,
      failingSince: iso(endpoint.health.failingSince),
      lastFailureAt: iso(endpoint.health.lastFailureAt),
    });
  }

  async endpointEnabled(endpoint: EndpointRecord): Promise<void> {
    await this.publish('tidings.endpoint.enabled', endpoint, { reason: 'MANUAL' });
  }

  /** Publishes one operational event about `endpoint`, unless the endpoint is itself operational. */
  private async publish(type: OperationalEventType, endpoint: EndpointRecord, details: Record<string, unknown>): Promise<void> {
    const applicationId = await this.applicationId();
    if (endpoint.applicationId === applicationId) return;
    const now = this.now();
    const payload = JSON.stringify({ applicationId: endpoint.applicationId, endpointId: endpoint.id, endpointUrl: endpoint.url, ...details });
    const result = await this.store.publishEvent(
      { id: newId('Event', now), applicationId, type, payload, idempotencyKey: null, createdAt: now, channels: [], testEndpointId: null },
      { idempotentSince: now },
    );
    announceDeliveries(this.pubsub, result.deliveries);
    this.log(`operations: ${type} for endpoint ${endpoint.id}`);
  }
}

const iso = (t: Millis | null) => (t === null ? null : new Date(t).toISOString());

import type { EndpointRecord, EventRecord, Millis } from '../domain/records.js';
import { secretsInForce } from '../domain/secrets.js';
import { signatureHeader } from './signing.js';

/**
 * The request body. Built from stored text (the payload is kept as exact JSON), and its timestamp
 * is the event's creation time, so every attempt sends the same bytes.
 */
export function webhookBody(event: EventRecord): string {
  const timestamp = new Date(event.createdAt).toISOString();
  return `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},"timestamp":${JSON.stringify(timestamp)},"data":${event.payload}}`;
}


/**
 * Standard Webhooks headers for one attempt: `webhook-id` is the event ID, stable across retries
 * (receivers deduplicate on it). `tidings-delivery-id` and `tidings-attempt` help debugging.
 */
export function webhookHeaders(event: EventRecord, endpoint: EndpointRecord, body: string, now: Millis, delivery: { id: string; attempt: number }): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Tidings-Webhooks/0.1',
    'tidings-delivery-id': delivery.id,
    'tidings-attempt': String(delivery.attempt),
    'webhook-id': event.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureHeader(secretsInForce(endpoint.secrets, now).map((s) => s.secret), event.id, timestamp, body),
  };
}

// The first stage of an attempt: the exact request to send (body, headers, signature). Formats,
// projections and transformations belong here, and nowhere else.
import type { EndpointRecord, EventRecord, Millis } from '../domain/records.js';
import type { ClaimedDelivery } from '../store/ports.js';
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
export function webhookHeaders(event: EventRecord, endpoint: Pick<EndpointRecord, 'secrets'>, body: string, now: Millis, delivery: { id: string; attempt: number }): Record<string, string> {
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

/** An attempt's request, ready to send. */
export interface PreparedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The request for one claimed attempt, signed at `now`. */
export function prepareRequest(claim: ClaimedDelivery, now: Millis): PreparedRequest {
  const { delivery, event, endpoint, attemptNumber } = claim;
  const body = webhookBody(event);
  return { url: endpoint.url, headers: webhookHeaders(event, endpoint, body, now, { id: delivery.id, attempt: attemptNumber }), body };
}

// The first stage of an attempt: the exact request to send (body, headers, signature). Converters
// and formats live here and nowhere else, in a fixed order (the fan-out applied channels and filter
// before any delivery existed): includeFields → transform → format → sign. previewDelivery runs
// this same code without storing or sending anything.
import type { EndpointRecord, EventRecord, Millis } from '../domain/records.js';
import { secretsInForce } from '../domain/secrets.js';
import { includeFields } from './convert/include-fields.js';
import { runTransform } from './convert/transform.js';
import { defaultCloudEventsSource, FORMATS } from './formats/index.js';
import { signatureHeader } from './signing.js';

/** An attempt's request, ready to send. */
export interface PreparedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The request, or why none can be built (a transform that fails: retrying cannot help). */
export type Prepared = { ok: true; request: PreparedRequest } | { ok: false; error: string };

export interface PrepareInput {
  event: EventRecord;
  endpoint: EndpointRecord;
  delivery: { id: string; attempt: number };
  /** The installation's name in default CloudEvents sources (TIDINGS_CLOUDEVENTS_SOURCE). */
  installation: string;
}

/**
 * The request for one attempt, signed at `now`. Without converters the body is built from the
 * stored payload text, and its times are the event's, so every attempt sends the same bytes.
 */
export async function prepareRequest({ event, endpoint, delivery, installation }: PrepareInput, now: Millis): Promise<Prepared> {
  const options = endpoint.delivery;
  let dataText = event.payload;
  let data: unknown;
  if (options.includeFields !== null) {
    data = includeFields(JSON.parse(event.payload), options.includeFields);
    dataText = JSON.stringify(data);
  }
  let content: string | null = null;
  let transformHeaders: Record<string, string> = {};
  if (options.transform !== null) {
    try {
      const result = await runTransform(options.transform, {
        event: { id: event.id, type: event.type, timestamp: new Date(event.createdAt).toISOString(), data: data ?? JSON.parse(event.payload), channels: event.channels },
        endpoint: { id: endpoint.id, url: endpoint.url },
      });
      content = JSON.stringify(result.body) ?? 'null';
      transformHeaders = Object.fromEntries(result.headers.map((h) => [h.name, h.value]));
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
  }
  const source = options.cloudEventsSource ?? defaultCloudEventsSource(installation, event.applicationId);
  const formatted = FORMATS[options.format]({ event, dataText, content, source });
  const timestamp = Math.floor(now / 1000);
  // Later entries win; extra headers cannot name any of the format's or the signer's (convert/headers.ts).
  const headers: Record<string, string> = {
    'user-agent': 'Tidings-Webhooks/0.1',
    ...Object.fromEntries(options.headers.map((h) => [h.name, h.value])),
    ...transformHeaders,
    ...formatted.headers,
    // Standard Webhooks: `webhook-id` is the event ID, stable across retries (receivers deduplicate
    // on it). `tidings-delivery-id` and `tidings-attempt` help debugging.
    'tidings-delivery-id': delivery.id,
    'tidings-attempt': String(delivery.attempt),
    'webhook-id': event.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureHeader(secretsInForce(endpoint.secrets, now).map((s) => s.secret), event.id, timestamp, formatted.body),
  };
  return { ok: true, request: { url: endpoint.url, headers, body: formatted.body } };
}

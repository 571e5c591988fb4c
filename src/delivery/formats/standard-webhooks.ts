import { webhookEnvelope, type FormatInput, type Formatted } from './format.js';

/** STANDARD_WEBHOOKS: JSON, the envelope `{ id, type, timestamp, data }`; with a transform, its output is the whole body. */
export function standardWebhooks({ event, dataText, content }: FormatInput): Formatted {
  return { headers: { 'content-type': 'application/json' }, body: content ?? webhookEnvelope(event, dataText) };
}

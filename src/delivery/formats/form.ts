import { webhookEnvelope, type FormatInput, type Formatted } from './format.js';

/** FORM: `application/x-www-form-urlencoded` with one field, `payload=<the JSON>` (as GitHub sends it); the JSON is the envelope or the transform's output. */
export function form({ event, dataText, content }: FormatInput): Formatted {
  const json = content ?? webhookEnvelope(event, dataText);
  return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `payload=${encodeURIComponent(json)}` };
}

import type { EventRecord } from '../../domain/records.js';

// What every format is given and what it returns. `content` is the JSON text a transform produced
// (null without one); `dataText` the event's data as JSON text (exact as published unless
// includeFields changed it). A format sets the content type and its own headers; the signer then
// signs exactly the body returned here.

export interface FormatInput {
  event: Pick<EventRecord, 'id' | 'type' | 'createdAt'>;
  dataText: string;
  content: string | null;
  /** The CloudEvents `source` of this endpoint's events. */
  source: string;
}

export interface Formatted {
  headers: Record<string, string>;
  body: string;
}

/** The Standard Webhooks envelope: `{ id, type, timestamp, data }`, the body without a format or transform. */
export function webhookEnvelope(event: FormatInput['event'], dataText: string): string {
  const timestamp = new Date(event.createdAt).toISOString();
  return `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},"timestamp":${JSON.stringify(timestamp)},"data":${dataText}}`;
}

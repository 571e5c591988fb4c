import type { FormatInput, Formatted } from './format.js';

/** CLOUDEVENTS_BINARY (CloudEvents 1.0, HTTP binary mode): the attributes as `ce-*` headers, the body is the data (or the transform's output). */
export function cloudEventsBinary({ event, dataText, content, source }: FormatInput): Formatted {
  return {
    headers: {
      'content-type': 'application/json',
      'ce-specversion': '1.0',
      'ce-id': event.id,
      'ce-source': source,
      'ce-type': event.type,
      'ce-time': new Date(event.createdAt).toISOString(),
    },
    body: content ?? dataText,
  };
}

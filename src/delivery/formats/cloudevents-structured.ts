import type { FormatInput, Formatted } from './format.js';

/**
 * CLOUDEVENTS_STRUCTURED (CloudEvents 1.0, HTTP structured mode): the whole event as
 * `application/cloudevents+json`; `data` is the event's data, or the transform's output.
 */
export function cloudEventsStructured({ event, dataText, content, source }: FormatInput): Formatted {
  const body =
    `{"specversion":"1.0","id":${JSON.stringify(event.id)},"source":${JSON.stringify(source)},"type":${JSON.stringify(event.type)},` +
    `"time":${JSON.stringify(new Date(event.createdAt).toISOString())},"datacontenttype":"application/json","data":${content ?? dataText}}`;
  return { headers: { 'content-type': 'application/cloudevents+json' }, body };
}

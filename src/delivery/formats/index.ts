import type { EndpointFormat } from '../../domain/records.js';
import { cloudEventsBinary } from './cloudevents-binary.js';
import { cloudEventsStructured } from './cloudevents-structured.js';
import type { FormatInput, Formatted } from './format.js';
import { form } from './form.js';
import { standardWebhooks } from './standard-webhooks.js';

export type { FormatInput, Formatted };

/** Every endpoint format, by name. */
export const FORMATS: Record<EndpointFormat, (input: FormatInput) => Formatted> = {
  STANDARD_WEBHOOKS: standardWebhooks,
  CLOUDEVENTS_STRUCTURED: cloudEventsStructured,
  CLOUDEVENTS_BINARY: cloudEventsBinary,
  FORM: form,
};

/** The default CloudEvents `source` of an application's events. */
export function defaultCloudEventsSource(installation: string, applicationId: string): string {
  return `tidings://${installation}/applications/${applicationId}`;
}

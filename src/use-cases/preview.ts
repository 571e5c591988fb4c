import { redactedAuthorization } from '../delivery/credentials.js';
import { prepareRequest } from '../delivery/prepare.js';
import type { Deps } from '../deps.js';
import { whyNotHeard } from '../domain/fan-out.js';
import type { HeaderRecord, Scope } from '../domain/records.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import { channelList } from './delivery-options.js';
import { publishableEventType, validatePayload } from './event-types.js';
import { assertJsonDepth } from './json-value.js';

// previewDelivery: the request an endpoint would get for an event, built by the same code the
// worker runs (fan-out rule, then prepare), with nothing stored and nothing sent.

export interface PreviewInput {
  endpointId: string;
  eventType: string;
  payload?: unknown;
  channels?: string[] | null;
}

export interface DeliveryPreview {
  wouldSend: boolean;
  reason: string | null;
  url: string | null;
  headers: HeaderRecord[] | null;
  body: string | null;
}

export async function previewDelivery(deps: Deps, scope: Scope, input: PreviewInput): Promise<DeliveryPreview> {
  const endpoint = await deps.store.findEndpoint(scope, input.endpointId);
  if (!endpoint) throw new NotFoundError('endpoint', input.endpointId);
  const eventType = await publishableEventType(deps, input.eventType);
  if (input.payload === undefined) throw new BadInputError('payload', 'is required');
  assertJsonDepth('payload', input.payload, deps.config.maxJsonDepth);
  validatePayload(eventType, input.payload);
  const now = deps.now();
  const event = {
    id: newId('Event', now), applicationId: endpoint.applicationId, type: eventType.name, payload: JSON.stringify(input.payload),
    channels: input.channels == null ? [] : channelList('channels', input.channels), testEndpointId: null, idempotencyKey: null, createdAt: now,
  };
  const notHeard = whyNotHeard(endpoint, event, () => JSON.parse(event.payload));
  if (notHeard) return { wouldSend: false, reason: notHeard, url: null, headers: null, body: null };
  const prepared = await prepareRequest({ event, endpoint, delivery: { id: newId('Delivery', now), attempt: 1 }, installation: deps.config.cloudEventsSource }, now);
  if (!prepared.ok) return { wouldSend: false, reason: prepared.error, url: null, headers: null, body: null };
  const { request } = prepared;
  // Credentials are write-only: the header is shown, its value is not (and no token is fetched).
  const authorization = redactedAuthorization(endpoint.delivery.auth);
  const headers = { ...request.headers, ...(authorization ? { authorization } : {}) };
  return { wouldSend: true, reason: null, url: request.url, headers: Object.entries(headers).map(([name, value]) => ({ name, value })), body: request.body };
}

import { generateSecret, isValidSecret, publicKeyOf, schemeOf, type SignatureScheme } from '../delivery/signing.js';
import { ENDPOINT_DEFAULTS } from '../domain/endpoint-defaults.js';
import { DELETED_ENDPOINT_REASON } from '../domain/failure-reasons.js';
import { rotatedSecrets } from '../domain/secrets.js';
import type { Deps } from '../deps.js';
import { announceDeliveries, announceEndpointResumed } from '../live/announce.js';
import { announceEndpointHealth } from '../live/announce-health.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { ALL_EVENT_TYPES, isValidPattern, isWildcard } from '../domain/event-types.js';
import { newId } from '../ids.js';
import { manuallyDisabled, manuallyEnabled } from '../domain/health.js';
import { endpointRateLimit, endpointRetrySchedule, endpointTimeout } from './endpoint-overrides.js';
import type { EndpointRecord, Scope } from '../domain/records.js';
import type { EndpointOrdering } from '../domain/ordering.js';
import type { EndpointPatch, Page, PageArgs } from '../store/ports.js';
import { narrowScope, resolveApplicationId } from './access.js';
import { optionalText, webhookTargetAllowed, webhookUrl } from './validate.js';
import { deliveryOptions, setsDeliveryOptions, tokenUrlOf, type DeliveryOptionsInput } from './delivery-options.js';

/** Endpoint event type filters: omitted = all; empty is refused; exact names must be in the catalogue. */
export async function eventTypeFilter(deps: Deps, patterns: readonly string[] | null | undefined): Promise<string[]> {
  if (patterns === null || patterns === undefined) return [ALL_EVENT_TYPES];
  if (patterns.length === 0) throw new BadInputError('eventTypes', 'must not be empty; omit it to receive every event type');
  if (patterns.length > 100) throw new BadInputError('eventTypes', 'must list at most 100 entries');
  const unique = [...new Set(patterns.map((p) => p.trim()))];
  for (const pattern of unique) {
    if (!isValidPattern(pattern)) throw new BadInputError('eventTypes', `"${pattern}" is not an event type name, a "prefix.*" wildcard or "*"`);
    if (!isWildcard(pattern) && !(await deps.store.findEventType(pattern))) {
      throw new BadInputError('eventTypes', `event type "${pattern}" does not exist`);
    }
  }
  return unique;
}

export interface CreateEndpointInput extends DeliveryOptionsInput {
  applicationId?: string | null;
  url: string;
  description?: string | null;
  eventTypes?: string[] | null;
  secret?: string | null;
  signatureScheme?: SignatureScheme | null;
  /** Per-endpoint TIDINGS_DELIVERY_TIMEOUT, e.g. "10s". */
  timeout?: string | null;
  /** Per-endpoint TIDINGS_RETRY_SCHEDULE, e.g. ["5s", "5m", "30m"]. */
  retrySchedule?: string[] | null;
  /** Most attempts a second across all workers. */
  rateLimitPerSecond?: number | null;
  ordering?: EndpointOrdering | null;
}

/**
 * What the caller is given for a signing key: an HMAC secret itself (receivers sign with it too),
 * an Ed25519 key's public key only (Tidings alone holds the private key).
 */
const shownKey = (secret: string): string => publicKeyOf(secret) ?? secret;

export async function createEndpoint(deps: Deps, scope: Scope, input: CreateEndpointInput): Promise<{ endpoint: EndpointRecord; secret: string }> {
  const applicationId = await resolveApplicationId(deps.store, scope, input.applicationId);
  const url = webhookUrl('url', input.url);
  const description = optionalText('description', input.description, 1024);
  const eventTypes = await eventTypeFilter(deps, input.eventTypes);
  const timeoutMs = endpointTimeout('timeout', input.timeout, deps.config);
  const retryScheduleMs = endpointRetrySchedule('retrySchedule', input.retrySchedule);
  const scheme = input.signatureScheme ?? 'HMAC_SHA256';
  if (input.secret != null && !isValidSecret(input.secret, scheme)) {
    throw new BadInputError('secret', scheme === 'ED25519'
      ? 'must be "whsk_" followed by base64 of an Ed25519 seed (32 bytes) and its public key (32 bytes), for signatureScheme ED25519'
      : 'must be "whsec_" followed by base64 of 24 to 64 random bytes');
  }
  const delivery = deliveryOptions(input, undefined, deps.config.maxJsonDepth);
  // Last of the checks: they may wait on DNS.
  await webhookTargetAllowed('url', url, deps.config.allowPrivateTargets);
  const tokenUrl = tokenUrlOf(delivery);
  if (tokenUrl !== null) await webhookTargetAllowed('auth.oauth2ClientCredentials.tokenUrl', tokenUrl, deps.config.allowPrivateTargets);
  const secret = input.secret ?? generateSecret(scheme);
  const now = deps.now();
  const endpoint: EndpointRecord = {
    id: newId('Endpoint', now),
    applicationId,
    url,
    description,
    eventTypes,
    enabled: true,
    secrets: [{ secret, expiresAt: null }],
    ...ENDPOINT_DEFAULTS,
    delivery,
    timeoutMs,
    retryScheduleMs,
    rateLimitPerSecond: endpointRateLimit('rateLimitPerSecond', input.rateLimitPerSecond),
    ordering: input.ordering ?? ENDPOINT_DEFAULTS.ordering,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  await deps.store.createEndpoint(endpoint);
  return { endpoint, secret: shownKey(secret) };
}

export interface UpdateEndpointInput extends DeliveryOptionsInput {
  url?: string | null;
  description?: string | null;
  eventTypes?: string[] | null;
  enabled?: boolean | null;
  /** New timeout; null = the platform's again. */
  timeout?: string | null;
  /** New retry schedule; null = the platform's again. */
  retrySchedule?: string[] | null;
  /** New rate limit; null = none. */
  rateLimitPerSecond?: number | null;
  ordering?: EndpointOrdering | null;
}

export async function updateEndpoint(deps: Deps, scope: Scope, id: string, input: UpdateEndpointInput): Promise<EndpointRecord> {
  const patch: EndpointPatch = {};
  if (input.url != null) patch.url = webhookUrl('url', input.url);
  if (input.description !== undefined) patch.description = optionalText('description', input.description, 1024);
  if (input.eventTypes !== undefined) {
    if (input.eventTypes === null) patch.eventTypes = [ALL_EVENT_TYPES];
    else patch.eventTypes = await eventTypeFilter(deps, input.eventTypes);
  }
  if (input.ordering != null) patch.ordering = input.ordering;
  if (input.rateLimitPerSecond !== undefined) patch.rateLimitPerSecond = endpointRateLimit('rateLimitPerSecond', input.rateLimitPerSecond);
  if (input.timeout !== undefined) patch.timeoutMs = endpointTimeout('timeout', input.timeout, deps.config);
  if (input.retrySchedule !== undefined) patch.retryScheduleMs = endpointRetrySchedule('retrySchedule', input.retrySchedule);
  // Enabling, disabling and delivery options depend on the endpoint as stored: read it once.
  let stored: EndpointRecord | null = null;
  const existing = async () => {
    stored ??= await deps.store.findEndpoint(scope, id);
    if (!stored) throw new NotFoundError('endpoint', id);
    return stored;
  };
  let wasDisabled = false;
  if (input.enabled != null) {
    // Enabling by hand starts its health afresh; disabling by hand says so (reason MANUAL).
    const endpoint = await existing();
    wasDisabled = !endpoint.enabled;
    patch.enabled = input.enabled;
    if (input.enabled && endpoint.health.state !== 'HEALTHY') patch.health = manuallyEnabled(endpoint.health);
    if (!input.enabled && endpoint.enabled) patch.health = manuallyDisabled(endpoint.health);
  }
  if (setsDeliveryOptions(input)) {
    // Options are stored together: the unchanged ones are kept from the stored endpoint.
    patch.delivery = deliveryOptions(input, (await existing()).delivery, deps.config.maxJsonDepth);
    const tokenUrl = input.auth != null ? tokenUrlOf(patch.delivery) : null;
    if (tokenUrl !== null) await webhookTargetAllowed('auth.oauth2ClientCredentials.tokenUrl', tokenUrl, deps.config.allowPrivateTargets);
  }
  if (patch.url !== undefined) await webhookTargetAllowed('url', patch.url, deps.config.allowPrivateTargets);
  const updated = await deps.store.updateEndpoint(scope, id, patch, deps.now());
  if (!updated) throw new NotFoundError('endpoint', id);
  if (patch.enabled) announceEndpointResumed(deps.pubsub, updated.id);
  if (patch.health) {
    announceEndpointHealth(deps.pubsub, updated);
    if (patch.enabled === true && wasDisabled) await deps.operations.endpointEnabled(updated);
    if (patch.enabled === false) await deps.operations.endpointDisabled(updated);
  }
  return updated;
}

export async function deleteEndpoint(deps: Deps, scope: Scope, id: string): Promise<string> {
  const result = await deps.store.deleteEndpoint(scope, id, deps.now(), DELETED_ENDPOINT_REASON);
  if (!result) throw new NotFoundError('endpoint', id);
  announceDeliveries(deps.pubsub, result.cancelled);
  return id;
}

/** New current secret; the previous ones keep signing until the grace period ends (both signatures are sent). */
export async function rotateEndpointSecret(deps: Deps, scope: Scope, id: string): Promise<{ endpoint: EndpointRecord; secret: string }> {
  const existing = await deps.store.findEndpoint(scope, id);
  if (!existing) throw new NotFoundError('endpoint', id);
  const now = deps.now();
  const secret = generateSecret(schemeOf(existing.secrets[0]!.secret));
  const secrets = rotatedSecrets(existing.secrets, secret, now, deps.config.secretRotationGraceMs);
  const endpoint = await deps.store.updateEndpoint(scope, id, { secrets }, now);
  if (!endpoint) throw new NotFoundError('endpoint', id);
  return { endpoint, secret: shownKey(secret) };
}

/** Endpoints the scope can see, of one application when `applicationId` is given. */
export async function listEndpoints(deps: Deps, scope: Scope, applicationId: string | null | undefined, page: PageArgs): Promise<Page<EndpointRecord>> {
  return deps.store.listEndpoints(await narrowScope(deps.store, scope, applicationId), page);
}

export function findEndpoint(deps: Deps, scope: Scope, id: string): Promise<EndpointRecord | null> {
  return deps.store.findEndpoint(scope, id);
}

/** Endpoints of many IDs in one read, deleted ones included (the history points at them). */
export function loadEndpoints(deps: Deps, scope: Scope, ids: readonly string[]): Promise<EndpointRecord[]> {
  return deps.store.findEndpoints(scope, ids);
}

import { defaultCloudEventsSource } from '../../delivery/formats/index.js';
import { publicKeyOf, schemeOf, type SignatureScheme } from '../../delivery/signing.js';
import { FILTER_OPERATORS } from '../../domain/event-filter.js';
import type { DeliveryRecord, EndpointAuth, EndpointFormat, HeaderRecord } from '../../domain/records.js';
import type { InputFieldBuilder, SchemaTypes } from '@pothos/core';
import { builder } from './builder.js';
import { previewDelivery, type DeliveryPreview } from '../../use-cases/preview.js';

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T extends SchemaTypes> ? T : never;
import { DeliveryRef, EndpointRef } from './refs.js';
import { sendTestEvent } from '../../use-cases/test-events.js';

// An endpoint's triggers and converters: the types, the Endpoint fields that read them back, and
// the input fields createEndpoint and updateEndpoint share (applied in delivery/prepare.ts).

export const EndpointFormatEnum = builder.enumType('EndpointFormat', {
  description: 'How the requests to an endpoint are shaped. Every format is signed with the Standard Webhooks headers over the exact bytes sent.',
  values: {
    STANDARD_WEBHOOKS: { description: 'JSON `{ id, type, timestamp, data }` (the default).' },
    CLOUDEVENTS_STRUCTURED: { description: 'A CloudEvents 1.0 envelope as `application/cloudevents+json` (specversion, id, source, type, time, datacontenttype, data).' },
    CLOUDEVENTS_BINARY: { description: 'CloudEvents 1.0 binary mode: `ce-*` headers, the body is the data.' },
    FORM: { description: '`application/x-www-form-urlencoded` with `payload=<the JSON>`, as GitHub sends it.' },
  } satisfies Record<EndpointFormat, unknown>,
});

export const SignatureSchemeEnum = builder.enumType('SignatureScheme', {
  description: 'How requests are signed (Standard Webhooks `webhook-signature`).',
  values: {
    HMAC_SHA256: { description: '`v1,` HMAC-SHA256 with a shared secret ("whsec_…").' },
    ED25519: { description: '`v1a,` Ed25519: Tidings signs with its private key, receivers verify with Endpoint.publicKey ("whpk_…").' },
  } satisfies Record<SignatureScheme, unknown>,
});

export const HeaderRef = builder.objectRef<HeaderRecord>('Header').implement({
  description: 'An HTTP header.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The header name (lower case).' }),
    value: t.exposeString('value', { description: 'The header value.' }),
  }),
});

export const HeaderInput = builder.inputType('HeaderInput', {
  description: 'An extra request header for an endpoint.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Header name; names Tidings sets are refused (host, content-length, content-type, transfer-encoding, connection, webhook-*, ce-*, tidings-*, ...).' }),
    value: t.string({ required: true, description: 'Header value, at most 4096 characters, no line breaks.' }),
  }),
});

const EndpointAuthKindEnum = builder.enumType('EndpointAuthKind', {
  description: 'The kind of credentials an endpoint sends (the credentials themselves are write-only).',
  values: {
    BASIC: { description: 'HTTP Basic: `Authorization: Basic base64(username:password)`.' },
    BEARER: { description: 'A static bearer token: `Authorization: Bearer <token>`.' },
    OAUTH2_CLIENT_CREDENTIALS: { description: 'An OAuth2 client-credentials token, fetched from the token URL, cached until it expires, sent as a bearer token.' },
  } satisfies Record<EndpointAuth['kind'], unknown>,
});

const BasicAuthInput = builder.inputType('BasicAuthInput', {
  description: 'HTTP Basic credentials.',
  fields: (t) => ({
    username: t.string({ required: true, description: 'The user name (no ":").' }),
    password: t.string({ required: true, description: 'The password.' }),
  }),
});

const BearerAuthInput = builder.inputType('BearerAuthInput', {
  description: 'A static bearer token.',
  fields: (t) => ({ token: t.string({ required: true, description: 'The token, sent as `Authorization: Bearer <token>`.' }) }),
});

const OAuth2ClientCredentialsInput = builder.inputType('OAuth2ClientCredentialsInput', {
  description: 'OAuth2 client credentials (RFC 6749 section 4.4): Tidings fetches a token and sends it as a bearer token.',
  fields: (t) => ({
    tokenUrl: t.string({ required: true, description: 'The token endpoint (http or https; it passes the same target checks as endpoint URLs).' }),
    clientId: t.string({ required: true, description: 'The client ID (sent with the secret as HTTP Basic to the token endpoint).' }),
    clientSecret: t.string({ required: true, description: 'The client secret.' }),
    scope: t.string({ description: 'The scope to ask for, if any.' }),
  }),
});

const EndpointAuthInput = builder.inputType('EndpointAuthInput', {
  description: 'Credentials the receiver requires: exactly one of the fields. Write-only: the API shows only Endpoint.authKind.',
  fields: (t) => ({
    basic: t.field({ type: BasicAuthInput, description: 'HTTP Basic credentials.' }),
    bearer: t.field({ type: BearerAuthInput, description: 'A static bearer token.' }),
    oauth2ClientCredentials: t.field({ type: OAuth2ClientCredentialsInput, description: 'OAuth2 client credentials.' }),
  }),
});

const FILTER_DOC = `A condition on the event's data in a subset of the MongoDB query language (${FILTER_OPERATORS.filter((o) => o !== '$options').join(' ')}, with $options for $regex; dotted paths), e.g. {"total": {"$gte": 100}, "customer.country": {"$in": ["DE", "FR"]}}.`;

/** The option fields of CreateEndpointInput and UpdateEndpointInput (on update: omitted = unchanged, null = the default). */
export function deliveryOptionFields(t: InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    format: t.field({ type: EndpointFormatEnum, description: 'How requests are shaped; STANDARD_WEBHOOKS when omitted.' }),
    cloudEventsSource: t.string({ description: 'CloudEvents `source` (a URI reference); defaults to tidings://<TIDINGS_CLOUDEVENTS_SOURCE>/applications/<application id>.' }),
    channels: t.stringList({ description: 'Only events published on at least one of these channels; omitted or null = every event. Must not be empty.' }),
    filter: t.field({ type: 'JSON', description: `${FILTER_DOC} Events that do not match create no delivery for this endpoint.` }),
    includeFields: t.stringList({ description: 'Dotted paths of the data to keep (e.g. ["id", "customer.email"]); the rest is left out.' }),
    transform: t.string({ description: 'A JSONata expression over { event: { id, type, timestamp, data, channels }, endpoint: { id, url } } returning the body, or { body, headers }.' }),
    headers: t.field({ type: [HeaderInput], description: 'Extra headers sent with every request to this endpoint (replaces the list).' }),
    auth: t.field({ type: EndpointAuthInput, description: 'Credentials sent as the Authorization header (write-only); on update, null removes them.' }),
  };
}

builder.objectFields(EndpointRef, (t) => ({
  format: t.field({ type: EndpointFormatEnum, description: 'How requests to it are shaped.', resolve: (e) => e.delivery.format }),
  cloudEventsSource: t.string({
    description: 'The CloudEvents `source` of its events (CloudEvents formats).',
    resolve: (e, _args, context) => e.delivery.cloudEventsSource ?? defaultCloudEventsSource(context.deps.config.cloudEventsSource, e.applicationId),
  }),
  channels: t.stringList({ nullable: true, description: 'The channels it listens to; null = every event.', resolve: (e) => e.delivery.channels }),
  filter: t.field({ type: 'JSON', nullable: true, description: "The condition on events' data it receives; null = every event.", resolve: (e) => e.delivery.filter }),
  includeFields: t.stringList({ nullable: true, description: 'The dotted paths of the data it receives; null = all of the data.', resolve: (e) => e.delivery.includeFields }),
  transform: t.string({ nullable: true, description: 'The JSONata expression its bodies are computed with; null = none.', resolve: (e) => e.delivery.transform }),
  headers: t.field({ type: [HeaderRef], description: 'Extra headers sent with every request to it.', resolve: (e) => e.delivery.headers }),
  authKind: t.field({ type: EndpointAuthKindEnum, nullable: true, description: 'The kind of credentials it sends; null = none. The credentials are never shown.', resolve: (e) => e.delivery.auth?.kind ?? null }),
  signatureScheme: t.field({ type: SignatureSchemeEnum, description: 'How its requests are signed.', resolve: (e) => schemeOf(e.secrets[0]!.secret) }),
  publicKey: t.string({
    nullable: true,
    description: 'For ED25519: the current public key ("whpk_…") receivers verify with; null for HMAC_SHA256.',
    resolve: (e) => publicKeyOf(e.secrets[0]!.secret),
  }),
}));

const DeliveryPreviewRef = builder.objectRef<DeliveryPreview>('DeliveryPreview').implement({
  description: 'The request an endpoint would get for an event (after channels, filter, includeFields, transform and format, signed), or why it would get none.',
  fields: (t) => ({
    wouldSend: t.exposeBoolean('wouldSend', { description: 'False when the endpoint does not hear the event (type, channels, filter) or its transform fails for it.' }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why nothing would be sent; null when wouldSend.' }),
    url: t.exposeString('url', { nullable: true, description: 'Where the request would be POSTed.' }),
    headers: t.field({ type: [HeaderRef], nullable: true, description: 'Every header of the request, the signature included.', resolve: (p) => p.headers }),
    body: t.exposeString('body', { nullable: true, description: 'The exact body that would be sent (and signed).' }),
  }),
});

const PreviewDeliveryInput = builder.inputType('PreviewDeliveryInput', {
  description: 'An event to preview against one endpoint.',
  fields: (t) => ({
    endpointId: t.id({ required: true, description: 'The endpoint.' }),
    eventType: t.string({ required: true, description: 'An existing, not archived event type.' }),
    payload: t.field({ type: 'JSON', required: true, description: "The event data; must match the type's JSON Schema." }),
    channels: t.stringList({ description: 'Channels the event would be published on.' }),
  }),
});

builder.queryField('previewDelivery', (t) =>
  t.withAuth({ caller: true }).field({
    type: DeliveryPreviewRef,
    description: 'Exactly the request Tidings would send to an endpoint for an event, built by the delivery code itself; nothing is stored or sent.',
    args: { input: t.arg({ type: PreviewDeliveryInput, required: true, description: 'The endpoint and the event.' }) },
    resolve: (_root, { input }, { caller, deps }) => previewDelivery(deps, caller, input),
  }),
);

const SendTestEventInput = builder.inputType('SendTestEventInput', {
  description: 'The endpoint to test and the event type whose first example to send.',
  fields: (t) => ({
    endpointId: t.id({ required: true, description: 'The endpoint; it gets the event whatever its event types, channels and filter.' }),
    eventType: t.string({ required: true, description: 'An event type with at least one example.' }),
  }),
});

const SendTestEventPayload = builder.objectRef<{ delivery: DeliveryRecord }>('SendTestEventPayload').implement({
  description: 'The delivery of the test event.',
  fields: (t) => ({ delivery: t.field({ type: DeliveryRef, description: 'A real, recorded delivery (retried like any other).', resolve: (p) => p.delivery }) }),
});

builder.mutationField('sendTestEvent', (t) =>
  t.withAuth({ caller: true }).field({
    type: SendTestEventPayload,
    description: "Publishes the event type's first example to one endpoint only, as a real event with a recorded delivery.",
    args: { input: t.arg({ type: SendTestEventInput, required: true, description: 'The endpoint and the event type.' }) },
    resolve: async (_root, { input }, { caller, deps }) => ({ delivery: await sendTestEvent(deps, caller, input) }),
  }),
);

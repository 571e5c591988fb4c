import { Webhook as StandardWebhook } from 'standardwebhooks';
import { expect } from 'vitest';
import {
  CreateApplicationDocument, CreateEndpointWithOptionsDocument, CreateEventTypeDocument, DeliveryDocument, PublishEventDocument,
  type CreateEndpointInput, type PublishEventInput,
} from '../generated/graphql.js';
import type { GqlClient } from '../support/gql.js';
import type { ReceivedRequest } from '../support/receiver.js';
import { waitFor } from '../support/wait.js';

// Steps the format, trigger and converter tests share, through the public API.

let counter = 0;

export async function application(admin: GqlClient) {
  const { createApplication } = await admin.run(CreateApplicationDocument, { name: `Options ${++counter}` });
  return createApplication.application.id;
}

export async function eventType(admin: GqlClient, schema?: unknown) {
  const name = `options.event${++counter}`;
  await admin.run(CreateEventTypeDocument, { input: { name, schema } });
  return name;
}

/** An endpoint at `url` with a unique query string (to tell its requests apart), and its secret. */
export async function endpoint(admin: GqlClient, applicationId: string, url: string, options: Omit<CreateEndpointInput, 'applicationId' | 'url'> = {}) {
  const tag = `e${++counter}`;
  const { createEndpoint } = await admin.run(CreateEndpointWithOptionsDocument, { input: { applicationId, url: `${url}?${tag}`, ...options } });
  return { id: createEndpoint.endpoint.id, secret: createEndpoint.secret, tag, endpoint: createEndpoint.endpoint };
}

export async function publish(admin: GqlClient, input: PublishEventInput) {
  return (await admin.run(PublishEventDocument, { input })).publishEvent;
}

/** The requests the receiver got for one endpoint (by its tag). */
export const requestsOf = (requests: ReceivedRequest[], tag: string) => requests.filter((r) => r.path.endsWith(`?${tag}`));

export async function waitForRequestOf(requests: ReceivedRequest[], tag: string): Promise<ReceivedRequest> {
  return waitFor(`a request for endpoint ${tag}`, () => requestsOf(requests, tag)[0]);
}

/**
 * Asserts the Standard Webhooks signature covers exactly the received bytes: the standardwebhooks
 * library signs the received body with the endpoint's secret and must produce the sent signature.
 */
export function expectSignedBody(request: ReceivedRequest, secret: string): void {
  const id = String(request.headers['webhook-id']);
  const timestamp = Number(request.headers['webhook-timestamp']);
  const expected = new StandardWebhook(secret).sign(id, new Date(timestamp * 1000), request.body);
  expect(String(request.headers['webhook-signature']).split(' ')).toContain(expected);
  // A changed byte must not verify: the check above is not vacuous.
  expect(new StandardWebhook(secret).sign(id, new Date(timestamp * 1000), request.body + ' ')).not.toBe(expected);
}

export async function waitForDeliveryStatus(admin: GqlClient, id: string, status: string) {
  return waitFor(`delivery ${id} to be ${status}`, async () => {
    const { delivery } = await admin.run(DeliveryDocument, { id });
    return delivery?.status === status && delivery;
  });
}

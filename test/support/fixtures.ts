import { CreateApplicationDocument, CreateEndpointDocument, CreateEventTypeDocument, PublishEventDocument } from '../generated/graphql.js';
import type { TestServer } from './server.js';

// Small builders for the records most tests need, through the public API.

let counter = 0;
export const uniqueName = (prefix: string) => `${prefix}${++counter}`;

export async function createApplication(server: Pick<TestServer, 'admin' | 'client'>, name = uniqueName('App ')) {
  const { createApplication } = await server.admin.run(CreateApplicationDocument, { name });
  return { id: createApplication.application.id, apiKey: createApplication.apiKey, client: server.client(createApplication.apiKey) };
}

export async function createEventType(server: Pick<TestServer, 'admin' | 'client'>, name = uniqueName('test.event'), schema?: unknown) {
  await server.admin.run(CreateEventTypeDocument, { input: { name, schema } });
  return name;
}

export async function createEndpoint(server: Pick<TestServer, 'admin' | 'client'>, applicationId: string, url: string, extra: { eventTypes?: string[]; secret?: string } = {}) {
  const { createEndpoint } = await server.admin.run(CreateEndpointDocument, { input: { applicationId, url, ...extra } });
  return { id: createEndpoint.endpoint.id, secret: createEndpoint.secret };
}

export async function publish(server: Pick<TestServer, 'admin' | 'client'>, applicationId: string, type: string, payload: unknown, idempotencyKey?: string) {
  const { publishEvent } = await server.admin.run(PublishEventDocument, { input: { applicationId, type, payload, idempotencyKey } });
  return publishEvent;
}

/** An application with one event type and one endpoint pointing at `url`. */
export async function setupEndpoint(server: Pick<TestServer, 'admin' | 'client'>, url: string) {
  const app = await createApplication(server);
  const type = await createEventType(server);
  const endpoint = await createEndpoint(server, app.id, url);
  return { app, type, endpoint };
}

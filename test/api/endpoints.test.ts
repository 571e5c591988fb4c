import { randomBytes } from 'node:crypto';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { CreateEndpointDocument, EndpointCountDocument, EndpointDocument, UpdateEndpointDocument } from '../generated/graphql.js';
import { createApplication, createEndpoint, createEventType, publish, uniqueName } from '../support/fixtures.js';
import type { Receiver } from '../support/receiver.js';
import { type TestServer, useTestServerAndReceiver } from '../support/server.js';

const URL_OK = 'https://hooks.example.com/tidings';
const secretOf = (bytes: number) => 'whsec_' + randomBytes(bytes).toString('base64');

describe('endpoints', () => {
  let server: TestServer;
  let receiver: Receiver;
  useTestServerAndReceiver((s, r) => ((server = s), (receiver = r)));

  /** The application's endpoints as stored, to show a failed mutation changed nothing. */
  const endpointsOf = async (applicationId: string) => {
    const { endpoints } = await server.admin.run(EndpointCountDocument, { applicationId });
    expect(endpoints.pageInfo.hasNextPage).toBe(false);
    return endpoints.edges.map((e) => e.node);
  };

  it('createEndpoint without eventTypes reads back as ["*"]', async () => {
    const app = await createApplication(server);
    const { createEndpoint: created } = await server.admin.run(CreateEndpointDocument, { input: { applicationId: app.id, url: URL_OK } });
    expect(created.endpoint.eventTypes).toEqual(['*']);
    const { endpoint } = await server.admin.run(EndpointDocument, { id: created.endpoint.id });
    expect(endpoint).toMatchObject({ url: URL_OK, eventTypes: ['*'], enabled: true, deleted: false, application: { id: app.id } });
  });

  it('createEndpoint generates a whsec_ signing secret when none is given', async () => {
    const app = await createApplication(server);
    const { secret } = await createEndpoint(server, app.id, URL_OK);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(24);
  });

  it('an empty eventTypes list is BAD_USER_INPUT and nothing is stored', async () => {
    const app = await createApplication(server);
    const error = await server.admin.fail(CreateEndpointDocument, { input: { applicationId: app.id, url: URL_OK, eventTypes: [] } }, 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('eventTypes');
    expect(error.message).toMatch(/^eventTypes: /);
    expect(await endpointsOf(app.id)).toEqual([]);
  });

  it('an exact event type name missing from the catalogue is BAD_USER_INPUT and nothing is stored', async () => {
    const app = await createApplication(server);
    const known = await createEventType(server);
    const error = await server.admin.fail(
      CreateEndpointDocument, { input: { applicationId: app.id, url: URL_OK, eventTypes: [known, 'not.in.catalogue'] } }, 'BAD_USER_INPUT',
    );
    expect(error.extensions?.field).toBe('eventTypes');
    expect(error.message).toContain('not.in.catalogue');
    expect(await endpointsOf(app.id)).toEqual([]);
  });

  it('a "prefix.*" wildcard is accepted even when no event type matches it yet', async () => {
    const app = await createApplication(server);
    const prefix = uniqueName('nothingyet');
    const { endpoint } = (await server.admin.run(CreateEndpointDocument, { input: { applicationId: app.id, url: URL_OK, eventTypes: [`${prefix}.*`] } })).createEndpoint;
    expect(endpoint.eventTypes).toEqual([`${prefix}.*`]);
    expect((await server.admin.run(EndpointDocument, { id: endpoint.id })).endpoint?.eventTypes).toEqual([`${prefix}.*`]);
  });

  it('exact names, wildcards and "*" can be combined and read back as given', async () => {
    const app = await createApplication(server);
    const exact = await createEventType(server);
    const { endpoint } = (await server.admin.run(CreateEndpointDocument, { input: { applicationId: app.id, url: URL_OK, eventTypes: [exact, 'order.*', '*'] } })).createEndpoint;
    expect(endpoint.eventTypes).toEqual([exact, 'order.*', '*']);
  });

  it.each([
    ['a malformed wildcard', 'order*'],
    ['a bare ".*"', '.*'],
    ['a wildcard in the middle', 'order.*.created'],
  ])('an eventTypes entry that is %s is BAD_USER_INPUT and nothing is stored', async (_what, pattern) => {
    const app = await createApplication(server);
    const error = await server.admin.fail(CreateEndpointDocument, { input: { applicationId: app.id, url: URL_OK, eventTypes: [pattern] } }, 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('eventTypes');
    expect(await endpointsOf(app.id)).toEqual([]);
  });

  it.each([
    ['not a URL', 'not a url'],
    ['a relative path', '/hooks/tidings'],
    ['an ftp: URL', 'ftp://hooks.example.com/tidings'],
    ['a file: URL', 'file:///etc/passwd'],
    ['a URL with user and password', 'https://user:secret@hooks.example.com/tidings'],
    ['a URL with a user name', 'https://user@hooks.example.com/tidings'],
    ['longer than 2048 characters', `https://hooks.example.com/${'a'.repeat(2048)}`],
  ])('a url that is %s is BAD_USER_INPUT naming the field, and nothing is stored', async (_what, url) => {
    const app = await createApplication(server);
    const error = await server.admin.fail(CreateEndpointDocument, { input: { applicationId: app.id, url } }, 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('url');
    expect(error.message).toMatch(/^url: /);
    expect(await endpointsOf(app.id)).toEqual([]);
  });

  it('a valid bring-your-own secret is accepted and returned unchanged', async () => {
    const app = await createApplication(server);
    const own = secretOf(32);
    const { secret } = await createEndpoint(server, app.id, URL_OK, { secret: own });
    expect(secret).toBe(own);
  });

  it('a bring-your-own secret is the one that signs deliveries', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const own = secretOf(24);
    await createEndpoint(server, app.id, `${receiver.url}?byo`, { secret: own });
    const published = await publish(server, app.id, type, { n: 1 });
    await receiver.waitForRequests(1);
    const request = receiver.requests.find((r) => r.headers['webhook-id'] === published.event.id)!;
    const headers = Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(request.headers[h])]));
    expect(new StandardWebhook(own).verify(request.body, headers)).toMatchObject({ id: published.event.id, data: { n: 1 } });
    expect(() => new StandardWebhook(secretOf(24)).verify(request.body, headers)).toThrow();
  });

  it.each([
    ['without the whsec_ prefix', randomBytes(32).toString('base64')],
    ['with a key of only 16 bytes', secretOf(16)],
    ['with a key of 65 bytes', secretOf(65)],
    ['with characters outside base64', 'whsec_!!!!not-base64!!!!not-base64!!!!'],
    ['empty', ''],
  ])('a bring-your-own secret %s is BAD_USER_INPUT and nothing is stored', async (_what, secret) => {
    const app = await createApplication(server);
    const error = await server.admin.fail(CreateEndpointDocument, { input: { applicationId: app.id, url: URL_OK, secret } }, 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('secret');
    expect(await endpointsOf(app.id)).toEqual([]);
  });

  it('the admin token without applicationId is BAD_USER_INPUT naming applicationId, and nothing is stored', async () => {
    const app = await createApplication(server);
    const before = (await server.admin.run(EndpointCountDocument, {})).endpoints.edges;
    const error = await server.admin.fail(CreateEndpointDocument, { input: { url: URL_OK } }, 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('applicationId');
    expect((await server.admin.run(EndpointCountDocument, {})).endpoints.edges).toEqual(before);
    expect(await endpointsOf(app.id)).toEqual([]);
  });

  it('the admin token with an applicationId that does not exist is NOT_FOUND', async () => {
    await server.admin.fail(CreateEndpointDocument, { input: { applicationId: 'app_01J00000000000000000000000', url: URL_OK } }, 'NOT_FOUND');
  });

  it('an application key may omit applicationId and the endpoint is its own', async () => {
    const app = await createApplication(server);
    const { createEndpoint: created } = await app.client.run(CreateEndpointDocument, { input: { url: URL_OK } });
    expect(created.endpoint.application?.id).toBe(app.id);
    expect((await endpointsOf(app.id)).map((e) => e.id)).toEqual([created.endpoint.id]);
  });

  it('an application key may give its own applicationId', async () => {
    const app = await createApplication(server);
    const { createEndpoint: created } = await app.client.run(CreateEndpointDocument, { input: { applicationId: app.id, url: URL_OK } });
    expect(created.endpoint.application?.id).toBe(app.id);
  });

  it('updateEndpoint changes url, description, eventTypes and enabled', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const { id } = await createEndpoint(server, app.id, URL_OK);
    const input = { url: 'https://other.example.com/new', description: 'Billing hooks', eventTypes: [type, 'billing.*'], enabled: false };
    const { updateEndpoint } = await server.admin.run(UpdateEndpointDocument, { input: { id, ...input } });
    expect(updateEndpoint.endpoint).toMatchObject({ id, ...input });
    expect((await server.admin.run(EndpointDocument, { id })).endpoint).toMatchObject({ id, ...input });
  });

  it('updateEndpoint leaves fields it is not given unchanged', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const { createEndpoint: created } = await server.admin.run(CreateEndpointDocument, {
      input: { applicationId: app.id, url: URL_OK, description: 'keep me', eventTypes: [type] },
    });
    await server.admin.run(UpdateEndpointDocument, { input: { id: created.endpoint.id, enabled: false } });
    expect((await server.admin.run(EndpointDocument, { id: created.endpoint.id })).endpoint).toMatchObject({
      url: URL_OK, description: 'keep me', eventTypes: [type], enabled: false,
    });
  });

  it('updateEndpoint with eventTypes: null goes back to every type ("*")', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const { id } = await createEndpoint(server, app.id, URL_OK, { eventTypes: [type] });
    const { updateEndpoint } = await server.admin.run(UpdateEndpointDocument, { input: { id, eventTypes: null } });
    expect(updateEndpoint.endpoint.eventTypes).toEqual(['*']);
  });

  it.each([
    ['an ftp: url', { url: 'ftp://hooks.example.com/x' }, 'url'],
    ['a url with credentials', { url: 'https://u:p@hooks.example.com/x' }, 'url'],
    ['an empty eventTypes list', { eventTypes: [] }, 'eventTypes'],
    ['an unknown exact event type', { eventTypes: ['not.in.catalogue'] }, 'eventTypes'],
    ['a valid change together with an invalid url', { description: 'should not stick', enabled: false, url: 'relative/path' }, 'url'],
  ])('updateEndpoint with %s is BAD_USER_INPUT and leaves the endpoint unchanged', async (_what, input, field) => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    await server.admin.run(CreateEndpointDocument, { input: { applicationId: app.id, url: URL_OK, description: 'original', eventTypes: [type] } });
    const before = await endpointsOf(app.id);
    const error = await server.admin.fail(UpdateEndpointDocument, { input: { id: before[0]!.id, ...input } }, 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe(field);
    expect(await endpointsOf(app.id)).toEqual(before);
  });

  it('updateEndpoint of an ID that does not exist is NOT_FOUND', async () => {
    await server.admin.fail(UpdateEndpointDocument, { input: { id: 'ep_01J00000000000000000000000', enabled: false } }, 'NOT_FOUND');
  });
});

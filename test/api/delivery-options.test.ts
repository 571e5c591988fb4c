import { describe, expect, it } from 'vitest';
import { CreateEndpointWithOptionsDocument, EndpointOptionsDocument, UpdateEndpointOptionsDocument, type CreateEndpointInput } from '../generated/graphql.js';
import { createApplication } from '../support/fixtures.js';
import { type TestServer, useTestServer } from '../support/server.js';

// Endpoint delivery options through the API: checked when set (BAD_USER_INPUT saying what is
// wrong; nothing stored), read back on Endpoint, changed and reset with updateEndpoint.

const URL_OK = 'https://hooks.example.com/tidings';

describe('endpoint delivery options', () => {
  let server: TestServer;
  useTestServer((s) => (server = s));

  const refused = async (options: Omit<CreateEndpointInput, 'applicationId' | 'url'>) => {
    const app = await createApplication(server);
    const error = await server.admin.fail(CreateEndpointWithOptionsDocument, { input: { applicationId: app.id, url: URL_OK, ...options } }, 'BAD_USER_INPUT');
    return error;
  };

  it('reads back defaults when no option is given', async () => {
    const app = await createApplication(server);
    const { createEndpoint } = await server.admin.run(CreateEndpointWithOptionsDocument, { input: { applicationId: app.id, url: URL_OK } });
    expect(createEndpoint.endpoint).toMatchObject({
      format: 'STANDARD_WEBHOOKS', cloudEventsSource: `tidings://tidings/applications/${app.id}`, channels: null, filter: null, includeFields: null, transform: null, headers: [],
    });
  });

  it('refuses a filter operator outside the supported subset, naming it', async () => {
    const error = await refused({ filter: { total: { $where: 'this.total > 1' } } });
    expect(error.message).toContain('$where');
    expect(error.message).toContain('$regex');
    expect((await refused({ filter: { $nor: [{ a: 1 }] } })).message).toContain('$nor');
    expect((await refused({ filter: { a: { $in: 3 } } })).message).toMatch(/\$in takes a list/);
    expect((await refused({ filter: [1, 2] })).message).toMatch(/filter/);
  });

  it('refuses a transform that does not parse, with the position of the error', async () => {
    const error = await refused({ transform: '{ "a": event.data. }' });
    expect(error.message).toMatch(/^transform: is not a valid JSONata expression at position \d+/);
    expect(error.extensions?.position).toEqual(expect.any(Number));
  });

  it('refuses headers Tidings sets itself (host, content-length, content-type, webhook-*, ce-*, ...)', async () => {
    for (const name of ['Host', 'content-length', 'Content-Type', 'transfer-encoding', 'connection', 'webhook-signature', 'ce-id', 'tidings-attempt']) {
      const error = await refused({ headers: [{ name, value: 'x' }] });
      expect(error.message).toContain(`"${name}" is set by Tidings`);
    }
    expect((await refused({ headers: [{ name: 'x-a', value: 'line\r\nbreak' }] })).message).toMatch(/no line breaks/);
    expect((await refused({ headers: [{ name: 'bad name', value: 'x' }] })).message).toMatch(/not a valid header name/);
  });

  it('refuses empty channel and field lists and malformed names', async () => {
    expect((await refused({ channels: [] })).message).toMatch(/^channels: must not be empty/);
    expect((await refused({ channels: ['has space'] })).message).toMatch(/not a channel name/);
    expect((await refused({ includeFields: ['a..b'] })).message).toMatch(/not a dotted path/);
    expect((await refused({ cloudEventsSource: 'has space' })).message).toMatch(/URI reference/);
  });

  it('changes options with updateEndpoint, keeps the ones not given, and resets one given as null', async () => {
    const app = await createApplication(server);
    const { createEndpoint } = await server.admin.run(CreateEndpointWithOptionsDocument, {
      input: { applicationId: app.id, url: URL_OK, channels: ['eu'], filter: { a: 1 }, transform: 'event.data', headers: [{ name: 'x-a', value: '1' }] },
    });
    const id = createEndpoint.endpoint.id;
    const { updateEndpoint } = await server.admin.run(UpdateEndpointOptionsDocument, { input: { id, format: 'CLOUDEVENTS_BINARY', filter: null, cloudEventsSource: 'urn:shop' } });
    expect(updateEndpoint.endpoint).toMatchObject({ format: 'CLOUDEVENTS_BINARY', channels: ['eu'], filter: null, transform: 'event.data', cloudEventsSource: 'urn:shop', headers: [{ name: 'x-a', value: '1' }] });
    await server.admin.fail(UpdateEndpointOptionsDocument, { input: { id, transform: '(' } }, 'BAD_USER_INPUT');
    const { endpoint } = await server.admin.run(EndpointOptionsDocument, { id });
    expect(endpoint).toMatchObject({ transform: 'event.data', format: 'CLOUDEVENTS_BINARY' });
  });
});

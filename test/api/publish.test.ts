import { describe, expect, it } from 'vitest';
import {
  DeliveriesDocument, DeliveryDocument, EventDocument, EventsDocument, PublishEventDocument, PublishInlinePayloadDocument,
  UpdateEndpointDocument,
} from '../generated/graphql.js';
import { createApplication, createEndpoint, createEventType, publish, uniqueName } from '../support/fixtures.js';
import type { Receiver } from '../support/receiver.js';
import { type TestServer, useTestServerAndReceiver } from '../support/server.js';
import { waitFor } from '../support/wait.js';

const ORDER_SCHEMA = {
  type: 'object',
  required: ['orderId', 'total'],
  properties: { orderId: { type: 'string' }, total: { type: 'number', minimum: 0 } },
  additionalProperties: false,
};

describe('publishing events', () => {
  let server: TestServer;
  let receiver: Receiver;
  useTestServerAndReceiver((s, r) => ((server = s), (receiver = r)));

  /** Everything stored for an application: its events and deliveries (IDs, newest first). */
  const storedFor = async (applicationId: string) => {
    const { events } = await server.admin.run(EventsDocument, { applicationId, first: 100 });
    const { deliveries } = await server.admin.run(DeliveriesDocument, { filter: { applicationId }, first: 100 });
    return { events: events.edges.map((e) => e.node.id), deliveries: deliveries.edges.map((e) => e.node.id) };
  };

  /** Requests the receiver got for one event (the webhook-id header is the event ID). */
  const requestsFor = (eventId: string) => receiver.requests.filter((r) => r.headers['webhook-id'] === eventId);

  it('a payload that does not match the schema is BAD_USER_INPUT listing the schema errors', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server, uniqueName('order.placed'), ORDER_SCHEMA);
    const error = await server.admin.fail(
      PublishEventDocument, { input: { applicationId: app.id, type, payload: { orderId: 42, total: -1, extra: true } } }, 'BAD_USER_INPUT',
    );
    expect(error.extensions?.field).toBe('payload');
    expect(error.message).toMatch(/^payload: /);
    const schemaErrors = error.extensions?.schemaErrors as { path: string; message: string }[];
    expect(schemaErrors).toEqual(
      expect.arrayContaining([
        { path: '/orderId', message: 'must be string' },
        { path: '/total', message: 'must be >= 0' },
        { path: '/', message: 'must NOT have additional properties' },
      ]),
    );
  });

  it('a payload that does not match the schema stores no event and no delivery', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server, uniqueName('order.placed'), ORDER_SCHEMA);
    await createEndpoint(server, app.id, receiver.url);
    await publish(server, app.id, type, { orderId: 'ok', total: 1 });
    const before = await storedFor(app.id);
    expect(before.events).toHaveLength(1);
    expect(before.deliveries).toHaveLength(1);

    await server.admin.fail(PublishEventDocument, { input: { applicationId: app.id, type, payload: { total: 'lots' } } }, 'BAD_USER_INPUT');
    expect(await storedFor(app.id)).toEqual(before);
  });

  it('a payload that matches the schema is stored exactly as given', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server, uniqueName('order.placed'), ORDER_SCHEMA);
    const payload = { orderId: 'o-7', total: 19.99 };
    const { event } = await publish(server, app.id, type, payload);
    expect(event.payload).toEqual(payload);
    expect((await server.admin.run(EventDocument, { id: event.id })).event?.payload).toEqual(payload);
  });

  it('a type without a schema accepts any JSON value as payload', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    for (const payload of ['text', 12, true, [1, 'two', null], { deep: { er: [{}] } }]) {
      const { event } = await publish(server, app.id, type, payload);
      expect(event.payload).toEqual(payload);
    }
  });

  it('a null payload (as payload or as payloadText "null") is BAD_USER_INPUT and stores nothing', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const before = await storedFor(app.id);
    const byValue = await server.admin.fail(PublishEventDocument, { input: { applicationId: app.id, type, payload: null } }, 'BAD_USER_INPUT');
    expect(byValue.message).toMatch(/^payload: must not be null/);
    const byText = await server.admin.fail(PublishEventDocument, { input: { applicationId: app.id, type, payloadText: 'null' } }, 'BAD_USER_INPUT');
    expect(byText.message).toMatch(/^payloadText: must not be null/);
    expect(await storedFor(app.id)).toEqual(before);
  });

  it('publishing again with the same idempotency key returns the original event, marked duplicate, with no new deliveries', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    await createEndpoint(server, app.id, receiver.url);
    const key = uniqueName('idem-');
    const first = await publish(server, app.id, type, { n: 1 }, key);
    expect(first.duplicate).toBe(false);
    expect(first.deliveries).toHaveLength(1);
    const stored = await storedFor(app.id);

    const again = await publish(server, app.id, type, { n: 1 }, key);
    expect(again.duplicate).toBe(true);
    expect(again.event.id).toBe(first.event.id);
    expect(again.event.idempotencyKey).toBe(key);
    expect(again.deliveries.map((d) => d.id)).toEqual(first.deliveries.map((d) => d.id));
    expect(await storedFor(app.id)).toEqual(stored);
  });

  it('an idempotent repeat makes the receiver get exactly one request', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const url = `${receiver.url}?to=${uniqueName('idem-endpoint-')}`;
    await createEndpoint(server, app.id, url);
    const key = uniqueName('idem-');
    const first = await publish(server, app.id, type, { n: 1 }, key);
    await publish(server, app.id, type, { n: 1 }, key);
    await publish(server, app.id, type, { n: 1 }, key);
    // A later event without a key: its request shows the endpoint is being delivered to.
    const marker = await publish(server, app.id, type, { marker: true });
    // Once every delivery of the application has finished, every request it will ever cause has arrived.
    await waitFor('every delivery of the application to succeed', async () => {
      const { deliveries } = await server.admin.run(DeliveriesDocument, { filter: { applicationId: app.id }, first: 100 });
      return deliveries.edges.length > 0 && deliveries.edges.every((e) => e.node.status === 'SUCCEEDED');
    });
    const received = receiver.requests.filter((r) => new URL(r.path, receiver.url).href === new URL(url).href);
    expect(received.map((r) => r.headers['webhook-id']).sort()).toEqual([first.event.id, marker.event.id].sort());
  });

  it('the same idempotency key with a different payload is CONFLICT and stores nothing', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    await createEndpoint(server, app.id, receiver.url);
    const key = uniqueName('idem-');
    const first = await publish(server, app.id, type, { n: 1 }, key);
    const stored = await storedFor(app.id);
    const error = await server.admin.fail(PublishEventDocument, { input: { applicationId: app.id, type, payload: { n: 2 }, idempotencyKey: key } }, 'CONFLICT');
    expect(error.message).toContain(first.event.id);
    expect(await storedFor(app.id)).toEqual(stored);
  });

  it('the same idempotency key with a different event type is CONFLICT and stores nothing', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const otherType = await createEventType(server);
    const key = uniqueName('idem-');
    await publish(server, app.id, type, { n: 1 }, key);
    const stored = await storedFor(app.id);
    await server.admin.fail(PublishEventDocument, { input: { applicationId: app.id, type: otherType, payload: { n: 1 }, idempotencyKey: key } }, 'CONFLICT');
    expect(await storedFor(app.id)).toEqual(stored);
  });

  it('the same payload with its object keys in another order is the same payload for idempotency', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const key = uniqueName('idem-');
    const first = await publish(server, app.id, type, { a: 1, b: { c: 2, d: 3 } }, key);
    const again = await publish(server, app.id, type, { b: { d: 3, c: 2 }, a: 1 }, key);
    expect(again).toMatchObject({ duplicate: true, event: { id: first.event.id } });
  });

  it('an idempotency key is per application: another application with the same key gets its own event', async () => {
    const app = await createApplication(server);
    const other = await createApplication(server);
    const type = await createEventType(server);
    const key = uniqueName('idem-');
    const first = await publish(server, app.id, type, { n: 1 }, key);
    const second = await publish(server, other.id, type, { n: 1 }, key);
    expect(second.duplicate).toBe(false);
    expect(second.event.id).not.toBe(first.event.id);
    expect(second.event.application?.id).toBe(other.id);
  });

  it('a JSON payload written as an inline literal with variables nested inside is stored with the variables filled in', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const { publishEvent } = await server.admin.run(PublishInlinePayloadDocument, { applicationId: app.id, type, i: 7 });
    const expected = { i: 7, nested: { list: [7] } };
    expect(publishEvent.event.payload).toEqual(expected);
    expect((await server.admin.run(EventDocument, { id: publishEvent.event.id })).event?.payload).toEqual(expected);
  });

  it('an event goes to every endpoint whose event types match (exact, "prefix.*", "*"), a paused one waiting, and to no other', async () => {
    const app = await createApplication(server);
    const otherApp = await createApplication(server);
    const ns = uniqueName('shop');
    const type = await createEventType(server, `${ns}.order.created`);
    const otherType = await createEventType(server, `${ns}.invoice.paid`);
    const at = (name: string) => `${receiver.url}?to=${name}`;

    const matching = {
      exact: await createEndpoint(server, app.id, at('exact'), { eventTypes: [type] }),
      prefix: await createEndpoint(server, app.id, at('prefix'), { eventTypes: [`${ns}.order.*`] }),
      outerPrefix: await createEndpoint(server, app.id, at('outerPrefix'), { eventTypes: [`${ns}.*`] }),
      all: await createEndpoint(server, app.id, at('all'), {}),
      mixed: await createEndpoint(server, app.id, at('mixed'), { eventTypes: [otherType, type] }),
    };
    const paused = await createEndpoint(server, app.id, at('paused'), {});
    const notMatching = {
      otherExact: await createEndpoint(server, app.id, at('otherExact'), { eventTypes: [otherType] }),
      otherPrefix: await createEndpoint(server, app.id, at('otherPrefix'), { eventTypes: [`${ns}.invoice.*`] }),
      deeperPrefix: await createEndpoint(server, app.id, at('deeperPrefix'), { eventTypes: [`${type}.*`] }),
      lookalikePrefix: await createEndpoint(server, app.id, at('lookalikePrefix'), { eventTypes: [`${ns}.order.create.*`] }),
      otherApplication: await createEndpoint(server, otherApp.id, at('otherApplication'), {}),
    };
    await server.admin.run(UpdateEndpointDocument, { input: { id: paused.id, enabled: false } });

    const published = await publish(server, app.id, type, { orderId: 'o-1' });
    const sentTo = published.deliveries.map((d) => d.endpoint.id).sort();
    expect(sentTo).toEqual([...Object.values(matching), paused].map((e) => e.id).sort());
    expect(published.deliveries.every((d) => d.status === 'PENDING' && d.event.id === published.event.id)).toBe(true);

    const { deliveries } = await server.admin.run(DeliveriesDocument, { filter: { eventId: published.event.id }, first: 100 });
    expect(deliveries.edges.map((e) => e.node.endpoint.id).sort()).toEqual(sentTo);

    const arrived = await waitFor('a request at each matching endpoint', () => {
      const got = requestsFor(published.event.id);
      return got.length >= Object.keys(matching).length && got;
    });
    expect(arrived.map((r) => new URL(r.path, receiver.url).searchParams.get('to')).sort()).toEqual(Object.keys(matching).sort());
    expect(published.deliveries.find((d) => d.endpoint.id === paused.id)).toMatchObject({ status: 'PENDING' });
  });

  it('publishing for an applicationId that does not exist is NOT_FOUND and stores nothing', async () => {
    const type = await createEventType(server);
    const before = await server.admin.run(EventsDocument, { first: 100 });
    const missing = 'app_01J00000000000000000000000';
    const error = await server.admin.fail(PublishEventDocument, { input: { applicationId: missing, type, payload: {} } }, 'NOT_FOUND');
    expect(error.message).toContain(missing);
    expect((await server.admin.run(EventsDocument, { first: 100 })).events.edges).toEqual(before.events.edges);
  });
});

import { describe, expect, it } from 'vitest';
import { CreateEventTypeWithExamplesDocument, DeliveriesDocument, SendTestEventDocument, UpdateEventTypeExamplesDocument } from '../generated/graphql.js';
import { STORES, useServerOn, type StoreServer } from './on-each-store.js';
import { application, endpoint, expectSignedBody, requestsOf, waitForDeliveryStatus, waitForRequestOf } from './options-helpers.js';

// Event type examples and sendTestEvent: the first example, sent to one endpoint as a real delivery.

let n = 0;
const schema = { type: 'object', required: ['orderId'], properties: { orderId: { type: 'string' } } };

describe.each(STORES)('sendTestEvent on %s', (store) => {
  let s: StoreServer;
  useServerOn(store, (started) => (s = started));

  const typeWithExamples = async (examples: unknown[]) => {
    const name = `test.sample${++n}`;
    const { createEventType } = await s.admin.run(CreateEventTypeWithExamplesDocument, { input: { name, schema, examples } });
    return createEventType.eventType;
  };

  it('sends the first example to that endpoint only, whatever its triggers, as a recorded delivery that succeeds', async () => {
    const app = await application(s.admin);
    const type = await typeWithExamples([{ orderId: 'example-1' }, { orderId: 'example-2' }]);
    expect(type.examples).toEqual([{ orderId: 'example-1' }, { orderId: 'example-2' }]);
    const target = await endpoint(s.admin, app, s.receiver.url, { channels: ['never'], filter: { orderId: 'other' }, eventTypes: ['nothing.*'] });
    const bystander = await endpoint(s.admin, app, s.receiver.url);
    const { sendTestEvent } = await s.admin.run(SendTestEventDocument, { input: { endpointId: target.id, eventType: type.name } });
    expect(sendTestEvent.delivery).toMatchObject({ status: 'PENDING', eventType: type.name, endpoint: { id: target.id }, event: { payload: { orderId: 'example-1' } } });
    const request = await waitForRequestOf(s.receiver.requests, target.tag);
    expect(JSON.parse(request.body)).toMatchObject({ id: sendTestEvent.delivery.event.id, type: type.name, data: { orderId: 'example-1' } });
    expectSignedBody(request, target.secret);
    await waitForDeliveryStatus(s.admin, sendTestEvent.delivery.id, 'SUCCEEDED');
    const { deliveries } = await s.admin.run(DeliveriesDocument, { filter: { eventId: sendTestEvent.delivery.event.id } });
    expect(deliveries.edges.map((e) => e.node.endpoint.id)).toEqual([target.id]);
    expect(requestsOf(s.receiver.requests, bystander.tag)).toEqual([]);
  });

  it('checks examples against the schema on create and update (a schema change too), and refuses a type without examples', async () => {
    const name = `test.sample${++n}`;
    const bad = await s.admin.fail(CreateEventTypeWithExamplesDocument, { input: { name, schema, examples: [{ orderId: 'ok' }, { orderId: 7 }] } }, 'BAD_USER_INPUT');
    expect(bad.message).toMatch(/^examples\[1\]: does not match the schema/);
    const type = await typeWithExamples([]);
    const app = await application(s.admin);
    const e = await endpoint(s.admin, app, s.receiver.url);
    const none = await s.admin.fail(SendTestEventDocument, { input: { endpointId: e.id, eventType: type.name } }, 'BAD_USER_INPUT');
    expect(none.message).toMatch(/has no examples/);
    const { updateEventType } = await s.admin.run(UpdateEventTypeExamplesDocument, { input: { name: type.name, examples: [{ orderId: 'x' }] } });
    expect(updateEventType.eventType.examples).toEqual([{ orderId: 'x' }]);
    const stricter = { ...schema, properties: { orderId: { type: 'string', minLength: 5 } } };
    const refused = await s.admin.fail(UpdateEventTypeExamplesDocument, { input: { name: type.name, schema: stricter } }, 'BAD_USER_INPUT');
    expect(refused.message).toMatch(/^examples\[0\]/);
    await s.admin.fail(SendTestEventDocument, { input: { endpointId: 'ep_missing', eventType: type.name } }, 'NOT_FOUND');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateApplicationDocument, CreateEndpointDocument, CreateEventTypeDocument, DeliveriesDocument, EventsDocument, PublishEventsDocument,
  UpdateEndpointDocument, type PublishEventInput,
} from '../generated/graphql.js';
import { STORES, useServerOn, type StoreServer } from '../delivery/on-each-store.js';
import type { GqlClient } from '../support/gql.js';
import { uniqueName } from '../support/fixtures.js';
import { type TestServer, useTestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// publishEvents: a batch in, one result per event out, in order. Each event is published or refused
// on its own; what is accepted is stored and delivered like a publishEvent of it.

const MAX_EVENTS = 8;

async function application(admin: GqlClient, receiverUrl?: string) {
  const { createApplication } = await admin.run(CreateApplicationDocument, { name: uniqueName('Batch ') });
  const applicationId = createApplication.application.id;
  const endpointIds: string[] = [];
  if (receiverUrl) {
    const { createEndpoint } = await admin.run(CreateEndpointDocument, { input: { applicationId, url: receiverUrl } });
    endpointIds.push(createEndpoint.endpoint.id);
  }
  return { applicationId, endpointIds };
}

const publishEvents = (admin: GqlClient, events: PublishEventInput[]) => admin.run(PublishEventsDocument, { input: { events } }).then((r) => r.publishEvents.results);

async function eventIdsOf(admin: GqlClient, applicationId: string): Promise<string[]> {
  const { events } = await admin.run(EventsDocument, { applicationId, first: 100 });
  return events.edges.map((e) => e.node.id).sort();
}

async function deliveriesOf(admin: GqlClient, applicationId: string) {
  const { deliveries } = await admin.run(DeliveriesDocument, { filter: { applicationId }, first: 100 });
  return deliveries.edges.map((e) => e.node);
}

for (const kind of STORES) {
  describe(`publishEvents on ${kind}`, () => {
    let s: StoreServer;
    useServerOn(kind, (started) => (s = started), { maxEventsPerCall: MAX_EVENTS, maxJsonDepth: 4, maxPayloadBytes: 200 });
    let type: string;
    beforeAll(async () => {
      type = uniqueName('batch.order');
      await s.admin.run(CreateEventTypeDocument, { input: { name: type, schema: { type: 'object', required: ['orderId'] } } });
    });

    it('gives one result per event in input order; only the good events are stored and delivered to the receiver', async () => {
      const { applicationId } = await application(s.admin, s.receiver.url);
      const before = s.receiver.requests.length;
      const results = await publishEvents(s.admin, [
        { applicationId, type, payload: { orderId: 'o-1' } },
        { applicationId, type: 'no.such.type', payload: { orderId: 'o-2' } },
        { applicationId, type, payload: { total: 3 } },
        { applicationId, type, payload: { orderId: 'o-4', a: { b: { c: { d: { e: 1 } } } } } },
        { applicationId, type, payload: { orderId: 'o-5', pad: 'x'.repeat(300) } },
        { applicationId: 'app_01JNOSUCHAPPLICATION000000', type, payload: { orderId: 'o-6' } },
        { applicationId, type, payload: { orderId: 'o-7' }, channels: ['eu'] },
        { applicationId, type, payload: { orderId: 'o-8' }, payloadText: '{"orderId":"o-8"}' },
      ]);
      expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(results.map((r) => r.error && [r.error.code, r.error.field])).toEqual([
        null,
        ['BAD_USER_INPUT', 'type'],
        ['BAD_USER_INPUT', 'payload'],
        ['BAD_USER_INPUT', 'payload'],
        ['BAD_USER_INPUT', 'payload'],
        ['NOT_FOUND', null],
        null,
        ['BAD_USER_INPUT', 'payloadText'],
      ]);
      expect(results[1]!.error!.message).toContain('"no.such.type" does not exist');
      expect(results[2]!.error!.message).toContain('does not match the schema');
      expect(results[3]!.error!.message).toMatch(/deep|depth|nest/i);
      expect(results[4]!.error!.message).toContain('TIDINGS_MAX_PAYLOAD_BYTES');
      for (const r of results.filter((r) => r.error)) expect([r.event, r.deliveries, r.duplicate]).toEqual([null, [], false]);
      const good = [results[0]!, results[6]!];
      for (const [i, r] of good.entries()) {
        expect(r).toMatchObject({ duplicate: false, event: { type, payload: { orderId: ['o-1', 'o-7'][i] }, application: { id: applicationId } } });
        expect(r.deliveries).toHaveLength(1);
      }
      expect(await eventIdsOf(s.admin, applicationId)).toEqual(good.map((r) => r.event!.id).sort());
      const received = await s.receiver.waitForRequests(before + 2);
      await waitFor('both deliveries SUCCEEDED', async () => (await deliveriesOf(s.admin, applicationId)).every((d) => d.status === 'SUCCEEDED') || undefined);
      const ids = received.slice(before).map((r) => r.headers['webhook-id']);
      expect(ids.sort()).toEqual(good.map((r) => r.event!.id).sort());
      expect((await deliveriesOf(s.admin, applicationId)).map((d) => d.id).sort()).toEqual(good.map((r) => r.deliveries[0]!.id).sort());
      expect(s.receiver.requests.slice(before).filter((r) => ids.includes(r.headers['webhook-id']))).toHaveLength(2);
    });

    it('a whole batch published again with its idempotency keys returns the original events and creates no new deliveries; a changed one is CONFLICT alone', async () => {
      const { applicationId } = await application(s.admin, s.receiver.url);
      const batch = ['a', 'b', 'c'].map((k) => ({ applicationId, type, payload: { orderId: k }, idempotencyKey: `key-${k}` }));
      const first = await publishEvents(s.admin, batch);
      expect(first.map((r) => [r.error, r.duplicate])).toEqual([[null, false], [null, false], [null, false]]);
      await waitFor('the 3 deliveries SUCCEEDED', async () => {
        const ds = await deliveriesOf(s.admin, applicationId);
        return (ds.length === 3 && ds.every((d) => d.status === 'SUCCEEDED')) || undefined;
      });
      const again = await publishEvents(s.admin, batch);
      expect(again.map((r) => [r.error, r.duplicate, r.event!.id])).toEqual(first.map((r) => [null, true, r.event!.id]));
      expect(again.map((r) => r.deliveries.map((d) => d.id))).toEqual(first.map((r) => r.deliveries.map((d) => d.id)));
      const changed = await publishEvents(s.admin, [batch[0]!, { ...batch[2]!, payload: { orderId: 'other' } }, { ...batch[1]!, type: uniqueName('x') }]);
      expect(changed.map((r) => r.error?.code ?? null)).toEqual([null, 'CONFLICT', 'BAD_USER_INPUT']);
      expect(changed[1]!.error!.message).toContain(`already used for event ${first[2]!.event!.id}`);
      expect(await eventIdsOf(s.admin, applicationId)).toEqual(first.map((r) => r.event!.id).sort());
      expect(await deliveriesOf(s.admin, applicationId)).toHaveLength(3);
    });

    it('an idempotency key given twice in one batch publishes the first event and refuses the later one; in another application it is another key', async () => {
      const { applicationId } = await application(s.admin);
      const other = await application(s.admin);
      const results = await publishEvents(s.admin, [
        { applicationId, type, payload: { orderId: '1' }, idempotencyKey: 'twice' },
        { applicationId, type, payload: { orderId: '1' }, idempotencyKey: 'twice' },
        { applicationId: other.applicationId, type, payload: { orderId: '1' }, idempotencyKey: 'twice' },
      ]);
      expect(results.map((r) => r.error && [r.error.code, r.error.field])).toEqual([null, ['BAD_USER_INPUT', 'idempotencyKey'], null]);
      expect(results[1]!.error!.message).toContain('event 0 of this batch');
      expect(await eventIdsOf(s.admin, applicationId)).toEqual([results[0]!.event!.id]);
      expect(await eventIdsOf(s.admin, other.applicationId)).toEqual([results[2]!.event!.id]);
    });

    it(`takes at most TIDINGS_MAX_EVENTS_PER_CALL events (${MAX_EVENTS} here): one more is BAD_USER_INPUT naming events, and nothing is stored`, async () => {
      const { applicationId } = await application(s.admin);
      const events = (n: number) => Array.from({ length: n }, (_, i) => ({ applicationId, type, payload: { orderId: String(i) } }));
      const error = await s.admin.fail(PublishEventsDocument, { input: { events: events(MAX_EVENTS + 1) } }, 'BAD_USER_INPUT');
      expect(error.message).toContain('events');
      expect(error.message).toContain(`limit is ${MAX_EVENTS}`);
      expect(error.message).toContain('TIDINGS_MAX_EVENTS_PER_CALL');
      expect(await eventIdsOf(s.admin, applicationId)).toEqual([]);
      const results = await publishEvents(s.admin, events(MAX_EVENTS));
      expect(results.filter((r) => r.error === null)).toHaveLength(MAX_EVENTS);
      expect(await eventIdsOf(s.admin, applicationId)).toHaveLength(MAX_EVENTS);
    });
  });
}

describe('publishEvents at the default limits', () => {
  let server: TestServer;
  useTestServer((s) => (server = s));

  it('a batch of the default maximum (1000 events) passes the GraphQL cost and token limits and is published whole', async () => {
    expect(server.config.maxEventsPerCall).toBe(1000);
    const { applicationId } = await application(server.admin);
    const type = uniqueName('batch.max');
    await server.admin.run(CreateEventTypeDocument, { input: { name: type } });
    const events = Array.from({ length: 1000 }, (_, i) => ({ applicationId, type, payload: { i }, idempotencyKey: `k-${i}` }));
    const results = await publishEvents(server.admin, events);
    expect(results).toHaveLength(1000);
    expect(results.filter((r) => r.error !== null)).toEqual([]);
    expect(results.map((r) => r.event!.payload)).toEqual(events.map((e) => e.payload));
    const error = await server.admin.fail(PublishEventsDocument, { input: { events: [...events, events[0]!] } }, 'BAD_USER_INPUT');
    expect(error.message).toContain('limit is 1000');
  });

  it('announces a batch once: one work:due per endpoint and one message per event and delivery, after the batch is stored', async () => {
    const { createApplication } = await server.admin.run(CreateApplicationDocument, { name: uniqueName('Announce ') });
    const applicationId = createApplication.application.id;
    // Paused endpoints: their deliveries wait, so no attempt adds messages of its own.
    const endpointIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { createEndpoint } = await server.admin.run(CreateEndpointDocument, { input: { applicationId, url: `http://127.0.0.1:9/${i}` } });
      await server.admin.run(UpdateEndpointDocument, { input: { id: createEndpoint.endpoint.id, enabled: false } });
      endpointIds.push(createEndpoint.endpoint.id);
    }
    const type = uniqueName('batch.announce');
    await server.admin.run(CreateEventTypeDocument, { input: { name: type } });
    const heard = { work: [] as string[], deliveries: 0, events: 0 };
    const pubsub = server.app.deps.pubsub;
    const stops = [
      pubsub.listen('work:due', ({ endpointId }) => endpointIds.includes(endpointId) && heard.work.push(endpointId)),
      pubsub.listen('delivery:updated', (d) => d.applicationId === applicationId && heard.deliveries++),
      pubsub.listen('event:published', (e) => e.applicationId === applicationId && heard.events++),
    ];
    try {
      const results = await publishEvents(server.admin, Array.from({ length: 10 }, (_, i) => ({ applicationId, type, payload: { i } })));
      expect(results.flatMap((r) => r.deliveries)).toHaveLength(20);
      expect(heard.work.sort()).toEqual([...endpointIds].sort());
      expect(heard).toMatchObject({ deliveries: 20, events: 10 });
    } finally {
      for (const stop of stops) stop();
    }
  });
});

import { ENDPOINT_DEFAULTS } from '../../src/domain/endpoint-defaults.js';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SCOPE, DEFAULT_DELIVERY_OPTIONS, type EndpointRecord } from '../../src/domain/records.js';
import { newId } from '../../src/ids.js';
import { MongoStore } from '../../src/store/mongo/mongo-store.js';
import { startMongoServer, type MongoServer } from '../support/ferretdb.js';
import { TEST_KEY_RING } from '../support/keys.js';

// The MongoDB store completes a fan-out cut short (by a crash) in its sweep: the repeated fan-out
// goes through the same rule, so it must see the event's channels and the endpoints' filters, and
// removes a test event whose endpoint is gone, as the publish would have.

let server: MongoServer;
let client: MongoClient;
beforeAll(async () => {
  server = await startMongoServer();
  client = await MongoClient.connect(server.uri);
});
afterAll(async () => {
  await client?.close();
  await server?.destroy();
});

describe('MongoDB sweep of an interrupted fan-out', () => {
  it('creates deliveries only for endpoints that hear the event (channels and filter), and removes a test event whose endpoint is gone', async () => {
    const name = `tidings_fanout_${process.pid}`;
    const store = await MongoStore.connect(server.uri, name, { keyRing: TEST_KEY_RING });
    try {
      const T0 = Date.UTC(2026, 0, 1);
      await store.createApplication({ id: 'app_01', name: 'Acme', metadata: {}, createdAt: T0 });
      const endpoint = async (delivery: Partial<EndpointRecord['delivery']>) => {
        const e: EndpointRecord = {
          id: newId('Endpoint'), applicationId: 'app_01', url: 'https://example.com/h', description: null, eventTypes: ['*'], enabled: true,
          secrets: [{ secret: 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0', expiresAt: null }], ...ENDPOINT_DEFAULTS, delivery: { ...DEFAULT_DELIVERY_OPTIONS, ...delivery },
          createdAt: T0, updatedAt: T0, deletedAt: null,
        };
        await store.createEndpoint(e);
        return e.id;
      };
      const eu = await endpoint({ channels: ['eu'] });
      await endpoint({ channels: ['us'] });
      const big = await endpoint({ filter: { total: { $gt: 100 } } });
      await endpoint({ filter: { total: { $lte: 100 } } });
      // What a publish that crashed right after storing its event leaves behind.
      await client.db(name).collection('events').insertOne({
        _id: 'evt_01' as never, applicationId: 'app_01', type: 'order.created', payload: '{"total":500}', channels: ['eu'],
        idempotencyKey: null, createdAt: T0, fanoutDone: false,
      });
      // And a test event whose endpoint was deleted before its fan-out ran: it had no delivery and gets none.
      const gone = await endpoint({});
      await store.deleteEndpoint(ADMIN_SCOPE, gone, T0, 'endpoint deleted');
      await client.db(name).collection('events').insertOne({
        _id: 'evt_02' as never, applicationId: 'app_01', type: 'order.created', payload: '{"total":500}', channels: [],
        testEndpointId: gone, idempotencyKey: null, createdAt: T0, fanoutDone: false,
      });
      const result = await store.sweep({ now: T0 + 60_000, retentionMs: 24 * 3600_000, fanoutGraceMs: 1000 });
      expect(result.created.map((d) => d.endpointId).sort()).toEqual([eu, big].sort());
      expect((await store.findEvent(ADMIN_SCOPE, 'evt_01'))?.channels).toEqual(['eu']);
      expect(await store.findEvent(ADMIN_SCOPE, 'evt_02')).toBeNull();
    } finally {
      await store.dropDatabase();
      await store.close();
    }
  });
});

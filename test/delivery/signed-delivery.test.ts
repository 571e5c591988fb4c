import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { describe, expect, it } from 'vitest';
import { DeliveryDocument } from '../generated/graphql.js';
import { publish, setupEndpoint } from '../support/fixtures.js';
import type { Receiver } from '../support/receiver.js';
import { type TestServer, useTestServerAndReceiver } from '../support/server.js';
import { waitFor } from '../support/wait.js';

describe('signed delivery', () => {
  let server: TestServer;
  let receiver: Receiver;
  useTestServerAndReceiver((s, r) => ((server = s), (receiver = r)));

  it('arrives signed so that the standardwebhooks and svix libraries verify it unchanged', async () => {
    const { app, type, endpoint } = await setupEndpoint(server, receiver.url);
    const payload = { orderId: 'o-1', total: 12.5, items: [{ sku: 'a', qty: 2 }], note: 'ünïcødé' };
    const published = await publish(server, app.id, type, payload);
    const [request] = await receiver.waitForRequests(1);

    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['webhook-id']).toBe(published.event.id);
    const headers = {
      'webhook-id': String(request!.headers['webhook-id']),
      'webhook-timestamp': String(request!.headers['webhook-timestamp']),
      'webhook-signature': String(request!.headers['webhook-signature']),
    };
    const fromStandard = new StandardWebhook(endpoint.secret).verify(request!.body, headers);
    const fromSvix = new SvixWebhook(endpoint.secret).verify(request!.body, headers);
    const expected = { id: published.event.id, type, timestamp: published.event.createdAt, data: payload };
    expect(fromStandard).toEqual(expected);
    expect(fromSvix).toEqual(expected);

    // A wrong secret must not verify: the check above is not vacuous.
    const other = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
    expect(() => new StandardWebhook(other).verify(request!.body, headers)).toThrow();

    const deliveryId = published.deliveries[0]!.id;
    const done = await waitFor('the delivery to be SUCCEEDED', async () => {
      const { delivery } = await server.admin.run(DeliveryDocument, { id: deliveryId });
      return delivery?.status === 'SUCCEEDED' && delivery;
    });
    expect(done.attemptCount).toBe(1);
    expect(done.attempts).toHaveLength(1);
    expect(done.attempts[0]).toMatchObject({ number: 1, success: true, responseStatus: 200, responseBody: 'ok', error: null });
  });
});

import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { afterEach, describe, expect, it } from 'vitest';
import { RotateEndpointSecretDocument } from '../generated/graphql.js';
import { publish, setupEndpoint } from '../support/fixtures.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { useTestServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';
import { readDelivery, waitForStatus, webhookHeaders } from './delivery-helpers.js';

// rotateEndpointSecret: during the grace period both secrets sign (two signatures in the header),
// so receivers verify with either; after it only the new one does.

const GRACE_MS = 1_000;

describe('secret rotation', () => {
  let server: TestServer;
  let receiver: Receiver;
  useTestServer((started) => (server = started), { secretRotationGraceMs: GRACE_MS });
  afterEach(async () => {
    await receiver?.close();
  });

  it('signs with the old and the new secret during the grace period, and only with the new one after it', async () => {
    receiver = await startReceiver();
    const { app, type, endpoint } = await setupEndpoint(server, receiver.url);
    const oldSecret = endpoint.secret;

    const before = Date.now();
    const { rotateEndpointSecret } = await server.admin.run(RotateEndpointSecretDocument, { input: { id: endpoint.id } });
    const after = Date.now();
    const newSecret = rotateEndpointSecret.secret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);

    // Within the grace period: two signatures, either secret verifies.
    const during = await publish(server, app.id, type, { phase: 'during' });
    const [first] = await receiver.waitForRequests(1);
    const firstAttempt = (await waitForStatus(server, during.deliveries[0]!.id, 'SUCCEEDED')).attempts[0]!;
    expect(Date.parse(firstAttempt.startedAt)).toBeLessThan(before + GRACE_MS); // the precondition of this phase
    const signatures = String(first!.headers['webhook-signature']).split(' ');
    expect(signatures).toHaveLength(2);
    expect(signatures.every((s) => s.startsWith('v1,'))).toBe(true);
    const headers = webhookHeaders(first!);
    expect(new StandardWebhook(newSecret).verify(first!.body, headers)).toMatchObject({ id: during.event.id });
    expect(new StandardWebhook(oldSecret).verify(first!.body, headers)).toMatchObject({ id: during.event.id });
    expect(new SvixWebhook(newSecret).verify(first!.body, headers)).toMatchObject({ id: during.event.id });
    expect(new SvixWebhook(oldSecret).verify(first!.body, headers)).toMatchObject({ id: during.event.id });
    const unrelated = 'whsec_' + Buffer.alloc(32, 9).toString('base64');
    expect(() => new StandardWebhook(unrelated).verify(first!.body, headers)).toThrow();

    // After the grace period (it ended at the latest GRACE_MS after the mutation returned).
    await waitFor('the grace period to end', () => Date.now() > after + GRACE_MS, GRACE_MS + 5_000);
    const later = await publish(server, app.id, type, { phase: 'after' });
    const [, second] = await receiver.waitForRequests(2);
    const signaturesAfter = String(second!.headers['webhook-signature']).split(' ');
    expect(signaturesAfter).toHaveLength(1);
    const headersAfter = webhookHeaders(second!);
    expect(new StandardWebhook(newSecret).verify(second!.body, headersAfter)).toMatchObject({ id: later.event.id });
    expect(() => new StandardWebhook(oldSecret).verify(second!.body, headersAfter)).toThrow();
    expect((await readDelivery(server, later.deliveries[0]!.id)).endpoint.id).toBe(endpoint.id);
  });

  it('rotating twice keeps the previous secrets signing only until their own grace ends', async () => {
    receiver = await startReceiver();
    const { app, type, endpoint } = await setupEndpoint(server, receiver.url);
    const s1 = endpoint.secret;
    const s2 = (await server.admin.run(RotateEndpointSecretDocument, { input: { id: endpoint.id } })).rotateEndpointSecret.secret;
    const s3 = (await server.admin.run(RotateEndpointSecretDocument, { input: { id: endpoint.id } })).rotateEndpointSecret.secret;
    expect(new Set([s1, s2, s3]).size).toBe(3);

    await publish(server, app.id, type, { phase: 'twice' });
    const [request] = await receiver.waitForRequests(1);
    const headers = webhookHeaders(request!);
    expect(String(request!.headers['webhook-signature']).split(' ')).toHaveLength(3);
    for (const secret of [s1, s2, s3]) {
      expect(() => new StandardWebhook(secret).verify(request!.body, headers)).not.toThrow();
    }
  });

  it('is NOT_FOUND for another application', async () => {
    receiver = await startReceiver();
    const { endpoint } = await setupEndpoint(server, receiver.url);
    const { app: other } = await setupEndpoint(server, receiver.url);
    await other.client.fail(RotateEndpointSecretDocument, { input: { id: endpoint.id } }, 'NOT_FOUND');
  });
});

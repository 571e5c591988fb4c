import * as ed from '@noble/ed25519';
import { describe, expect, it } from 'vitest';
import { EndpointKeysDocument, RotateEndpointSecretDocument } from '../generated/graphql.js';
import type { ReceivedRequest } from '../support/receiver.js';
import { waitFor } from '../support/wait.js';
import { STORES, useServerOn, type StoreServer } from './on-each-store.js';
import { application, endpoint, eventType, publish, requestsOf, waitForRequestOf } from './options-helpers.js';

// ED25519 signatures (Standard Webhooks `v1a`), verified with an independent implementation
// (@noble/ed25519, not Node's crypto that Tidings signs with).

const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

/** Whether one of the request's `v1a` signatures verifies with the `whpk_` key, over id.timestamp.body. */
async function verifies(request: ReceivedRequest, publicKey: string): Promise<boolean> {
  expect(publicKey).toMatch(/^whpk_/);
  const content = new TextEncoder().encode(`${request.headers['webhook-id']}.${request.headers['webhook-timestamp']}.${request.body}`);
  const signatures = String(request.headers['webhook-signature']).split(' ');
  for (const sig of signatures) {
    expect(sig).toMatch(/^v1a,/);
    if (await ed.verifyAsync(fromB64(sig.slice(4)), content, fromB64(publicKey.slice(5)))) return true;
  }
  return false;
}

describe.each(STORES)('ED25519 signatures on %s', (store) => {
  let s: StoreServer;
  useServerOn(store, (started) => (s = started));

  it('signs with v1a so that @noble/ed25519 verifies with Endpoint.publicKey, and a rotated key signs alongside the new one', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const e = await endpoint(s.admin, app, s.receiver.url, { signatureScheme: 'ED25519' });
    const { endpoint: keys } = await s.admin.run(EndpointKeysDocument, { id: e.id });
    expect(keys).toMatchObject({ signatureScheme: 'ED25519', publicKey: e.secret });
    await publish(s.admin, { applicationId: app, type, payload: { n: 1 } });
    const first = await waitForRequestOf(s.receiver.requests, e.tag);
    expect(await verifies(first, e.secret)).toBe(true);
    const stranger = 'whpk_' + Buffer.from(await ed.getPublicKeyAsync(ed.utils.randomSecretKey())).toString('base64');
    expect(await verifies(first, stranger)).toBe(false);
    expect(await verifies({ ...first, body: first.body + ' ' }, e.secret)).toBe(false);

    const { rotateEndpointSecret } = await s.admin.run(RotateEndpointSecretDocument, { input: { id: e.id } });
    const rotated = rotateEndpointSecret.secret;
    expect(rotated).toMatch(/^whpk_/);
    expect(rotated).not.toBe(e.secret);
    expect((await s.admin.run(EndpointKeysDocument, { id: e.id })).endpoint?.publicKey).toBe(rotated);
    await publish(s.admin, { applicationId: app, type, payload: { n: 2 } });
    const second = await waitFor('the second request', () => requestsOf(s.receiver.requests, e.tag)[1]);
    expect(String(second.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(await verifies(second, rotated)).toBe(true);
    expect(await verifies(second, e.secret)).toBe(true);
  });

  it('accepts a brought private key ("whsk_" + base64 of seed and public key) and shows its public key', async () => {
    const seed = ed.utils.randomSecretKey();
    const pub = await ed.getPublicKeyAsync(seed);
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const e = await endpoint(s.admin, app, s.receiver.url, { signatureScheme: 'ED25519', secret: 'whsk_' + Buffer.concat([seed, pub]).toString('base64') });
    expect(e.secret).toBe('whpk_' + Buffer.from(pub).toString('base64'));
    await publish(s.admin, { applicationId: app, type, payload: { n: 3 } });
    expect(await verifies(await waitForRequestOf(s.receiver.requests, e.tag), e.secret)).toBe(true);
    const otherPub = await ed.getPublicKeyAsync(ed.utils.randomSecretKey());
    const mismatched = await s.admin.execute(/* GraphQL */ `mutation ($input: CreateEndpointInput!) { createEndpoint(input: $input) { secret } }`, {
      input: { applicationId: app, url: s.receiver.url, signatureScheme: 'ED25519', secret: 'whsk_' + Buffer.concat([seed, otherPub]).toString('base64') },
    });
    expect(mismatched.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(mismatched.errors?.[0]?.message).toMatch(/^secret: must be "whsk_"/);
  });

  it('keeps HMAC_SHA256 as the default, with no public key', async () => {
    const app = await application(s.admin);
    const e = await endpoint(s.admin, app, s.receiver.url);
    expect(e.secret).toMatch(/^whsec_/);
    expect((await s.admin.run(EndpointKeysDocument, { id: e.id })).endpoint).toMatchObject({ signatureScheme: 'HMAC_SHA256', publicKey: null });
  });
});

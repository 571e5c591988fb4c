import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedRange } from '../../src/delivery/ssrf-guard.js';
import { CreateEndpointDocument, EndpointDocument, EndpointsDocument, UpdateEndpointDocument } from '../generated/graphql.js';
import { waitForStatus } from '../delivery/delivery-helpers.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { startTestServer, type TestServer, useTestServer, useTestServerAndReceiver } from '../support/server.js';

// With TIDINGS_ALLOW_PRIVATE_TARGETS off, targets on loopback, private, link-local and metadata
// addresses are refused when an endpoint is created or its URL changed (literals and names that
// resolve there). Should a name resolve there only later (DNS changed), the attempt is refused at
// send time and the delivery ends FAILED at once with the reason: retrying would not help.

const REFUSAL = /refused .*not allowed.*TIDINGS_ALLOW_PRIVATE_TARGETS/;

const PRIVATE_TARGETS: [string, string, string][] = [
  ['the loopback literal 127.0.0.1', 'http://127.0.0.1:9/hook', '127.0.0.1'],
  ['a hostname that resolves to loopback (localhost)', 'http://localhost:9/hook', 'localhost'],
  ['the IPv6 loopback literal [::1]', 'http://[::1]:9/hook', '::1'],
  ['the cloud metadata address 169.254.169.254', 'http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
  ['an IPv4-mapped IPv6 loopback [::ffff:127.0.0.1]', 'http://[::ffff:127.0.0.1]:9/hook', '::ffff:7f00:1'],
  ['a private network address 10.1.2.3', 'https://10.1.2.3/hook', '10.1.2.3'],
  ['a private network address 192.168.0.10', 'https://192.168.0.10/hook', '192.168.0.10'],
  ['a unique-local IPv6 address [fd00::1]', 'https://[fd00::1]/hook', 'fd00::1'],
  ['the unspecified address 0.0.0.0', 'http://0.0.0.0:9/hook', '0.0.0.0'],
];

describe('SSRF guard on endpoint URLs', () => {
  let server: TestServer;
  useTestServer((s) => (server = s), { allowPrivateTargets: false });

  const endpointUrls = async (applicationId: string) =>
    (await server.admin.run(EndpointsDocument, { applicationId, first: 100 })).endpoints.edges.map((e) => e.node.url);

  it.each(PRIVATE_TARGETS)('createEndpoint refuses %s with BAD_USER_INPUT naming TIDINGS_ALLOW_PRIVATE_TARGETS, and creates nothing', async (_name, url, host) => {
    const app = await createApplication(server);
    const error = await server.admin.fail(CreateEndpointDocument, { input: { applicationId: app.id, url } }, 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('url');
    expect(error.message).toMatch(/^url: /);
    expect(error.message).toMatch(REFUSAL);
    expect(error.message).toContain(host);
    expect(await endpointUrls(app.id)).toEqual([]);
  });

  it.each(PRIVATE_TARGETS)('updateEndpoint refuses a new URL on %s and keeps the old URL', async (_name, url, host) => {
    const app = await createApplication(server);
    // A public literal: accepted without DNS, and nothing is published to it.
    const endpoint = await createEndpoint(server, app.id, 'https://1.1.1.1/hook');
    const error = await server.admin.fail(UpdateEndpointDocument, { input: { id: endpoint.id, url } }, 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('url');
    expect(error.message).toMatch(REFUSAL);
    expect(error.message).toContain(host);
    expect((await server.admin.run(EndpointDocument, { id: endpoint.id })).endpoint?.url).toBe('https://1.1.1.1/hook');
  });

  it('createEndpoint refuses a host name that does not resolve, saying so, and creates nothing', async () => {
    const app = await createApplication(server);
    // .invalid never resolves (RFC 6761).
    const error = await server.admin.fail(CreateEndpointDocument, { input: { applicationId: app.id, url: 'https://no-such-host.invalid/hook' } }, 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('url');
    expect(error.message).toMatch(/^url: .*no-such-host\.invalid.* does not resolve/);
    expect(await endpointUrls(app.id)).toEqual([]);
  });

  it('createEndpoint accepts a public address', async () => {
    const app = await createApplication(server);
    await createEndpoint(server, app.id, 'https://[2606:4700:4700::1111]/hook');
    expect(await endpointUrls(app.id)).toEqual(['https://[2606:4700:4700::1111]/hook']);
  });
});

describe('SSRF guard at delivery time, when a target became private after it was accepted', () => {
  let receiver: Receiver;
  const running: TestServer[] = [];
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    for (const s of running) await s.stop();
    await receiver?.close();
  });

  it.each([
    ['a hostname that now resolves to loopback (localhost)', () => `http://localhost:${new URL(receiver.url).port}/hook`, 'localhost'],
    ['the loopback literal 127.0.0.1', () => receiver.url, '127.0.0.1'],
  ])('%s: the delivery ends FAILED after exactly one attempt, with the refusal as its failure reason', async (_name, url, host) => {
    // Accepted while private targets were allowed; the same data served again with them refused
    // stands for a DNS name that resolved public at creation and private at delivery.
    const lenient = await startTestServer({ allowPrivateTargets: true, workerPollMs: 60_000 });
    const app = await createApplication(lenient);
    const type = await createEventType(lenient);
    await createEndpoint(lenient, app.id, url());
    const server = await lenient.restart({ allowPrivateTargets: false, workerPollMs: 25 });
    running.push(server);
    const before = receiver.requests.length;

    const published = await publish(server, app.id, type, { to: host });
    const failed = await waitForStatus(server, published.deliveries[0]!.id, 'FAILED');

    expect(failed.attemptCount).toBe(1);
    expect(failed.attempts).toHaveLength(1);
    expect(failed.attempts[0]).toMatchObject({ success: false, responseStatus: null, responseBody: null });
    expect(failed.attempts[0]!.error).toMatch(REFUSAL);
    expect(failed.attempts[0]!.error).toContain(host);
    expect(failed.failureReason).toMatch(REFUSAL);
    expect(failed.failureReason).toContain(host);
    expect(failed.nextAttemptAt).toBeNull();
    expect(receiver.requests.length).toBe(before);
  });
});

describe('SSRF guard switched off for local development', () => {
  let server: TestServer;
  let receiver: Receiver;
  useTestServerAndReceiver((s, r) => ((server = s), (receiver = r)), { allowPrivateTargets: true });

  it('delivers to a loopback target when TIDINGS_ALLOW_PRIVATE_TARGETS is true', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    await createEndpoint(server, app.id, receiver.url);
    const published = await publish(server, app.id, type, { allowed: true });
    const done = await waitForStatus(server, published.deliveries[0]!.id, 'SUCCEEDED');
    expect(done.attemptCount).toBe(1);
    expect(receiver.requests).toHaveLength(1);
  });
});

describe('blockedRange', () => {
  it.each([
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['fd00::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['not-an-address', 'invalid'],
  ])('blocks %s (%s)', (address, range) => {
    expect(blockedRange(address)).toBe(range);
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(blockedRange(address)).toBeUndefined();
  });
});

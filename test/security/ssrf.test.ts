import { describe, expect, it } from 'vitest';
import { blockedRange } from '../../src/delivery/ssrf-guard.js';
import { waitForStatus } from '../delivery/delivery-helpers.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import type { Receiver } from '../support/receiver.js';
import { type TestServer, useTestServerAndReceiver } from '../support/server.js';

// With TIDINGS_ALLOW_PRIVATE_TARGETS off, targets on loopback, private, link-local and metadata
// addresses are refused at send time, and the refusal is recorded on the attempt.

const REFUSAL = /refused .*not allowed.*TIDINGS_ALLOW_PRIVATE_TARGETS/;

describe('SSRF guard on delivery', () => {
  let server: TestServer;
  let receiver: Receiver;
  let port: number;
  useTestServerAndReceiver((s, r) => ((server = s), (receiver = r), (port = Number(new URL(r.url).port))), { allowPrivateTargets: false });

  /** Publishes to one endpoint at `url` and returns the delivery once it gave up. */
  async function deliverTo(url: string) {
    const app = await createApplication(server);
    const type = await createEventType(server);
    await createEndpoint(server, app.id, url);
    const published = await publish(server, app.id, type, { to: url });
    return waitForStatus(server, published.deliveries[0]!.id, 'FAILED');
  }

  it.each([
    ['the loopback literal 127.0.0.1', () => receiver.url, '127.0.0.1'],
    ['a hostname that resolves to loopback (localhost)', () => `http://localhost:${port}/hook`, 'localhost'],
    ['the IPv6 loopback literal [::1]', () => `http://[::1]:${port}/hook`, '::1'],
    ['the cloud metadata address 169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['an IPv4-mapped IPv6 loopback [::ffff:127.0.0.1]', () => `http://[::ffff:127.0.0.1]:${port}/hook`, '::ffff:7f00:1'],
  ])('refuses %s and records why on every attempt', async (_name, url, host) => {
    const before = receiver.requests.length;
    const failed = await deliverTo(url());

    expect(failed.attemptCount).toBe(3);
    for (const attempt of failed.attempts) {
      expect(attempt).toMatchObject({ success: false, responseStatus: null, responseBody: null });
      expect(attempt.error).toMatch(REFUSAL);
      expect(attempt.error).toContain(host);
    }
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

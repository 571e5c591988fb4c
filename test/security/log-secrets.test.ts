import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EndpointsDocument, RotateEndpointSecretDocument } from '../generated/graphql.js';
import { closedPort } from '../delivery/delivery-helpers.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import { GqlClient } from '../support/gql.js';
import { startTidingsProcess, stopAllTidingsProcesses } from '../support/processes.js';
import { receiversClosedAfterEach } from '../support/receiver.js';
import { TEST_ADMIN_TOKEN } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// A whole run's log, from a real server process at debug level: structured JSON lines for start,
// failed attempts and stop, and not one secret, token, signature or payload in any of them.

const receiver = receiversClosedAfterEach();

describe('the log of a run', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-log-'));
  afterAll(async () => {
    await stopAllTidingsProcesses();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('has one JSON line per event of interest and never a secret, token, signature or payload', async () => {
    const metricsToken = `metrics-${randomBytes(12).toString('hex')}`;
    const encryptionKeys = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
    const p = await startTidingsProcess({
      TIDINGS_DATA_DIR: dataDir, TIDINGS_ENCRYPTION_KEY: `k2:${encryptionKeys[0]},k1:${encryptionKeys[1]}`,
      TIDINGS_LOG_LEVEL: 'debug', TIDINGS_METRICS_TOKEN: metricsToken, TIDINGS_DELIVERY_TIMEOUT: '300ms', TIDINGS_RETRY_SCHEDULE: '50ms,50ms',
    });
    const api = { admin: p.admin, client: (token?: string) => new GqlClient(p.graphqlUrl, token) };
    // The receiver fails every attempt and echoes what it got in its answer (recorded as the response body).
    const failing = await receiver((req) => ({ status: 500, body: `echo ${req.body} ${String(req.headers['webhook-signature'])}` }));
    const slow = await receiver(() => ({ status: 200, delayMs: 1000 }));
    const app = await createApplication(api);
    const type = await createEventType(api);
    const ownSecret = `whsec_${randomBytes(32).toString('base64')}`;
    const e1 = await createEndpoint(api, app.id, failing.url, { secret: ownSecret });
    const e2 = await createEndpoint(api, app.id, slow.url);
    const e3 = await createEndpoint(api, app.id, `http://127.0.0.1:${await closedPort()}/hook`);
    const { rotateEndpointSecret } = await p.admin.run(RotateEndpointSecretDocument, { input: { id: e2.id } });
    const markers = [`PAYLOAD-${randomBytes(8).toString('hex')}`, `PAYLOAD-${randomBytes(8).toString('hex')}`];
    const deliveryIds: string[] = [];
    for (const marker of markers) deliveryIds.push(...(await publish(api, app.id, type, { marker, nested: { note: marker } })).deliveries.map((d) => d.id));
    // The key and the tokens are used, rightly and wrongly.
    await app.client.run(EndpointsDocument, {});
    const wrongKey = `tdk_app_${randomBytes(16).toString('hex')}`;
    await api.client(wrongKey).execute(EndpointsDocument, {});
    const wrongMetrics = `wrong-${randomBytes(8).toString('hex')}`;
    expect((await fetch(`${p.url}/metrics`, { headers: { authorization: `Bearer ${wrongMetrics}` } })).status).toBe(401);
    expect((await fetch(`${p.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).status).toBe(200);

    // 2 events × 3 endpoints × 3 attempts, every one failing.
    const failedLines = () => p.output().split('\n').filter((l) => l.includes('"delivery attempt failed"'));
    await waitFor('18 failed-attempt lines', () => failedLines().length >= 18, 30_000, 100);
    await p.stop();
    const log = p.output();

    // Structured: every line is JSON with a level, a time and a message.
    const lines = log.split('\n').filter((l) => l.trim());
    const parsed = lines.map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        throw new Error(`not a JSON log line: ${l}`);
      }
    });
    for (const line of parsed) expect(line, JSON.stringify(line)).toMatchObject({ level: expect.any(Number), time: expect.any(Number), msg: expect.any(String) });
    expect(parsed.filter((l) => l.event === 'start')).toHaveLength(1);
    expect(parsed.filter((l) => l.event === 'stop' || l.event === 'stopped').length).toBeGreaterThanOrEqual(2);
    const failed = parsed.filter((l) => l.msg === 'delivery attempt failed');
    expect(new Set(failed.map((l) => l.deliveryId))).toEqual(new Set(deliveryIds));
    expect(new Set(failed.map((l) => l.endpointId))).toEqual(new Set([e1.id, e2.id, e3.id]));
    expect(new Set(failed.map((l) => l.outcome))).toEqual(new Set(['serverError', 'timeout', 'networkError']));

    // Nothing secret, anywhere.
    const signatures = failing.requests.flatMap((r) => String(r.headers['webhook-signature']).split(' ').flatMap((s) => [s, s.replace(/^v1,/, '')]));
    expect(signatures.length).toBeGreaterThan(0);
    const secrets: [string, string][] = [
      ['admin token', TEST_ADMIN_TOKEN], ['application key', app.apiKey], ['wrong application key', wrongKey],
      ['metrics token', metricsToken], ['wrong metrics token', wrongMetrics],
      ...encryptionKeys.map((k, i): [string, string] => [`encryption key ${i}`, k]),
      ...[ownSecret, e2.secret, e3.secret, rotateEndpointSecret.secret].flatMap((s, i): [string, string][] => [[`endpoint secret ${i}`, s], [`endpoint secret ${i} key`, s.replace(/^whsec_/, '')]]),
      ...markers.map((m, i): [string, string] => [`payload ${i}`, m]),
      ...signatures.map((s, i): [string, string] => [`signature ${i}`, s]),
    ];
    for (const [what, secret] of secrets) expect(log.includes(secret), `the log contains the ${what}`).toBe(false);
  }, 90_000);
});

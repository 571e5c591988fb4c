import { silentLogger } from '../../src/log.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { TEST_ADMIN_TOKEN } from '../support/admin-token.js';
import { GqlClient } from '../support/gql.js';
import { spawnInRepo, stopAllTidingsProcesses, tidingsChildEnv } from '../support/processes.js';
import { startReceiver } from '../support/receiver.js';
import { testConfig, type TestServer } from '../support/server.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import { waitFor } from '../support/wait.js';

// `tidings listen` as a real process (`node src/cli/tidings.js`, what package.json's bin runs),
// against a real server that is restarted on the same port, forwarding to a real receiver that
// verifies every signature with the `standardwebhooks` package.

interface Verified {
  body: string;
  headers: http.IncomingHttpHeaders;
  valid: boolean;
}

/** A receiver that verifies with the secret the CLI printed (known only once the CLI started). */
async function verifyingReceiver() {
  let secret: string | undefined;
  const received: Verified[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c)).on('end', () => {
      let valid = false;
      try {
        new Webhook(secret!).verify(body, req.headers as Record<string, string>);
        valid = true;
      } catch {
        valid = false;
      }
      received.push({ body, headers: req.headers, valid });
      res.writeHead(valid ? 202 : 400).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    received,
    useSecret: (s: string) => (secret = s),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A Tidings server that can be restarted on the same port and data folder. */
async function restartableServer() {
  const config = testConfig();
  let app: App;
  let store: SqliteStore;
  let port = 0;
  const start = async () => {
    store = SqliteStore.inDataDir(config.dataDir);
    app = await createApp({ config, store, log: silentLogger });
    const url = await app.start(port, '127.0.0.1');
    port = Number(new URL(url).port);
    return url;
  };
  const url = await start();
  const graphqlUrl = `${url}/graphql`;
  // The fixtures need only these parts of a TestServer.
  const asTestServer = { admin: new GqlClient(graphqlUrl, TEST_ADMIN_TOKEN), client: (t?: string) => new GqlClient(graphqlUrl, t) } as unknown as TestServer;
  return {
    url,
    server: asTestServer,
    listeners: () => app.deps.liveEvents.subscribers,
    async stop() {
      await app.stop();
      await store.close();
    },
    async restart() {
      await this.stop();
      await start();
    },
  };
}

describe('tidings listen', () => {
  afterAll(async () => {
    await stopAllTidingsProcesses();
  });

  it('forwards matching events signed as an endpoint receives them, reconnects after a server restart, and exits 0 on SIGINT', async () => {
    const tidings = await restartableServer();
    const receiver = await verifyingReceiver();
    const endpointReceiver = await startReceiver();
    try {
      const app = await createApplication(tidings.server);
      const orders = await createEventType(tidings.server, 'order.created');
      const other = await createEventType(tidings.server, 'invoice.paid');
      await createEndpoint(tidings.server, app.id, `${endpointReceiver.url}/real`, { eventTypes: ['order.*'] });

      const cli = spawnInRepo(process.execPath, ['src/cli/tidings.js', 'listen', '--forward-to', receiver.url, '--types', 'order.*'], tidingsChildEnv({ TIDINGS_URL: tidings.url, TIDINGS_TOKEN: app.apiKey }, false));
      const secret = await waitFor(`the secret line\n${cli.output()}`, () => /Signing secret .*: (whsec_\S+)/.exec(cli.output())?.[1]);
      receiver.useSecret(secret);
      await waitFor(`the connected line\n${cli.output()}`, () => cli.output().includes('Connected to'));
      await waitFor('the CLI subscribed', () => tidings.listeners() >= 1);

      await publish(tidings.server, app.id, other, { ignored: true });
      const published = await publish(tidings.server, app.id, orders, { orderId: 'o_1', total: 99.5 });
      await waitFor(`one forwarded request\n${cli.output()}`, () => receiver.received.length >= 1);
      const [forwarded] = receiver.received;
      expect(forwarded!.valid).toBe(true);
      expect(receiver.received).toHaveLength(1);
      // The same request a real endpoint got: byte-identical body, the same Standard Webhooks headers.
      const [real] = await endpointReceiver.waitForRequests(1);
      expect(forwarded!.body).toBe(real!.body);
      expect(forwarded!.headers['webhook-id']).toBe(published.event.id);
      expect(Object.keys(forwarded!.headers).filter((h) => h.startsWith('webhook-') || h === 'content-type').sort()).toEqual(
        Object.keys(real!.headers).filter((h) => h.startsWith('webhook-') || h === 'content-type').sort(),
      );
      await waitFor(`the event's line\n${cli.output()}`, () => new RegExp(`order\\.created\\s+${published.event.id}\\s+202\\s+\\d+ms`).test(cli.output()));

      await tidings.restart();
      await waitFor(`the lost line\n${cli.output()}`, () => cli.output().includes('lost; reconnecting'));
      await waitFor(`the reconnected line\n${cli.output()}`, () => cli.output().includes('Reconnected to'), 15_000);
      await waitFor('the CLI subscribed again', () => tidings.listeners() >= 1);
      const after = await publish(tidings.server, app.id, orders, { orderId: 'o_2' });
      await waitFor(`the event after the restart\n${cli.output()}`, () => receiver.received.some((r) => r.headers['webhook-id'] === after.event.id));
      expect(receiver.received.every((r) => r.valid)).toBe(true);

      cli.child.kill('SIGINT');
      expect(await cli.exited).toEqual({ code: 0, signal: null });
    } finally {
      await tidings.stop();
      await receiver.close();
      await endpointReceiver.close();
    }
  });

  it("is package.json's `tidings` command (npx tidings), and refuses a missing --forward-to with exit code 2 and the usage", async () => {
    const help = spawnInRepo('npm', ['exec', '--no', '--', 'tidings', '--help'], tidingsChildEnv({}, false));
    expect(await help.exited).toEqual({ code: 0, signal: null });
    expect(help.output()).toContain('Usage: tidings listen --forward-to <url>');
    const wrong = spawnInRepo(process.execPath, ['src/cli/tidings.js', 'listen', '--token', 'x'], tidingsChildEnv({}, false));
    expect(await wrong.exited).toEqual({ code: 2, signal: null });
    expect(wrong.output()).toMatch(/--forward-to is required[\s\S]*Usage:/);
  });

  it('ends with exit code 1 and the reason when the server refuses the subscription', async () => {
    const tidings = await restartableServer();
    try {
      const app = await createApplication(tidings.server);
      const cli = spawnInRepo(
        process.execPath,
        ['src/cli/tidings.js', 'listen', '--forward-to', 'http://127.0.0.1:9/x', '--types', 'no.such.type', '--url', tidings.url, '--token', app.apiKey],
        tidingsChildEnv({}, false),
      );
      expect(await cli.exited).toEqual({ code: 1, signal: null });
      expect(cli.output()).toMatch(/error: eventTypes: event type "no.such.type" does not exist/);
    } finally {
      await tidings.stop();
    }
  });
});

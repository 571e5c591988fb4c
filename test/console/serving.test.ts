import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHandler } from '../../src/http/console.js';
import { ensureConsoleBuilt } from '../support/browser.js';
import { startTidingsProcess, stopAllTidingsProcesses } from '../support/processes.js';
import { useTestServer, type TestServer } from '../support/server.js';

// The console is served by Tidings itself: its page at / and /portal, its two assets, nothing
// from elsewhere; GraphiQL stays at /graphql; a missing build is answered with how to make it.

describe('serving the console', () => {
  let server: TestServer;
  useTestServer((s) => (server = s));
  beforeAll(async () => {
    await ensureConsoleBuilt();
  });
  afterAll(async () => {
    await stopAllTidingsProcesses();
  });

  it('answers / with the page, which loads only its own script and stylesheet, and /graphql is still GraphiQL', async () => {
    const res = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(references.sort()).toEqual(['/console/app.css', '/console/app.js']);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'.*connect-src 'self'/);
    for (const asset of references) {
      const r = await fetch(`${server.url}${asset}`);
      expect(r.status).toBe(200);
      expect((await r.text()).length).toBeGreaterThan(100);
    }
    expect((await fetch(`${server.url}/console/app.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const graphiql = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toMatch(/graphiql/i);
    expect((await fetch(`${server.url}/`, { method: 'POST' })).status).toBe(405);
  });

  it('says how to build the console when the build is missing, and keeps answering everything else', async () => {
    const missing = path.join(os.tmpdir(), `tidings-no-console-${process.pid}`);
    const handler = consoleHandler({ portalFrameAncestors: [], buildDir: missing });
    const plain = http.createServer((req, res) => {
      if (!handler(req, res, req.url ?? '/')) res.writeHead(404).end('other');
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', () => resolve()));
    try {
      const base = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
      const res = await fetch(`${base}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run console:build');
      expect(fs.existsSync(missing)).toBe(false);
      expect(await (await fetch(`${base}/elsewhere`)).text()).toBe('other');
    } finally {
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });

  it('is served by a Tidings process started as npm start starts it', async () => {
    const tidings = await startTidingsProcess({ TIDINGS_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-console-')) });
    try {
      const res = await fetch(`${tidings.url}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="console">');
    } finally {
      await tidings.stop();
    }
  });
});

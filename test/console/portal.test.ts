import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatePortalSessionDocument, RevokePortalSessionDocument } from '../generated/graphql.js';
import { ensureConsoleBuilt, launchChromium } from '../support/browser.js';
import { publish, setupEndpoint } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

// The application portal (/portal): an expired or revoked link shows nothing but why, and the page
// may be framed only by the origins in TIDINGS_PORTAL_FRAME_ANCESTORS.

/** A page on its own 127.0.0.1 port that frames `src` (the platform's own page, or an intruder's). */
async function framingPage(): Promise<{ origin: string; frame(src: string): string; close(): Promise<void> }> {
  let src = '';
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>platform</title><iframe id="portal" src="${src}" width="1000" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    frame: (url) => ((src = url), `${origin}/`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the application portal', () => {
  let browser: Browser;
  let allowed: Awaited<ReturnType<typeof framingPage>>;
  let intruder: Awaited<ReturnType<typeof framingPage>>;
  let server: TestServer;
  beforeAll(async () => {
    await ensureConsoleBuilt();
    browser = await launchChromium();
    allowed = await framingPage();
    intruder = await framingPage();
    server = await startTestServer({ portalFrameAncestors: [allowed.origin] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await allowed?.close();
    await intruder?.close();
  });

  async function newPage(): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    return page;
  }

  async function portalLink(expiresIn = 600) {
    const { app, type } = await setupEndpoint(server, 'http://127.0.0.1:9/hook');
    const published = await publish(server, app.id, type, { n: 1 });
    const { createPortalSession } = await server.admin.run(CreatePortalSessionDocument, { input: { applicationId: app.id, expiresIn } });
    return { ...createPortalSession, deliveryId: published.deliveries[0]!.id };
  }

  it('answers / with framing forbidden and /portal with frame-ancestors of the allowed origins only', async () => {
    const root = await fetch(`${server.url}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(root.headers.get('x-frame-options')).toBe('DENY');
    const portal = await fetch(`${server.url}/portal`);
    expect(portal.status).toBe(200);
    expect(portal.headers.get('content-security-policy')).toMatch(new RegExp(`; frame-ancestors ${allowed.origin}$`));
    expect(portal.headers.get('x-frame-options')).toBeNull();

    const defaults = await startTestServer();
    try {
      const byDefault = await fetch(`${defaults.url}/portal`);
      expect(byDefault.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(byDefault.headers.get('x-frame-options')).toBe('DENY');
    } finally {
      await defaults.stop();
    }
  });

  it('shows in an iframe of an allowed origin, and refuses to show in one of another origin', async () => {
    const link = await portalLink();
    const page = await newPage();
    try {
      await page.goto(allowed.frame(link.url));
      const framed = page.frameLocator('#portal');
      await framed.getByRole('link', { name: `Delivery ${link.deliveryId}` }).waitFor();

      await page.goto(intruder.frame(link.url));
      await page.locator('#portal').waitFor();
      // Chromium replaces a refused frame by its error page: the console never runs in it.
      const frame = page.frames().find((f) => f !== page.mainFrame());
      await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
      expect(await frame!.locator('#console').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it('shows an expired link nothing but that it expired', async () => {
    let now = Date.now();
    server.app.deps.now = () => now;
    try {
      const link = await portalLink(60);
      now += 61_000;
      const page = await newPage();
      try {
        await page.goto(link.url);
        await page.getByRole('alert').getByText('This portal session has expired').waitFor();
        expect(await page.getByRole('table').count()).toBe(0);
        expect(await page.evaluate(() => sessionStorage.getItem('tidings.token'))).toBeNull();
      } finally {
        await page.context().close();
      }
    } finally {
      server.app.deps.now = Date.now;
    }
  });

  it('stops a signed-in portal at its next request once revoked', async () => {
    const link = await portalLink();
    const page = await newPage();
    try {
      await page.goto(link.url);
      await page.getByRole('link', { name: `Delivery ${link.deliveryId}` }).waitFor();
      await server.admin.run(RevokePortalSessionDocument, { input: { id: link.portalSession.id } });
      await page.getByRole('link', { name: `Delivery ${link.deliveryId}` }).click();
      await page.getByRole('alert').getByText('This portal session was revoked').waitFor();
      expect(await page.getByLabel('Event payload').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });
});

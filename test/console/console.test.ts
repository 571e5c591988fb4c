import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CreatePortalSessionDocument } from '../generated/graphql.js';
import { ensureConsoleBuilt, launchChromium } from '../support/browser.js';
import { createApplication, createEndpoint, createEventType, publish, setupEndpoint } from '../support/fixtures.js';
import type { Receiver } from '../support/receiver.js';
import { TEST_ADMIN_TOKEN, useTestServerAndReceiver, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// The console at / driven in headless Chromium by its labels and roles, as a person uses it.

describe('the console', () => {
  let server: TestServer;
  let receiver: Receiver;
  useTestServerAndReceiver((s, r) => ((server = s), (receiver = r)));

  let browser: Browser;
  let page: Page;
  let elsewhere: string[];
  beforeAll(async () => {
    await ensureConsoleBuilt();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    elsewhere = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith(server.wsUrl)) elsewhere.push(request.url());
    });
    receiver.respond(() => ({ status: 200, body: 'ok' }));
  });
  afterEach(async () => {
    await page?.context().close();
    // The next test counts live subscriptions from zero.
    await waitFor('the closed page to stop listening', () => server.app.deps.live.subscribers === 0);
  });

  async function signIn(token: string) {
    await page.goto(`${server.url}/`);
    await page.getByLabel('Token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Live deliveries' }).waitFor();
  }

  const rowOf = (deliveryId: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: `Delivery ${deliveryId}` }) });

  it('signs in with a token kept in the session only, and shows a published delivery live until it SUCCEEDED', async () => {
    const { app, type } = await setupEndpoint(server, `${receiver.url}/hook`);
    receiver.respond(() => ({ status: 200, body: 'ok', delayMs: 700 }));
    await signIn(TEST_ADMIN_TOKEN);
    expect(await page.evaluate(() => ({ session: sessionStorage.getItem('tidings.token'), local: localStorage.length }))).toEqual({ session: TEST_ADMIN_TOKEN, local: 0 });
    await server.waitForSubscribers(1);

    const published = await publish(server, app.id, type, { orderId: 'o_1' });
    const deliveryId = published.deliveries[0]!.id;
    const row = rowOf(deliveryId);
    await row.waitFor();
    expect(await row.getByRole('cell').nth(2).textContent()).toBe(type);
    await row.getByText('SUCCEEDED').waitFor();
    // The same page all along: a reload would have cleared this marker.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(elsewhere).toEqual([]);
  });

  it('filters by application and status, keeps the filters in the address, and holds changes while paused, counting them', async () => {
    const { app, type } = await setupEndpoint(server, `${receiver.url}/hook`);
    await signIn(TEST_ADMIN_TOKEN);
    await page.getByLabel('Application').fill(app.id);
    await page.getByLabel('Status').selectOption('SUCCEEDED');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No delivery matches these filters yet').waitFor();
    const filtered = page.url();
    expect(new URL(filtered).hash).toBe(`#/deliveries?application=${app.id}&status=SUCCEEDED`);

    // A fresh tab on that address: exactly one live subscription, so the test knows when it listens.
    await page.context().close();
    await waitFor('no subscriber left', () => server.app.deps.live.subscribers === 0);
    page = await (await browser.newContext()).newPage();
    await page.goto(filtered);
    await page.getByLabel('Token').fill(TEST_ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('No delivery matches these filters yet').waitFor();
    expect(await page.getByLabel('Application').inputValue()).toBe(app.id);
    await server.waitForSubscribers(1);

    await page.getByRole('button', { name: 'Pause' }).click();
    const first = await publish(server, app.id, type, { n: 1 });
    await page.getByRole('status', { name: 'Arrived while paused' }).getByText('1 arrived while paused').waitFor();
    expect(await rowOf(first.deliveries[0]!.id).count()).toBe(0);
    await page.getByRole('button', { name: 'Resume' }).click();
    await rowOf(first.deliveries[0]!.id).getByText('SUCCEEDED').waitFor();
    // Only SUCCEEDED changes came through the filter: no PENDING row was shown.
    expect(await page.getByRole('table', { name: 'Deliveries' }).getByText('PENDING').count()).toBe(0);
  });

  it("retries a failed delivery from its page, showing every attempt's status, body and error", async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    await createEndpoint(server, app.id, `${receiver.url}/failing`);
    receiver.respond(() => ({ status: 500, body: 'receiver is down' }));
    await signIn(TEST_ADMIN_TOKEN);
    await server.waitForSubscribers(1);
    const published = await publish(server, app.id, type, { orderId: 'o_9' });
    const deliveryId = published.deliveries[0]!.id;
    await rowOf(deliveryId).getByText('FAILED').waitFor();

    await page.getByRole('link', { name: `Delivery ${deliveryId}` }).click();
    await page.getByRole('heading', { name: `Delivery ${deliveryId}` }).waitFor();
    expect(JSON.parse((await page.getByLabel('Event payload').textContent())!)).toEqual({ orderId: 'o_9' });
    const attempts = page.getByRole('table', { name: 'Attempts' });
    await attempts.getByText('receiver is down').first().waitFor();
    const failedAttempts = await attempts.getByRole('row').count();

    receiver.respond(() => ({ status: 200, body: 'back again' }));
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByLabel('Delivery status').getByText('SUCCEEDED').waitFor();
    await attempts.getByText('back again').waitFor();
    expect(await attempts.getByRole('row').count()).toBe(failedAttempts + 1);
  });

  it("shows the API's message when the token is wrong, and empty states that say what to do", async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel('Token').fill('tdk_app_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The token is not valid').waitFor();

    const app = await createApplication(server);
    await signIn(app.apiKey);
    await page.getByText('No deliveries yet').waitFor();
    await page.getByRole('link', { name: 'Endpoints' }).click();
    await page.getByText('No endpoints yet: create one with').waitFor();
  });

  it('lists endpoints, disables and enables one, and rotates its secret, showing the new one once', async () => {
    const { app } = await setupEndpoint(server, `${receiver.url}/ep`);
    await signIn(app.apiKey);
    await page.getByRole('link', { name: 'Endpoints' }).click();
    await page.getByRole('link', { name: `${receiver.url}/ep` }).click();
    await page.getByLabel('Endpoint state').getByText('enabled').waitFor();
    // Keyboard only: focus the button and press Enter.
    await page.getByRole('button', { name: 'Disable endpoint' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Enable endpoint' }).waitFor();
    await page.getByRole('button', { name: 'Enable endpoint' }).click();
    await page.getByRole('button', { name: 'Disable endpoint' }).waitFor();

    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const secret = await page.getByLabel('New signing secret').textContent();
    expect(secret).toMatch(/^whsec_/);
    await page.reload();
    await page.getByRole('button', { name: 'Rotate secret' }).waitFor();
    expect(await page.getByLabel('New signing secret').count()).toBe(0);
  });

  it('shows the event type catalogue with descriptions and JSON Schemas', async () => {
    const name = await createEventType(server, `invoice${Date.now()}.paid`, { type: 'object', required: ['invoiceId'] });
    await signIn(TEST_ADMIN_TOKEN);
    await page.getByRole('link', { name: 'Event types' }).click();
    const schema = page.getByLabel(`JSON Schema of ${name}`);
    expect(JSON.parse((await schema.textContent())!)).toEqual({ type: 'object', required: ['invoiceId'] });
  });

  it('is readable at phone width: nothing but the tables scrolls sideways', async () => {
    const { app, type } = await setupEndpoint(server, `${receiver.url}/narrow`);
    await publish(server, app.id, type, { n: 1 });
    await page.setViewportSize({ width: 375, height: 700 });
    await signIn(TEST_ADMIN_TOKEN);
    await page.getByRole('table', { name: 'Deliveries' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
  });

  it('gives every control on every page an accessible name', async () => {
    const { app, type } = await setupEndpoint(server, `${receiver.url}/names`);
    const published = await publish(server, app.id, type, { n: 1 });
    await signIn(TEST_ADMIN_TOKEN);
    const nameless = async () =>
      page.locator('button, input, select, textarea, a').evaluateAll((els) =>
        els
          .filter((el) => {
            const labelled = (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
            return !labelled && !(el.textContent ?? '').trim();
          })
          .map((el) => el.outerHTML),
      );
    const { endpoints } = await server.admin.run<{ endpoints: { edges: { node: { id: string } }[] } }, object>(`{ endpoints(applicationId: "${app.id}") { edges { node { id } } } }`);
    for (const hash of ['#/deliveries', `#/deliveries/${published.deliveries[0]!.id}`, '#/endpoints', `#/endpoints/${endpoints.edges[0]!.node.id}`, '#/event-types', '#/statistics', '#/jobs']) {
      await page.goto(`${server.url}/${hash}`);
      await page.locator('main h1').first().waitFor();
      expect({ hash, nameless: await nameless() }).toEqual({ hash, nameless: [] });
    }
  });

  it('opens from a portal link scoped to its application, without sending the token in the URL', async () => {
    const a = await setupEndpoint(server, `${receiver.url}/a`);
    const b = await setupEndpoint(server, `${receiver.url}/b`);
    const ofA = await publish(server, a.app.id, a.type, { n: 1 });
    const ofB = await publish(server, b.app.id, b.type, { n: 2 });
    const { createPortalSession } = await server.admin.run(CreatePortalSessionDocument, { input: { applicationId: a.app.id } });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));

    await page.goto(createPortalSession.url);
    await rowOf(ofA.deliveries[0]!.id).waitFor();
    expect(await rowOf(ofB.deliveries[0]!.id).count()).toBe(0);
    expect(page.url()).not.toContain('token');
    expect(requested.filter((u) => u.includes(createPortalSession.token) || u.includes(encodeURIComponent(createPortalSession.token)))).toEqual([]);
    // Another application's delivery, by its address: not found, as for any other key of A.
    await page.goto(`${server.url}/portal#/deliveries/${ofB.deliveries[0]!.id}`);
    await page.getByText(`Delivery ${ofB.deliveries[0]!.id} was not found`).waitFor();
  });
});

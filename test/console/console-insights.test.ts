import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateEndpointWithOptionsDocument, CreateEventTypeWithExamplesDocument } from '../generated/graphql.js';
import { signInToConsole, useConsolePage } from '../support/browser.js';
import { createApplication, createEndpoint, publish, setupEndpoint, uniqueName } from '../support/fixtures.js';
import type { Receiver } from '../support/receiver.js';
import { TEST_ADMIN_TOKEN, useTestServerAndReceiver, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// The console's pages for endpoint health and settings, test events and request previews, event
// type examples and statistics, driven in headless Chromium by their labels and roles.

describe('the console: health, previews, test events and statistics', () => {
  let server: TestServer;
  let receiver: Receiver;
  // Two failures in a row open the circuit (for long enough to see it); live statistics every 200 ms.
  useTestServerAndReceiver((s, r) => ((server = s), (receiver = r)), { circuitFailures: 2, circuitCooldownMs: 120_000, statsLiveIntervalMs: 200 });

  const currentPage = useConsolePage();
  let page: Page;
  beforeEach(() => {
    page = currentPage();
    receiver.respond(() => ({ status: 200, body: 'ok' }));
  });
  afterEach(async () => {
    // Closed here, before the wait (the shared helper's own close runs after this hook).
    await page.context().close();
    await waitFor('the closed page to stop listening', () => server.app.deps.live.subscribers === 0 && server.app.deps.healthFeed.subscribers === 0);
  });

  const at = (path: string) => receiver.requests.filter((r) => r.path.endsWith(path));

  const signIn = (token: string, hash = '') => signInToConsole(page, server.url, token, hash);

  async function typeWithExamples(examples: unknown[]) {
    const name = uniqueName('order.placed');
    await server.admin.run(CreateEventTypeWithExamplesDocument, { input: { name, examples } });
    return name;
  }

  it("shows an endpoint's health changing live (Healthy, Failing, Circuit open, Disabled) and its delivery settings", async () => {
    const app = await createApplication(server);
    const type = await typeWithExamples([{ orderId: 'o_1' }]);
    const url = `${receiver.url}/health`;
    const { createEndpoint: created } = await server.admin.run(CreateEndpointWithOptionsDocument, {
      input: {
        applicationId: app.id, url, eventTypes: [type], format: 'CLOUDEVENTS_STRUCTURED', channels: ['eu'], headers: [{ name: 'X-Team', value: 'payments' }],
        timeout: '3s', retrySchedule: ['50ms', '50ms', '50ms'], rateLimitPerSecond: 10, ordering: 'FIFO', filter: { total: { $gte: 1 } },
      },
    });
    const endpointId = created.endpoint.id;
    receiver.respond(() => ({ status: 500, body: 'down' }));
    await signIn(app.apiKey, `#/endpoints/${endpointId}`);

    const health = page.getByLabel('Endpoint health');
    expect(await health.getByLabel('Health state').textContent()).toBe('Healthy');
    expect(await health.getByLabel('Consecutive failures').textContent()).toBe('0');
    const settings = page.getByLabel('Delivery settings');
    expect(await settings.getByLabel('Format').textContent()).toBe('CLOUDEVENTS_STRUCTURED');
    expect(await settings.getByLabel('Signature scheme').textContent()).toBe('HMAC_SHA256');
    expect(await settings.getByLabel('Channels').textContent()).toBe('eu');
    expect(JSON.parse((await settings.getByLabel('Filter').textContent())!)).toEqual({ total: { $gte: 1 } });
    expect((await settings.getByLabel('Headers').textContent())!.toLowerCase()).toBe('x-team: payments');
    expect(await settings.getByLabel('Timeout').textContent()).toContain('3');
    expect(await settings.getByLabel('Retry schedule').textContent()).toContain('50ms');
    expect(await settings.getByLabel('Rate limit').textContent()).toBe('10 attempts per second');
    expect(await settings.getByLabel('Ordering').textContent()).toContain('FIFO');
    await waitFor('the page to follow the health feed', () => server.app.deps.healthFeed.subscribers >= 1);

    // A test event goes to the endpoint whatever its channels and filter: its attempts fail.
    await page.getByRole('button', { name: 'Send test event' }).click();
    await health.getByLabel('Health state').getByText('Circuit open').waitFor();
    expect(Number(await health.getByLabel('Consecutive failures').textContent())).toBeGreaterThanOrEqual(2);
    expect(await health.getByLabel('Circuit open until').textContent()).toContain('then one probe attempt');
    // The same page all along.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);

    // The live deliveries page shows the endpoint's health beside its deliveries.
    await page.getByRole('link', { name: 'Live deliveries' }).click();
    await page.getByLabel(`Health of ${url}`).first().getByText('Circuit open').waitFor();

    // And the endpoints list, in its Health column.
    await page.getByRole('link', { name: 'Endpoints' }).click();
    await page.getByRole('row').filter({ has: page.getByRole('link', { name: url }) }).getByText('Circuit open').waitFor();

    await page.goto(`${server.url}/#/endpoints/${endpointId}`);
    await page.getByRole('button', { name: 'Disable endpoint' }).click();
    await health.getByLabel('Health state').getByText('Disabled').waitFor();
    expect(await health.getByLabel('Disabled reason').textContent()).toBe('disabled by hand');
    // Enabling starts the health afresh; the waiting delivery is then attempted, and succeeds.
    receiver.respond(() => ({ status: 200, body: 'back' }));
    await page.getByRole('button', { name: 'Enable endpoint' }).click();
    await health.getByLabel('Health state').getByText('Healthy').waitFor();
  });

  it('sends a test event linking to its delivery, and previews the exact request or says why nothing would be sent', async () => {
    const app = await createApplication(server);
    const listened = await typeWithExamples([{ orderId: 'o_example' }, { orderId: 'o_second' }]);
    const other = await typeWithExamples([{ orderId: 'o_other' }]);
    const url = `${receiver.url}/try`;
    const endpoint = await createEndpoint(server, app.id, url, { eventTypes: [listened] });
    await signIn(TEST_ADMIN_TOKEN, `#/endpoints/${endpoint.id}`);

    // The payload starts as the chosen type's first example.
    const eventType = page.getByLabel('Event type');
    await eventType.selectOption(listened);
    expect(JSON.parse(await page.getByLabel('Payload (JSON)').inputValue())).toEqual({ orderId: 'o_example' });
    await page.getByRole('button', { name: 'Preview request' }).click();
    const preview = page.getByRole('region', { name: 'Request preview' });
    expect(await preview.getByLabel('Preview URL').textContent()).toBe(url);
    const headers = preview.getByRole('table', { name: 'Request headers' });
    await headers.getByRole('cell', { name: 'webhook-signature', exact: true }).waitFor();
    expect(JSON.parse((await preview.getByLabel('Request body').textContent())!)).toMatchObject({ type: listened, data: { orderId: 'o_example' } });

    await page.getByLabel('Payload (JSON)').fill('{"orderId": "o_edited"}');
    await page.getByRole('button', { name: 'Preview request' }).click();
    await preview.getByLabel('Request body').getByText('o_edited').waitFor();
    await page.getByLabel('Payload (JSON)').fill('{not json');
    await page.getByRole('button', { name: 'Preview request' }).click();
    await page.getByRole('alert').getByText('The payload is not valid JSON').waitFor();

    await eventType.selectOption(other);
    expect(JSON.parse(await page.getByLabel('Payload (JSON)').inputValue())).toEqual({ orderId: 'o_other' });
    await page.getByRole('button', { name: 'Preview request' }).click();
    const nothing = await page.getByRole('status', { name: 'Nothing would be sent' }).textContent();
    expect(nothing).toMatch(/^Nothing would be sent: .+/);
    expect(at('/try')).toHaveLength(0);

    // A test event goes to this endpoint even for a type it does not listen to, as a real delivery.
    await page.getByRole('button', { name: 'Send test event' }).click();
    const sent = page.getByRole('status', { name: 'Test event sent' });
    const link = sent.getByRole('link', { name: /^Delivery dlv_/ });
    const deliveryId = (await link.textContent())!.replace('Delivery ', '');
    await link.click();
    await page.getByRole('heading', { name: `Delivery ${deliveryId}` }).waitFor();
    await page.getByLabel('Delivery status').getByText('SUCCEEDED').waitFor();
    expect(JSON.parse((await page.getByLabel('Event payload').textContent())!)).toEqual({ orderId: 'o_other' });
    expect(at('/try').map((r) => JSON.parse(r.body).data)).toEqual([{ orderId: 'o_other' }]);
  });

  it("shows each event type's examples, and what to do when a type has none", async () => {
    const name = await typeWithExamples([{ orderId: 'o_a' }, { orderId: 'o_b', total: 3 }]);
    const bare = await typeWithExamples([]);
    await signIn(TEST_ADMIN_TOKEN, '#/event-types');
    expect(JSON.parse((await page.getByLabel(`Example 1 of ${name}`).textContent())!)).toEqual({ orderId: 'o_a' });
    expect(JSON.parse((await page.getByLabel(`Example 2 of ${name}`).textContent())!)).toEqual({ orderId: 'o_b', total: 3 });
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: bare, exact: true }) });
    await card.getByText('No examples yet: add some with').waitFor();
  });

  it('charts event rate, success rate and latency percentiles per minute, live, with the backlog and a table of the same numbers', async () => {
    const { app, type } = await setupEndpoint(server, `${receiver.url}/stats`);
    const first = await publish(server, app.id, type, { n: 1 });
    await waitFor('the first delivery to succeed', () => at('/stats').length === 1);
    await signIn(TEST_ADMIN_TOKEN, '#/statistics');
    await page.getByLabel('Application').fill(app.id);
    await page.getByLabel('Interval').selectOption('MINUTE');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const summary = page.getByRole('status', { name: 'Summary' });
    await summary.getByText('1 events, 1 attempts').waitFor();
    for (const title of ['Event rate', 'Attempt success rate', 'End-to-end latency', 'Attempt duration']) {
      await page.getByRole('img', { name: title }).waitFor();
    }
    expect(await page.getByRole('img', { name: 'Attempt success rate' }).locator('desc').textContent()).toContain('success 100 %');
    expect(await page.getByLabel('Backlog').getByLabel('Waiting').textContent()).toBe('0');

    // Live: another event arrives in the current minute without reloading.
    await publish(server, app.id, type, { n: 2 });
    await summary.getByText('2 events, 2 attempts').waitFor();
    await page.getByText('The same numbers as a table').click();
    const table = page.getByRole('table', { name: 'Statistics by time' });
    // The two events (or their attempts) may fall in two minutes: the rows add up to the summary.
    const rows = await Promise.all((await table.getByRole('row').all()).slice(1).map((row) => row.getByRole('cell').allTextContents()));
    expect(rows.reduce((sum, cells) => sum + Number(cells[1]), 0)).toBe(2);
    expect(rows.reduce((sum, cells) => sum + Number(cells[3]), 0)).toBe(2);
    for (const cells of rows.filter((c) => c[3] !== '0')) {
      expect(cells[4]).toBe('100 %');
      expect(cells[5]).toMatch(/^\d.* ms \/ .* ms \/ .* ms$/);
    }
    expect(page.url()).toContain('#/statistics');
    expect(first.deliveries).toHaveLength(1);

    // Another application's numbers: none yet, and the page says what to do.
    const other = await createApplication(server);
    await page.getByLabel('Application').fill(other.id);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No events or attempts in this range yet').waitFor();
  });

  it('fits a phone width and names every control on the new pages', async () => {
    const { app, type, endpoint } = await setupEndpoint(server, `${receiver.url}/narrow`);
    await publish(server, app.id, type, { n: 1 });
    await waitFor('the delivery to arrive', () => at('/narrow').length === 1);
    await page.setViewportSize({ width: 375, height: 700 });
    await signIn(TEST_ADMIN_TOKEN);
    for (const hash of [`#/endpoints/${endpoint.id}`, '#/statistics', '#/event-types', '#/jobs']) {
      await page.goto(`${server.url}/${hash}`);
      await page.locator('main h1').first().waitFor();
      if (hash === '#/statistics') await page.getByRole('img', { name: 'Event rate' }).waitFor();
      else if (hash.startsWith('#/endpoints')) await page.getByRole('button', { name: 'Preview request' }).waitFor();
      const state = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        nameless: [...document.querySelectorAll('button, input, select, textarea, a, summary')]
          .filter((el) => !((el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el.textContent ?? '').trim()))
          .map((el) => el.outerHTML),
      }));
      expect({ hash, ...state }).toEqual({ hash, overflow: 0, nameless: [] });
    }
  });
});

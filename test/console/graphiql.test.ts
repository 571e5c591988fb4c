import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GRAPHIQL_DEFAULT_DOCUMENT } from '../../src/graphql/graphiql.js';
import { publish, setupEndpoint } from '../support/fixtures.js';
import type { Receiver } from '../support/receiver.js';
import { TEST_ADMIN_TOKEN, useTestServerAndReceiver, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// The GraphiQL page Tidings serves at /graphql, driven in headless Chromium (Debian's) the way a
// person uses it: set the token once in the Headers tab, run a subscription, watch deliveries.

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('GraphiQL at /graphql', () => {
  let server: TestServer;
  let receiver: Receiver;
  useTestServerAndReceiver((s, r) => ((server = s), (receiver = r)));

  let browser: Browser;
  let page: Page;
  /** Requests the page made to anywhere but this Tidings (it must work offline). */
  let elsewhere: string[];
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    elsewhere = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.url) && !/^(blob|data):/.test(url)) elsewhere.push(url);
    });
  });
  afterEach(async () => {
    await page?.context().close();
  });

  /** Replaces the text of a Monaco editor (the page's editors are all "Editor content" text boxes). */
  async function setEditor(region: string, text: string) {
    const editor = page.getByRole('region', { name: region }).getByRole('textbox', { name: 'Editor content' });
    // Focused, not clicked: Monaco lays its rendered lines over the text box it listens on.
    await editor.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    // insertText, not typing: typed brackets and quotes would be closed a second time by the editor.
    await page.keyboard.insertText(text);
  }

  /** What GraphiQL has taken in from its editors (it saves its tabs as it does; the editors debounce). */
  async function activeTab(): Promise<{ query: string | null; headers: string | null }> {
    const saved = await page.evaluate(() => localStorage.getItem('graphiql:tabState'));
    const state = JSON.parse(saved ?? '{"tabs":[],"activeTabIndex":0}') as { tabs: { query: string | null; headers: string | null }[]; activeTabIndex: number };
    return state.tabs[state.activeTabIndex] ?? { query: null, headers: null };
  }

  /** An editor's text as shown (Monaco renders spaces as no-break spaces). */
  const shownText = async (region: string) => (await page.getByRole('region', { name: region }).innerText()).replace(/\u00a0/g, ' ');

  it('opens on the Tidings example document, which says how to authenticate', async () => {
    await page.goto(server.graphqlUrl);
    await waitFor('the example document in the operation editor', async () => (await shownText('Operation Editor')).includes('{"authorization": "Bearer <token>"}'));
    const shown = (await shownText('Operation Editor')).replace(/\s+/g, ' ');
    for (const line of ['Headers tab', 'query EventTypes', 'subscription LiveDeliveries']) expect(shown).toContain(line);
    expect(GRAPHIQL_DEFAULT_DOCUMENT).toContain('deliveryUpdated');
    expect(elsewhere).toEqual([]);
  });

  it('runs a subscription with the token of the Headers tab and shows each delivery as it arrives', async () => {
    const { app, type } = await setupEndpoint(server, receiver.url);
    await page.goto(server.graphqlUrl);
    await page.getByRole('button', { name: 'Headers' }).click();
    const headers = JSON.stringify({ authorization: `Bearer ${TEST_ADMIN_TOKEN}` });
    const subscription = 'subscription { deliveryUpdated { id status } }';
    await setEditor('Headers', headers);
    await setEditor('Operation Editor', subscription);
    await waitFor('GraphiQL to take in the headers and the subscription', async () => {
      const tab = await activeTab();
      return tab.headers === headers && tab.query === subscription;
    });
    await page.getByRole('button', { name: /^Execute query/ }).click();

    await server.waitForSubscribers(1);
    const { deliveries } = await publish(server, app.id, type, { n: 1 });
    const id = deliveries[0]!.id;
    await waitFor(`delivery ${id} in GraphiQL's result pane`, async () => (await shownText('Result Window')).includes(id));
    expect(await shownText('Result Window')).toContain('"deliveryUpdated"');
    expect(elsewhere).toEqual([]);

    // Stopping it in GraphiQL (the same button) ends the subscription on the server.
    await page.getByRole('button', { name: /^Stop query/ }).click();
    await waitFor(`no live subscription after GraphiQL stopped (live: ${server.app.deps.live.subscribers})`, () => server.app.deps.live.subscribers === 0);
  });
});

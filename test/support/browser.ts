import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { buildConsole } from '../../src/console/build.js';

// Headless Debian Chromium for the console's tests, and the console built from its sources first
// (what `npm install` does), so a test never runs against a stale bundle.

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

let built: Promise<void> | undefined;
export function ensureConsoleBuilt(): Promise<void> {
  built ??= buildConsole();
  return built;
}

/**
 * One Chromium for the enclosing describe (the console built first) and a fresh page for each of
 * its tests; returns the page of the running test.
 */
export function useConsolePage(): () => Page {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    await ensureConsoleBuilt();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await (await browser!.newContext()).newPage();
    page.setDefaultTimeout(10_000);
  });
  afterEach(async () => {
    await page?.context().close();
  });
  return () => page!;
}

/** Signs in on the console at `url` (with an optional `#/…` route) and waits for the page's heading. */
export async function signInToConsole(page: Page, url: string, token: string, hash = ''): Promise<void> {
  await page.goto(`${url}/${hash}`);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('main h1').first().waitFor();
}

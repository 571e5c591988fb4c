import { chromium, type Browser } from 'playwright-core';
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

// Regenerates test/console/screenshot.png, the README's picture of the console, from the real page:
// a Tidings server with a few deliveries (one failing), the console at 1280 px, signed in as admin.
//   npx tsx test/console/screenshot.ts
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureConsoleBuilt, launchChromium } from '../support/browser.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import { startReceiver } from '../support/receiver.js';
import { startTestServer, TEST_ADMIN_TOKEN } from '../support/server.js';
import { waitFor } from '../support/wait.js';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshot.png');

await ensureConsoleBuilt();
const server = await startTestServer();
const ok = await startReceiver();
const failing = await startReceiver(() => ({ status: 503, body: 'maintenance' }));
const browser = await launchChromium();
try {
  const acme = await createApplication(server, 'Acme CRM');
  const globex = await createApplication(server, 'Globex Billing');
  const created = await createEventType(server, 'order.created', { type: 'object', required: ['orderId'] });
  const paid = await createEventType(server, 'invoice.paid');
  await createEndpoint(server, acme.id, ok.url.replace(/\/hook$/, '/acme/webhooks'));
  await createEndpoint(server, globex.id, ok.url.replace(/\/hook$/, '/globex/hooks'));
  await createEndpoint(server, globex.id, failing.url.replace(/\/hook$/, '/globex/legacy'), { eventTypes: ['invoice.*'] });
  const ids: string[] = [];
  for (let i = 1; i <= 4; i++) ids.push(...(await publish(server, acme.id, created, { orderId: `o_${i}`, total: 10 * i })).deliveries.map((d) => d.id));
  ids.push(...(await publish(server, globex.id, paid, { invoiceId: 'inv_7' })).deliveries.map((d) => d.id));
  ids.push(...(await publish(server, globex.id, created, { orderId: 'o_9' })).deliveries.map((d) => d.id));
  await waitFor('every delivery finished', async () => {
    const { deliveries } = await server.admin.run<{ deliveries: { edges: { node: { status: string } }[] } }, object>('{ deliveries(first: 20) { edges { node { status } } } }');
    return deliveries.edges.every((e) => e.node.status === 'SUCCEEDED' || e.node.status === 'FAILED');
  });

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await page.goto(`${server.url}/`);
  await page.getByLabel('Token').fill(TEST_ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('table', { name: 'Deliveries' }).waitFor();
  await page.screenshot({ path: OUT });
  console.log(`wrote ${path.relative(process.cwd(), OUT)} (${ids.length} deliveries)`);
} finally {
  await browser.close();
  await server.stop();
  await ok.close();
  await failing.close();
}

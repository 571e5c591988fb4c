// `npx tsx test/bench/stores.ts`: the same small load on each store, side by side: one Tidings process
// (role all), 1 endpoint, 300 events published 8 at a time; first publish to last arrival.
import { Receiver, Tidings, publishMany, until } from './harness.js';
import { startMongoServer } from '../support/ferretdb.js';
const receiver = await Receiver.start();
const mongo = await startMongoServer();
for (const store of ['sqlite', 'ferretdb']) {
  const env: Record<string, string> = store === 'ferretdb' ? { MONGODB_URI: mongo.uri, TIDINGS_MONGODB_DB: 'side' } : {};
  const t = await Tidings.start({ env });
  const app = await t.setup([`${receiver.origin}/ok/${store}`]);
  await receiver.stats({ reset: true });
  const N = 300;
  const started = Date.now();
  await publishMany(t, app.applicationId, N, 8);
  await until('all delivered', async () => (await receiver.count()) >= N, 600_000, 50);
  console.log(`${store}: ${N} deliveries in ${Date.now() - started} ms = ${(N / ((Date.now() - started) / 1000)).toFixed(1)} deliveries/s`);
  await t.stop();
}
receiver.stop();
await mongo.destroy();

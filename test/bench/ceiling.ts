// The loopback ceiling, run in its own process: undici Pool POSTs of a Tidings-sized body to the
// benchmark receiver, with the worker's concurrency. Prints one JSON line: { count, seconds, perSecond }.
import { Pool } from 'undici';

const [origin, countArg, concurrencyArg, bodySizeArg] = process.argv.slice(2);
const count = Number(countArg);
const concurrency = Number(concurrencyArg);
const pad = 'x'.repeat(Math.max(0, Number(bodySizeArg) - 120));
const pool = new Pool(origin!, { connections: concurrency, pipelining: 1 });

let next = 0;
async function lane(): Promise<void> {
  while (next < count) {
    const seq = next++;
    const body = JSON.stringify({ id: `evt_${seq}`, type: 'bench.event', timestamp: new Date().toISOString(), data: { sentAt: Date.now(), seq, pad } });
    const res = await pool.request({
      path: '/ceiling/0',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': `evt_${seq}`, 'webhook-timestamp': '0', 'webhook-signature': 'v1,' + 'A'.repeat(44) },
      body,
    });
    await res.body.dump();
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, lane));
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ count, seconds, perSecond: count / seconds }));
await pool.close();

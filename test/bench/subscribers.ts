// Live-feed subscribers for scenario 5, run in their own process (forked by bench.ts, several at
// once): `count` graphql-ws clients of `url`, each subscribed to deliveryUpdated. With thousands of
// clients in the benchmark's own process, the driver's parsing competed with Tidings for the same
// 2 cores and the driver, not Tidings, set the lag. Answers the parent's IPC questions:
// { cmd: 'stats' } → { received, reached, rssMb, idleRssMb, cpuMs }, { cmd: 'measure' } starts recording lags,
// { cmd: 'lags' } → { lags }, { cmd: 'dispose' } closes every client → { disposed: true }.
import fs from 'node:fs';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

const [url, countArg, token] = process.argv.slice(2);
const count = Number(countArg);
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) / 1024;

let received = 0;
let reached = 0; // clients that have had at least one message (so are surely subscribed)
let measuring = false;
const lags: number[] = [];
const idleRssMb = rssMb();
const clients: Client[] = [];

for (let i = 0; i < count; i++) {
  const client = createClient({ url: url!, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false });
  clients.push(client);
  let first = true;
  client.subscribe<{ deliveryUpdated: { updatedAt: string } }>(
    { query: 'subscription { deliveryUpdated { id status updatedAt } }' },
    {
      next: (msg) => {
        received++;
        if (first) (first = false), reached++;
        if (measuring) lags.push(Date.now() - Date.parse(msg.data!.deliveryUpdated.updatedAt));
      },
      error: (err) => process.send!({ error: String((err as Error)?.message ?? (err as CloseEvent)?.reason ?? err) }),
      complete: () => {},
    },
  );
}

process.on('message', async (msg: { cmd: string; id: number }) => {
  const answer = (body: object) => process.send!({ id: msg.id, ...body });
  if (msg.cmd === 'stats') answer({ received, reached, rssMb: rssMb(), idleRssMb, cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000 });
  else if (msg.cmd === 'measure') (measuring = true), answer({});
  else if (msg.cmd === 'lags') answer({ lags });
  else if (msg.cmd === 'dispose') {
    await Promise.all(clients.map((c) => c.dispose()));
    answer({ disposed: true });
  }
});
process.send!({ started: true });

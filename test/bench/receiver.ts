// Benchmark receiver, run in its own process (forked by bench.ts): plain node:http answering 200,
// or holding `/slow/...` requests until the sender gives up. It measures what arrives and answers
// the parent's IPC questions ({ cmd: 'stats' | 'reset' }).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface PathStats {
  count: number;
  latencies: number[];
  firstAt: number;
  lastAt: number;
  open: number;
  maxOpen: number;
}

let stats = new Map<string, PathStats>();
const statsFor = (key: string) => {
  let s = stats.get(key);
  if (!s) stats.set(key, (s = { count: 0, latencies: [], firstAt: 0, lastAt: 0, open: 0, maxOpen: 0 }));
  return s;
};

const server = http.createServer((req, res) => {
  const key = (req.url ?? '/').split('/').slice(0, 3).join('/');
  const s = statsFor(key);
  s.open++;
  s.maxOpen = Math.max(s.maxOpen, s.open);
  res.on('close', () => s.open--);
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const now = Date.now();
    if (key.startsWith('/slow')) return; // held until the sender times out and closes
    s.count++;
    if (!s.firstAt) s.firstAt = now;
    s.lastAt = now;
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: { sentAt?: number } };
      if (typeof body.data?.sentAt === 'number') s.latencies.push(now - body.data.sentAt);
    } catch {
      // not a Tidings body (the ceiling run sends the same shape, so this is rare)
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
});
server.keepAliveTimeout = 60_000;

server.listen(0, '127.0.0.1', () => {
  process.send!({ ready: true, port: (server.address() as AddressInfo).port });
});

process.on('message', (msg: { cmd: string; id: number; withLatencies?: boolean }) => {
  if (msg.cmd === 'reset') stats = new Map();
  const snapshot = Object.fromEntries(
    [...stats].map(([k, s]) => [k, { ...s, latencies: msg.withLatencies ? s.latencies : [] }]),
  );
  process.send!({ id: msg.id, stats: snapshot });
});
process.on('disconnect', () => process.exit(0));

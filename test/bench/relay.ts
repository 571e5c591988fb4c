// The benchmark's second baseline: a minimal durable webhook relay, the least a Node service must
// do per webhook, written as plainly as possible. Forked by bench.ts with the receiver's URL and a
// data folder; it answers with its port over IPC.
//   POST /events {type, payload} → committed to SQLite (WAL, synchronous=FULL: on disk before the
//   202), with every request of one event-loop turn in one transaction (group commit) → POSTed to
//   the receiver with undici, 64 connections → the outcome (status, attempts) recorded, again
//   group-committed. No tenants, schema validation, signing, retries, leases or live feed: what is
//   left is the durable-relay floor that Tidings' end-to-end rate is compared with.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Pool } from 'undici';

const [target, dataDir] = process.argv.slice(2) as [string, string];
const url = new URL(target);
const db = new Database(path.join(dataDir, 'relay.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY, body TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, response_status INTEGER)');
const insert = db.prepare("INSERT INTO messages (body, status) VALUES (?, 'pending')");
const settle = db.prepare('UPDATE messages SET status = ?, attempts = attempts + 1, response_status = ? WHERE id = ?');

interface Accepted { body: string; res: http.ServerResponse }
interface Outcome { id: number; ok: boolean; status: number | null }
let accepted: Accepted[] = [];
let outcomes: Outcome[] = [];
let flushing = false;

// One transaction per event-loop turn for everything that arrived or finished meanwhile.
const commit = db.transaction((batch: Accepted[], settled: Outcome[]) => {
  const ids = batch.map((a) => Number(insert.run(a.body).lastInsertRowid));
  for (const o of settled) settle.run(o.ok ? 'succeeded' : 'failed', o.status, o.id);
  return ids;
});

function scheduleFlush(): void {
  if (flushing) return;
  flushing = true;
  setImmediate(() => {
    flushing = false;
    const batch = accepted;
    const settled = outcomes;
    accepted = [];
    outcomes = [];
    const ids = commit(batch, settled);
    batch.forEach((a, i) => {
      a.res.writeHead(202, { 'content-type': 'application/json' }).end(`{"id":${ids[i]}}`);
      queue.push({ id: ids[i]!, body: a.body });
    });
    pump();
  });
}

const pool = new Pool(url.origin, { connections: 64 });
const queue: { id: number; body: string }[] = [];
let inFlight = 0;

function pump(): void {
  while (inFlight < 64 && queue.length > 0) {
    const message = queue.shift()!;
    inFlight++;
    pool
      .request({ path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json' }, body: message.body })
      .then(async (res) => {
        await res.body.dump();
        return { id: message.id, ok: res.statusCode >= 200 && res.statusCode < 300, status: res.statusCode };
      })
      .catch(() => ({ id: message.id, ok: false, status: null }))
      .then((outcome) => {
        inFlight--;
        outcomes.push(outcome);
        scheduleFlush();
        pump();
      });
  }
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string; payload: unknown };
    accepted.push({ body: JSON.stringify({ type: event.type, timestamp: new Date().toISOString(), data: event.payload }), res });
    scheduleFlush();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => process.exit(0));

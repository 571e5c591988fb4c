import http from 'node:http';
import { afterEach } from 'vitest';
import type { AddressInfo } from 'node:net';
import { waitFor } from './wait.js';

// A real webhook receiver on 127.0.0.1 that records every request and answers as told.

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Hold the response this long before answering (to provoke timeouts). */
  delayMs?: number;
}

/** Decides the reply to the n-th request (1-based). */
export type Responder = (request: ReceivedRequest, n: number) => Reply;

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  respond(responder: Responder): void;
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export const alwaysOk: Responder = () => ({ status: 200, body: 'ok' });

export async function startReceiver(responder: Responder = alwaysOk): Promise<Receiver> {
  let current = responder;
  const requests: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
      };
      requests.push(request);
      const reply = current(request, requests.length);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers }).end(reply.body ?? '');
      };
      if (reply.delayMs) {
        const timer = setTimeout(() => (timers.delete(timer), send()), reply.delayMs);
        timers.add(timer);
      } else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    respond: (r) => (current = r),
    waitForRequests: (count, timeoutMs = 10_000) =>
      waitFor(`${count} request(s) at the receiver (got ${requests.length})`, () => requests.length >= count && requests.slice(), timeoutMs),
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A startReceiver for one test file whose receivers are closed after each test. */
export function receiversClosedAfterEach(): typeof startReceiver {
  const open: Receiver[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
  });
  return async (...args) => {
    const r = await startReceiver(...args);
    open.push(r);
    return r;
  };
}

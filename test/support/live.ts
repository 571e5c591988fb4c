import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from './wait.js';

// Live feed clients for tests: a real graphql-ws client over WebSocket, and a GraphQL-over-SSE
// reader over fetch. Both collect messages and let a test wait for one that matches.

export interface Feed<R> {
  messages: R[];
  errors: unknown[];
  /** Waits for a message matching `predicate` and returns it. */
  next(what: string, predicate: (message: R) => boolean, timeoutMs?: number): Promise<R>;
  close(): Promise<void>;
}

export function wsClient(url: string, token: string | undefined): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** Subscribes over graphql-ws; resolves once the server acknowledged the connection. */
export async function subscribeWs<R, V>(url: string, token: string | undefined, doc: TypedDocumentNode<R, V>, variables?: V): Promise<Feed<R> & { client: Client; completed: Promise<void> }> {
  const client = wsClient(url, token);
  const messages: R[] = [];
  const errors: unknown[] = [];
  let complete!: () => void;
  const completed = new Promise<void>((resolve) => (complete = resolve));
  const acked = new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('closed', (event) => reject(Object.assign(new Error(`closed ${(event as { code?: number }).code}`), { event })));
  });
  const unsubscribe = client.subscribe<R>(
    { query: print(doc), variables: variables as Record<string, unknown> },
    {
      next: (value) => (value.errors ? errors.push(...value.errors) : messages.push(value.data as R)),
      error: (err) => errors.push(err),
      complete: () => complete(),
    },
  );
  await acked;
  return {
    client,
    completed,
    messages,
    errors,
    next: (what, predicate, timeoutMs) => waitFor(`${what} over WebSocket (got ${messages.length} messages, errors ${JSON.stringify(errors)})`, () => messages.find(predicate), timeoutMs),
    close: async () => {
      unsubscribe();
      await client.dispose();
    },
  };
}

/** Subscribes over SSE (GraphQL over SSE, distinct connections mode). */
export async function subscribeSse<R, V>(url: string, token: string | undefined, doc: TypedDocumentNode<R, V>, variables?: V): Promise<Feed<R> & { status: number; ended: Promise<void> }> {
  const controller = new AbortController();
  const res = await fetch(url, {
    method: 'POST',
    signal: controller.signal,
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: print(doc), variables }),
  });
  const messages: R[] = [];
  const errors: unknown[] = [];
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (!data) continue;
          const payload = JSON.parse(data) as { data?: R; errors?: unknown[] };
          if (payload.errors) errors.push(...payload.errors);
          else if (payload.data) messages.push(payload.data);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    status: res.status,
    /** Resolves when the stream ends (the server completed it, or close()). */
    ended: reading,
    messages,
    errors,
    next: (what, predicate, timeoutMs) => waitFor(`${what} over SSE (got ${messages.length} messages, errors ${JSON.stringify(errors)})`, () => messages.find(predicate), timeoutMs),
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}

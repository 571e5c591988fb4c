import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { prepareRequest } from '../delivery/prepare.js';
import { ENDPOINT_DEFAULTS } from '../domain/endpoint-defaults.js';
import { generateSecret } from '../delivery/signing.js';
import type { EndpointRecord, EventRecord } from '../domain/records.js';
import type { ListenOptions } from './config.js';

// `tidings listen`: follows the eventPublished subscription of a Tidings server and forwards each
// event to a local URL as the exact request an endpoint would receive: the same body and Standard
// Webhooks headers, built by the worker's own prepare stage, signed with a secret made at start.
// The CLI makes the request, not the server, so a local (loopback) receiver is fine here.

export const EVENT_PUBLISHED = `subscription TidingsListen($filter: EventPublishedFilter) {
  eventPublished(filter: $filter) { id type payload createdAt application { id } }
}`;

interface PublishedEvent {
  id: string;
  type: string;
  payload: unknown;
  createdAt: string;
  application: { id: string };
}

/** How long the local receiver may take to answer one request. */
const FORWARD_TIMEOUT_MS = 15_000;

/** The event as the worker knows it: its payload is the stored JSON text (JSON.stringify of the value gives it back exactly). */
function toRecord(e: PublishedEvent): EventRecord {
  return { id: e.id, applicationId: e.application.id, type: e.type, payload: JSON.stringify(e.payload), idempotencyKey: null, createdAt: Date.parse(e.createdAt), channels: [], testEndpointId: null };
}

/** The local receiver as an endpoint of the default format, signed with the secret made at start. */
function localEndpoint(url: string, secret: string, applicationId: string): EndpointRecord {
  return {
    id: 'ep_listen', applicationId, url, description: null, eventTypes: ['*'], enabled: true, secrets: [{ secret, expiresAt: null }],
    createdAt: 0, updatedAt: 0, deletedAt: null, ...ENDPOINT_DEFAULTS,
  };
}

/** Sends one event to the local URL; resolves with the status (or the error) and the duration. */
async function forward(url: string, secret: string, event: EventRecord): Promise<{ status: number | string; durationMs: number }> {
  const prepared = await prepareRequest({ event, endpoint: localEndpoint(url, secret, event.applicationId), delivery: { id: 'listen', attempt: 1 }, installation: 'tidings' }, Date.now());
  // The default format has no converter that could fail.
  if (!prepared.ok) return { status: `error: ${prepared.error}`, durationMs: 0 };
  const { body, headers } = prepared.request;
  const started = performance.now();
  try {
    const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS) });
    await res.arrayBuffer();
    return { status: res.status, durationMs: Math.round(performance.now() - started) };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { status: `error: ${cause?.code ?? cause?.message ?? (err as Error).message}`, durationMs: Math.round(performance.now() - started) };
  }
}

export interface Listener {
  secret: string;
  stop(): Promise<void>;
}

/** Starts listening; `print` gets every line the command shows. */
export function listen(options: ListenOptions, print: (line: string) => void, onRefused: (reason: string) => void = () => {}): Listener {
  const secret = generateSecret();
  const wsUrl = `${options.serverUrl.replace(/^http/, 'ws')}/graphql`;
  print(`Forwarding events to ${options.forwardTo}`);
  print(`Signing secret (new at each start; verify with it): ${secret}`);

  let connectedBefore = false;
  let wasConnected = false;
  let stopping = false;
  const client: Client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${options.token}` },
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Every drop is retried (the server restarting included), at most every 2 seconds.
    shouldRetry: () => !stopping,
    retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** retries, 2000))),
    on: {
      connected: () => {
        print(connectedBefore ? `Reconnected to ${options.serverUrl}` : `Connected to ${options.serverUrl}, waiting for events (Ctrl-C to stop)`);
        connectedBefore = true;
        wasConnected = true;
      },
      closed: (event) => {
        if (stopping) return;
        const code = (event as { code?: number }).code;
        if (code === 4403) print('The server refused the token (4403 Forbidden); retrying');
        else if (wasConnected) print(`Connection to ${options.serverUrl} lost; reconnecting…`);
        wasConnected = false;
      },
    },
  });

  const filter = { applicationId: options.applicationId, eventTypes: options.eventTypes };
  const unsubscribe = client.subscribe<{ eventPublished: PublishedEvent }>(
    { query: EVENT_PUBLISHED, variables: { filter } },
    {
      next: (message) => {
        if (message.errors?.length) {
          const reason = message.errors.map((e) => e.message).join('; ');
          print(`error: ${reason}`);
          // Errors without an event: the server refused the subscription itself; no retry helps.
          if (!message.data) onRefused(reason);
          return;
        }
        const event = message.data?.eventPublished;
        if (!event) return;
        void forward(options.forwardTo, secret, toRecord(event)).then(({ status, durationMs }) =>
          print(`${new Date().toISOString()}  ${event.type}  ${event.id}  ${status}  ${durationMs}ms`),
        );
      },
      // Dropped connections are retried above; what reaches here is the server refusing the
      // subscription itself (an unknown event type, another tenant's application): no retry helps.
      error: (err) => {
        if (stopping) return;
        const reason = Array.isArray(err) ? err.map((e) => (e as Error).message).join('; ') : ((err as Error).message ?? String(err));
        print(`error: ${reason}`);
        onRefused(reason);
      },
      complete: () => {},
    },
  );

  return {
    secret,
    async stop() {
      stopping = true;
      unsubscribe();
      await client.dispose();
    },
  };
}

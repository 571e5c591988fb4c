import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { toJson, type FuzzRequest } from './generate.js';

// Sends a generated request the way it says (POST, GET, graphql-ws, SSE) and keeps what came back,
// as text, for the checks.

export interface Answer {
  /** HTTP status; for graphql-ws, 101 when the socket opened. */
  status: number;
  /** Every body, frame or message received, as text. */
  text: string;
  /** The GraphQL results (one for HTTP; each message for subscriptions). */
  results: { data?: unknown; errors?: { message?: string; extensions?: { code?: string } }[] }[];
  /** graphql-ws close code, when the server closed the socket. */
  closeCode?: number;
}

/** How long a subscription is listened to: long enough for an immediate error or first message. */
const LISTEN_MS = 250;

function parseResults(text: string): Answer['results'] {
  try {
    const parsed = JSON.parse(text) as Answer['results'][number];
    return parsed && typeof parsed === 'object' ? [parsed] : [];
  } catch {
    return [];
  }
}

function authHeader(token: string | undefined): Record<string, string> {
  return token === undefined ? {} : { authorization: `Bearer ${token}` };
}

async function sendHttp(url: string, req: FuzzRequest, token: string | undefined): Promise<Answer> {
  const headers = { accept: 'application/graphql-response+json, application/json', ...authHeader(token) };
  let res: Response;
  if (req.transport === 'get') {
    const params = new URLSearchParams({ query: req.query });
    if (Object.keys(req.variables).length) params.set('variables', toJson(req.variables));
    res = await fetch(`${url}?${params}`, { headers });
  } else {
    res = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: toJson({ query: req.query, variables: req.variables }) });
  }
  const text = await res.text();
  return { status: res.status, text, results: parseResults(text) };
}

async function sendSse(url: string, req: FuzzRequest, token: string | undefined): Promise<Answer> {
  const controller = new AbortController();
  const res = await fetch(url, {
    method: 'POST',
    signal: controller.signal,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...authHeader(token) },
    body: toJson({ query: req.query, variables: req.variables }),
  });
  let text = '';
  const results: Answer['results'] = [];
  const timer = setTimeout(() => controller.abort(), LISTEN_MS);
  try {
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      if (results.length === 0 && /\n\n/.test(text)) {
        // One message (or the error answer) is enough.
        const blocks = text.split('\n\n');
        for (const block of blocks) {
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (data) results.push(...parseResults(data));
        }
        if (results.length) break;
      }
    }
  } catch {
    // aborted after LISTEN_MS: nothing came, which is fine for a valid subscription.
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  if (!res.headers.get('content-type')?.includes('text/event-stream')) results.push(...parseResults(text));
  return { status: res.status, text, results };
}

async function sendWs(wsUrl: string, req: FuzzRequest, token: string | undefined): Promise<Answer> {
  const frames: string[] = [];
  const results: Answer['results'] = [];
  let closeCode: number | undefined;
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: token === undefined ? {} : { authorization: `Bearer ${token}` },
    on: { message: (m) => void frames.push(JSON.stringify(m)), closed: (e) => void (closeCode = (e as { code?: number }).code) },
  });
  const closed = (err: unknown) => {
    // graphql-ws reports a socket the server closed (4403 for a refused token) as a CloseEvent.
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code === 'number') closeCode = code;
    else throw err;
  };
  await new Promise<void>((resolve) => {
    const timer = setTimeout(finish, LISTEN_MS);
    const unsubscribe = client.subscribe(
      { query: req.query, variables: JSON.parse(toJson(req.variables)) as Record<string, unknown> },
      {
        next: (value) => (results.push(value as Answer['results'][number]), finish()),
        error: (err) => {
          // A list of GraphQL errors (the operation failed) or a close event.
          if (Array.isArray(err)) results.push({ errors: err as Answer['results'][number]['errors'] });
          else closed(err);
          finish();
        },
        complete: finish,
      },
    );
    function finish() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
  await Promise.resolve(client.dispose()).catch(closed);
  return { status: 101, text: frames.join('\n'), results, closeCode };
}

export function send(target: { graphqlUrl: string; wsUrl: string }, req: FuzzRequest, token: string | undefined): Promise<Answer> {
  // graphql-ws's client serialises variables with JSON.stringify, which overflows the stack on
  // values nested thousands deep: those go over SSE (the same subscription path on the server).
  if (req.transport === 'ws' && stringifies(JSON.parse(toJson(req.variables)))) return sendWs(target.wsUrl, req, token);
  if (req.transport === 'ws') return sendSse(target.graphqlUrl, req, token);
  if (req.transport === 'sse') return sendSse(target.graphqlUrl, req, token);
  return sendHttp(target.graphqlUrl, req, token);
}

function stringifies(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

import { describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { TEST_ADMIN_TOKEN, type TestServer, useTestServer } from '../support/server.js';

// A graphql-ws subscription that is not a valid document is answered on the socket with an
// `error` message carrying GraphQL errors with a code, as over HTTP; the socket stays open.

type Outcome = { errors?: { message: string; extensions?: { code?: string } }[]; closed?: number; data?: unknown };

function subscribeOnce(client: Client, query: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const unsubscribe = client.subscribe(
      { query },
      {
        next: (value) => (unsubscribe(), resolve({ data: value.data, errors: value.errors as Outcome['errors'] })),
        error: (err) => resolve(Array.isArray(err) ? { errors: err as Outcome['errors'] } : { closed: (err as { code?: number }).code }),
        complete: () => resolve({}),
      },
    );
  });
}

describe('graphql-ws error answers', () => {
  let server: TestServer;
  useTestServer((s) => (server = s));

  const connect = () => createClient({ url: server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });

  it.each([
    ['a syntax error', 'subscription { eventPublished {'],
    ['more tokens than TIDINGS_GRAPHQL_MAX_TOKENS', `subscription { eventPublished(filter: { eventTypes: ${'['.repeat(3000)}${']'.repeat(3000)} }) { id } }`],
    ['lists nested too deeply to parse', `subscription { eventPublished(filter: { eventTypes: ${'['.repeat(2400)}${']'.repeat(2400)} }) { id } }`],
  ])('a document with %s is GRAPHQL_PARSE_FAILED on the socket, which stays open', async (_what, query) => {
    const client = connect();
    try {
      const outcome = await subscribeOnce(client, query);
      expect(outcome.closed, 'the server closed the socket instead of answering').toBeUndefined();
      expect(outcome.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_PARSE_FAILED']);
      // The same socket still answers: an invalid field is a validation error, not a closed socket.
      const next = await subscribeOnce(client, 'subscription { noSuchField }');
      expect(next.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await client.dispose();
    }
  });
});

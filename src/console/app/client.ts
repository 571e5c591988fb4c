import { Client, CombinedError, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { createContext } from 'preact';

// One urql client per signed-in token: queries and mutations over HTTP POST, subscriptions over
// graphql-ws on the same /graphql path, exactly as any API client uses Tidings.

export const GRAPHQL_PATH = '/graphql';

export interface ConsoleConnection {
  client: Client;
  /** Calls `listener` each time the WebSocket (re)connects, e.g. after the server restarted; returns how to stop. */
  onReconnected(listener: () => void): () => void;
  close(): void;
}

export function createConsoleClient(token: string): ConsoleConnection {
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_PATH}`;
  const ws = createWsClient({
    url: wsUrl,
    connectionParams: { authorization: `Bearer ${token}` },
    // The browser keeps trying while the server restarts; the table catches up on reconnect.
    retryAttempts: Infinity,
    shouldRetry: () => true,
  });
  const client = new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ query: request.query ?? '', variables: request.variables ?? {} }, sink as never) }),
        }),
      }),
    ],
  });
  let connections = 0;
  const listeners = new Set<() => void>();
  ws.on('connected', () => {
    if (connections++ > 0) for (const listener of listeners) listener();
  });
  return {
    client,
    onReconnected: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    close: () => void ws.dispose(),
  };
}

/** The API's own message for a failed operation (the first GraphQL error), or the network failure. */
export function errorMessage(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  const first = error.graphQLErrors[0];
  if (first) return first.message;
  return error.networkError ? `Tidings cannot be reached: ${error.networkError.message}` : error.message;
}

/** The API's error code (extensions.code) of a failed operation. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  return error?.graphQLErrors[0]?.extensions?.code as string | undefined;
}

/** The signed-in connection, for pages that catch up after a reconnection. */
export const ConnectionContext = createContext<ConsoleConnection | undefined>(undefined);

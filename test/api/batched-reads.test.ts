import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/ports.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import { useTestServer, type TestServer } from '../support/server.js';

// Nested fields are read in batches: a page of deliveries with their endpoint, event, application
// and attempts costs the same few store reads whatever the page size.

const PAGE = `query Page($first: Int) {
  deliveries(first: $first) {
    edges { node { id endpoint { url } event { type application { name } } attempts { number } } }
  }
}`;

/** Counts the API's store calls by method while `run` goes (the worker has its own handle on the store). */
async function storeCalls(server: TestServer, run: () => Promise<unknown>): Promise<Record<string, number>> {
  const deps = server.app.deps;
  const real = deps.store;
  const calls: Record<string, number> = {};
  deps.store = new Proxy(real, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(property)] = (calls[String(property)] ?? 0) + 1;
        return value.apply(target, args);
      };
    },
  }) as Store;
  try {
    await run();
  } finally {
    deps.store = real;
  }
  return calls;
}

describe('batched nested reads', () => {
  let server: TestServer;
  // No worker: the deliveries stay as published and nothing else reads the store meanwhile.
  useTestServer((started) => (server = started), { runWorker: false });

  it('serves a page of 100 deliveries with endpoint, event, application and attempts in as many store reads as a page of 10', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    for (let i = 0; i < 10; i++) await createEndpoint(server, app.id, `http://127.0.0.1:9/hook-${i}`);
    for (let i = 0; i < 10; i++) await publish(server, app.id, type, { n: i });

    let page: { deliveries: { edges: { node: { endpoint: { url: string }; event: { type: string; application: { name: string } } } }[] } } | undefined;
    const big = await storeCalls(server, async () => (page = await server.admin.run(PAGE, { first: 100 })));
    expect(page!.deliveries.edges).toHaveLength(100);
    expect(new Set(page!.deliveries.edges.map((e) => e.node.endpoint.url)).size).toBe(10);
    expect(page!.deliveries.edges.every((e) => e.node.event.type === type)).toBe(true);

    const small = await storeCalls(server, () => server.admin.run(PAGE, { first: 10 }));
    expect(big).toEqual({ listDeliveries: 1, findEndpoints: 1, findEvents: 1, findApplications: 1, listAttemptsOf: 1 });
    expect(small).toEqual(big);
  });
});

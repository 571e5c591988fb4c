import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationsPageDocument, DeliveriesPageDocument, EndpointsDocument, EventDeliveriesPageDocument, EventsPageDocument,
  type ApplicationsPageQuery, type DeliveriesPageQuery, type EventDeliveriesPageQuery, type EventsPageQuery,
} from '../generated/graphql.js';
import { createApplication, createEndpoint, createEventType, publish } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

type Connection =
  | ApplicationsPageQuery['applications']
  | EventsPageQuery['events']
  | DeliveriesPageQuery['deliveries']
  | NonNullable<EventDeliveriesPageQuery['event']>['deliveries'];

interface PageRead {
  ids: string[];
  hasNextPage: boolean;
  endCursor: string | null | undefined;
}

function pageOf(connection: Connection): PageRead {
  const ids = connection.edges.map((e) => e.node.id);
  // Each edge has its own cursor, and the page cursors bracket the page.
  expect(new Set(connection.edges.map((e) => e.cursor)).size).toBe(ids.length);
  expect(connection.pageInfo.startCursor ?? undefined).toBe(connection.edges[0]?.cursor);
  expect(connection.pageInfo.endCursor ?? undefined).toBe(connection.edges.at(-1)?.cursor);
  expect(connection.pageInfo.hasPreviousPage).toBe(false);
  return { ids, hasNextPage: connection.pageInfo.hasNextPage, endCursor: connection.pageInfo.endCursor };
}

/** Reads every page of `size` records, checking hasNextPage on each, and returns them in order with the page sizes. */
async function readAll(read: (first: number, after?: string) => Promise<PageRead>, size: number) {
  const pages: string[][] = [];
  let after: string | undefined;
  for (;;) {
    const page = await read(size, after);
    pages.push(page.ids);
    if (!page.hasNextPage) break;
    expect(page.ids, 'a page that says more follow is full').toHaveLength(size);
    expect(page.endCursor).toBeTruthy();
    after = page.endCursor!;
    if (pages.length > 1000) throw new Error('pagination does not end');
  }
  return { ids: pages.flat(), pageSizes: pages.map((p) => p.length) };
}

describe('pagination', () => {
  let server: TestServer;
  beforeAll(async () => {
    // No worker: these tests read lists, and the endpoints point at hosts that are never called.
    server = await startTestServer({ runWorker: false });
  });
  afterAll(async () => {
    await server.stop();
  });

  const applicationsPage = async (first: number, after?: string) =>
    pageOf((await server.admin.run(ApplicationsPageDocument, { first, after })).applications);
  const eventsPage = (applicationId: string) => async (first: number, after?: string) =>
    pageOf((await server.admin.run(EventsPageDocument, { applicationId, first, after })).events);
  const deliveriesPage = (filter: Record<string, unknown>) => async (first: number, after?: string) =>
    pageOf((await server.admin.run(DeliveriesPageDocument, { filter, first, after })).deliveries);
  const eventDeliveriesPage = (id: string) => async (first: number, after?: string) =>
    pageOf((await server.admin.run(EventDeliveriesPageDocument, { id, first, after })).event!.deliveries);

  it('applications page newest first over several pages, without overlap or gaps', async () => {
    const existing = (await readAll(applicationsPage, 100)).ids;
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await createApplication(server)).id);
    const { ids, pageSizes } = await readAll(applicationsPage, 3);
    expect(pageSizes.slice(0, 2)).toEqual([3, 3]);
    expect(ids).toEqual([...[...created].reverse(), ...existing]);
  });

  it('a page that ends exactly at the last record says no page follows', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    for (let i = 0; i < 4; i++) await publish(server, app.id, type, { i });
    const first = await eventsPage(app.id)(2);
    expect(first.hasNextPage).toBe(true);
    const second = await eventsPage(app.id)(2, first.endCursor!);
    expect(second.ids).toHaveLength(2);
    expect(second.hasNextPage).toBe(false);
    const beyond = await eventsPage(app.id)(2, second.endCursor!);
    expect(beyond).toEqual({ ids: [], hasNextPage: false, endCursor: null });
  });

  it('events page newest first over several pages, without overlap or gaps', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const published: string[] = [];
    for (let i = 0; i < 8; i++) published.push((await publish(server, app.id, type, { i })).event.id);
    const { ids, pageSizes } = await readAll(eventsPage(app.id), 3);
    expect(pageSizes).toEqual([3, 3, 2]);
    expect(ids).toEqual([...published].reverse());
  });

  it('deliveries page newest first over several pages, without overlap or gaps', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const { id: endpointId } = await createEndpoint(server, app.id, 'https://hooks.invalid/never-called');
    await createEndpoint(server, app.id, 'https://hooks.invalid/second');
    const created: string[] = [];
    for (let i = 0; i < 4; i++) created.push(...(await publish(server, app.id, type, { i })).deliveries.map((d) => d.id));
    expect(created).toHaveLength(8);

    const all = await readAll(deliveriesPage({ applicationId: app.id }), 3);
    expect(all.pageSizes).toEqual([3, 3, 2]);
    expect(all.ids).toEqual([...created].reverse());
    // The same with a filter: paging works within the filtered list.
    const one = await readAll(deliveriesPage({ endpointId }), 3);
    expect(one.ids).toHaveLength(4);
    expect(one.ids).toEqual(all.ids.filter((id) => one.ids.includes(id)));
  });

  it("an event's deliveries page newest first like every other list, without overlap or gaps", async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    for (let i = 0; i < 3; i++) await createEndpoint(server, app.id, `https://hooks.invalid/event-deliveries-${i}`);
    const published = await publish(server, app.id, type, {});
    const created = published.deliveries.map((d) => d.id);
    expect(created).toHaveLength(3);

    const first = await eventDeliveriesPage(published.event.id)(2);
    expect(first).toMatchObject({ ids: [created[2], created[1]], hasNextPage: true });
    const second = await eventDeliveriesPage(published.event.id)(2, first.endCursor!);
    expect(second).toMatchObject({ ids: [created[0]], hasNextPage: false });
    // Without `first`, one page of the default size (20) holds all three.
    const { event } = await server.admin.run(EventDeliveriesPageDocument, { id: published.event.id });
    expect(event!.deliveries.edges.map((e) => e.node.id)).toEqual([...created].reverse());
  });

  it('application cursors stay valid when new applications are created in front', async () => {
    const before: string[] = [];
    for (let i = 0; i < 4; i++) before.push((await createApplication(server)).id);
    const first = await applicationsPage(2);
    expect(first.ids).toEqual([before[3], before[2]]);
    for (let i = 0; i < 3; i++) await createApplication(server);
    const second = await applicationsPage(2, first.endCursor!);
    expect(second.ids).toEqual([before[1], before[0]]);
  });

  it('event cursors stay valid when new events are published in front', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const before: string[] = [];
    for (let i = 0; i < 5; i++) before.push((await publish(server, app.id, type, { i })).event.id);
    const first = await eventsPage(app.id)(2);
    expect(first.ids).toEqual([before[4], before[3]]);
    for (let i = 0; i < 3; i++) await publish(server, app.id, type, { late: i });
    const rest = await readAll(async (n, after) => eventsPage(app.id)(n, after ?? first.endCursor!), 2);
    expect(rest.ids).toEqual([before[2], before[1], before[0]]);
  });

  it('delivery cursors stay valid when new deliveries are created in front', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    await createEndpoint(server, app.id, 'https://hooks.invalid/cursor');
    const before: string[] = [];
    for (let i = 0; i < 4; i++) before.push((await publish(server, app.id, type, { i })).deliveries[0]!.id);
    const first = await deliveriesPage({ applicationId: app.id })(2);
    expect(first.ids).toEqual([before[3], before[2]]);
    for (let i = 0; i < 3; i++) await publish(server, app.id, type, { late: i });
    const second = await deliveriesPage({ applicationId: app.id })(2, first.endCursor!);
    expect(second).toMatchObject({ ids: [before[1], before[0]], hasNextPage: false });
  });

  it('deliveries created in the same millisecond are still strictly ordered and page without overlap or gaps', async () => {
    // One event fans out to many endpoints in one transaction: every delivery has the same createdAt.
    const app = await createApplication(server);
    const type = await createEventType(server);
    for (let i = 0; i < 7; i++) await createEndpoint(server, app.id, `https://hooks.invalid/same-ms-${i}`);
    const published = await publish(server, app.id, type, {});
    expect(new Set(published.deliveries.map((d) => d.createdAt)).size).toBe(1);
    const created = published.deliveries.map((d) => d.id);
    expect(created).toHaveLength(7);

    const { ids, pageSizes } = await readAll(deliveriesPage({ eventId: published.event.id }), 2);
    expect(pageSizes).toEqual([2, 2, 2, 1]);
    expect(ids).toEqual([...created].reverse());
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it('events published concurrently are strictly ordered and page without overlap or gaps', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const published = await Promise.all(Array.from({ length: 30 }, (_, i) => publish(server, app.id, type, { i })));
    const { ids } = await readAll(eventsPage(app.id), 4);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(published.map((p) => p.event.id).sort());
    // Newest first is the ID order, strictly, and agrees with creation times.
    expect(ids).toEqual([...ids].sort().reverse());
    const { events } = await server.admin.run(EventsPageDocument, { applicationId: app.id, first: 100 });
    const times = events.edges.map((e) => Date.parse(e.node.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('the deliveries filter includes `since` and excludes `until`, on createdAt', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const { id: endpointId } = await createEndpoint(server, app.id, 'https://hooks.invalid/window');
    for (let i = 0; i < 5; i++) await publish(server, app.id, type, { i });
    const { deliveries } = await server.admin.run(DeliveriesPageDocument, { filter: { endpointId }, first: 100 });
    const all = deliveries.edges.map((e) => ({ id: e.node.id, at: Date.parse(e.node.createdAt) }));
    expect(all).toHaveLength(5);

    const query = async (filter: { since?: string; until?: string }) =>
      (await server.admin.run(DeliveriesPageDocument, { filter: { endpointId, ...filter }, first: 100 })).deliveries.edges.map((e) => e.node.id);
    const iso = (ms: number) => new Date(ms).toISOString();
    for (const { at } of all) {
      expect(await query({ since: iso(at) }), `since ${iso(at)}`).toEqual(all.filter((d) => d.at >= at).map((d) => d.id));
      expect(await query({ since: iso(at + 1) }), `since ${iso(at + 1)}`).toEqual(all.filter((d) => d.at > at).map((d) => d.id));
      expect(await query({ until: iso(at) }), `until ${iso(at)}`).toEqual(all.filter((d) => d.at < at).map((d) => d.id));
      expect(await query({ until: iso(at + 1) }), `until ${iso(at + 1)}`).toEqual(all.filter((d) => d.at <= at).map((d) => d.id));
      // A window from a delivery's own time to the next millisecond holds exactly the deliveries of that millisecond.
      expect(await query({ since: iso(at), until: iso(at + 1) })).toEqual(all.filter((d) => d.at === at).map((d) => d.id));
    }
  });

  it('a since/until window pages like the full list', async () => {
    const app = await createApplication(server);
    const type = await createEventType(server);
    const { id: endpointId } = await createEndpoint(server, app.id, 'https://hooks.invalid/window-pages');
    for (let i = 0; i < 6; i++) await publish(server, app.id, type, { i });
    const full = await readAll(deliveriesPage({ endpointId }), 100);
    const { deliveries } = await server.admin.run(DeliveriesPageDocument, { filter: { endpointId }, first: 100 });
    const times = deliveries.edges.map((e) => e.node.createdAt);
    const since = times.at(-1)!; // the oldest, included
    const windowed = await readAll(deliveriesPage({ endpointId, since, until: new Date(Date.parse(times[0]!) + 1).toISOString() }), 2);
    expect(windowed.ids).toEqual(full.ids);
  });

  const maxPageSize = () => server.config.maxPageSize;

  it.each([
    ['0', () => 0],
    ['negative', () => -1],
    ['above TIDINGS_MAX_PAGE_SIZE', () => maxPageSize() + 1],
  ])('first that is %s is BAD_USER_INPUT on every connection', async (_what, first) => {
    const app = await createApplication(server);
    const { event } = await publish(server, app.id, await createEventType(server), {});
    const n = first();
    for (const [doc, vars] of [
      [ApplicationsPageDocument, { first: n }],
      [EventsPageDocument, { applicationId: app.id, first: n }],
      [DeliveriesPageDocument, { filter: { applicationId: app.id }, first: n }],
      [EndpointsDocument, { applicationId: app.id, first: n }],
      [EventDeliveriesPageDocument, { id: event.id, first: n }],
    ] as const) {
      const error = await server.admin.fail(doc as typeof ApplicationsPageDocument, vars as { first: number }, 'BAD_USER_INPUT');
      expect(error.extensions?.field).toBe('first');
      expect(error.message).toContain(String(maxPageSize()));
    }
  });

  it('a cursor from another list is BAD_USER_INPUT, not a silent restart from the top', async () => {
    const app = await createApplication(server);
    const error = await server.admin.fail(DeliveriesPageDocument, { filter: { applicationId: app.id }, first: 5, after: app.id }, 'BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('after');
    await server.admin.fail(ApplicationsPageDocument, { first: 5, after: 'not-a-cursor' }, 'BAD_USER_INPUT');
  });

  it('first equal to TIDINGS_MAX_PAGE_SIZE is accepted', async () => {
    const page = await applicationsPage(maxPageSize());
    expect(page.ids.length).toBeGreaterThan(0);
  });
});

import { useClient } from '@urql/preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import {
  ConsoleDeliveriesDocument, ConsoleDeliveryUpdatedDocument, type DeliveryFilter, type DeliveryRowFragment, type DeliveryStatus,
} from '../../generated/graphql.js';
import { ConnectionContext, errorMessage } from '../client.js';
import { href, type DeliveryFilters } from '../router.js';
import { Empty, ErrorNotice, HealthBadge, Loading, StatusBadge, time } from '../ui.js';

// Live deliveries: the newest page from `deliveries`, then kept current by `deliveryUpdated`
// (rows change in place as attempts are made). Pause holds incoming changes and counts them.

const STATUSES: DeliveryStatus[] = ['PENDING', 'RETRYING', 'SUCCEEDED', 'FAILED'];
const PAGE = 50;

function toFilter(f: DeliveryFilters): DeliveryFilter {
  return {
    applicationId: f.applicationId.trim() || undefined,
    endpointId: f.endpointId.trim() || undefined,
    eventType: f.eventType.trim() || undefined,
    status: STATUSES.includes(f.status as DeliveryStatus) ? [f.status as DeliveryStatus] : undefined,
  };
}

/** Newest first (IDs sort by creation); a change replaces the row only when it is not older. */
function merge(rows: DeliveryRowFragment[], changes: DeliveryRowFragment[]): DeliveryRowFragment[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const change of changes) {
    const known = byId.get(change.id);
    if (!known || known.updatedAt <= change.updatedAt) byId.set(change.id, change);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, 500);
}

/** The page for one set of filters (its address); new filters are a new address, so a fresh page. */
export function DeliveriesPage({ portal, filters }: { portal: boolean; filters: DeliveryFilters }) {
  const client = useClient();
  const connection = useContext(ConnectionContext);
  const [reconnects, setReconnects] = useState(0);
  useEffect(() => connection?.onReconnected(() => setReconnects((n) => n + 1)), [connection]);
  const [draft, setDraft] = useState<DeliveryFilters>(filters);
  const [rows, setRows] = useState<DeliveryRowFragment[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>();
  const [paused, setPaused] = useState(false);
  const [held, setHeld] = useState<DeliveryRowFragment[]>([]);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  useEffect(() => {
    const filter = toFilter(filters);
    // After a reconnection the rows stay and are caught up (changes merge by updatedAt).
    setError(undefined);
    setHeld([]);
    let early: DeliveryRowFragment[] = [];
    let loaded = false;
    // Subscribe first, then read the page: nothing that changes in between is missed.
    const live = client.subscription(ConsoleDeliveryUpdatedDocument, { filter }).subscribe((result) => {
      if (result.error) return setError(errorMessage(result.error));
      const row = result.data?.deliveryUpdated;
      if (!row) return;
      if (!loaded) return void early.push(row);
      if (pausedRef.current) setHeld((h) => [...h, row]);
      else setRows((r) => merge(r ?? [], [row]));
    });
    const page = client.query(ConsoleDeliveriesDocument, { filter, first: PAGE }).subscribe((result) => {
      if (result.error) {
        setError(errorMessage(result.error));
        setRows([]);
        return;
      }
      if (!result.data) return;
      loaded = true;
      setRows(merge(result.data.deliveries.edges.map((e) => e.node), early));
      early = [];
    });
    return () => {
      live.unsubscribe();
      page.unsubscribe();
    };
  }, [client, reconnects]);

  const resume = () => {
    setRows((r) => merge(r ?? [], held));
    setHeld([]);
    setPaused(false);
  };
  const filtered = Object.values(filters).some(Boolean);

  // Each endpoint's health as the newest change of any of its rows tells it (it comes with the delivery).
  const health = new Map<string, string>();
  for (const d of [...(rows ?? [])].sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : 1))) health.set(d.endpoint.id, d.endpoint.health.state);
  return (
    <section aria-labelledby="deliveries-title">
      <div class="page-head">
        <h1 id="deliveries-title">Live deliveries</h1>
        <div class="live-controls">
          {paused ? (
            <button type="button" onClick={resume}>Resume</button>
          ) : (
            <button type="button" onClick={() => setPaused(true)}>Pause</button>
          )}
          <span role="status" aria-live="polite" aria-label="Arrived while paused" class={paused ? 'held' : 'muted'}>
            {paused ? `${held.length} arrived while paused` : 'Live'}
          </span>
        </div>
      </div>
      <form
        class="filters"
        aria-label="Filter deliveries"
        onSubmit={(e) => {
          e.preventDefault();
          location.hash = href.deliveries(draft);
        }}
      >
        {!portal && (
          <label>
            Application
            <input value={draft.applicationId} placeholder="app_…" onInput={(e) => setDraft({ ...draft, applicationId: e.currentTarget.value })} />
          </label>
        )}
        <label>
          Endpoint
          <input value={draft.endpointId} placeholder="ep_…" onInput={(e) => setDraft({ ...draft, endpointId: e.currentTarget.value })} />
        </label>
        <label>
          Event type
          <input value={draft.eventType} placeholder="order.created" onInput={(e) => setDraft({ ...draft, eventType: e.currentTarget.value })} />
        </label>
        <label>
          Status
          <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value  })}>
            <option value="">Any</option>
            {STATUSES.map((s) => <option value={s}>{s}</option>)}
          </select>
        </label>
        <button type="submit">Apply filters</button>
      </form>
      <ErrorNotice message={error} />
      {rows === undefined ? (
        <Loading />
      ) : rows.length === 0 ? (
        error ? null : (
          <Empty>
            {filtered
              ? 'No delivery matches these filters yet; new ones appear here as they happen.'
              : portal
                ? 'No deliveries yet: they appear here, live, as soon as events are published for your endpoints.'
                : 'No deliveries yet: publish an event with the publishEvent mutation (GraphiQL at /graphql); its deliveries appear here live.'}
          </Empty>
        )
      ) : (
        <div class="table-wrap">
          <table aria-label="Deliveries">
            <thead>
              <tr>
                <th scope="col">Delivery</th>
                <th scope="col">Status</th>
                <th scope="col">Event type</th>
                <th scope="col">Attempts</th>
                <th scope="col">Endpoint</th>
                {!portal && <th scope="col">Application</th>}
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id} data-delivery-id={d.id}>
                  <td><a href={href.delivery(d.id)} aria-label={`Delivery ${d.id}`}>{d.id}</a></td>
                  <td><StatusBadge status={d.status} /></td>
                  <td>{d.eventType}</td>
                  <td>{d.attemptCount}</td>
                  <td class="url">
                    {d.endpoint.url}
                    {health.get(d.endpoint.id) !== 'HEALTHY' && <> <HealthBadge state={health.get(d.endpoint.id)!} label={`Health of ${d.endpoint.url}`} /></>}
                  </td>
                  {!portal && <td>{d.event.application?.name ?? "(deleted application)"}</td>}
                  <td>{time(d.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

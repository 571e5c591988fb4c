import { useQuery, useSubscription } from '@urql/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ConsoleDeliveryStatsDocument, ConsoleDeliveryStatsUpdatedDocument, type BacklogFactsFragment, type StatsInterval, type StatsPointFragment } from '../../generated/graphql.js';
import { formatNumber, LineChart } from '../chart.js';
import { errorMessage } from '../client.js';
import { Empty, ErrorNotice, Loading } from '../ui.js';

// Statistics: deliveryStats over a window, bucketed by minute, hour or day, then the current bucket
// and the backlog live from deliveryStatsUpdated. Charts, and the same numbers as a table.

const WINDOWS: Record<StatsInterval, { label: string; ms: number }> = {
  MINUTE: { label: 'Per minute, last hour', ms: 60 * 60_000 },
  HOUR: { label: 'Per hour, last 2 days', ms: 48 * 3_600_000 },
  DAY: { label: 'Per day, last 30 days', ms: 30 * 86_400_000 },
};

interface StatsFilters {
  interval: StatsInterval;
  applicationId: string;
  endpointId: string;
  eventType: string;
}

/** The live bucket replaces the one with its start, or is added after the last one. */
function mergeBucket(buckets: StatsPointFragment[], live: StatsPointFragment): StatsPointFragment[] {
  const at = buckets.findIndex((b) => b.start === live.start);
  if (at >= 0) return buckets.map((b, i) => (i === at ? live : b));
  if (buckets.length && live.start < buckets[buckets.length - 1]!.start) return buckets;
  return [...buckets.slice(buckets.length ? 1 : 0), live];
}

function label(iso: string, interval: StatsInterval): string {
  const d = new Date(iso);
  return interval === 'DAY' ? d.toLocaleDateString() : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

const ms = (n: number | null | undefined) => (n == null ? '—' : `${formatNumber(n)} ms`);
const pct = (n: number | null | undefined) => (n == null ? '—' : `${formatNumber(n * 100)} %`);

export function StatisticsPage({ portal }: { portal: boolean }) {
  const [draft, setDraft] = useState<StatsFilters>({ interval: 'MINUTE', applicationId: '', endpointId: '', eventType: '' });
  const [filters, setFilters] = useState<StatsFilters>(draft);
  const scope = {
    applicationId: filters.applicationId.trim() || undefined,
    endpointId: filters.endpointId.trim() || undefined,
    eventType: filters.eventType.trim() || undefined,
    interval: filters.interval,
  };
  // The window starts on a whole minute (the API's resolution), fixed for these filters.
  const since = useMemo(() => new Date(Math.floor((Date.now() - WINDOWS[filters.interval].ms) / 60_000) * 60_000).toISOString(), [filters]);
  const [result] = useQuery({ query: ConsoleDeliveryStatsDocument, variables: { input: { ...scope, since } } });
  const [live] = useSubscription({ query: ConsoleDeliveryStatsUpdatedDocument, variables: { input: scope } });
  const [buckets, setBuckets] = useState<StatsPointFragment[] | undefined>();
  const [backlog, setBacklog] = useState<BacklogFactsFragment | undefined>();
  useEffect(() => {
    setBuckets(result.data?.deliveryStats.buckets);
    setBacklog(result.data?.deliveryStats.backlog);
  }, [result.data]);
  const update = live.data?.deliveryStatsUpdated;
  useEffect(() => {
    if (!update) return;
    setBuckets((known) => (known ? mergeBucket(known, update.bucket) : known));
    setBacklog(update.backlog);
  }, [update]);

  const set = (key: keyof StatsFilters) => (e: { currentTarget: { value: string } }) => setDraft({ ...draft, [key]: e.currentTarget.value });
  return (
    <section aria-labelledby="stats-title">
      <h1 id="stats-title">Statistics</h1>
      <form
        class="filters"
        aria-label="Filter statistics"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <label>
          Interval
          <select value={draft.interval} onChange={set('interval')}>
            {(Object.keys(WINDOWS) as StatsInterval[]).map((i) => <option key={i} value={i}>{WINDOWS[i].label}</option>)}
          </select>
        </label>
        {!portal && (
          <label>
            Application
            <input value={draft.applicationId} placeholder="app_…" onInput={set('applicationId')} />
          </label>
        )}
        <label>
          Endpoint
          <input value={draft.endpointId} placeholder="ep_…" onInput={set('endpointId')} />
        </label>
        <label>
          Event type
          <input value={draft.eventType} placeholder="order.created" onInput={set('eventType')} />
        </label>
        <button type="submit">Apply filters</button>
      </form>
      <ErrorNotice message={errorMessage(result.error) ?? errorMessage(live.error)} />
      {backlog && (
        <>
        <h2>Backlog now</h2>
        <dl class="facts" aria-label="Backlog">
          <dt>Waiting</dt>
          <dd aria-label="Waiting">{backlog.waiting}</dd>
          <dt>Retrying</dt>
          <dd aria-label="Retrying">{backlog.retrying}</dd>
          <dt>Oldest waiting</dt>
          <dd>{backlog.oldestWaitingAgeMs == null ? '—' : `${formatNumber(backlog.oldestWaitingAgeMs / 1000)} s`}</dd>
        </dl>
        </>
      )}
      {result.fetching && !buckets ? <Loading /> : buckets && <Charts buckets={buckets} interval={filters.interval} />}
    </section>
  );
}

function Charts({ buckets, interval }: { buckets: StatsPointFragment[]; interval: StatsInterval }) {
  const active = buckets.filter((b) => b.eventsPublished > 0 || b.attempts > 0);
  const events = buckets.reduce((n, b) => n + b.eventsPublished, 0);
  const attempts = buckets.reduce((n, b) => n + b.attempts, 0);
  if (active.length === 0) {
    return (
      <Empty>
        No events or attempts in this range yet: publish an event (<code>publishEvent</code>), or use <strong>Send test event</strong> on an endpoint's page. The charts update live.
      </Empty>
    );
  }
  const labels = buckets.map((b) => label(b.start, interval));
  const percentiles = (pick: (b: StatsPointFragment) => StatsPointFragment['attemptDuration']) =>
    (['p50', 'p95', 'p99'] as const).map((p) => ({ name: p, values: buckets.map((b) => pick(b)?.[p] ?? null) }));
  return (
    <>
      <p aria-label="Summary" role="status">
        {events} events, {attempts} attempts in this range; updating live.
      </p>
      <div class="charts">
        <LineChart id="chart-rate" title="Event rate" unit="events/s" labels={labels} series={[{ name: 'events/s', values: buckets.map((b) => b.eventRate) }]} />
        <LineChart id="chart-success" title="Attempt success rate" unit="%" max={100} labels={labels} series={[{ name: 'success', values: buckets.map((b) => (b.attemptSuccessRate == null ? null : b.attemptSuccessRate * 100)) }]} />
        <LineChart id="chart-e2e" title="End-to-end latency" unit="ms" labels={labels} series={percentiles((b) => b.endToEndLatency)} />
        <LineChart id="chart-duration" title="Attempt duration" unit="ms" labels={labels} series={percentiles((b) => b.attemptDuration)} />
      </div>
      <details>
        <summary>The same numbers as a table (buckets with traffic)</summary>
        <div class="table-wrap">
          <table aria-label="Statistics by time">
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">Events</th>
                <th scope="col">Events/s</th>
                <th scope="col">Attempts</th>
                <th scope="col">Success rate</th>
                <th scope="col">End-to-end p50 / p95 / p99</th>
                <th scope="col">Attempt p50 / p95 / p99</th>
              </tr>
            </thead>
            <tbody>
              {active.map((b) => (
                <tr key={b.start}>
                  <td>{label(b.start, interval)}</td>
                  <td>{b.eventsPublished}</td>
                  <td>{formatNumber(b.eventRate)}</td>
                  <td>{b.attempts}</td>
                  <td>{pct(b.attemptSuccessRate)}</td>
                  <td>{ms(b.endToEndLatency?.p50)} / {ms(b.endToEndLatency?.p95)} / {ms(b.endToEndLatency?.p99)}</td>
                  <td>{ms(b.attemptDuration?.p50)} / {ms(b.attemptDuration?.p95)} / {ms(b.attemptDuration?.p99)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

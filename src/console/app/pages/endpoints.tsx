import { useClient, useMutation, useQuery, useSubscription } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import {
  ConsoleEndpointDocument, ConsoleEndpointHealthChangedDocument, ConsoleEndpointsDocument, ConsolePreviewDeliveryDocument, ConsoleRecoverEndpointDocument,
  ConsoleReplayEventsDocument, ConsoleRotateSecretDocument, ConsoleSendTestEventDocument, ConsoleSetEndpointEnabledDocument, type ConsoleEndpointQuery, type ConsolePreviewDeliveryQuery, type EndpointHealthFactsFragment,
} from '../../generated/graphql.js';
import { errorMessage } from '../client.js';
import { href } from '../router.js';
import { Empty, ErrorNotice, HealthBadge, Json, Loading, StatusBadge, time } from '../ui.js';

// Endpoints: the list, and one endpoint with its health (live over endpointHealthChanged), its
// delivery settings, enable/disable, secret rotation, bulk recovery jobs, test events and request previews.

export function EndpointsPage({ portal }: { portal: boolean }) {
  const [draft, setDraft] = useState('');
  const [applicationId, setApplicationId] = useState<string | undefined>();
  const [result] = useQuery({ query: ConsoleEndpointsDocument, variables: { applicationId, first: 100 } });
  const endpoints = result.data?.endpoints.edges.map((e) => e.node);
  return (
    <section aria-labelledby="endpoints-title">
      <h1 id="endpoints-title">Endpoints</h1>
      {!portal && (
        <form
          class="filters"
          aria-label="Filter endpoints"
          onSubmit={(e) => {
            e.preventDefault();
            setApplicationId(draft.trim() || undefined);
          }}
        >
          <label>
            Application
            <input value={draft} placeholder="app_…" onInput={(e) => setDraft(e.currentTarget.value)} />
          </label>
          <button type="submit">Apply filters</button>
        </form>
      )}
      <ErrorNotice message={errorMessage(result.error)} />
      {result.fetching && !result.data ? (
        <Loading />
      ) : !endpoints ? null : endpoints.length === 0 ? (
        <Empty>
          No endpoints yet: create one with <code>createEndpoint(input: {'{'}applicationId, url{'}'})</code> (GraphiQL at <a href="/graphql">/graphql</a>).
        </Empty>
      ) : (
        <div class="table-wrap">
          <table aria-label="Endpoints">
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">State</th>
                <th scope="col">Health</th>
                <th scope="col">Event types</th>
                {!portal && <th scope="col">Application</th>}
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr key={e.id}>
                  <td class="url"><a href={href.endpoint(e.id)}>{e.url}</a></td>
                  <td>{e.enabled ? 'enabled' : 'disabled'}</td>
                  <td><HealthBadge state={e.health.state} /></td>
                  <td>{e.eventTypes.join(', ')}</td>
                  {!portal && <td>{e.application?.name ?? "(deleted application)"}</td>}
                  <td>{time(e.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type EndpointDetail = NonNullable<ConsoleEndpointQuery['endpoint']>;

export function EndpointPage({ id }: { id: string }) {
  const [result] = useQuery({ query: ConsoleEndpointDocument, variables: { id } });
  const [toggle, runToggle] = useMutation(ConsoleSetEndpointEnabledDocument);
  const [rotation, runRotation] = useMutation(ConsoleRotateSecretDocument);
  // The health shown is the newest of: the page's read, an enable/disable, a live change.
  const [live] = useSubscription({ query: ConsoleEndpointHealthChangedDocument, variables: { filter: { endpointId: id } } });
  const [health, setHealth] = useState<{ facts: EndpointHealthFactsFragment; enabled: boolean } | undefined>();
  const loaded = result.data?.endpoint;
  useEffect(() => {
    if (loaded) setHealth({ facts: loaded.health, enabled: loaded.enabled });
  }, [loaded]);
  const fromToggle = toggle.data?.updateEndpoint.endpoint;
  useEffect(() => {
    if (fromToggle) setHealth({ facts: fromToggle.health, enabled: fromToggle.enabled });
  }, [fromToggle]);
  const change = live.data?.endpointHealthChanged;
  useEffect(() => {
    if (change) setHealth({ facts: change.health, enabled: change.enabled });
  }, [change]);
  const endpoint = loaded && (fromToggle?.id === id ? { ...loaded, ...fromToggle } : loaded);

  if (result.fetching && !result.data) return <Loading />;
  if (result.error) return <ErrorNotice message={errorMessage(result.error)} />;
  if (!endpoint) {
    return (
      <Empty>
        Endpoint {id} was not found: it does not exist, or it belongs to another application. <a href={href.endpoints()}>Back to endpoints</a>
      </Empty>
    );
  }
  const enabled = health?.enabled ?? endpoint.enabled;
  const facts = health?.facts ?? endpoint.health;
  return (
    <section aria-labelledby="endpoint-title">
      <p><a href={href.endpoints()}>← Endpoints</a></p>
      <h1 id="endpoint-title" class="url">{endpoint.url}</h1>
      <dl class="facts">
        <dt>ID</dt>
        <dd>{endpoint.id}</dd>
        <dt>State</dt>
        <dd aria-label="Endpoint state">{endpoint.deleted ? 'deleted' : enabled ? 'enabled' : 'disabled (deliveries wait until it is enabled again)'}</dd>
        <dt>Event types</dt>
        <dd>{endpoint.eventTypes.join(', ')}</dd>
        {endpoint.description && (
          <>
            <dt>Description</dt>
            <dd>{endpoint.description}</dd>
          </>
        )}
        <dt>Application</dt>
        <dd>{endpoint.application ? `${endpoint.application.name} · ${endpoint.application.id}` : "(deleted application)"}</dd>
      </dl>
      {!endpoint.deleted && (
        <div class="actions">
          <button type="button" disabled={toggle.fetching} onClick={() => runToggle({ input: { id, enabled: !enabled } })}>
            {enabled ? 'Disable endpoint' : 'Enable endpoint'}
          </button>
          <button type="button" disabled={rotation.fetching} onClick={() => runRotation({ input: { id } })}>
            Rotate secret
          </button>
          <a href={href.deliveries({ endpointId: id })}>Deliveries of this endpoint</a>
        </div>
      )}
      <ErrorNotice message={errorMessage(toggle.error) ?? errorMessage(rotation.error)} />
      {rotation.data && (
        <div class="secret" role="region" aria-label="New secret">
          <p>The new signing secret, shown this once (the previous one keeps signing for the rotation grace period):</p>
          <output aria-label="New signing secret">{rotation.data.rotateEndpointSecret.secret}</output>
        </div>
      )}
      <Health facts={facts} />
      <Settings endpoint={endpoint} />
      {!endpoint.deleted && <BulkRecovery endpointId={id} />}
      {!endpoint.deleted && <TryIt endpointId={id} types={result.data?.eventTypes ?? []} />}
    </section>
  );
}

const DISABLED_REASONS: Record<string, string> = {
  FAILING: 'no attempt succeeded for too long (TIDINGS_DISABLE_AFTER)',
  GONE: 'the receiver answered 410 Gone',
  MANUAL: 'disabled by hand',
};

function Health({ facts }: { facts: EndpointHealthFactsFragment }) {
  return (
    <section aria-labelledby="health-title">
      <h2 id="health-title">Health</h2>
      <p class="muted">Updates live as attempts succeed and fail.</p>
      <dl class="facts" aria-label="Endpoint health">
        <dt>Health</dt>
        <dd><HealthBadge state={facts.state} label="Health state" /></dd>
        <dt>Consecutive failures</dt>
        <dd aria-label="Consecutive failures">{facts.consecutiveFailures}</dd>
        <dt>Last success</dt>
        <dd>{time(facts.lastSuccessAt)}</dd>
        <dt>Last failure</dt>
        <dd>{time(facts.lastFailureAt)}</dd>
        <dt>Failing since</dt>
        <dd>{time(facts.failingSince)}</dd>
        <dt>Circuit open until</dt>
        <dd aria-label="Circuit open until">{facts.circuitOpenUntil ? `${time(facts.circuitOpenUntil)} (then one probe attempt)` : '—'}</dd>
        <dt>Disabled reason</dt>
        <dd aria-label="Disabled reason">{facts.disabledReason ? DISABLED_REASONS[facts.disabledReason] ?? facts.disabledReason : '—'}</dd>
      </dl>
    </section>
  );
}

function Settings({ endpoint: e }: { endpoint: EndpointDetail }) {
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">Delivery settings</h2>
      <p class="muted">Change them with <code>updateEndpoint(input: {'{'}id, …{'}'})</code>.</p>
      <dl class="facts" aria-label="Delivery settings">
        <dt>Format</dt>
        <dd aria-label="Format">{e.format}</dd>
        <dt>Signature scheme</dt>
        <dd aria-label="Signature scheme">{e.signatureScheme}</dd>
        <dt>Channels</dt>
        <dd aria-label="Channels">{e.channels?.length ? e.channels.join(', ') : 'every channel'}</dd>
        <dt>Filter</dt>
        <dd>{e.filter == null ? 'none' : <Json value={e.filter} label="Filter" />}</dd>
        <dt>Included fields</dt>
        <dd>{e.includeFields?.length ? e.includeFields.join(', ') : 'the whole payload'}</dd>
        <dt>Transform</dt>
        <dd>{e.transform ? <pre class="json" aria-label="Transform" tabIndex={0}>{e.transform}</pre> : 'none'}</dd>
        <dt>Headers</dt>
        <dd aria-label="Headers">{e.headers.length ? e.headers.map((h) => <div key={h.name}><code>{h.name}: {h.value}</code></div>) : 'none'}</dd>
        <dt>Timeout</dt>
        <dd aria-label="Timeout">{e.timeout ?? 'the server default (TIDINGS_DELIVERY_TIMEOUT)'}</dd>
        <dt>Retry schedule</dt>
        <dd aria-label="Retry schedule">{e.retrySchedule ? e.retrySchedule.join(', ') || 'no retries' : 'the server default (TIDINGS_RETRY_SCHEDULE)'}</dd>
        <dt>Rate limit</dt>
        <dd aria-label="Rate limit">{e.rateLimitPerSecond == null ? 'none' : `${e.rateLimitPerSecond} attempts per second`}</dd>
        <dt>Ordering</dt>
        <dd aria-label="Ordering">{e.ordering === 'FIFO' ? 'FIFO (one at a time, in publish order)' : 'PARALLEL'}</dd>
      </dl>
    </section>
  );
}

/** A datetime-local input's value (local time, to the minute) for a moment `msAgo` before now. */
function localInputValue(msAgo: number): string {
  const d = new Date(Date.now() - msAgo);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A datetime-local input's value as the API's DateTime (ISO 8601, UTC); undefined when empty or not a time. */
function toDateTime(value: string): string | undefined {
  const d = new Date(value);
  return value && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
}

const DAY_MS = 86_400_000;

function JobStarted({ job, what }: { job: { id: string; status: string } | undefined; what: string }) {
  if (!job) return null;
  return (
    <p role="status" aria-label={`${what} started`}>
      {what} started as {job.id} (<StatusBadge status={job.status} />): <a href={href.jobs()}>Follow it on the Bulk jobs page</a>
    </p>
  );
}

/** Bulk recovery jobs for this endpoint: send its FAILED deliveries again, or replay past events to it. */
function BulkRecovery({ endpointId }: { endpointId: string }) {
  const [recoverSince, setRecoverSince] = useState(() => localInputValue(DAY_MS));
  const [replaySince, setReplaySince] = useState(() => localInputValue(DAY_MS));
  const [replayUntil, setReplayUntil] = useState('');
  const [replayTypes, setReplayTypes] = useState('');
  const [inputError, setInputError] = useState<string | undefined>();
  const [recovery, runRecovery] = useMutation(ConsoleRecoverEndpointDocument);
  const [replay, runReplay] = useMutation(ConsoleReplayEventsDocument);
  return (
    <section aria-labelledby="bulk-title">
      <h2 id="bulk-title">Bulk recovery</h2>
      <p class="muted">Each starts a background job; its progress is on the <a href={href.jobs()}>Bulk jobs</a> page.</p>
      <div class="bulk">
        <form
          aria-label="Recover failed deliveries"
          onSubmit={(e) => {
            e.preventDefault();
            const since = toDateTime(recoverSince);
            setInputError(since ? undefined : 'Choose from when to recover failed deliveries.');
            if (since) runRecovery({ input: { endpointId, since } });
          }}
        >
          <h3>Failed deliveries</h3>
          <label>
            Failed deliveries created since
            <input type="datetime-local" required value={recoverSince} onInput={(e) => setRecoverSince(e.currentTarget.value)} />
          </label>
          <span class="muted">Each delivery to this endpoint that FAILED gets one more attempt.</span>
          <div class="actions">
            <button type="submit" disabled={recovery.fetching}>Recover failed deliveries</button>
          </div>
        </form>
        <form
          aria-label="Replay events"
          onSubmit={(e) => {
            e.preventDefault();
            const since = toDateTime(replaySince);
            const until = toDateTime(replayUntil);
            setInputError(since ? undefined : 'Choose from when to replay events.');
            const eventTypes = replayTypes.split(',').map((t) => t.trim()).filter(Boolean);
            if (since) runReplay({ input: { endpointId, since, until, eventTypes: eventTypes.length ? eventTypes : undefined } });
          }}
        >
          <h3>Past events</h3>
          <label>
            Events published since
            <input type="datetime-local" required value={replaySince} onInput={(e) => setReplaySince(e.currentTarget.value)} />
          </label>
          <label>
            Until (optional)
            <input type="datetime-local" value={replayUntil} onInput={(e) => setReplayUntil(e.currentTarget.value)} />
          </label>
          <label>
            Types to replay (comma-separated, optional)
            <input value={replayTypes} onInput={(e) => setReplayTypes(e.currentTarget.value)} />
          </label>
          <span class="muted">Events this endpoint hears and never had are delivered to it; none twice.</span>
          <div class="actions">
            <button type="submit" disabled={replay.fetching}>Replay events</button>
          </div>
        </form>
      </div>
      <ErrorNotice message={inputError ?? errorMessage(recovery.error) ?? errorMessage(replay.error)} />
      <JobStarted what="Recovery" job={recovery.data?.recoverEndpoint.job} />
      <JobStarted what="Replay" job={replay.data?.replayEvents.job} />
    </section>
  );
}

type Preview = ConsolePreviewDeliveryQuery['previewDelivery'];

/** Send a test event, or preview the exact request, for a chosen event type. */
function TryIt({ endpointId, types }: { endpointId: string; types: { name: string; examples: unknown[] }[] }) {
  const client = useClient();
  const [type, setType] = useState(types[0]?.name ?? '');
  const examples = types.find((t) => t.name === type)?.examples ?? [];
  const [payload, setPayload] = useState(() => JSON.stringify(types[0]?.examples[0] ?? {}, null, 2));
  const [channels, setChannels] = useState('');
  const [sent, runSend] = useMutation(ConsoleSendTestEventDocument);
  const [preview, setPreview] = useState<Preview | undefined>();
  const [previewError, setPreviewError] = useState<string | undefined>();
  const [previewing, setPreviewing] = useState(false);

  if (types.length === 0) {
    return (
      <section aria-labelledby="try-title">
        <h2 id="try-title">Test events and previews</h2>
        <Empty>
          No event types yet, so nothing to send: define one with <code>createEventType(input: {'{'}name, examples{'}'})</code>.
        </Empty>
      </section>
    );
  }
  const runPreview = async () => {
    setPreview(undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch (err) {
      setPreviewError(`The payload is not valid JSON: ${(err as Error).message}`);
      return;
    }
    setPreviewError(undefined);
    setPreviewing(true);
    const list = channels.split(',').map((c) => c.trim()).filter(Boolean);
    const answer = await client.query(ConsolePreviewDeliveryDocument, { input: { endpointId, eventType: type, payload: parsed, channels: list.length ? list : undefined } }).toPromise();
    setPreviewing(false);
    if (answer.error) setPreviewError(errorMessage(answer.error));
    else setPreview(answer.data?.previewDelivery);
  };
  const delivery = sent.data?.sendTestEvent.delivery;
  return (
    <section aria-labelledby="try-title">
      <h2 id="try-title">Test events and previews</h2>
      <form class="try" aria-label="Test event and preview" onSubmit={(e) => e.preventDefault()}>
        <label>
          Event type
          <select
            value={type}
            onChange={(e) => {
              const next = e.currentTarget.value;
              setType(next);
              setPayload(JSON.stringify(types.find((t) => t.name === next)?.examples[0] ?? {}, null, 2));
            }}
          >
            {types.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
          </select>
        </label>
        <div class="actions">
          <button type="button" disabled={sent.fetching || examples.length === 0} onClick={() => runSend({ input: { endpointId, eventType: type } })}>
            Send test event
          </button>
          <span class="muted">{examples.length ? 'Publishes the first example of the type to this endpoint only, as a real delivery.' : 'This type has no example to send: add one with updateEventType(input: {name, examples}).'}</span>
        </div>
        <ErrorNotice message={errorMessage(sent.error)} />
        {delivery && (
          <p role="status" aria-label="Test event sent">
            Test event sent: <a href={href.delivery(delivery.id)}>Delivery {delivery.id}</a> <StatusBadge status={delivery.status} />
          </p>
        )}
        <label>
          Payload (JSON)
          <textarea rows={6} spellcheck={false} value={payload} onInput={(e) => setPayload(e.currentTarget.value)} />
        </label>
        <label>
          Channels (comma-separated, optional)
          <input value={channels} onInput={(e) => setChannels(e.currentTarget.value)} />
        </label>
        <div class="actions">
          <button type="button" disabled={previewing} onClick={runPreview}>Preview request</button>
          <span class="muted">Shows the exact request this endpoint would get; nothing is stored or sent.</span>
        </div>
      </form>
      <ErrorNotice message={previewError} />
      {preview && (
        <div role="region" aria-label="Request preview" class="preview">
          {preview.wouldSend ? (
            <>
              <p><strong>POST</strong> <code aria-label="Preview URL">{preview.url}</code></p>
              <div class="table-wrap">
                <table aria-label="Request headers">
                  <thead><tr><th scope="col">Header</th><th scope="col">Value</th></tr></thead>
                  <tbody>
                    {(preview.headers ?? []).map((h) => (
                      <tr key={h.name}><td>{h.name}</td><td class="url">{h.value}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <pre class="json" aria-label="Request body" tabIndex={0}>{preview.body}</pre>
            </>
          ) : (
            <p role="status" aria-label="Nothing would be sent">Nothing would be sent: {preview.reason}</p>
          )}
        </div>
      )}
    </section>
  );
}

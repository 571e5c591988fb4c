import { useMutation, useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { ConsoleEndpointDocument, ConsoleEndpointsDocument, ConsoleRotateSecretDocument, ConsoleSetEndpointEnabledDocument } from '../../generated/graphql.js';
import { errorMessage } from '../client.js';
import { href } from '../router.js';
import { Empty, ErrorNotice, Loading, time } from '../ui.js';

// Endpoints: the list, and one endpoint with enable/disable and secret rotation.

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
                  <td>{e.eventTypes.join(', ')}</td>
                  {!portal && <td>{e.application.name}</td>}
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

export function EndpointPage({ id }: { id: string }) {
  const [result] = useQuery({ query: ConsoleEndpointDocument, variables: { id } });
  const [toggle, runToggle] = useMutation(ConsoleSetEndpointEnabledDocument);
  const [rotation, runRotation] = useMutation(ConsoleRotateSecretDocument);
  const fromToggle = toggle.data?.updateEndpoint.endpoint;
  const endpoint = result.data?.endpoint && (fromToggle?.id === id ? { ...result.data.endpoint, ...fromToggle } : result.data.endpoint);

  if (result.fetching && !result.data) return <Loading />;
  if (result.error) return <ErrorNotice message={errorMessage(result.error)} />;
  if (!endpoint) {
    return (
      <Empty>
        Endpoint {id} was not found: it does not exist, or it belongs to another application. <a href={href.endpoints()}>Back to endpoints</a>
      </Empty>
    );
  }
  return (
    <section aria-labelledby="endpoint-title">
      <p><a href={href.endpoints()}>← Endpoints</a></p>
      <h1 id="endpoint-title" class="url">{endpoint.url}</h1>
      <dl class="facts">
        <dt>ID</dt>
        <dd>{endpoint.id}</dd>
        <dt>State</dt>
        <dd aria-label="Endpoint state">{endpoint.deleted ? 'deleted' : endpoint.enabled ? 'enabled' : 'disabled (deliveries wait until it is enabled again)'}</dd>
        <dt>Event types</dt>
        <dd>{endpoint.eventTypes.join(', ')}</dd>
        {endpoint.description && (
          <>
            <dt>Description</dt>
            <dd>{endpoint.description}</dd>
          </>
        )}
        <dt>Application</dt>
        <dd>{endpoint.application.name} · {endpoint.application.id}</dd>
      </dl>
      {!endpoint.deleted && (
        <div class="actions">
          <button type="button" disabled={toggle.fetching} onClick={() => runToggle({ input: { id, enabled: !endpoint.enabled } })}>
            {endpoint.enabled ? 'Disable endpoint' : 'Enable endpoint'}
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
    </section>
  );
}

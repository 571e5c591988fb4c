import { useClient, useMutation, useQuery } from '@urql/preact';
import { useEffect } from 'preact/hooks';
import { ConsoleDeliveryDocument, ConsoleDeliveryUpdatedDocument, ConsoleRetryDeliveryDocument } from '../../generated/graphql.js';
import { errorMessage } from '../client.js';
import { href } from '../router.js';
import { Empty, ErrorNotice, Json, Loading, StatusBadge, time } from '../ui.js';

// One delivery: the event payload, every attempt, and a Retry button. Reloaded whenever the live
// feed reports a change of it.

export function DeliveryPage({ id }: { id: string }) {
  const client = useClient();
  const [result, reload] = useQuery({ query: ConsoleDeliveryDocument, variables: { id } });
  const [retry, runRetry] = useMutation(ConsoleRetryDeliveryDocument);
  const delivery = result.data?.delivery;
  const eventId = delivery?.event.id;
  const endpointId = delivery?.endpoint.id;

  useEffect(() => {
    if (!eventId || !endpointId) return;
    const live = client.subscription(ConsoleDeliveryUpdatedDocument, { filter: { eventId, endpointId } }).subscribe((r) => {
      if (r.data?.deliveryUpdated.id === id) reload({ requestPolicy: 'network-only' });
    });
    return () => live.unsubscribe();
  }, [client, id, eventId, endpointId]);

  if (result.fetching && !result.data) return <Loading />;
  if (result.error) return <ErrorNotice message={errorMessage(result.error)} />;
  if (!delivery) {
    return (
      <Empty>
        Delivery {id} was not found: it does not exist, or it belongs to another application. <a href={href.deliveries()}>Back to live deliveries</a>
      </Empty>
    );
  }
  return (
    <section aria-labelledby="delivery-title">
      <p><a href={href.deliveries()}>← Live deliveries</a></p>
      <div class="page-head">
        <h1 id="delivery-title">Delivery {delivery.id}</h1>
        <button type="button" disabled={retry.fetching} onClick={() => runRetry({ input: { id } })}>
          Retry
        </button>
      </div>
      <ErrorNotice message={errorMessage(retry.error)} />
      <dl class="facts">
        <dt>Status</dt>
        <dd><span aria-label="Delivery status"><StatusBadge status={delivery.status} /></span></dd>
        <dt>Event</dt>
        <dd>{delivery.event.type} · {delivery.event.id}</dd>
        <dt>Endpoint</dt>
        <dd><a href={href.endpoint(delivery.endpoint.id)}>{delivery.endpoint.url}</a></dd>
        <dt>Attempts</dt>
        <dd>{delivery.attemptCount}</dd>
        <dt>Next attempt</dt>
        <dd>{time(delivery.nextAttemptAt)}</dd>
        {delivery.failureReason && (
          <>
            <dt>Failure reason</dt>
            <dd>{delivery.failureReason}</dd>
          </>
        )}
      </dl>
      <h2>Event payload</h2>
      <Json value={delivery.event.payload} label="Event payload" />
      <h2>Attempts</h2>
      {delivery.attempts.length === 0 ? (
        <Empty>No attempt yet: the first one is made as soon as a worker picks the delivery up.</Empty>
      ) : (
        <div class="table-wrap">
          <table aria-label="Attempts">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Started</th>
                <th scope="col">Result</th>
                <th scope="col">HTTP status</th>
                <th scope="col">Duration</th>
                <th scope="col">Response body</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {delivery.attempts.map((a) => (
                <tr key={a.number}>
                  <td>{a.number}</td>
                  <td>{time(a.startedAt)}</td>
                  <td>{a.success ? 'success' : 'failure'}</td>
                  <td>{a.responseStatus ?? '—'}</td>
                  <td>{a.durationMs} ms</td>
                  <td><pre class="body">{a.responseBody ?? ''}</pre></td>
                  <td>{a.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

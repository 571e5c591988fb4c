import { useQuery } from '@urql/preact';
import { ConsoleEventTypesDocument } from '../../generated/graphql.js';
import { errorMessage } from '../client.js';
import { Empty, ErrorNotice, Json, Loading } from '../ui.js';

// The event type catalogue: names, descriptions, JSON Schemas and examples.

export function EventTypesPage() {
  const [result] = useQuery({ query: ConsoleEventTypesDocument, variables: {} });
  const types = result.data?.eventTypes;
  return (
    <section aria-labelledby="types-title">
      <h1 id="types-title">Event types</h1>
      <ErrorNotice message={errorMessage(result.error)} />
      {result.fetching && !result.data ? (
        <Loading />
      ) : !types ? null : types.length === 0 ? (
        <Empty>
          No event types yet: the platform defines them with <code>createEventType(input: {'{'}name, description, schema{'}'})</code> (GraphiQL at <a href="/graphql">/graphql</a>).
        </Empty>
      ) : (
        <ul class="cards" aria-label="Event types">
          {types.map((t) => (
            <li key={t.name} class="card">
              <h2>{t.name}</h2>
              <p>{t.description ?? <span class="muted">No description.</span>}</p>
              {t.schema == null ? <p class="muted">Any JSON payload is accepted (no schema).</p> : <Json value={t.schema} label={`JSON Schema of ${t.name}`} />}
              <h3>Examples</h3>
              {t.examples.length === 0 ? (
                <p class="muted">No examples yet: add some with <code>updateEventType(input: {'{'}name, examples{'}'})</code>; the first is what "Send test event" sends.</p>
              ) : (
                t.examples.map((example, i) => <Json key={i} value={example} label={`Example ${i + 1} of ${t.name}`} />)
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

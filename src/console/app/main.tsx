import { Provider } from '@urql/preact';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ConsoleDeliveriesDocument } from '../generated/graphql.js';
import { ConnectionContext, createConsoleClient, errorMessage } from './client.js';
import { DeliveryPage } from './pages/delivery.js';
import { DeliveriesPage } from './pages/deliveries.js';
import { EndpointPage, EndpointsPage } from './pages/endpoints.js';
import { EventTypesPage } from './pages/event-types.js';
import { JobsPage } from './pages/jobs.js';
import { StatisticsPage } from './pages/statistics.js';
import { href, useRoute, type Route } from './router.js';
import { clearSession, readSession, saveSession, takePortalToken, type Session } from './session.js';
import { ErrorNotice } from './ui.js';
import '../console.css';

// The Tidings console: sign in with a token, then live deliveries, endpoints, event types, statistics and bulk jobs.
// At /portal the same console opens from a portal link, scoped to that link's application.

function SignIn({ onSignIn, error }: { onSignIn: (token: string) => void; error: string | undefined }) {
  const [token, setToken] = useState('');
  return (
    <main class="sign-in">
      <h1>Tidings console</h1>
      <form
        aria-label="Sign in"
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) onSignIn(token.trim());
        }}
      >
        <label>
          Token
          <input type="password" autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        </label>
        <p class="muted">The admin token or an application's API key. It is kept in this browser tab only.</p>
        <button type="submit">Sign in</button>
      </form>
      <ErrorNotice message={error} />
    </main>
  );
}

function Page({ route, portal }: { route: Route; portal: boolean }) {
  switch (route.page) {
    case 'delivery':
      return <DeliveryPage id={route.id} />;
    case 'endpoints':
      return <EndpointsPage portal={portal} />;
    case 'endpoint':
      return <EndpointPage id={route.id} />;
    case 'event-types':
      return <EventTypesPage />;
    case 'statistics':
      return <StatisticsPage portal={portal} />;
    case 'jobs':
      return <JobsPage />;
    default:
      return <DeliveriesPage portal={portal} filters={route.filters} key={route.key} />;
  }
}

function Console({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const route = useRoute();
  const current = (page: string) => (route.page === page || route.page === page.replace(/s$/, '') ? 'page' : undefined);
  return (
    <>
      <header class="top">
        <strong class="brand">Tidings{session.portal ? ' portal' : ''}</strong>
        <nav aria-label="Console">
          <a href={href.deliveries()} aria-current={current('deliveries')}>Live deliveries</a>
          <a href={href.endpoints()} aria-current={current('endpoints')}>Endpoints</a>
          <a href={href.eventTypes()} aria-current={route.page === 'event-types' ? 'page' : undefined}>Event types</a>
          <a href={href.statistics()} aria-current={route.page === 'statistics' ? 'page' : undefined}>Statistics</a>
          <a href={href.jobs()} aria-current={route.page === 'jobs' ? 'page' : undefined}>Bulk jobs</a>
        </nav>
        <button type="button" class="sign-out" onClick={onSignOut}>Sign out</button>
      </header>
      <main>
        <Page route={route} portal={session.portal} />
      </main>
    </>
  );
}

function App() {
  const [session, setSession] = useState<Session | undefined>(() => {
    const portalToken = takePortalToken();
    if (portalToken) saveSession({ token: portalToken, portal: true });
    return readSession();
  });
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const connection = useMemo(() => (session ? createConsoleClient(session.token) : undefined), [session?.token]);
  useEffect(() => () => connection?.close(), [connection]);

  // A token is checked once with a small read, so a wrong or expired one is answered on the sign-in page.
  useEffect(() => {
    if (!connection) return;
    setChecked(false);
    connection.client.query(ConsoleDeliveriesDocument, { first: 1 }).toPromise().then((result) => {
      if (result.error) {
        setError(errorMessage(result.error));
        clearSession();
        setSession(undefined);
      } else {
        setError(undefined);
        setChecked(true);
      }
    });
  }, [connection]);

  if (!session || !connection) {
    return (
      <SignIn
        error={error}
        onSignIn={(token) => {
          const next = { token, portal: false };
          saveSession(next);
          setSession(next);
        }}
      />
    );
  }
  if (!checked) return <p class="muted" role="status">Signing in…</p>;
  return (
    <Provider value={connection.client}>
      <ConnectionContext.Provider value={connection}>
      <Console
        session={session}
        onSignOut={() => {
          clearSession();
          setSession(undefined);
        }}
      />
      </ConnectionContext.Provider>
    </Provider>
  );
}

render(<App />, document.getElementById('console')!);

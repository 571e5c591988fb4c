// The signed-in token lives in sessionStorage only: it ends with the browser tab, and is never put
// in a URL the server sees. A portal link carries its token in the #fragment, which browsers do
// not send; it is moved to sessionStorage and removed from the address bar at once.

const TOKEN_KEY = 'tidings.token';
const PORTAL_KEY = 'tidings.portal';

export interface Session {
  token: string;
  /** Signed in through a portal link: the console is scoped to one application. */
  portal: boolean;
}

export function readSession(): Session | undefined {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { token, portal: sessionStorage.getItem(PORTAL_KEY) === '1' } : undefined;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(TOKEN_KEY, session.token);
  sessionStorage.setItem(PORTAL_KEY, session.portal ? '1' : '0');
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(PORTAL_KEY);
}

/** On /portal#token=…: the token of the link, taken out of the address bar. */
export function takePortalToken(): string | undefined {
  if (!location.pathname.startsWith('/portal')) return undefined;
  const match = /^#token=([^&]+)/.exec(location.hash);
  if (!match?.[1]) return undefined;
  history.replaceState(null, '', `${location.pathname}#/deliveries`);
  return decodeURIComponent(match[1]);
}

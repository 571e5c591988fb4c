import { useEffect, useState } from 'preact/hooks';

// Pages are addressed by the #fragment (#/deliveries, #/deliveries/dlv_…, #/endpoints, …), so one
// HTML page serves them all and a reload keeps the page.

export type Route =
  | { page: 'deliveries'; endpointId?: string }
  | { page: 'delivery'; id: string }
  | { page: 'endpoints' }
  | { page: 'endpoint'; id: string }
  | { page: 'event-types' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  if (parts[0] === 'deliveries' && parts[1]) return { page: 'delivery', id: parts[1] };
  if (parts[0] === 'endpoints' && parts[1]) return { page: 'endpoint', id: parts[1] };
  if (parts[0] === 'endpoints') return { page: 'endpoints' };
  if (parts[0] === 'event-types') return { page: 'event-types' };
  return { page: 'deliveries', endpointId: params.get('endpoint') ?? undefined };
}

export const href = {
  deliveries: (endpointId?: string) => (endpointId ? `#/deliveries?endpoint=${encodeURIComponent(endpointId)}` : '#/deliveries'),
  delivery: (id: string) => `#/deliveries/${encodeURIComponent(id)}`,
  endpoints: () => '#/endpoints',
  endpoint: (id: string) => `#/endpoints/${encodeURIComponent(id)}`,
  eventTypes: () => '#/event-types',
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

import { useEffect, useState } from 'preact/hooks';

// Pages are addressed by the #fragment (#/deliveries, #/deliveries/dlv_…, #/endpoints, #/jobs, …), so one
// HTML page serves them all and a reload keeps the page.

/** The filters of the live deliveries page, kept in its address so a view can be bookmarked and shared. */
export interface DeliveryFilters {
  applicationId: string;
  endpointId: string;
  eventType: string;
  status: string;
}

export type Route =
  | { page: 'deliveries'; filters: DeliveryFilters; key: string }
  | { page: 'delivery'; id: string }
  | { page: 'endpoints' }
  | { page: 'endpoint'; id: string }
  | { page: 'event-types' }
  | { page: 'statistics' }
  | { page: 'jobs' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  if (parts[0] === 'deliveries' && parts[1]) return { page: 'delivery', id: parts[1] };
  if (parts[0] === 'endpoints' && parts[1]) return { page: 'endpoint', id: parts[1] };
  if (parts[0] === 'endpoints') return { page: 'endpoints' };
  if (parts[0] === 'event-types') return { page: 'event-types' };
  if (parts[0] === 'statistics') return { page: 'statistics' };
  if (parts[0] === 'jobs') return { page: 'jobs' };
  const filters = { applicationId: params.get('application') ?? '', endpointId: params.get('endpoint') ?? '', eventType: params.get('type') ?? '', status: params.get('status') ?? '' };
  return { page: 'deliveries', filters, key: query };
}

export const href = {
  deliveries: (filters: Partial<DeliveryFilters> = {}) => {
    const names: [keyof DeliveryFilters, string][] = [['applicationId', 'application'], ['endpointId', 'endpoint'], ['eventType', 'type'], ['status', 'status']];
    const query = new URLSearchParams(names.filter(([k]) => filters[k]?.trim()).map(([k, name]) => [name, filters[k]!.trim()])).toString();
    return query ? `#/deliveries?${query}` : '#/deliveries';
  },
  delivery: (id: string) => `#/deliveries/${encodeURIComponent(id)}`,
  endpoints: () => '#/endpoints',
  endpoint: (id: string) => `#/endpoints/${encodeURIComponent(id)}`,
  eventTypes: () => '#/event-types',
  statistics: () => '#/statistics',
  jobs: () => '#/jobs',
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

import type { Scope } from '../domain/records.js';
import type { Deps } from '../deps.js';
import { kindOfId } from '../ids.js';

/** Any object by its ID, within the scope; null for an unknown kind, a missing record or another tenant's. */
export async function findNode(deps: Deps, scope: Scope, id: string): Promise<{ id: string } | null> {
  const { store } = deps;
  switch (kindOfId(id)) {
    case 'Application':
      return store.findApplication(scope, id);
    case 'Endpoint':
      return store.findEndpoint(scope, id);
    case 'Event':
      return store.findEvent(scope, id);
    case 'Delivery':
      return store.findDelivery(scope, id);
    case 'BulkJob':
      return store.findBulkJob(scope, id);
    default:
      return null;
  }
}

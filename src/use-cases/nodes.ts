import type { Scope } from '../domain/records.js';
import type { Deps } from '../deps.js';
import { kindOfId, type IdKind } from '../ids.js';

/** Kinds of record findNode reads, each within an application's scope. */
const NODE_KINDS: ReadonlySet<IdKind | undefined> = new Set(['Application', 'Endpoint', 'Event', 'Delivery', 'BulkJob'] as const);
export const isNodeId = (id: string): boolean => NODE_KINDS.has(kindOfId(id));

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

import type { Scope } from '../domain/records.js';
import type { Deps } from '../deps.js';
import { kindOfId, type IdKind } from '../ids.js';
import type { Store } from '../store/ports.js';

type Reader = (store: Store, scope: Scope, id: string, options: { includeDeleted?: boolean }) => Promise<{ id: string } | null>;

/** The kinds of record findNode reads, each within a scope. */
const READERS: Partial<Record<IdKind, Reader>> = {
  Application: (store, scope, id) => store.findApplication(scope, id),
  Endpoint: (store, scope, id, options) => store.findEndpoint(scope, id, options),
  Event: (store, scope, id) => store.findEvent(scope, id),
  Delivery: (store, scope, id) => store.findDelivery(scope, id),
  BulkJob: (store, scope, id) => store.findBulkJob(scope, id),
};

const readerOf = (id: string): Reader | undefined => {
  const kind = kindOfId(id);
  return kind === undefined ? undefined : READERS[kind];
};

/** Whether the ID is of a kind findNode reads. */
export const isNodeId = (id: string): boolean => readerOf(id) !== undefined;

/**
 * Any object by its ID, within the scope; null for an unknown kind, a missing record or another
 * tenant's. `includeDeleted` finds a deleted endpoint too.
 */
export function findNode(deps: Deps, scope: Scope, id: string, options: { includeDeleted?: boolean } = {}): Promise<{ id: string } | null> {
  return readerOf(id)?.(deps.store, scope, id, options) ?? Promise.resolve(null);
}

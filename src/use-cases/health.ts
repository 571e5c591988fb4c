import type { Deps } from '../deps.js';
import type { HealthState } from '../domain/health.js';
import type { AdminScope, ApplicationRecord, EndpointRecord, Scope } from '../domain/records.js';
import { narrowScope } from './access.js';

export interface EndpointHealthFilterInput {
  applicationId?: string | null;
  endpointId?: string | null;
  states?: HealthState[] | null;
}

/** The live health feed: endpoints the scope can see, each time their health state changes. */
export async function followEndpointHealth(deps: Deps, scope: Scope, input: EndpointHealthFilterInput | null | undefined): Promise<AsyncIterableIterator<EndpointRecord>> {
  const narrowed = await narrowScope(deps.store, scope, input?.applicationId);
  return deps.healthFeed.follow(narrowed, {
    ...(input?.endpointId ? { endpointId: input.endpointId } : {}),
    ...(input?.states ? { states: input.states } : {}),
  });
}

/** The reserved application of operational events (admin only). */
export async function operationsApplication(deps: Deps, admin: AdminScope): Promise<ApplicationRecord> {
  const application = await deps.store.findApplication(admin, await deps.operations.applicationId());
  if (!application) throw new Error('the operations application is missing from the store');
  return application;
}

import type { DeliveryFilter, DeliveryRecord, DeliveryStatus, Millis, Scope } from '../domain/records.js';
import type { Deps } from '../deps.js';
import { NotFoundError } from '../errors.js';
import { announceDeliveries } from '../live/announce.js';
import type { AttemptRecord } from '../domain/records.js';
import type { Page, PageArgs } from '../store/ports.js';
import { narrowScope } from './access.js';

/** A delivery filter as callers give it: an application, endpoint, event, type, statuses and a time window. */
export interface DeliveryFilterInput {
  applicationId?: string | null;
  endpointId?: string | null;
  eventId?: string | null;
  eventType?: string | null;
  status?: DeliveryStatus[] | null;
  since?: Millis | null;
  until?: Millis | null;
}

/** The scope and store filter for a filter input: an applicationId narrows the scope (NOT_FOUND if not visible). */
export async function resolveFilter(deps: Deps, scope: Scope, input: DeliveryFilterInput | null | undefined): Promise<[Scope, DeliveryFilter]> {
  const f: DeliveryFilter = {};
  if (input?.endpointId) f.endpointId = input.endpointId;
  if (input?.eventId) f.eventId = input.eventId;
  if (input?.eventType) f.eventType = input.eventType;
  if (input?.status) f.status = input.status;
  if (input?.since != null) f.since = input.since;
  if (input?.until != null) f.until = input.until;
  const narrowed = await narrowScope(deps.store, scope, input?.applicationId);
  if (narrowed.kind === 'app') f.applicationId = narrowed.applicationId;
  return [narrowed, f];
}

export async function listDeliveries(deps: Deps, scope: Scope, input: DeliveryFilterInput | null | undefined, page: PageArgs): Promise<Page<DeliveryRecord>> {
  const [narrowed, filter] = await resolveFilter(deps, scope, input);
  return deps.store.listDeliveries(narrowed, filter, page);
}

export function findDelivery(deps: Deps, scope: Scope, id: string): Promise<DeliveryRecord | null> {
  return deps.store.findDelivery(scope, id);
}

/** Attempts of many deliveries in one read, oldest first within each (the caller saw the deliveries). */
export function loadAttempts(deps: Deps, deliveryIds: readonly string[]): Promise<AttemptRecord[]> {
  return deps.store.listAttemptsOf(deliveryIds);
}

/** The live feed: deliveries the scope can see and the filter keeps, as they are created and change. */
export async function followDeliveries(deps: Deps, scope: Scope, input: DeliveryFilterInput | null | undefined): Promise<AsyncIterableIterator<DeliveryRecord>> {
  const [narrowed, filter] = await resolveFilter(deps, scope, input);
  return deps.live.follow(narrowed, filter);
}

/** Queues exactly one more attempt now, whatever the status; CONFLICT while an attempt is in flight. */
export async function retryDelivery(deps: Deps, scope: Scope, id: string): Promise<DeliveryRecord> {
  const delivery = await deps.store.requeueDelivery(scope, id, deps.now());
  if (!delivery) throw new NotFoundError('delivery', id);
  announceDeliveries(deps.pubsub, [delivery]);
  return delivery;
}

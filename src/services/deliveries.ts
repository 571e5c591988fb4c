import type { Deps } from '../deps.js';
import { announceDeliveries } from '../live/announce.js';
import { NotFoundError } from '../errors.js';
import type { DeliveryRecord, Scope } from '../domain/records.js';
import { requireCaller } from './access.js';

/** Queues exactly one more attempt now, whatever the status; CONFLICT while an attempt is in flight. */
export async function retryDelivery(deps: Deps, caller: Scope | undefined, id: string): Promise<DeliveryRecord> {
  const scope = requireCaller(caller);
  const delivery = await deps.store.requeueDelivery(scope, id, deps.now());
  if (!delivery) throw new NotFoundError('delivery', id);
  announceDeliveries(deps.pubsub, [delivery]);
  return delivery;
}

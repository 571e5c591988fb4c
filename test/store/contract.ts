import { catalogueContract } from './catalogue-contract.js';
import type { StoreHarness } from './contract-fixtures.js';
import { deliveryLogContract } from './delivery-log-contract.js';
import { statsContract } from './stats-contract.js';
import { endpointHealthContract } from './endpoint-health-contract.js';
import { bulkJobsContract } from './bulk-jobs-contract.js';
import { applicationLifecycleContract } from './application-lifecycle-contract.js';
import { rateSlotsContract } from './rate-slots-contract.js';

export type { StoreHarness };

/** Every contract suite of the store's ports, for one adapter. */
export function storeContract(name: string, open: () => Promise<StoreHarness>): void {
  catalogueContract(name, open);
  deliveryLogContract(name, open);
  statsContract(name, open);
  endpointHealthContract(name, open);
  bulkJobsContract(name, open);
  applicationLifecycleContract(name, open);
  rateSlotsContract(name, open);
}

import type { ClaimOptions } from '../ports.js';
import type { Millis } from '../../domain/records.js';

/**
 * The writer thread's count of leases it granted to the worker that the worker's share does not
 * count yet. Several writes may lease for the worker at once (its claims, and publishes that hand
 * fresh deliveries straight to it), each with the share the worker had when the write was sent;
 * without this, two of them could both fill the same free slot. A grant is counted until the
 * worker says it has launched it (ClaimOptions.launched) or its lease ends, whichever is first.
 * Only claimers that say what they launched (the worker; `launched` set, even empty) take part.
 */
export class GrantLedger {
  private readonly grants = new Map<string, { until: Millis; byEndpoint: Map<string, number>; total: number }>();

  /** The share as it stands once the grants the worker has not counted yet are taken out of it. */
  account(options: ClaimOptions): ClaimOptions {
    if (options.launched === undefined) return options;
    for (const token of options.launched) this.grants.delete(token);
    if (this.grants.size === 0) return options;
    const inFlight = new Map(options.inFlightByEndpoint ?? []);
    let limit = options.limit;
    for (const [token, grant] of this.grants) {
      if (grant.until <= options.now) {
        this.grants.delete(token);
        continue;
      }
      limit -= grant.total;
      for (const [endpointId, n] of grant.byEndpoint) inFlight.set(endpointId, (inFlight.get(endpointId) ?? 0) + n);
    }
    return { ...options, limit: Math.max(0, limit), inFlightByEndpoint: inFlight };
  }

  /** Notes the leases one write granted under `token` to a claimer taking part. */
  grant(options: ClaimOptions, token: string, until: Millis, endpointIds: readonly string[]): void {
    if (options.launched === undefined || endpointIds.length === 0) return;
    const byEndpoint = new Map<string, number>();
    for (const id of endpointIds) byEndpoint.set(id, (byEndpoint.get(id) ?? 0) + 1);
    this.grants.set(token, { until, byEndpoint, total: endpointIds.length });
  }
}

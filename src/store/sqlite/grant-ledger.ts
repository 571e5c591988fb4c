import type { ClaimOptions } from '../ports.js';
import type { Millis } from '../../domain/records.js';

/**
 * The writer thread's count of leases it granted to the worker that the worker's share does not
 * count yet. Several writes may lease for the worker at once (its claims, and publishes that hand
 * fresh deliveries straight to it), each with the share the worker had when the write was sent;
 * without this, two of them could both fill the same free slot. A grant is counted until a share
 * the worker took after launching it arrives (ClaimOptions.launched), or until its lease ends.
 *
 * Shares are not applied in the order they were taken: the writer thread commits claims ahead of
 * the publishes of their batch (writer-thread.ts). A publish's share taken before a launch counts
 * that grant even when a claim's later share, which reported the launch, was applied first; so a
 * launched grant is kept, marked with the share that reported it, until the batch is over.
 * Only claimers that say what they launched (the worker; `launched` set, even empty) take part.
 */
export class GrantLedger {
  private readonly grants = new Map<string, { until: Millis; byEndpoint: Map<string, number>; total: number; launchedBy?: number }>();

  /** The share as it stands once the grants the worker had not counted when it took it are taken out of it. */
  account(options: ClaimOptions): ClaimOptions {
    const { launched } = options;
    if (launched === undefined || this.grants.size === 0) return options;
    for (const token of launched.tokens) {
      const grant = this.grants.get(token);
      if (grant && grant.launchedBy === undefined) grant.launchedBy = launched.seq;
    }
    const inFlight = new Map(options.inFlightByEndpoint ?? []);
    let limit = options.limit;
    for (const [token, grant] of this.grants) {
      if (grant.until <= options.now) {
        this.grants.delete(token);
        continue;
      }
      if (grant.launchedBy !== undefined && launched.seq >= grant.launchedBy) continue; // this share counts it
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

  /**
   * The writer thread's batch is over: every share sent before one that reported a launch has been
   * applied (messages arrive in the order they were sent), so launched grants are counted by every
   * share still to come.
   */
  endBatch(): void {
    for (const [token, grant] of this.grants) if (grant.launchedBy !== undefined) this.grants.delete(token);
  }
}

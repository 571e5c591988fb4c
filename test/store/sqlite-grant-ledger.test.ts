import { describe, expect, it } from 'vitest';
import type { ClaimOptions } from '../../src/store/ports.js';
import { GrantLedger } from '../../src/store/sqlite/grant-ledger.js';

// The writer thread's count of what it leased to the worker that the worker's shares do not count
// yet. The writer commits claims ahead of the publishes of their batch, so it may apply a publish's
// share after a claim's share the worker took later. These cases replay such orders step by step.

const NOW = 1_000_000;
const UNTIL = NOW + 30_000;
const EP = 'ep_1';

/** The worker's share: its own count of what it holds, and what it launched since its last share. */
function share(seq: number, held: number, tokens: string[] = []): ClaimOptions {
  return {
    now: NOW, limit: 10, leaseMs: 30_000, perEndpointLimit: 2,
    inFlightByEndpoint: new Map(held ? [[EP, held]] : []), launched: { seq, tokens },
  };
}

const counted = (options: ClaimOptions) => options.inFlightByEndpoint?.get(EP) ?? 0;

describe('the grant ledger', () => {
  it('counts a grant for a share taken before its launch, even applied after a later share that reported it', () => {
    const ledger = new GrantLedger();
    const first = share(1, 0);
    ledger.account(first);
    ledger.grant(first, 'g', UNTIL, [EP]); // a claim leased one delivery of the endpoint
    const publish = share(2, 0); // a publish's share, sent before the claim's reply came back
    const claim = share(3, 1, ['g']); // the worker launched it, then took the next claim's share
    // The writer applies the claim first (claims commit ahead of publishes in a batch).
    expect(counted(ledger.account(claim))).toBe(1);
    // The publish's share does not count the launch: the ledger still must, or the slot is given twice.
    expect(counted(ledger.account(publish))).toBe(1);
    expect(ledger.account(publish).limit).toBe(9);
    ledger.endBatch();
    // Every share from now on counts it itself: not twice.
    expect(counted(ledger.account(share(4, 1)))).toBe(1);
    expect(ledger.account(share(5, 1)).limit).toBe(10);
  });

  it('counts a grant the worker has not launched until its lease ends', () => {
    const ledger = new GrantLedger();
    const first = share(1, 0);
    ledger.account(first);
    ledger.grant(first, 'g', UNTIL, [EP, EP]);
    ledger.endBatch();
    expect(counted(ledger.account(share(2, 0)))).toBe(2);
    expect(counted(ledger.account({ ...share(3, 0), now: UNTIL }))).toBe(0);
  });

  it('leaves claimers that do not report launches out', () => {
    const ledger = new GrantLedger();
    const worker = share(1, 0);
    ledger.grant(worker, 'g', UNTIL, [EP]);
    const other: ClaimOptions = { now: NOW, limit: 5, leaseMs: 30_000 };
    expect(ledger.account(other)).toBe(other);
    ledger.grant(other, 'h', UNTIL, [EP]);
    expect(counted(ledger.account(share(2, 0)))).toBe(1);
  });
});

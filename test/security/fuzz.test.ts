import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema/index.js';
import { rootFields } from '../support/fuzz/generate.js';
import { runFuzz, startFuzzServer, type FuzzStore, type FuzzTarget } from '../support/fuzz/harness.js';

// Requests generated from the schema (every query, mutation and subscription, see
// test/support/fuzz/generate.ts), from every kind of caller, over every transport. Whatever they
// carry, the server answers without 5xx or unknown error codes, shows nothing of its internals or
// of another tenant, stays ready, and stores exactly what its successful mutations created.
//
// FUZZ_SEED=<n> replays a run; FUZZ_REQUESTS=<n> changes the count on both stores.

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const override = process.env.FUZZ_REQUESTS ? Number(process.env.FUZZ_REQUESTS) : undefined;
const COUNTS: Record<FuzzStore, number> = { SQLite: override ?? 2500, MongoDB: override ?? 800 };
/** Time each store's run may take at most; a loaded machine sends fewer requests in it. */
const BUDGET_MS: Record<FuzzStore, number> = { SQLite: 35_000, MongoDB: 20_000 };

for (const kind of ['SQLite', 'MongoDB'] as const) {
  describe(`fuzzing the API on ${kind}`, () => {
    let target: FuzzTarget;
    beforeAll(async () => {
      target = await startFuzzServer(kind);
    }, 30_000);
    afterAll(async () => {
      await target?.stop();
    });

    it(`answers up to ${COUNTS[kind]} generated requests without 5xx, unknown codes, internals or other tenants' records, and stores exactly what succeeded`, async () => {
      const report = await runFuzz(schema, target, { seed, count: COUNTS[kind], budgetMs: BUDGET_MS[kind] });
      if (process.env.FUZZ_VERBOSE) {
        console.log(`${kind}: ${report.requests} requests, seed ${seed}`);
        for (const [field, outcomes] of report.outcomes) console.log(field, JSON.stringify(Object.fromEntries(outcomes)));
        for (const example of report.examples.values()) console.log(example);
        console.log([...report.timings].sort((a, b) => b[1] - a[1]).map(([k, ms]) => `${k}: ${Math.round(ms)} ms`).join('\n'));
      }
      const shown = report.problems.slice(0, 15).join('\n\n');
      expect(report.problems, `seed ${seed} (rerun with FUZZ_SEED=${seed}); ${report.problems.length} problem(s) in ${report.requests} requests:\n\n${shown}`).toEqual([]);
      // Every root field was reached (the first requests take each once), even when the budget ran out.
      expect(report.requests).toBeGreaterThanOrEqual(Math.min(COUNTS[kind], rootFields(schema).length));
    }, 100_000);
  });
}

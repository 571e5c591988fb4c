import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/ports.js';
import { freshStorePerCase, T0, type StoreHarness } from './contract-fixtures.js';

// Rate slots contract (the API rate limits' shared state): a slot ID is taken once, whoever asks.

export function rateSlotsContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Rate slots contract: ${name}`, () => {
    const current = freshStorePerCase(open);
    let store: Store;
    beforeEach(() => {
      store = current();
    });

    it('takes a slot once: the second take of the same ID is refused, other IDs are not', async () => {
      expect(await store.takeRateSlot('credential:app_1#100/200:42', T0 + 2000)).toBe(true);
      expect(await store.takeRateSlot('credential:app_1#100/200:42', T0 + 2000)).toBe(false);
      expect(await store.takeRateSlot('credential:app_1#100/200:43', T0 + 2000)).toBe(true);
      expect(await store.takeRateSlot('credential:app_2#100/200:42', T0 + 2000)).toBe(true);
    });

    it('gives a slot to exactly one of many concurrent takers', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => store.takeRateSlot('address:127.0.0.1#10/10:7', T0 + 1000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}

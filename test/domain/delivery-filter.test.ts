import { describe, expect, it } from 'vitest';
import { deliveryMatches } from '../../src/domain/delivery-filter.js';
import { newDelivery } from '../../src/domain/fan-out.js';
import type { EventRecord } from '../../src/domain/records.js';
import { FILTER_CASES, pick, type FilterWorld } from './delivery-filter-cases.js';

const T0 = Date.UTC(2026, 0, 1);

function world(): FilterWorld {
  const event = (id: string, type: string, createdAt: number): EventRecord => ({ id, applicationId: 'app_1', type, payload: '{}', channels: [], testEndpointId: null, idempotencyKey: null, createdAt });
  const first = event('evt_1', 'order.created', T0);
  const second = event('evt_2', 'user.created', T0 + 1000);
  return {
    applicationId: 'app_1',
    e1: 'ep_1',
    e2: 'ep_2',
    first: { eventId: first.id, createdAt: first.createdAt, deliveries: { e1: newDelivery('dlv_1', first, 'ep_1'), e2: newDelivery('dlv_2', first, 'ep_2') } },
    second: { eventId: second.id, createdAt: second.createdAt, type: second.type, delivery: newDelivery('dlv_3', second, 'ep_1') },
  };
}

describe('the live feed filter (deliveryMatches) keeps what the stores keep', () => {
  const w = world();
  const all = [w.first.deliveries.e1, w.first.deliveries.e2, w.second.delivery];
  for (const c of FILTER_CASES) {
    it(c.name, () => {
      expect(all.filter((d) => deliveryMatches(c.filter(w), d)).map((d) => d.id).sort()).toEqual(pick(w, c.keeps));
    });
  }
});

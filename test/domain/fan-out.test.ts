import { describe, expect, it } from 'vitest';
import { fanOutTargets, hearsChannels, whyNotHeard } from '../../src/domain/fan-out.js';
import { DEFAULT_DELIVERY_OPTIONS, type DeliveryOptions } from '../../src/domain/records.js';

// The fan-out rule: which endpoints of an application get a delivery of an event.

const endpoint = (id: string, delivery: Partial<DeliveryOptions> = {}, extra: { eventTypes?: string[]; deletedAt?: number | null; applicationId?: string } = {}) => ({
  id, applicationId: extra.applicationId ?? 'app_1', eventTypes: extra.eventTypes ?? ['*'], deletedAt: extra.deletedAt ?? null,
  delivery: { ...DEFAULT_DELIVERY_OPTIONS, ...delivery },
});
const event = (payload: unknown, channels: string[] = [], type = 'order.created') => ({ applicationId: 'app_1', type, channels, payload: JSON.stringify(payload) });

describe('fan-out', () => {
  it('hears every channel without channels of its own, else only events on one of them', () => {
    expect(hearsChannels(null, [])).toBe(true);
    expect(hearsChannels(['eu'], [])).toBe(false);
    expect(hearsChannels(['eu', 'us'], ['us'])).toBe(true);
    expect(hearsChannels(['eu'], ['us', 'apac'])).toBe(false);
  });

  it('selects endpoints of the application that are not deleted and hear the type, channels and filter', () => {
    const endpoints = [
      endpoint('all'),
      endpoint('typed', {}, { eventTypes: ['user.*'] }),
      endpoint('eu', { channels: ['eu'] }),
      endpoint('us', { channels: ['us'] }),
      endpoint('big', { filter: { total: { $gt: 100 } } }),
      endpoint('small', { filter: { total: { $lte: 100 } } }),
      endpoint('gone', {}, { deletedAt: 1 }),
      endpoint('other', {}, { applicationId: 'app_2' }),
    ];
    expect(fanOutTargets(endpoints, event({ total: 500 }, ['eu'])).map((e) => e.id)).toEqual(['all', 'eu', 'big']);
    expect(fanOutTargets(endpoints, event({ total: 5 })).map((e) => e.id)).toEqual(['all', 'small']);
  });

  it('sends a test event to its one endpoint only, whatever its triggers, unless it is deleted or of another application', () => {
    const endpoints = [endpoint('all'), endpoint('picky', { channels: ['x'], filter: { a: 1 } }, { eventTypes: ['user.*'] }), endpoint('gone', {}, { deletedAt: 1 })];
    expect(fanOutTargets(endpoints, { ...event({}), testEndpointId: 'picky' }).map((e) => e.id)).toEqual(['picky']);
    expect(fanOutTargets(endpoints, { ...event({}), testEndpointId: 'gone' })).toEqual([]);
    expect(fanOutTargets([endpoint('elsewhere', {}, { applicationId: 'app_2' })], { ...event({}), testEndpointId: 'elsewhere' })).toEqual([]);
  });

  it('says why an endpoint does not hear an event', () => {
    const data = () => ({ total: 1 });
    expect(whyNotHeard(endpoint('x', {}, { eventTypes: ['user.*'] }), event({}), data)).toMatch(/event type "order.created"/);
    expect(whyNotHeard(endpoint('x', { channels: ['eu'] }), event({}), data)).toMatch(/channels/);
    expect(whyNotHeard(endpoint('x', { filter: { total: 2 } }), event({}), data)).toMatch(/filter/);
    expect(whyNotHeard(endpoint('x'), event({}), data)).toBeNull();
  });

  it('parses the payload only when an endpoint has a filter', () => {
    const notJson = { applicationId: 'app_1', type: 't', channels: [], payload: 'not json' };
    expect(fanOutTargets([endpoint('a')], notJson)).toHaveLength(1);
    expect(() => fanOutTargets([endpoint('a', { filter: { a: 1 } })], notJson)).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { auditApplicationId, auditTargets, MAX_TARGETS, NOT_AUDITED } from '../../src/domain/audit.js';

const isApp = (id: string) => id.startsWith('app_');

describe('audit targets', () => {
  it('collects id, …Id and …Ids values from the input, then the payload, each once', () => {
    const input = { id: 'ep_1', applicationId: 'app_1', filter: { endpointId: 'ep_2', eventIds: ['evt_1', 'evt_2'] } };
    const payload = { endpoint: { id: 'ep_1', applicationId: 'app_1' }, job: { id: 'job_1' } };
    expect(auditTargets(input, payload)).toEqual(['ep_1', 'app_1', 'ep_2', 'evt_1', 'evt_2', 'job_1']);
  });

  it('names an event type by its name, and copies no secret, token, key or OAuth2 client ID', () => {
    const payload = { eventType: { name: 'order.created', schema: null } };
    expect(auditTargets({ name: 'order.created', description: 'x' }, payload)).toEqual(['order.created']);
    const created = { application: { id: 'app_1', name: 'Acme' }, apiKey: 'tdk_app_secret', token: 'tdk_prt_x', secret: 'whsec_x' };
    const input = { url: 'https://x', auth: { clientId: 'my-client', clientSecret: 's' } };
    expect(auditTargets(input, created)).toEqual(['app_1']);
  });

  it('stops at a bounded depth and number of targets', () => {
    expect(auditTargets({ a: { b: { c: { d: { id: 'deep' } } } } }, null)).toEqual([]);
    expect(auditTargets({ eventIds: Array.from({ length: 500 }, (_, i) => `x${i}`) }, null)).toHaveLength(MAX_TARGETS);
  });
});

describe('audit application', () => {
  it("is an application caller's own, whatever the input names", () => {
    expect(auditApplicationId('app_own', { applicationId: 'app_other' }, null, [], isApp)).toBe('app_own');
  });

  it("is, for the admin, the first applicationId of the input or payload, else an application's ID among the targets, else null", () => {
    expect(auditApplicationId(null, { applicationId: 'app_in' }, { endpoint: { applicationId: 'app_out' } }, [], isApp)).toBe('app_in');
    expect(auditApplicationId(null, { id: 'ep_1' }, { endpoint: { applicationId: 'app_out' } }, [], isApp)).toBe('app_out');
    expect(auditApplicationId(null, { id: 'app_1' }, { deletedApplicationId: 'app_1' }, ['app_1'], isApp)).toBe('app_1');
    expect(auditApplicationId(null, { name: 'order.created' }, {}, ['order.created'], isApp)).toBeNull();
  });

  it('leaves out high-volume publishing only', () => {
    expect([...NOT_AUDITED].sort()).toEqual(['publishEvent', 'publishEvents']);
  });
});

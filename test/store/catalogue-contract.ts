import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/errors.js';
import { newId } from '../../src/ids.js';
import type { Store, StoredApiKey } from '../../src/store/ports.js';
import { admin, appScope, fixtures, freshStorePerCase, T0, type StoreHarness } from './contract-fixtures.js';

// Catalogue contract: every adapter runs exactly these tests with exactly these expectations (after
// Hookdeck Outpost's drivertest).

export function catalogueContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Catalogue contract: ${name}`, () => {
    const current = freshStorePerCase(open);
    let store: Store;
    beforeEach(() => {
      store = current();
    });
    const { application, endpoint } = fixtures(() => store);

    it('keeps the first value of a setting', async () => {
      expect(await store.ensureSetting('k', 'first')).toBe('first');
      expect(await store.ensureSetting('k', 'second')).toBe('first');
      expect(await store.getSetting('k')).toBe('first');
      expect(await store.getSetting('missing')).toBeNull();
    });

    it('finds applications by ID within scope', async () => {
      const a = await application('a');
      const b = await application('b');
      expect(await store.findApplication(admin, a.id)).toEqual(a);
      expect(await store.findApplication(appScope(a.id), a.id)).toEqual(a);
      expect(await store.findApplication(appScope(a.id), b.id)).toBeNull();
    });

    const apiKey = (applicationId: string, extra: Partial<StoredApiKey> = {}): StoredApiKey => {
      const id = newId('ApiKey');
      return {
        id, applicationId, name: 'ci', scopes: ['READ'], rateLimit: null, createdAt: T0, expiresAt: null, lastUsedAt: null, revokedAt: null,
        tokenHash: `hash-${id}`, ...extra,
      };
    };
    const shown = ({ tokenHash: _h, ...key }: StoredApiKey) => key;

    it('creates an application together with its first API key', async () => {
      const app = { id: newId('Application'), name: 'with key', metadata: {}, createdAt: T0 };
      const key = apiKey(app.id, { name: 'default', scopes: ['READ', 'WRITE'] });
      await store.createApplication(app, key);
      expect(await store.findApplication(admin, app.id)).toEqual(app);
      expect(await store.findApiKeyForAuth(key.id)).toEqual(key);
      expect(await store.findApiKeyByHash(key.tokenHash)).toEqual(key);
    });

    it('finds API keys by ID for authentication, by hash, and within scope only', async () => {
      const a = await application('a');
      const b = await application('b');
      const key = apiKey(a.id, { rateLimit: 25, expiresAt: T0 + 60_000 });
      await store.createApiKey(key);
      expect(await store.findApiKeyForAuth(key.id)).toEqual(key);
      expect(await store.findApiKeyForAuth(newId('ApiKey'))).toBeNull();
      expect(await store.findApiKeyByHash(key.tokenHash)).toEqual(key);
      expect(await store.findApiKeyByHash('nope')).toBeNull();
      expect(await store.findApiKey(admin, key.id)).toEqual(shown(key));
      expect(await store.findApiKey(appScope(a.id), key.id)).toEqual(shown(key));
      expect(await store.findApiKey(appScope(b.id), key.id)).toBeNull();
    });

    it('refuses a second API key with the same token hash', async () => {
      const a = await application('a');
      const key = apiKey(a.id);
      await store.createApiKey(key);
      await expect(store.createApiKey({ ...apiKey(a.id), tokenHash: key.tokenHash })).rejects.toThrow();
      expect((await store.listApiKeys(admin, a.id, { first: 10 })).items).toEqual([shown(key)]);
    });

    it("lists one application's API keys newest first, in pages, never another application's", async () => {
      const a = await application('a');
      const b = await application('b');
      const keys = [apiKey(a.id), apiKey(a.id), apiKey(a.id)];
      for (const key of keys) await store.createApiKey(key);
      await store.createApiKey(apiKey(b.id));
      const first = await store.listApiKeys(admin, a.id, { first: 2 });
      expect(first).toEqual({ items: [shown(keys[2]!), shown(keys[1]!)], hasNextPage: true });
      expect(await store.listApiKeys(appScope(a.id), a.id, { first: 2, after: keys[1]!.id })).toEqual({ items: [shown(keys[0]!)], hasNextPage: false });
      expect(await store.listApiKeys(appScope(b.id), a.id, { first: 10 })).toEqual({ items: [], hasNextPage: false });
    });

    it('revokes an API key within scope only, keeping the first revocation time', async () => {
      const a = await application('a');
      const b = await application('b');
      const key = apiKey(a.id);
      await store.createApiKey(key);
      expect(await store.revokeApiKey(appScope(b.id), key.id, T0 + 1)).toBeNull();
      expect(await store.findApiKey(admin, key.id)).toMatchObject({ revokedAt: null });
      expect(await store.revokeApiKey(appScope(a.id), key.id, T0 + 5)).toEqual({ ...shown(key), revokedAt: T0 + 5 });
      expect(await store.revokeApiKey(admin, key.id, T0 + 9)).toEqual({ ...shown(key), revokedAt: T0 + 5 });
      expect(await store.revokeApiKey(admin, newId('ApiKey'), T0)).toBeNull();
    });

    it('rotates an API key: the new one is stored and the old one ends at the end of the grace, once only', async () => {
      const a = await application('a');
      const b = await application('b');
      const old = apiKey(a.id);
      await store.createApiKey(old);
      const next = apiKey(a.id, { createdAt: T0 + 1 });
      expect(await store.rotateApiKey(appScope(b.id), old.id, next, T0 + 1000)).toBeNull();
      expect(await store.findApiKeyForAuth(next.id)).toBeNull();
      expect(await store.rotateApiKey(appScope(a.id), old.id, next, T0 + 1000)).toEqual({ ...shown(old), revokedAt: T0 + 1000 });
      expect(await store.findApiKeyForAuth(next.id)).toEqual(next);
      const again = apiKey(a.id);
      expect(await store.rotateApiKey(admin, old.id, again, T0 + 2000)).toBeNull();
      expect(await store.findApiKeyForAuth(again.id)).toBeNull();
      expect(await store.findApiKey(admin, old.id)).toMatchObject({ revokedAt: T0 + 1000 });
      // Revoking during the grace ends it now.
      expect(await store.revokeApiKey(admin, old.id, T0 + 10)).toMatchObject({ revokedAt: T0 + 10 });
    });

    it('writes lastUsedAt at most once per interval', async () => {
      const a = await application('a');
      const key = apiKey(a.id);
      await store.createApiKey(key);
      await store.touchApiKey(key.id, T0 + 1000, 60_000);
      expect(await store.findApiKey(admin, key.id)).toMatchObject({ lastUsedAt: T0 + 1000 });
      await store.touchApiKey(key.id, T0 + 30_000, 60_000);
      expect(await store.findApiKey(admin, key.id)).toMatchObject({ lastUsedAt: T0 + 1000 });
      await store.touchApiKey(key.id, T0 + 61_000, 60_000);
      expect(await store.findApiKey(admin, key.id)).toMatchObject({ lastUsedAt: T0 + 61_000 });
    });

    it('stores named admin tokens by ID, lists them newest first and keeps the first revocation time', async () => {
      const tokens = [0, 1, 2].map((n) => ({ id: newId('AdminToken'), name: `ops ${n}`, rateLimit: n === 1 ? 50 : null, createdAt: T0 + n, revokedAt: null, tokenHash: `hash-${n}` }));
      for (const t of tokens) await store.createAdminToken(t);
      expect(await store.findAdminToken(tokens[1]!.id)).toEqual(tokens[1]);
      expect(await store.findAdminToken(newId('AdminToken'))).toBeNull();
      const hide = ({ tokenHash: _h, ...t }: (typeof tokens)[number]) => t;
      expect(await store.listAdminTokens({ first: 2 })).toEqual({ items: [hide(tokens[2]!), hide(tokens[1]!)], hasNextPage: true });
      expect(await store.listAdminTokens({ first: 2, after: tokens[1]!.id })).toEqual({ items: [hide(tokens[0]!)], hasNextPage: false });
      expect(await store.revokeAdminToken(tokens[0]!.id, T0 + 5)).toEqual({ ...hide(tokens[0]!), revokedAt: T0 + 5 });
      expect(await store.revokeAdminToken(tokens[0]!.id, T0 + 9)).toEqual({ ...hide(tokens[0]!), revokedAt: T0 + 5 });
      expect(await store.findAdminToken(tokens[0]!.id)).toMatchObject({ revokedAt: T0 + 5, tokenHash: 'hash-0' });
      expect(await store.revokeAdminToken(newId('AdminToken'), T0)).toBeNull();
    });

    it('stores portal sessions by ID with their token hash, and keeps the first revocation time', async () => {
      const a = await application('a');
      const session = { id: newId('PortalSession'), applicationId: a.id, tokenHash: 'h'.repeat(64), expiresAt: T0 + 60_000, revokedAt: null, createdAt: T0 };
      await store.createPortalSession(session);
      expect(await store.findPortalSession(session.id)).toEqual(session);
      expect(await store.findPortalSession(newId('PortalSession'))).toBeNull();
      const { tokenHash: _hash, ...record } = session;
      expect(await store.revokePortalSession(session.id, T0 + 5)).toEqual({ ...record, revokedAt: T0 + 5 });
      expect(await store.revokePortalSession(session.id, T0 + 9)).toEqual({ ...record, revokedAt: T0 + 5 });
      expect(await store.findPortalSession(session.id)).toMatchObject({ revokedAt: T0 + 5, tokenHash: session.tokenHash });
      expect(await store.revokePortalSession(newId('PortalSession'), T0)).toBeNull();
    });

    it('pages newest first with stable cursors', async () => {
      const apps = [];
      for (let i = 0; i < 5; i++) apps.push(await application(`a${i}`));
      const first = await store.listApplications(admin, { first: 2 });
      expect(first.items.map((a) => a.id)).toEqual([apps[4]!.id, apps[3]!.id]);
      expect(first.hasNextPage).toBe(true);
      await application('newer');
      const second = await store.listApplications(admin, { first: 2, after: first.items[1]!.id });
      expect(second.items.map((a) => a.id)).toEqual([apps[2]!.id, apps[1]!.id]);
      const last = await store.listApplications(admin, { first: 2, after: second.items[1]!.id });
      expect(last.items.map((a) => a.id)).toEqual([apps[0]!.id]);
      expect(last.hasNextPage).toBe(false);
    });

    it('refuses a duplicate event type name and updates and archives types', async () => {
      const t = { name: 'order.created', description: null, schema: { type: 'object' }, examples: [{ $x: 1, 'a.b': 2 }], archived: false, createdAt: T0, updatedAt: T0 };
      await store.createEventType(t);
      await expect(store.createEventType(t)).rejects.toBeInstanceOf(ConflictError);
      const updated = await store.updateEventType('order.created', { description: 'd', archived: true }, T0 + 1);
      expect(updated).toMatchObject({ name: 'order.created', description: 'd', archived: true, schema: { type: 'object' }, examples: [{ $x: 1, 'a.b': 2 }], updatedAt: T0 + 1 });
      expect((await store.updateEventType('order.created', { examples: [{ n: 1 }, { n: 2 }] }, T0 + 2))?.examples).toEqual([{ n: 1 }, { n: 2 }]);
      expect((await store.findEventType('order.created'))?.examples).toEqual([{ n: 1 }, { n: 2 }]);
      expect(await store.updateEventType('missing', { archived: true }, T0)).toBeNull();
      expect(await store.listEventTypes(false)).toEqual([]);
      expect((await store.listEventTypes(true)).map((x) => x.name)).toEqual(['order.created']);
    });

    it('scopes endpoints to their application and hides deleted ones unless asked', async () => {
      const a = await application();
      const b = await application();
      const ea = await endpoint(a.id);
      await endpoint(b.id);
      expect(await store.findEndpoint(appScope(b.id), ea.id)).toBeNull();
      expect((await store.listEndpoints(appScope(a.id), { first: 10 })).items.map((e) => e.id)).toEqual([ea.id]);
      expect((await store.listEndpoints(admin, { first: 10 })).items).toHaveLength(2);
      expect(await store.updateEndpoint(appScope(b.id), ea.id, { enabled: false }, T0)).toBeNull();
      const updated = await store.updateEndpoint(appScope(a.id), ea.id, { enabled: false, eventTypes: ['x.*'] }, T0 + 5);
      expect(updated).toMatchObject({ enabled: false, eventTypes: ['x.*'], updatedAt: T0 + 5 });
      const deleted = await store.deleteEndpoint(appScope(a.id), ea.id, T0 + 6, 'gone');
      expect(deleted?.endpoint.id).toBe(ea.id);
      expect(await store.findEndpoint(admin, ea.id)).toBeNull();
      expect((await store.findEndpoint(admin, ea.id, { includeDeleted: true }))?.deletedAt).toBe(T0 + 6);
      expect(await store.deleteEndpoint(admin, ea.id, T0 + 7, 'gone')).toBeNull();
    });

    it('keeps and changes delivery options, filters with operator keys and dotted paths included', async () => {
      const a = await application();
      const delivery = {
        format: 'CLOUDEVENTS_BINARY' as const, cloudEventsSource: 'https://shop.example.com', channels: ['eu'],
        filter: { 'order.total': { $gte: 10 }, $or: [{ a: 1 }, { 'b.c': { $exists: false } }] }, includeFields: ['order.id'],
        transform: '{ "id": event.id }', headers: [{ name: 'x-team', value: 'billing' }],
        auth: { kind: 'OAUTH2_CLIENT_CREDENTIALS' as const, tokenUrl: 'https://auth.example.com/token', clientId: 'c', clientSecret: 's', scope: null },
      };
      const e = await endpoint(a.id, { delivery });
      expect((await store.findEndpoint(admin, e.id))?.delivery).toEqual(delivery);
      const changed = { ...delivery, format: 'FORM' as const, filter: null, channels: null, auth: { kind: 'BASIC' as const, username: 'u', password: 'p' } };
      expect((await store.updateEndpoint(admin, e.id, { delivery: changed }, T0 + 1))?.delivery).toEqual(changed);
      expect((await store.listEndpoints(admin, { first: 10 })).items[0]?.delivery).toEqual(changed);
    });

    it('reads applications and endpoints of many IDs in one call, within the scope, deleted endpoints included', async () => {
      const a = await application('a');
      const b = await application('b');
      const ea = await endpoint(a.id);
      const eb = await endpoint(b.id);
      await store.deleteEndpoint(admin, ea.id, T0 + 1, 'gone');
      expect((await store.findApplications(admin, [a.id, b.id, 'app_missing'])).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
      expect((await store.findApplications(appScope(a.id), [a.id, b.id])).map((x) => x.id)).toEqual([a.id]);
      expect((await store.findEndpoints(admin, [ea.id, eb.id])).map((x) => x.id).sort()).toEqual([ea.id, eb.id].sort());
      expect((await store.findEndpoints(appScope(b.id), [ea.id, eb.id])).map((x) => x.id)).toEqual([eb.id]);
      expect(await store.findEndpoints(admin, [])).toEqual([]);
    });
  });
}

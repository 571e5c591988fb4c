import { API_KEY_SCOPES, ROTATION_GRACE_DEFAULT_SECONDS, ROTATION_GRACE_MAX_SECONDS } from '../../domain/api-keys.js';
import type { AdminTokenRecord, ApiKeyRecord, ApiKeyScope } from '../../domain/records.js';
import { createAdminToken, listAdminTokens, revokeAdminToken } from '../../use-cases/admin-tokens.js';
import { createApiKey, listApiKeys, MAX_KEY_RATE_LIMIT, revokeApiKey, rotateApiKey, type CreatedApiKey } from '../../use-cases/api-keys.js';
import { builder, scopeOf } from './builder.js';
import { connectionOf, pageArgs, pageFrom, toConnection } from './connection.js';
import { ApplicationRef } from './refs.js';

// Named API keys of an application (scoped, revocable, rotatable) and named admin tokens. A key's
// token is shown once, when it is created or rotated; only its hash is stored and nothing here
// ever shows it again.

export const ApiKeyScopeEnum = builder.enumType('ApiKeyScope', {
  description: 'What an API key may do.',
  values: {
    READ: { description: 'Queries and subscriptions.' },
    WRITE: { description: 'Mutations as well as queries and subscriptions.' },
  } satisfies Record<ApiKeyScope, unknown>,
});

const ApiKeyRef = builder.objectRef<ApiKeyRecord>('ApiKey').implement({
  description: "A named key of one application. Its token is shown once, at creation or rotation; only the token's hash is stored.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The key ID (key_…); revokeApiKey and rotateApiKey take it. Tokens of keys created since named keys exist begin with tdk_app_<this id>.' }),
    name: t.exposeString('name', { description: 'What the key is for, as its creator named it.' }),
    scopes: t.field({ type: [ApiKeyScopeEnum], description: 'What the key may do.', resolve: (k) => k.scopes }),
    rateLimit: t.int({ nullable: true, description: "Requests per second this key may make; null means the server's default.", resolve: (k) => k.rateLimit }),
    createdAt: t.field({ type: 'DateTime', description: 'When the key was created.', resolve: (k) => k.createdAt }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, description: 'When the key stops working on its own; null when it never expires.', resolve: (k) => k.expiresAt }),
    lastUsedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the key last authenticated a request, to the minute (it is written at most once a minute); null when never used.', resolve: (k) => k.lastUsedAt }),
    revokedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the key was revoked, or, after rotateApiKey, when its grace ends (then possibly in the future); null while neither.',
      resolve: (k) => k.revokedAt,
    }),
  }),
});

const ApiKeyConnection = connectionOf('ApiKey', ApiKeyRef, 'API key');

builder.objectField(ApplicationRef, 'apiKeys', (t) =>
  t.field({
    type: ApiKeyConnection,
    description: "This application's API keys, newest first, revoked and expired ones included (never their tokens).",
    args: pageArgs,
    resolve: async (app, args, context) =>
      toConnection(await listApiKeys(context.deps, scopeOf(context), app.id, pageFrom(args, context.deps.config.maxPageSize, 'ApiKey'))),
  }),
);

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  description: 'A new API key.',
  fields: (t) => ({
    applicationId: t.id({ description: "The application the key acts as: required with an admin token; an application's key may only name its own (or omit it)." }),
    name: t.string({ required: true, description: 'What the key is for, 1 to 256 characters.' }),
    scopes: t.field({ type: [ApiKeyScopeEnum], required: true, description: `What it may do: at least one of ${API_KEY_SCOPES.join(', ')}.` }),
    expiresAt: t.field({ type: 'DateTime', description: 'When it stops working (in the future); never when omitted.' }),
    rateLimit: t.int({ description: `Requests per second it may make, 1 to ${MAX_KEY_RATE_LIMIT}; the server's default when omitted or null.` }),
  }),
});

const CreateApiKeyPayload = builder.objectRef<CreatedApiKey>('CreateApiKeyPayload').implement({
  description: 'The new key and its token.',
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, description: 'The key.', resolve: (p) => p.apiKey }),
    key: t.exposeString('key', { description: 'The token, shown this once: only its hash is stored.' }),
  }),
});

const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', {
  description: 'The API key to end.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The key ID (key_…).' }) }),
});

const RevokeApiKeyPayload = builder.objectRef<{ apiKey: ApiKeyRecord }>('RevokeApiKeyPayload').implement({
  description: 'The revoked key.',
  fields: (t) => ({ apiKey: t.field({ type: ApiKeyRef, description: 'The key, with revokedAt set.', resolve: (p) => p.apiKey }) }),
});

const RotateApiKeyInput = builder.inputType('RotateApiKeyInput', {
  description: 'The API key to replace, and how long its token keeps working.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The key ID (key_…).' }),
    grace: t.int({
      description: `Seconds the old token keeps working, 0 to ${ROTATION_GRACE_MAX_SECONDS} (7 days); ${ROTATION_GRACE_DEFAULT_SECONDS} when omitted. 0 ends it now.`,
    }),
  }),
});

const RotateApiKeyPayload = builder.objectRef<CreatedApiKey & { previous: ApiKeyRecord }>('RotateApiKeyPayload').implement({
  description: 'The new key (same name, scopes, expiry and rate limit) and its token; the old key stops at the end of the grace.',
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, description: 'The new key.', resolve: (p) => p.apiKey }),
    key: t.exposeString('key', { description: "The new key's token, shown this once: only its hash is stored." }),
    previousApiKey: t.field({ type: ApiKeyRef, description: 'The old key, its revokedAt the end of the grace.', resolve: (p) => p.previous }),
  }),
});

builder.mutationFields((t) => ({
  createApiKey: t.withAuth({ caller: true }).field({
    type: CreateApiKeyPayload,
    description: "Creates an API key: the admin token for any application, an application's key (with WRITE) for its own. NOT_FOUND for an application the caller cannot see.",
    args: { input: t.arg({ type: CreateApiKeyInput, required: true, description: 'The key to create.' }) },
    resolve: (_root, { input }, { caller, deps }) => createApiKey(deps, caller, input),
  }),
  revokeApiKey: t.withAuth({ caller: true }).field({
    type: RevokeApiKeyPayload,
    description: 'Ends an API key now: every process refuses its token from the next request on and closes its live connections. NOT_FOUND for a key the caller cannot see; CONFLICT when it was revoked already.',
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true, description: 'The key to revoke.' }) },
    resolve: async (_root, { input }, { caller, deps }) => ({ apiKey: await revokeApiKey(deps, caller, input.id) }),
  }),
  rotateApiKey: t.withAuth({ caller: true }).field({
    type: RotateApiKeyPayload,
    description: 'Replaces an API key with a new one; the old token keeps working for the grace, then stops (its live connections close). CONFLICT for a key revoked, rotated or expired already.',
    args: { input: t.arg({ type: RotateApiKeyInput, required: true, description: 'The key and the grace.' }) },
    resolve: (_root, { input }, { caller, deps }) => rotateApiKey(deps, caller, input),
  }),
}));

const AdminTokenRef = builder.objectRef<AdminTokenRecord>('AdminToken').implement({
  description: "A named admin token: acts as the platform, like the bootstrap token, and can be revoked alone. Its token is shown once; only the token's hash is stored.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The admin token ID (adm_…); revokeAdminToken takes it.' }),
    name: t.exposeString('name', { description: 'Who or what the token is for.' }),
    rateLimit: t.int({ nullable: true, description: "Requests per second this token may make; null means the server's default.", resolve: (a) => a.rateLimit }),
    createdAt: t.field({ type: 'DateTime', description: 'When the token was created.', resolve: (a) => a.createdAt }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the token was revoked; null while it is not.', resolve: (a) => a.revokedAt }),
  }),
});

const AdminTokenConnection = connectionOf('AdminToken', AdminTokenRef, 'admin token');

const CreateAdminTokenInput = builder.inputType('CreateAdminTokenInput', {
  description: 'A new admin token.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Who or what it is for, 1 to 256 characters.' }),
    rateLimit: t.int({ description: `Requests per second it may make, 1 to ${MAX_KEY_RATE_LIMIT}; the server's default when omitted or null.` }),
  }),
});

const CreateAdminTokenPayload = builder.objectRef<{ adminToken: AdminTokenRecord; token: string }>('CreateAdminTokenPayload').implement({
  description: 'The new admin token and its token string.',
  fields: (t) => ({
    adminToken: t.field({ type: AdminTokenRef, description: 'The admin token.', resolve: (p) => p.adminToken }),
    token: t.exposeString('token', { description: 'The token, shown this once: only its hash is stored.' }),
  }),
});

const RevokeAdminTokenInput = builder.inputType('RevokeAdminTokenInput', {
  description: 'The admin token to end.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The admin token ID (adm_…).' }) }),
});

const RevokeAdminTokenPayload = builder.objectRef<{ adminToken: AdminTokenRecord }>('RevokeAdminTokenPayload').implement({
  description: 'The revoked admin token.',
  fields: (t) => ({ adminToken: t.field({ type: AdminTokenRef, description: 'The admin token, with revokedAt set.', resolve: (p) => p.adminToken }) }),
});

builder.mutationFields((t) => ({
  createAdminToken: t.withAuth({ admin: true }).field({
    type: CreateAdminTokenPayload,
    description: 'Creates a named admin token (admin only).',
    args: { input: t.arg({ type: CreateAdminTokenInput, required: true, description: 'The token to create.' }) },
    resolve: (_root, { input }, { caller, deps }) => createAdminToken(deps, caller, input),
  }),
  revokeAdminToken: t.withAuth({ admin: true }).field({
    type: RevokeAdminTokenPayload,
    description: 'Ends a named admin token now (admin only): refused from the next request on, its live connections closed. NOT_FOUND for an unknown ID; CONFLICT when revoked already. The bootstrap token cannot be revoked here.',
    args: { input: t.arg({ type: RevokeAdminTokenInput, required: true, description: 'The token to revoke.' }) },
    resolve: async (_root, { input }, { caller, deps }) => ({ adminToken: await revokeAdminToken(deps, caller, input.id) }),
  }),
}));

builder.queryField('adminTokens', (t) =>
  t.withAuth({ admin: true }).field({
    type: AdminTokenConnection,
    description: 'The named admin tokens, newest first, revoked ones included (admin only; the bootstrap token is not listed).',
    args: pageArgs,
    resolve: async (_root, args, { caller, deps }) => toConnection(await listAdminTokens(deps, caller, pageFrom(args, deps.config.maxPageSize, 'AdminToken'))),
  }),
);

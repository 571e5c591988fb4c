import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { allows } from '../../domain/api-keys.js';
import type { AdminScope, Scope } from '../../domain/records.js';
import { ForbiddenError, UnauthenticatedError } from '../../errors.js';
import type { Context } from '../context.js';
import './audit-plugin.js';

// The schema builder and what every field shares, declared once:
//  - who may call: root fields require the `caller` scope (any valid token) or `admin` (the admin
//    token) through scope-auth; their resolvers then get a context whose caller is narrowed;
//  - what a credential may do: every mutation requires the `write` scope (the Mutation type's
//    authScopes, index.ts): an API key without WRITE may query and subscribe, never mutate;
//  - every successful mutation leaves an audit entry (audit-plugin.ts);
//  - nested records are loaded in batches (dataloader): a page of 100 deliveries with their
//    endpoint and event costs three store reads, not 201.

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { caller: boolean; admin: boolean; write: boolean };
  AuthContexts: { caller: Context & { caller: Scope }; admin: Context & { caller: AdminScope } };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: number; Output: number | Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, DataloaderPlugin, 'audit'],
  scopeAuth: {
    // Subscriptions are authorized when they start, not on each event.
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      caller: context.caller !== undefined,
      admin: context.caller?.kind === 'admin',
      write: context.credential !== undefined && allows(context.credential.scopes, 'WRITE'),
    }),
    unauthorizedError: (_parent, context, info) => {
      if (context.caller === undefined) return new UnauthenticatedError();
      if (info.parentType.name === 'Mutation' && !(context.credential && allows(context.credential.scopes, 'WRITE'))) {
        return new ForbiddenError(`this API key lacks the WRITE scope (${info.fieldName} is a mutation): use a key with WRITE`);
      }
      return new ForbiddenError(`only the admin token may use ${info.fieldName}`);
    },
  },
});

/**
 * The caller's scope in a nested field. Nested fields resolve only under a root field that
 * required a caller, so this holds; it is the scope nested batches are read in.
 */
export function scopeOf(context: Context): Scope {
  if (!context.caller) throw new UnauthenticatedError();
  return context.caller;
}

/**
 * The options of a field that loads one record by ID in batches (t.loadable): `load` reads many
 * IDs at once in the caller's scope, and results are matched back to IDs.
 */
export function byId<T extends { id: string }>(load: (deps: Context['deps'], scope: Scope, ids: string[]) => Promise<T[]>) {
  return { sort: (record: T) => record.id, load: (ids: string[], context: Context) => load(context.deps, scopeOf(context), ids) };
}

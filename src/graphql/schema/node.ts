import { kindOfId, type IdKind } from '../../ids.js';
import { findNode } from '../../use-cases/nodes.js';
import { builder } from './builder.js';

// The Relay Node interface. IDs are our own prefixed IDs (`app_…`, `ep_…`, `evt_…`, `dlv_…`): the
// prefix names the type, so no base64 wrapping is needed.

export const NodeRef = builder.interfaceRef<{ id: string }>('Node').implement({
  description: 'An object with a globally unique ID that `node(id:)` can fetch.',
  resolveType: (value) => kindOfId(value.id) ?? null,
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Globally unique, type-prefixed, time-sortable ID.' }),
  }),
});

/** `isTypeOf` of a node type, derived from the ID prefix (ids.ts), the one place prefixes are named. */
export const isKind = (kind: IdKind) => (value: unknown) => typeof (value as { id?: unknown }).id === 'string' && kindOfId((value as { id: string }).id) === kind;

builder.queryField('node', (t) =>
  t.withAuth({ caller: true }).field({
    type: NodeRef,
    nullable: true,
    description: 'Any object by its ID; null when it does not exist or belongs to another application.',
    args: { id: t.arg.id({ required: true, description: 'The object ID.' }) },
    resolve: (_root, { id }, { caller, deps }) => findNode(deps, caller, id),
  }),
);

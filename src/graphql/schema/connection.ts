import type { ObjectRef } from '@pothos/core';
import { BadInputError } from '../../errors.js';
import { kindOfId, type IdKind } from '../../ids.js';
import type { Page, PageArgs } from '../../store/ports.js';
import { builder } from './builder.js';

// Relay connections, newest first. The cursor is the record's ID: IDs sort by creation (monotonic
// ULIDs), so a cursor stays valid however many records are added in front of it.

export const DEFAULT_PAGE_SIZE = 20;

interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

const PageInfo = builder.objectRef<PageInfoShape>('PageInfo').implement({
  description: 'Where a page sits in the whole list.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'True when more (older) records follow this page.' }),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage', { description: 'Always false: pages are read forward from the newest record.' }),
    startCursor: t.exposeString('startCursor', { nullable: true, description: 'Cursor of the first record of this page.' }),
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'Cursor of the last record of this page; pass it as `after` for the next page.' }),
  }),
});

interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfoShape;
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function connectionOf<T extends { id: string }>(name: string, node: ObjectRef<any, T>, what: string) {
  const Edge = builder.objectRef<{ cursor: string; node: T }>(`${name}Edge`).implement({
    description: `One ${what} in a list, with its cursor.`,
    fields: (t) => ({
      cursor: t.exposeString('cursor', { description: 'Pass as `after` to read the records after this one.' }),
      node: t.field({ type: node, description: `The ${what}.`, resolve: (edge) => edge.node as never }),
    }),
  });
  return builder.objectRef<ConnectionShape<T>>(`${name}Connection`).implement({
    description: `A page of ${what}s, newest first.`,
    fields: (t) => ({
      edges: t.field({ type: [Edge], description: `The ${what}s of this page.`, resolve: (c) => c.edges }),
      pageInfo: t.field({ type: PageInfo, description: 'Whether more pages follow, and the cursors to read them.', resolve: (c) => c.pageInfo }),
    }),
  });
}

export function toConnection<T extends { id: string }>(page: Page<T>): ConnectionShape<T> {
  const edges = page.items.map((node) => ({ cursor: node.id, node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** `first`/`after` arguments shared by every connection field. */
export const pageArgs = builder.args((t) => ({
  first: t.int({ description: `How many records to return (default ${DEFAULT_PAGE_SIZE}, at most TIDINGS_MAX_PAGE_SIZE, 100 by default).` }),
  after: t.string({ description: 'Return the records after this cursor (an endCursor from an earlier page).' }),
}));

export function pageFrom(args: { first?: number | null; after?: string | null }, maxPageSize: number, kind: IdKind): PageArgs {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) throw new BadInputError('first', `must be from 1 to ${maxPageSize}`);
  if (args.after && kindOfId(args.after) !== kind) throw new BadInputError('after', `"${args.after}" is not a cursor of this list`);
  return { first, ...(args.after ? { after: args.after } : {}) };
}

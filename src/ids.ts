import { getRandomValues } from 'node:crypto';
import { monotonicFactory } from 'ulid';

// IDs carry a type prefix (as Svix does) and a monotonic ULID: they sort in creation order even
// within one millisecond, which is what makes "newest first" strict and cursors stable.
export const ID_PREFIX = {
  Application: 'app',
  Endpoint: 'ep',
  Event: 'evt',
  Delivery: 'dlv',
  PortalSession: 'ps',
  BulkJob: 'job',
  ApiKey: 'key',
  AdminToken: 'adm',
  AuditEntry: 'aud',
} as const;

export type IdKind = keyof typeof ID_PREFIX;

/**
 * ulid's default generator asks the OS for randomness once per character (16 calls an ID, a few
 * percent of a publish's CPU). This draws the same cryptographic randomness in blocks.
 */
const pool = new Uint32Array(4096);
let next = pool.length;
function pooledRandom(): number {
  if (next === pool.length) {
    getRandomValues(pool);
    next = 0;
  }
  return pool[next++]! / 0x1_0000_0000;
}

const nextUlid = monotonicFactory(pooledRandom);

export function newId(kind: IdKind, now = Date.now()): string {
  return `${ID_PREFIX[kind]}_${nextUlid(now)}`;
}

/** The kind of an ID, from its prefix; undefined for anything that is not one of ours. */
export function kindOfId(id: string): IdKind | undefined {
  const prefix = id.slice(0, id.indexOf('_'));
  const entry = Object.entries(ID_PREFIX).find(([, p]) => p === prefix);
  return entry?.[0] as IdKind | undefined;
}

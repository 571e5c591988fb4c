import type { Millis } from './records.js';

// The audit log: one entry per successful management mutation, naming the credential that made it
// (never its token), what it did and to which records. Pure rules: which IDs a mutation targeted,
// read from its input and its payload, and which application an entry belongs to.

export type AuditActorKind = 'admin-bootstrap' | 'admin-token' | 'api-key' | 'portal-session';

export interface AuditEntryRecord {
  id: string;
  /** The credential's ID, kind and name (Credential in auth/authenticator.ts). */
  actorId: string;
  actorKind: AuditActorKind;
  actorName: string;
  /** The mutation's name, e.g. `deleteEndpoint`. */
  action: string;
  /** The application it acted on (an application key's own; for the admin, the one it named); null for platform-wide changes. */
  applicationId: string | null;
  /** IDs the mutation named in its input or answered with in its payload (event types by name), first seen first. */
  targetIds: string[];
  createdAt: Millis;
}

export interface AuditFilter {
  applicationId?: string;
  actorId?: string;
  action?: string;
  /** Inclusive, on createdAt. */
  since?: Millis;
  /** Exclusive, on createdAt. */
  until?: Millis;
}

/** Mutations not recorded: high-volume publishing, which the delivery log itself records (its events). */
export const NOT_AUDITED: ReadonlySet<string> = new Set(['publishEvent', 'publishEvents']);

/** Deepest nesting walked for IDs (payload → record → nested object). */
const MAX_DEPTH = 3;
/** At most this many targets an entry (a bulk input can name many). */
export const MAX_TARGETS = 100;

/** `…Id` keys that hold no record's ID (an OAuth2 client ID is a credential's name). */
const NOT_TARGETS = new Set(['clientId']);
const isIdKey = (key: string) => key === 'id' || (/[a-z]Ids?$/.test(key) && !NOT_TARGETS.has(key));

/**
 * The IDs a mutation targeted: string values of `id`, `…Id` and `…Ids` keys in its input and its
 * payload, and the name of an `eventType` record in the payload (event types are named, not
 * numbered). Secrets and tokens are never under such keys, so they are never copied.
 */
export function auditTargets(input: unknown, payload: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, depth: number) => {
    if (found.size >= MAX_TARGETS || depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      if (isIdKey(key)) {
        for (const id of Array.isArray(v) ? v : [v]) if (typeof id === 'string' && id !== '' && found.size < MAX_TARGETS) found.add(id);
      } else if (key === 'eventType' && v !== null && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') {
        found.add((v as { name: string }).name);
      } else if (typeof v === 'object') walk(v, depth + 1);
    }
  };
  walk(input, 0);
  walk(payload, 0);
  return [...found];
}

/**
 * The application an entry belongs to: an application caller's own; for the admin, the first
 * `applicationId` in the input or payload, else the first target that is an application's ID
 * (`isApplicationId`); null for platform-wide changes (event types).
 */
export function auditApplicationId(
  callerApplicationId: string | null,
  input: unknown,
  payload: unknown,
  targets: readonly string[],
  isApplicationId: (id: string) => boolean,
): string | null {
  if (callerApplicationId !== null) return callerApplicationId;
  return firstApplicationId(input) ?? firstApplicationId(payload) ?? targets.find(isApplicationId) ?? null;
}

function firstApplicationId(value: unknown, depth = 0): string | null {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'applicationId' && typeof v === 'string' && v !== '') return v;
  }
  for (const v of Object.values(value)) {
    const found = firstApplicationId(v, depth + 1);
    if (found) return found;
  }
  return null;
}

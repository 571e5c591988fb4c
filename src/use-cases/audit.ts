import type { Credential } from '../auth/authenticator.js';
import { auditApplicationId, auditTargets, type AuditEntryRecord, type AuditFilter } from '../domain/audit.js';
import type { Scope } from '../domain/records.js';
import type { Deps } from '../deps.js';
import { kindOfId, newId } from '../ids.js';
import { findNode, isNodeId } from './nodes.js';
import { errorMessage } from '../log.js';
import type { Page, PageArgs } from '../store/ports.js';

// The audit log: written once per successful management mutation by the schema's audit plugin
// (graphql/schema/audit-plugin.ts), read by the auditLog query.

/**
 * Records that `credential` ran the mutation `action` with `input` and got `payload`. A failed
 * mutation changed nothing and is not recorded. The mutation has happened when this runs, so a
 * failure to read its targets or write the entry is logged, not turned into an error of the request.
 */
export async function recordAudit(
  deps: Deps,
  caller: { scope: Scope; credential: Credential },
  action: string,
  input: unknown,
  payload: unknown,
): Promise<void> {
  const now = deps.now();
  try {
    const named = auditTargets(input, payload);
    const applicationId = auditApplicationId(caller.scope.kind === 'app' ? caller.scope.applicationId : null, input, payload, named, (id) => kindOfId(id) === 'Application');
    await deps.store.recordAuditEntry({
      id: newId('AuditEntry', now),
      actorId: caller.credential.id,
      actorKind: caller.credential.kind,
      actorName: caller.credential.name,
      action,
      applicationId,
      targetIds: applicationId === null ? named : await applicationsOwn(deps, applicationId, named),
      createdAt: now,
    });
  } catch (err) {
    deps.log.error('audit entry not written', { action, actorId: caller.credential.id, error: errorMessage(err) });
  }
}

/**
 * The targets an application's entry may name, read by that application: its own records (a
 * deleted endpoint, or the deleted application itself, still is), event type names, and IDs of
 * kinds no query reads (portal sessions). An input can name another tenant's record and still
 * succeed (a filter that matched nothing, or the admin's filter on one application naming another
 * one's event); that record was not acted on, and the entry must not carry its ID.
 */
async function applicationsOwn(deps: Deps, applicationId: string, ids: string[]): Promise<string[]> {
  const scope: Scope = { kind: 'app', applicationId };
  const own = await Promise.all(ids.map(async (id) =>
    id === applicationId || !isNodeId(id) || (await findNode(deps, scope, id, { includeDeleted: true })) !== null));
  return ids.filter((_, i) => own[i]);
}

/**
 * Entries newest first: the admin sees all, an application key its own application's only (a
 * filter on another application finds nothing). A deleted application's entries stay readable by
 * the admin for the retention period: they say who deleted it.
 */
export function listAuditEntries(deps: Deps, scope: Scope, filter: AuditFilter, page: PageArgs): Promise<Page<AuditEntryRecord>> {
  return deps.store.listAuditEntries(scope, filter, page);
}

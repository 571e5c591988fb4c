import type { Credential } from '../auth/authenticator.js';
import { auditApplicationId, auditTargets, type AuditEntryRecord, type AuditFilter } from '../domain/audit.js';
import type { Scope } from '../domain/records.js';
import type { Deps } from '../deps.js';
import { kindOfId, newId } from '../ids.js';
import { errorMessage } from '../log.js';
import type { Page, PageArgs } from '../store/ports.js';

// The audit log: written once per successful management mutation by the schema's audit plugin
// (graphql/schema/audit-plugin.ts), read by the auditLog query.

/**
 * Records that `credential` ran the mutation `action` with `input` and got `payload`. A failed
 * mutation changed nothing and is not recorded. The mutation has happened when this runs, so a
 * failure to write the entry is logged, not turned into an error of the request.
 */
export async function recordAudit(
  deps: Deps,
  caller: { scope: Scope; credential: Credential },
  action: string,
  input: unknown,
  payload: unknown,
): Promise<void> {
  const now = deps.now();
  const targetIds = auditTargets(input, payload);
  const entry: AuditEntryRecord = {
    id: newId('AuditEntry', now),
    actorId: caller.credential.id,
    actorKind: caller.credential.kind,
    actorName: caller.credential.name,
    action,
    applicationId: auditApplicationId(caller.scope.kind === 'app' ? caller.scope.applicationId : null, input, payload, targetIds, (id) => kindOfId(id) === 'Application'),
    targetIds,
    createdAt: now,
  };
  try {
    await deps.store.recordAuditEntry(entry);
  } catch (err) {
    deps.log.error('audit entry not written', { action, actorId: entry.actorId, error: errorMessage(err) });
  }
}

/**
 * Entries newest first: the admin sees all, an application key its own application's only (a
 * filter on another application finds nothing). A deleted application's entries stay readable by
 * the admin for the retention period: they say who deleted it.
 */
export function listAuditEntries(deps: Deps, scope: Scope, filter: AuditFilter, page: PageArgs): Promise<Page<AuditEntryRecord>> {
  return deps.store.listAuditEntries(scope, filter, page);
}

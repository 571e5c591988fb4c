import type { AuditActorKind, AuditEntryRecord } from '../../domain/audit.js';
import { listAuditEntries } from '../../use-cases/audit.js';
import { builder } from './builder.js';
import { connectionOf, pageArgs, pageFrom, toConnection } from './connection.js';

// The audit log: who changed what, and when (entries are written by audit-plugin.ts).

const AuditActorKindEnum = builder.enumType('AuditActorKind', {
  description: 'What kind of credential made a change.',
  values: {
    ADMIN_BOOTSTRAP: { value: 'admin-bootstrap', description: 'The bootstrap admin token (TIDINGS_ADMIN_TOKEN or the generated one).' },
    ADMIN_TOKEN: { value: 'admin-token', description: 'A named admin token (createAdminToken).' },
    API_KEY: { value: 'api-key', description: "An application's API key." },
    PORTAL_SESSION: { value: 'portal-session', description: "A portal session's token (createPortalSession)." },
  } satisfies Record<string, { value: AuditActorKind; description: string }>,
});

const AuditActorRef = builder.objectRef<AuditEntryRecord>('AuditActor').implement({
  description: 'The credential a change was made with (never its token).',
  fields: (t) => ({
    id: t.field({ type: 'ID', description: 'The credential\'s ID (for an application key today, its application\'s ID; "admin" for the admin token).', resolve: (e) => e.actorId }),
    kind: t.field({ type: AuditActorKindEnum, description: 'What kind of credential it is.', resolve: (e) => e.actorKind }),
    name: t.field({ type: 'String', description: 'A name a person recognises.', resolve: (e) => e.actorName }),
  }),
});

const AuditEntryRef = builder.objectRef<AuditEntryRecord>('AuditEntry').implement({
  description: 'One management change that succeeded: every mutation but publishEvent (events are their own record).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The entry ID (IDs sort by time).' }),
    actor: t.field({ type: AuditActorRef, description: 'Who made the change.', resolve: (e) => e } ),
    action: t.exposeString('action', { description: 'The mutation, e.g. deleteEndpoint.' }),
    applicationId: t.exposeID('applicationId', { nullable: true, description: 'The application it acted on; null for platform-wide changes (event types).' }),
    targetIds: t.exposeIDList('targetIds', { description: 'IDs named in the mutation\'s input or returned in its payload (event types by name); IDs of another application\'s records are left out.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When the change was made.', resolve: (e) => e.createdAt }),
  }),
});

const AuditEntryConnection = connectionOf('AuditEntry', AuditEntryRef, 'audit entry');

const AuditLogFilter = builder.inputType('AuditLogFilter', {
  description: 'Which audit entries to list; every field given must match.',
  fields: (t) => ({
    applicationId: t.id({ description: 'Entries about this application (an application key sees only its own anyway).' }),
    actorId: t.id({ description: 'Entries made with this credential (AuditActor.id).' }),
    action: t.string({ description: 'Entries of this mutation, e.g. deleteEndpoint.' }),
    since: t.field({ type: 'DateTime', description: 'Entries made at or after this time.' }),
    until: t.field({ type: 'DateTime', description: 'Entries made before this time.' }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.withAuth({ caller: true }).field({
    type: AuditEntryConnection,
    description: 'The audit log of management changes, newest first, kept for the retention period (TIDINGS_RETENTION). The admin sees every entry; an application key its own application\'s.',
    args: { filter: t.arg({ type: AuditLogFilter, description: 'Which entries to list (default all).' }), ...pageArgs },
    resolve: async (_root, args, { caller, deps }) => {
      const f = args.filter ?? {};
      const filter = {
        ...(f.applicationId ? { applicationId: f.applicationId } : {}),
        ...(f.actorId ? { actorId: f.actorId } : {}),
        ...(f.action ? { action: f.action } : {}),
        ...(f.since != null ? { since: f.since } : {}),
        ...(f.until != null ? { until: f.until } : {}),
      };
      return toConnection(await listAuditEntries(deps, caller, filter, pageFrom(args, deps.config.maxPageSize, 'AuditEntry')));
    },
  }),
);

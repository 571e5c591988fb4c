// Application lifecycle (updateApplication, deleteApplication) and the audit log.
//  - applications get their metadata (JSON text) and a deletion time: a deleted application is
//    invisible to the API (its key is refused) until its history is purged with it;
//  - portal sessions are revoked by application when it is deleted;
//  - audit_log: one row per management mutation; the audit log query reads it newest first, by
//    application (what an application key sees) or across all, and the sweep removes it by age.
export default `
ALTER TABLE applications ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}';
ALTER TABLE applications ADD COLUMN deleted_at INTEGER;
CREATE INDEX applications_deleted ON applications (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX portal_sessions_by_app ON portal_sessions (application_id);
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  actor_id TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  application_id TEXT,
  target_ids TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX audit_log_by_app ON audit_log (application_id, id);
CREATE INDEX audit_log_by_created ON audit_log (created_at);
`;

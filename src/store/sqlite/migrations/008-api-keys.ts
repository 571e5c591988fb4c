// Named API keys and admin tokens (issue 14). Each application's one key of earlier releases
// becomes its key "default" with both scopes; the applications table is rebuilt without its
// api_key_hash column (a UNIQUE column cannot be dropped in place). Tokens of new keys name their
// key (found by primary key); keys of earlier releases are found by token_hash (unique).
export default `
CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL,
  name TEXT NOT NULL,
  scopes TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  rate_limit INTEGER,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  last_used_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS api_keys_by_application ON api_keys (application_id, id);
INSERT INTO api_keys (id, application_id, name, scopes, token_hash, rate_limit, created_at, expires_at, last_used_at, revoked_at)
  SELECT 'key_' || substr(id, instr(id, '_') + 1), id, 'default', '["READ","WRITE"]', api_key_hash, NULL, created_at, NULL, NULL, NULL FROM applications;
CREATE TABLE applications_without_key (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
INSERT INTO applications_without_key (id, name, created_at) SELECT id, name, created_at FROM applications;
DROP TABLE applications;
ALTER TABLE applications_without_key RENAME TO applications;
CREATE TABLE IF NOT EXISTS admin_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  rate_limit INTEGER,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
`;

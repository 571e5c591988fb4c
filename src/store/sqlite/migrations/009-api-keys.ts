// Named API keys and admin tokens (issue 14). Each application's one key of earlier releases
// becomes its key "default" with both scopes. Tokens of new keys name their key (found by primary
// key); keys of earlier releases are found by token_hash (unique).
// applications.api_key_hash stays, unread: SQLite cannot drop a UNIQUE column in place, and
// rebuilding the table would drop columns other migrations add to it. It no longer holds a hash:
// it holds the ID of the application's first key (unique, NOT NULL, no secret).
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
UPDATE applications SET api_key_hash = 'key_' || substr(id, instr(id, '_') + 1);
CREATE TABLE IF NOT EXISTS admin_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  rate_limit INTEGER,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
`;

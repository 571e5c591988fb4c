// Portal sessions (createPortalSession): short-lived tokens that act as one application's key.
// Only the token's hash is kept; the token names its session, so it is found by primary key.
export default `
CREATE TABLE IF NOT EXISTS portal_sessions (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  created_at INTEGER NOT NULL
);
`;

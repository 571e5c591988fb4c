// The tables as of the first release. Times are integer milliseconds; JSON columns hold text.
// `run_at` is when a worker may next claim the delivery: the due time, or the end of the lease
// while an attempt is in flight; NULL once the delivery is finished. `next_attempt_at` is the due
// time the API shows: it stays the due time while an attempt is in flight. Two columns because the
// claim scan needs one indexed time that already accounts for leases.
// IF NOT EXISTS: databases made before migrations were numbered already have these tables.
export default `
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS applications (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  api_key_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS event_types (
  name TEXT PRIMARY KEY,
  description TEXT,
  schema TEXT,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS endpoints (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL,
  url TEXT NOT NULL,
  description TEXT,
  event_types TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  secrets TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX IF NOT EXISTS endpoints_by_app ON endpoints (application_id, id);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  idempotency_key TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_app ON events (application_id, id);
CREATE INDEX IF NOT EXISTS events_by_created ON events (created_at);
CREATE INDEX IF NOT EXISTS events_by_key ON events (application_id, idempotency_key, created_at) WHERE idempotency_key IS NOT NULL;
CREATE TABLE IF NOT EXISTS deliveries (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  endpoint_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  status TEXT NOT NULL,
  attempt_count INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_attempt_at INTEGER,
  failure_reason TEXT,
  manual_retry INTEGER NOT NULL DEFAULT 0,
  run_at INTEGER,
  lease_token TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- Covering, so a claim scans due work without reading the rows.
CREATE INDEX IF NOT EXISTS deliveries_due_covering ON deliveries (run_at, endpoint_id, id) WHERE run_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS deliveries_by_app ON deliveries (application_id, id);
CREATE INDEX IF NOT EXISTS deliveries_by_endpoint ON deliveries (endpoint_id, id);
CREATE INDEX IF NOT EXISTS deliveries_by_event ON deliveries (event_id, id);
CREATE INDEX IF NOT EXISTS deliveries_by_created ON deliveries (created_at);
CREATE TABLE IF NOT EXISTS attempts (
  delivery_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  success INTEGER NOT NULL,
  response_status INTEGER,
  response_body TEXT,
  error TEXT,
  PRIMARY KEY (delivery_id, number)
);
`;

// Bulk recovery jobs (retryDeliveries, recoverEndpoint, replayEvents): each with its progress and
// cursor (the ID of the last record walked) and the lease of the runner working on it. A replay
// relies on one delivery per (event, endpoint): the unique index makes a replayed batch that runs
// twice (after a crash) create nothing twice. Fan-out has always created one delivery per endpoint
// of an event, so existing databases hold no duplicates.
export default `
CREATE TABLE bulk_jobs (
  id TEXT PRIMARY KEY,
  application_id TEXT,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  status TEXT NOT NULL,
  total INTEGER,
  done INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  cursor TEXT,
  error TEXT,
  lease_token TEXT,
  lease_until INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX bulk_jobs_by_app ON bulk_jobs (application_id, id);
CREATE INDEX bulk_jobs_unfinished ON bulk_jobs (id) WHERE status IN ('QUEUED', 'RUNNING');
CREATE UNIQUE INDEX deliveries_one_per_event_endpoint ON deliveries (event_id, endpoint_id);
`;

// The delivery statistics (domain/stats.ts): counters per (application, endpoint, event type,
// minute or hour: span and start), and the cells of their histograms, one row per non-empty
// bucket. publishEvent and recordAttempt add to them with INSERT … ON CONFLICT DO UPDATE in the
// writer's batch transaction. Rows that count events published have endpoint_id ''. The primary
// keys lead with the application, the span and the start, so a range read of one tenant is one
// index range.
export default `
CREATE TABLE delivery_stats (
  application_id TEXT NOT NULL,
  span INTEGER NOT NULL,
  start INTEGER NOT NULL,
  endpoint_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  events_published INTEGER NOT NULL DEFAULT 0,
  deliveries_created INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  succeeded INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  retried INTEGER NOT NULL DEFAULT 0,
  outcome_success INTEGER NOT NULL DEFAULT 0,
  outcome_client_error INTEGER NOT NULL DEFAULT 0,
  outcome_server_error INTEGER NOT NULL DEFAULT 0,
  outcome_other_status INTEGER NOT NULL DEFAULT 0,
  outcome_timeout INTEGER NOT NULL DEFAULT 0,
  outcome_network_error INTEGER NOT NULL DEFAULT 0,
  outcome_refused INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (application_id, span, start, endpoint_id, event_type)
) WITHOUT ROWID;
CREATE INDEX delivery_stats_by_start ON delivery_stats (span, start);
CREATE TABLE delivery_stats_cells (
  application_id TEXT NOT NULL,
  span INTEGER NOT NULL,
  start INTEGER NOT NULL,
  endpoint_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  histogram TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (application_id, span, start, endpoint_id, event_type, histogram, bucket)
) WITHOUT ROWID;
CREATE INDEX delivery_stats_cells_by_start ON delivery_stats_cells (span, start);
`;

// Endpoint health and delivery control (issue 9): per-endpoint timeout and retry schedule, the
// health the workers compute (JSON, NULL = healthy or disabled by hand, see domain/health.ts), and
// `circuit_until`: while set, claims skip the endpoint until then; once it has passed, one claim
// takes a probe delivery and moves it to the end of that lease. `rate_limit` (attempts a second)
// with `rate_tat`, the rate rule's state (domain/rate-limit.ts); `ordering` (domain/ordering.ts). The delay a Retry-After imposed is
// kept on each attempt.
export default `
ALTER TABLE endpoints ADD COLUMN timeout_ms INTEGER;
ALTER TABLE endpoints ADD COLUMN retry_schedule TEXT;
ALTER TABLE endpoints ADD COLUMN health TEXT;
ALTER TABLE endpoints ADD COLUMN circuit_until INTEGER;
ALTER TABLE endpoints ADD COLUMN rate_limit INTEGER;
ALTER TABLE endpoints ADD COLUMN rate_tat REAL;
ALTER TABLE endpoints ADD COLUMN ordering TEXT NOT NULL DEFAULT 'PARALLEL';
-- The head of a FIFO endpoint (its oldest unfinished delivery), found without reading its history.
CREATE INDEX deliveries_unfinished_by_endpoint ON deliveries (endpoint_id, id) WHERE status IN ('PENDING', 'RETRYING');
ALTER TABLE attempts ADD COLUMN retry_after_ms INTEGER;
`;

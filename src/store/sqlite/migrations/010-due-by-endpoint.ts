// A publish that leases fresh deliveries to the worker first asks whether anything of the endpoint
// is due before them (writes.ts directLease): one index probe per endpoint, whatever the backlog of
// other endpoints in the claim index.
export default `CREATE INDEX IF NOT EXISTS deliveries_due_by_endpoint ON deliveries (endpoint_id, run_at) WHERE run_at IS NOT NULL;`;

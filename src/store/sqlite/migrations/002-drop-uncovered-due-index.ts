// The claim scan's first index, replaced by the covering deliveries_due_covering in 001; databases
// made before that still carry it, and every write of a delivery paid for it.
export default `DROP INDEX IF EXISTS deliveries_due;`;

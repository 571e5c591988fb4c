// Per-endpoint delivery order. PARALLEL (the default): due deliveries are attempted as they come,
// several at once. FIFO: strictly in publish order (delivery IDs sort in publish order), one in
// flight: only the endpoint's oldest unfinished delivery may be claimed, so a failing head holds the
// ones behind it until it succeeds or ends FAILED. Both adapters claim through this rule.

export type EndpointOrdering = 'PARALLEL' | 'FIFO';

export const ORDERINGS: readonly EndpointOrdering[] = ['PARALLEL', 'FIFO'];

/** Whether a due delivery of an endpoint may be claimed, given the endpoint's oldest unfinished delivery (its head). */
export function mayClaimInOrder(ordering: EndpointOrdering, deliveryId: string, headId: string | undefined): boolean {
  return ordering === 'PARALLEL' || deliveryId === headId;
}

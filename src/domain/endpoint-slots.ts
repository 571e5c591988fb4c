/** What a claimer already holds, to give each endpoint only its share of a claim. */
export interface EndpointShare {
  /** Most deliveries of one endpoint the worker may hold at once, so one slow endpoint cannot take every slot. */
  perEndpointLimit?: number;
  /** Attempts the worker already has in flight, by endpoint ID (they count against perEndpointLimit). */
  inFlightByEndpoint?: ReadonlyMap<string, number>;
}

/** The per-endpoint share of a claim: both adapters pick candidates through this. */
export class EndpointSlots {
  private readonly taken = new Map<string, number>();

  constructor(private readonly options: EndpointShare) {}

  /** Endpoints with no slot left, to leave out of the candidate query. */
  saturated(): string[] {
    const limit = this.options.perEndpointLimit;
    if (limit === undefined) return [];
    return [...(this.options.inFlightByEndpoint ?? new Map())].filter(([, n]) => n >= limit).map(([id]) => id);
  }

  /** How many slots of the endpoint are left. */
  free(endpointId: string): number {
    const limit = this.options.perEndpointLimit ?? Infinity;
    return Math.max(0, limit - (this.options.inFlightByEndpoint?.get(endpointId) ?? 0) - (this.taken.get(endpointId) ?? 0));
  }

  /** Takes a slot of the endpoint if one is left. */
  take(endpointId: string): boolean {
    if (this.free(endpointId) === 0) return false;
    this.taken.set(endpointId, (this.taken.get(endpointId) ?? 0) + 1);
    return true;
  }

  /** Gives back a slot taken for a candidate that was not won after all. */
  release(endpointId: string): void {
    this.taken.set(endpointId, (this.taken.get(endpointId) ?? 1) - 1);
  }
}

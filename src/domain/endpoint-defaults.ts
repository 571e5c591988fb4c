import { HEALTHY } from './health.js';
import { DEFAULT_DELIVERY_OPTIONS, type EndpointRecord } from './records.js';

/**
 * What a new endpoint has until told otherwise: the default format and no converters, the
 * platform's timeout and retry schedule, parallel attempts, no rate limit, and good health.
 */
export const ENDPOINT_DEFAULTS = {
  delivery: DEFAULT_DELIVERY_OPTIONS,
  timeoutMs: null,
  retryScheduleMs: null,
  ordering: 'PARALLEL',
  rateLimitPerSecond: null,
  health: HEALTHY,
} as const satisfies Partial<EndpointRecord>;

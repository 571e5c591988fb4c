import type { DisabledReason, EndpointHealth, HealthState } from '../../domain/health.js';
import { formatDuration } from '../../use-cases/endpoint-overrides.js';
import { followEndpointHealth, operationsApplication } from '../../use-cases/health.js';
import { builder } from './builder.js';
import { ApplicationRef, EndpointOrderingEnum, EndpointRef } from './refs.js';

// Endpoint health and per-endpoint delivery settings, as the API shows them.

const HealthStateEnum = builder.enumType('EndpointHealthState', {
  description: 'How an endpoint is doing, from its recent attempts.',
  values: {
    HEALTHY: { description: 'Its last attempt succeeded (or none was made yet).' },
    FAILING: { description: 'Its recent attempts failed, fewer than TIDINGS_CIRCUIT_FAILURES in a row.' },
    CIRCUIT_OPEN: { description: 'Too many failures in a row: its deliveries wait, keeping their attempts, until one probe attempt after the cool-down succeeds.' },
    DISABLED: { description: 'Disabled (see disabledReason): its deliveries wait until it is enabled again.' },
  } satisfies Record<HealthState, unknown>,
});

const DisabledReasonEnum = builder.enumType('EndpointDisabledReason', {
  description: 'Why an endpoint is disabled.',
  values: {
    MANUAL: { description: 'Disabled through updateEndpoint.' },
    GONE: { description: 'The receiver answered 410 Gone.' },
    FAILING: { description: 'No attempt succeeded for TIDINGS_DISABLE_AFTER (5 days by default) while it failed.' },
  } satisfies Record<DisabledReason, unknown>,
});

const EndpointHealthRef = builder.objectRef<EndpointHealth>('EndpointHealth').implement({
  description: 'The health of an endpoint, computed from the outcomes of its attempts.',
  fields: (t) => ({
    state: t.field({ type: HealthStateEnum, description: 'Where the endpoint stands.', resolve: (h) => h.state }),
    consecutiveFailures: t.exposeInt('consecutiveFailures', { description: 'Failed attempts since the last success.' }),
    lastSuccessAt: t.field({ type: 'DateTime', nullable: true, description: 'When an attempt last succeeded.', resolve: (h) => h.lastSuccessAt }),
    lastFailureAt: t.field({ type: 'DateTime', nullable: true, description: 'When an attempt last failed.', resolve: (h) => h.lastFailureAt }),
    failingSince: t.field({ type: 'DateTime', nullable: true, description: 'The first failure since the last success; null while healthy.', resolve: (h) => h.failingSince }),
    disabledReason: t.field({ type: DisabledReasonEnum, nullable: true, description: 'Why it is disabled; null unless DISABLED.', resolve: (h) => h.disabledReason }),
    circuitOpenUntil: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'While the circuit is open: when its cool-down ends and one probe attempt is made.',
      resolve: (h) => h.circuitOpenUntil,
    }),
  }),
});

builder.objectFields(EndpointRef, (t) => ({
  ordering: t.field({ type: EndpointOrderingEnum, description: 'PARALLEL, or FIFO: strictly in publish order, one in flight.', resolve: (e) => e.ordering }),
  rateLimitPerSecond: t.exposeInt('rateLimitPerSecond', {
    nullable: true,
    description: 'Most attempts a second to it, summed over all worker processes; the rest wait in the store. Null = no limit.',
  }),
  health: t.field({ type: EndpointHealthRef, description: 'How the endpoint is doing: failures, circuit breaker, disabling.', resolve: (e) => e.health }),
  timeout: t.string({
    nullable: true,
    description: "Its own attempt timeout (\"10s\"); null = the platform's TIDINGS_DELIVERY_TIMEOUT.",
    resolve: (e) => (e.timeoutMs === null ? null : formatDuration(e.timeoutMs)),
  }),
  retrySchedule: t.stringList({
    nullable: true,
    description: "Its own retry schedule ([\"5s\", \"5m\"]); null = the platform's TIDINGS_RETRY_SCHEDULE.",
    resolve: (e) => e.retryScheduleMs?.map(formatDuration) ?? null,
  }),
}));

const EndpointHealthFilterRef = builder.inputType('EndpointHealthFilter', {
  description: 'Which endpoints a health feed follows; omitted fields do not filter.',
  fields: (t) => ({
    applicationId: t.id({ description: 'Only endpoints of this application.' }),
    endpointId: t.id({ description: 'Only this endpoint.' }),
    states: t.field({ type: [HealthStateEnum], description: 'Only changes into one of these states.' }),
  }),
});

builder.subscriptionField('endpointHealthChanged', (t) =>
  t.withAuth({ caller: true }).field({
    type: EndpointRef,
    description: 'One message each time the health state of an endpoint the caller can see changes: failing, circuit opened, recovered, disabled or enabled.',
    args: { filter: t.arg({ type: EndpointHealthFilterRef, description: 'Only endpoints matching this filter.' }) },
    subscribe: (_root, args, { caller, deps }) => followEndpointHealth(deps, caller, args.filter),
    resolve: (endpoint) => endpoint,
  }),
);

builder.queryFields((t) => ({
  operationsApplication: t.withAuth({ admin: true }).field({
    type: ApplicationRef,
    description:
      'The reserved application of operational events (tidings.endpoint.disabled, .enabled, .circuit_opened, .recovered, tidings.delivery.exhausted): register endpoints on it to be told.',
    resolve: (_root, _args, { caller, deps }) => operationsApplication(deps, caller),
  }),
}));

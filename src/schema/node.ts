import { kindOfId } from '../ids.js';
import { requireCaller } from '../services/access.js';
import { builder } from './builder.js';

// The Relay Node interface. IDs are our own prefixed IDs (`app_…`, `ep_…`, `evt_…`, `dlv_…`): the
// prefix names the type, so no base64 wrapping is needed.

export const NodeRef = builder.interfaceRef<{ id: string }>('Node').implement({
  description: 'An object with a globally unique ID that `node(id:)` can fetch.',
  resolveType: (value) => kindOfId(value.id) ?? null,
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Globally unique, type-prefixed, time-sortable ID.' }),
  }),
});

builder.queryField('node', (t) =>
  t.field({
    type: NodeRef,
    nullable: true,
    description: 'Any object by its ID; null when it does not exist or belongs to another application.',
    args: { id: t.arg.id({ required: true, description: 'The object ID.' }) },
    resolve: async (_root, { id }, { caller, deps: { store } }) => {
      const scope = requireCaller(caller);
      switch (kindOfId(id)) {
        case 'Application':
          return store.findApplication(scope, id);
        case 'Endpoint':
          return store.findEndpoint(scope, id);
        case 'Event':
          return store.findEvent(scope, id);
        case 'Delivery':
          return store.findDelivery(scope, id);
        default:
          return null;
      }
    },
  }),
);

// Loads every domain file (each registers its types and fields on the builder) and builds the schema.
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import './node.js';
import './application.js';
import './event-type.js';
import './endpoint.js';
import './delivery-options.js';
import './health.js';
import './event.js';
import './delivery.js';
import './stats.js';
import './portal.js';
import './bulk-job.js';
import './api-key.js';
import './audit.js';

builder.queryType({ description: 'Read the catalogue, applications, endpoints, events and deliveries.' });
// Every mutation needs a credential with the WRITE scope (declared once, here).
builder.mutationType({ description: 'Change the catalogue, applications and endpoints; publish events; retry deliveries. Every mutation needs the WRITE scope.', authScopes: { write: true } });
builder.subscriptionType({ description: 'Live updates.' });

export const schema = lexicographicSortSchema(builder.toSchema());

import { BadInputError, NotFoundError } from '../errors.js';
import type { Scope } from '../domain/records.js';
import type { Catalogue } from '../store/ports.js';

// Which application a call acts on. Who may call at all is declared once, in the GraphQL schema
// (scope-auth in graphql/schema/builder.ts); use-cases take the caller's scope as given.

type Applications = Pick<Catalogue, 'findApplication'>;

/**
 * The application a call acts on. An application key acts on itself (an explicit ID must be its
 * own); the admin must name one. An application the caller may not see is NOT_FOUND, exactly like
 * one that does not exist, so IDs of other tenants leak nothing.
 */
export async function resolveApplicationId(store: Applications, scope: Scope, applicationId: string | null | undefined): Promise<string> {
  if (scope.kind === 'app') {
    if (applicationId && applicationId !== scope.applicationId) throw new NotFoundError('application', applicationId);
    return scope.applicationId;
  }
  if (!applicationId) throw new BadInputError('applicationId', 'is required when calling with the admin token');
  if (!(await store.findApplication(scope, applicationId))) throw new NotFoundError('application', applicationId);
  return applicationId;
}

/** Narrows a scope to one application when the caller filters by it (checked to be visible). */
export async function narrowScope(store: Applications, scope: Scope, applicationId: string | null | undefined): Promise<Scope> {
  if (!applicationId) return scope;
  return { kind: 'app', applicationId: await resolveApplicationId(store, scope, applicationId) };
}

import type { Deps } from '../deps.js';
import { newId } from '../ids.js';
import type { AdminScope, ApplicationRecord, Scope } from '../domain/records.js';
import type { Page, PageArgs } from '../store/ports.js';
import { mintApiKey } from './api-keys.js';
import { text } from './validate.js';

/** Creates an application and its first API key, "default" with both scopes (`_admin`: only the platform may). */
export async function createApplication(deps: Deps, _admin: AdminScope, input: { name: string }): Promise<{ application: ApplicationRecord; apiKey: string }> {
  const name = text('name', input.name, 256);
  const now = deps.now();
  const application = { id: newId('Application', now), name, createdAt: now };
  const { stored, key } = mintApiKey(application.id, { name: 'default', scopes: ['READ', 'WRITE'], expiresAt: null, rateLimit: null }, now);
  await deps.store.createApplication(application, stored);
  return { application, apiKey: key };
}

export function listApplications(deps: Deps, admin: AdminScope, page: PageArgs): Promise<Page<ApplicationRecord>> {
  return deps.store.listApplications(admin, page);
}

export function findApplication(deps: Deps, scope: Scope, id: string): Promise<ApplicationRecord | null> {
  return deps.store.findApplication(scope, id);
}

/** Applications of many IDs in one read (nested fields of a page). */
export function loadApplications(deps: Deps, scope: Scope, ids: readonly string[]): Promise<ApplicationRecord[]> {
  return deps.store.findApplications(scope, ids);
}

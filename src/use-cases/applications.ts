import { hashToken, newToken } from '../auth/tokens.js';
import type { Deps } from '../deps.js';
import { newId } from '../ids.js';
import type { AdminScope, ApplicationRecord, Scope } from '../domain/records.js';
import type { Page, PageArgs } from '../store/ports.js';
import { text } from './validate.js';

/** Creates an application and its first API key (`_admin`: only the platform may). */
export async function createApplication(deps: Deps, _admin: AdminScope, input: { name: string }): Promise<{ application: ApplicationRecord; apiKey: string }> {
  const name = text('name', input.name, 256);
  const apiKey = newToken('tdk_app');
  const now = deps.now();
  const application = { id: newId('Application', now), name, createdAt: now };
  await deps.store.createApplication({ ...application, apiKeyHash: hashToken(apiKey) });
  return { application, apiKey };
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

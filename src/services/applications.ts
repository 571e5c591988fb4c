import { hashToken, newToken } from '../auth/tokens.js';
import type { Deps } from '../deps.js';
import { newId } from '../ids.js';
import type { ApplicationRecord, Scope } from '../domain/records.js';
import { requireAdmin } from './access.js';
import { text } from './validate.js';

export async function createApplication(deps: Deps, caller: Scope | undefined, input: { name: string }): Promise<{ application: ApplicationRecord; apiKey: string }> {
  requireAdmin(caller, 'create applications');
  const name = text('name', input.name, 256);
  const apiKey = newToken('tdk_app');
  const now = deps.now();
  const application = { id: newId('Application', now), name, createdAt: now };
  await deps.store.createApplication({ ...application, apiKeyHash: hashToken(apiKey) });
  return { application, apiKey };
}

import type Database from 'better-sqlite3';
import initial from './001-initial.js';
import dropUncoveredDueIndex from './002-drop-uncovered-due-index.js';
import deliveryOptionsAndChannels from './003-delivery-options-and-channels.js';
import deliveryStats from './004-delivery-stats.js';
import portalSessions from './005-portal-sessions.js';
import endpointDeliveryControl from './006-endpoint-delivery-control.js';
import bulkJobs from './007-bulk-jobs.js';
import applicationLifecycleAndAudit from './008-application-lifecycle-and-audit.js';
import apiKeys from './009-api-keys.js';
import dueByEndpoint from './010-due-by-endpoint.js';

// The embedded store's schema, as numbered migrations: the file's `user_version` says how many
// have run. A schema change is one new file here, appended to the list (never edit a released one).
export const MIGRATIONS: readonly string[] = [initial, dropUncoveredDueIndex, deliveryOptionsAndChannels, deliveryStats, portalSessions, endpointDeliveryControl, bulkJobs, applicationLifecycleAndAudit, apiKeys, dueByEndpoint];

/** Runs the migrations the database has not had yet, each in its own transaction. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`the database is at schema version ${current}, newer than this Tidings knows (${MIGRATIONS.length}); run a newer version`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
  return MIGRATIONS.length;
}

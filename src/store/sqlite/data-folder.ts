import fs from 'node:fs';
import path from 'node:path';
import { StartupError } from '../../startup-error.js';

/**
 * `mkdir -p`, one level at a time. Node's recursive mkdirSync loops forever where mkdir answers
 * ENOENT under a parent that exists (as in /proc), so a bad TIDINGS_DATA_DIR would hang the start.
 */
export function makeDataFolder(dir: string): void {
  const missing: string[] = [];
  for (let current = path.resolve(dir); !fs.existsSync(current); current = path.dirname(current)) {
    missing.unshift(current);
    if (path.dirname(current) === current) break;
  }
  try {
    for (const folder of missing) fs.mkdirSync(folder);
    if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error('it is a file'), { code: 'ENOTDIR' });
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new StartupError(`cannot create the data folder ${dir} (${reason}): set TIDINGS_DATA_DIR to a folder this process can create and write`, { cause: err });
  }
}

/** Why the SQLite file could not be opened, as one line naming it and what to do. */
export function openFailure(file: string, err: unknown): Error {
  if (err instanceof StartupError) return err;
  const { code, message } = err as { code?: string; message?: string };
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new StartupError(`${file} is not a usable SQLite database (${message}): restore it from a backup, or move it away to start with an empty store`, { cause: err });
  }
  return new StartupError(`cannot open the SQLite store ${file} (${message ?? String(err)}): TIDINGS_DATA_DIR must be a folder this process can write`, { cause: err });
}

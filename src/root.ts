import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder Tidings is installed in (the one holding its package.json), found from this module's
 * place: src/ when run from the sources, .tmp/server/ when run compiled.
 */
export const INSTALL_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Where `npm run build:server` (package.json) puts the compiled server. */
export const SERVER_BUILD_DIR = path.join(INSTALL_ROOT, '.tmp/server');

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { INSTALL_ROOT } from '../root.js';

// The console's pages and assets, built at install into .tmp/console/ (src/console/build.ts):
//  - `/`        the console (never framed: frame-ancestors 'none');
//  - `/portal`  the same console opened from a portal link (createPortalSession), framable only by
//               the origins in TIDINGS_PORTAL_FRAME_ANCESTORS;
//  - `/console/app.js`, `/console/app.css`.
// A missing build is answered with how to make it; nothing else depends on it.

export const CONSOLE_BUILD_DIR = path.join(INSTALL_ROOT, '.tmp/console');
const ASSETS: Record<string, string> = { '/console/app.js': 'text/javascript; charset=utf-8', '/console/app.css': 'text/css; charset=utf-8' };

/** The page's Content-Security-Policy: everything from this origin only, framed by `frameAncestors` only. */
export function consolePolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

export type ConsoleHandler = (req: http.IncomingMessage, res: http.ServerResponse, path: string) => boolean;

/** Answers the console's paths (returns false for any other path). */
export function consoleHandler(options: { portalFrameAncestors: readonly string[]; buildDir?: string }): ConsoleHandler {
  const dir = options.buildDir ?? CONSOLE_BUILD_DIR;
  return (req, res, urlPath) => {
    const page = urlPath === '/' ? 'console' : urlPath === '/portal' || urlPath === '/portal/' ? 'portal' : undefined;
    const asset = ASSETS[urlPath];
    if (!page && !asset) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Use GET.\n');
      return true;
    }
    const file = path.join(dir, page ? 'index.html' : path.basename(urlPath));
    let body: Buffer;
    try {
      body = fs.readFileSync(file);
    } catch {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(
        'The console is not built. Run `npm run console:build` (npm install runs it); the API is at /graphql meanwhile.\n',
      );
      return true;
    }
    const ancestors = page === 'portal' ? options.portalFrameAncestors : [];
    const headers: Record<string, string> = {
      'content-type': page ? 'text/html; charset=utf-8' : asset!,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    if (page) {
      headers['content-security-policy'] = consolePolicy(ancestors);
      // For browsers without frame-ancestors; it cannot list origins, so only when framing is refused.
      if (ancestors.length === 0) headers['x-frame-options'] = 'DENY';
    }
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

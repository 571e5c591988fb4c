// Builds the console (src/console/) into .tmp/console/, which the server serves at / and /portal:
// one JavaScript bundle, one stylesheet and the page; and GraphiQL's page (graphiql.html), served
// at /graphql, rendered here once so that no server process holds its 9 MB of inlined assets in
// memory. Run by `npm install` (the package's `prepare` script) and by `npm run console:build`.
// Nothing is fetched from anywhere at run time.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { build } from 'esbuild';
import { GRAPHIQL_PAGE, graphiqlOptions } from '../graphql/graphiql.js';

export const CONSOLE_SOURCE_DIR = path.dirname(fileURLToPath(import.meta.url));
import { CONSOLE_BUILD_DIR } from '../http/console.js';

export async function buildConsole(outDir = CONSOLE_BUILD_DIR): Promise<void> {
  // Built beside the folder, then each file renamed into it: a server reading it meanwhile never
  // sees half a file.
  const staging = `${outDir}.building-${process.pid}-${Date.now()}`;
  fs.mkdirSync(staging, { recursive: true });
  await build({
    entryPoints: { app: path.join(CONSOLE_SOURCE_DIR, 'app/main.tsx') },
    outdir: staging,
    bundle: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(CONSOLE_SOURCE_DIR, 'index.html'), path.join(staging, 'index.html'));
  fs.writeFileSync(path.join(staging, GRAPHIQL_PAGE), renderGraphiQL(graphiqlOptions));
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of fs.readdirSync(staging)) fs.renameSync(path.join(staging, file), path.join(outDir, file));
  fs.rmSync(staging, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildConsole();
  const size = fs.readdirSync(CONSOLE_BUILD_DIR).map((f) => `${f} ${(fs.statSync(path.join(CONSOLE_BUILD_DIR, f)).size / 1024).toFixed(1)} KiB`);
  console.log(`console built in ${Date.now() - started} ms: ${path.relative(process.cwd(), CONSOLE_BUILD_DIR)}/ (${size.join(', ')})`);
}

#!/usr/bin/env node
// The `tidings` command (package.json "bin"): loads TypeScript through tsx, as `npm start` does.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');

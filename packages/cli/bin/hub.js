#!/usr/bin/env node
// Launcher for the compiled CLI. It exists in every checkout, so npm can link `hub` at install time,
// before `npm run build` (run by `npm start` and `npm test`) has produced dist/.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('hub is nog niet gebouwd: voer eerst `npm run build` uit.\n');
  process.exit(2);
}
await import(entry.href);

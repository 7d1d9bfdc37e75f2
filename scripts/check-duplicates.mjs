// `npm run check:duplicates`: fails when a block of six or more lines (the same text, or the same shape
// with other names) stands in two different services. Such logic belongs in a shared package. Uses jscpd
// (pinned); framework boilerplate (decorators) is left out of the comparison.
// Usage: node scripts/check-duplicates.mjs [services-folder]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'services');
const output = mkdtempSync(join(tmpdir(), 'jscpd-'));
const jscpd = spawnSync(
  'npx',
  [
    'jscpd', root,
    '--format', 'typescript,tsx',
    '--min-lines', '6',
    '--min-tokens', '35',
    '--ignore', '**/dist/**,**/node_modules/**',
    '--ignore-annotations',
    '--reporters', 'json',
    '--output', output,
    '--silent',
  ],
  { encoding: 'utf8' },
);
if (jscpd.status !== 0) {
  process.stderr.write(`jscpd failed (${String(jscpd.status)}): ${jscpd.stderr}\n`);
  process.exit(2);
}
const { duplicates } = JSON.parse(readFileSync(join(output, 'jscpd-report.json'), 'utf8'));
rmSync(output, { recursive: true, force: true });

// jscpd names files relative to the folder it scanned.
const serviceOf = (file) => relative(root, resolve(root, file)).split(sep)[0];
const across = duplicates.filter((pair) => serviceOf(pair.firstFile.name) !== serviceOf(pair.secondFile.name));
for (const pair of across) {
  const place = (file) => `${relative(process.cwd(), resolve(root, file.name))}:${String(file.start)}-${String(file.end)}`;
  process.stdout.write(`duplicated across services: ${place(pair.firstFile)} ~ ${place(pair.secondFile)} (${String(pair.lines)} lines)\n`);
}
process.stdout.write(`check-duplicates: ${String(duplicates.length)} duplicated blocks, ${String(across.length)} across services\n`);
process.exit(across.length === 0 ? 0 : 1);

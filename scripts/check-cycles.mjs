// Fails when any import cycle exists between modules or packages (DESIGN.md §9).
// Workspace packages resolve through tsconfig.check.json's `source` condition, so a cycle
// between two packages shows up as a cycle between their source files.
import madge from 'madge';

const roots = process.argv.slice(2);
const result = await madge(roots.length > 0 ? roots : ['packages', 'services', 'infra'], {
  fileExtensions: ['ts'],
  tsConfig: 'tsconfig.check.json',
  excludeRegExp: [/node_modules/, /\/dist\//, /\.d\.ts$/],
  detectiveOptions: { ts: { skipTypeImports: false } },
});
const cycles = result.circular();
const files = Object.keys(result.obj()).length;
if (cycles.length > 0) {
  console.error(`Import cycles found (${cycles.length}):`);
  for (const cycle of cycles) console.error(`  ${cycle.join(' -> ')}`);
  process.exit(1);
}
if (files === 0) {
  console.error('check-cycles: no files were read; the check would prove nothing');
  process.exit(1);
}
console.log(`check-cycles: ${files} modules, no import cycles`);

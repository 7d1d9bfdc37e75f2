// Fails on any import cycle (DESIGN.md §9), at two levels:
//  - between workspace packages: the graph of their @signaalhub/* dependencies in package.json;
//  - between modules inside the packages: relative imports, read by madge.
// Usage: node scripts/check-cycles.mjs [workspace-root]   (default: the repository)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import madge from 'madge';

const root = resolve(process.argv[2] ?? '.');
const WORKSPACE_DIRS = ['packages', 'infra', 'services'];

function workspacePackages() {
  const packages = new Map();
  for (const dir of WORKSPACE_DIRS) {
    const base = join(root, dir);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      const manifest = join(base, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((dep) => dep.startsWith('@signaalhub/'));
      packages.set(pkg.name, deps);
    }
  }
  return packages;
}

function packageCycles(graph) {
  const cycles = [];
  const state = new Map(); // 1 = on the current path, 2 = done
  const path = [];
  const visit = (name) => {
    state.set(name, 1);
    path.push(name);
    for (const dep of graph.get(name) ?? []) {
      if (state.get(dep) === 1) cycles.push([...path.slice(path.indexOf(dep)), dep]);
      else if (!state.has(dep)) visit(dep);
    }
    path.pop();
    state.set(name, 2);
  };
  for (const name of graph.keys()) if (!state.has(name)) visit(name);
  return cycles;
}

const graph = workspacePackages();
const cycles = packageCycles(graph).map((cycle) => `package: ${cycle.join(' -> ')}`);

const dirs = WORKSPACE_DIRS.map((dir) => join(root, dir)).filter((dir) => existsSync(dir));
const modules = await madge(dirs, {
  fileExtensions: ['ts'],
  excludeRegExp: [/node_modules/, /\/dist\//, /\.d\.ts$/],
  detectiveOptions: { ts: { skipTypeImports: false } },
});
cycles.push(...modules.circular().map((cycle) => `module: ${cycle.join(' -> ')}`));
const moduleCount = Object.keys(modules.obj()).length;

if (cycles.length > 0) {
  console.error(`Import cycles found (${cycles.length}):`);
  for (const cycle of cycles) console.error(`  ${cycle}`);
  process.exit(1);
}
if (graph.size === 0 || moduleCount === 0) {
  console.error('check-cycles: no packages or modules were read; the check would prove nothing');
  process.exit(1);
}
console.log(`check-cycles: ${graph.size} packages, ${moduleCount} modules, no import cycles`);

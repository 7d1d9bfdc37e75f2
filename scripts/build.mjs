// `npm run build`: every package (tsconfig.json) and every service of services/manifest.json, so a new
// service is built once its manifest entry exists. Incremental: a no-op when nothing changed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { services } = JSON.parse(readFileSync(new URL('../services/manifest.json', import.meta.url), 'utf8'));
const projects = ['tsconfig.json', ...services.map((service) => `services/${service.name}`)];
const result = spawnSync('npx', ['tsc', '-b', ...projects], { stdio: 'inherit', cwd: new URL('..', import.meta.url) });
process.exit(result.status ?? 1);

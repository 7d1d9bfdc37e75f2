// Writes docs/schemas/*.schema.json from the zod schemas. Run after changing a schema:
//   npx tsx --conditions=source packages/contracts/scripts/write-json-schemas.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateJsonSchemas } from '../src/json-schema/generate.js';

const outputDir = fileURLToPath(new URL('../../../docs/schemas/', import.meta.url));
const files = generateJsonSchemas();

mkdirSync(outputDir, { recursive: true });
// A schema that is no longer published must not linger for partners to validate against.
for (const existing of readdirSync(outputDir)) {
  if (existing.endsWith('.schema.json') && !(existing in files)) rmSync(`${outputDir}${existing}`);
}
for (const [name, content] of Object.entries(files)) writeFileSync(`${outputDir}${name}`, content);
process.stdout.write(`wrote ${String(Object.keys(files).length)} schemas to ${outputDir}\n`);

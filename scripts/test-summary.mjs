// Prints one closing line over every tier's vitest JSON report: "tests: N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const tier of ['unit', 'integration', 'e2e']) {
  const file = `test-results/${tier}.json`;
  if (!existsSync(file)) {
    console.error(`test-summary: ${file} is missing`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

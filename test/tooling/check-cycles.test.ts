import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/check-cycles.mjs', import.meta.url));
const run = (root: string) => spawnSync(process.execPath, [script, root], { encoding: 'utf8' });

describe('check-cycles', () => {
  it('fails naming both the package cycle and the module cycle in a workspace that has them', () => {
    const sut = run(fileURLToPath(new URL('./fixtures/cyclic', import.meta.url)));
    expect(sut.status).toBe(1);
    expect(sut.stderr).toContain('package: @signaalhub/a -> @signaalhub/b -> @signaalhub/a');
    expect(sut.stderr).toContain('module: a/src/one.ts -> a/src/two.ts');
  });
});

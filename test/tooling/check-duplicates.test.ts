import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/check-duplicates.mjs', import.meta.url));
const run = (root: string) => spawnSync(process.execPath, [script, root], { encoding: 'utf8' });

/** A block of real logic (well over six lines and the token minimum). */
const LOGIC = `export async function deliver(queue: { take(): Promise<string | undefined> }, send: (item: string) => Promise<void>): Promise<number> {
  let delivered = 0;
  for (;;) {
    const item = await queue.take();
    if (item === undefined) break;
    if (item.length === 0) continue;
    await send(item.trim().toLowerCase());
    delivered += 1;
  }
  return delivered;
}
`;

function servicesWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'check-duplicates-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('check-duplicates', () => {
  it('fails naming both places when one block stands in two services', () => {
    const sut = run(servicesWith({ 'alpha/src/deliver.ts': LOGIC, 'beta/src/relay.ts': `// copied\n${LOGIC}` }));
    expect(sut.status).toBe(1);
    expect(sut.stdout).toMatch(/duplicated across services: .*alpha\/src\/deliver\.ts:\d+-\d+ ~ .*beta\/src\/relay\.ts:\d+-\d+/);
  });

  it('passes when the repeated block stays inside one service', () => {
    const sut = run(servicesWith({ 'alpha/src/deliver.ts': LOGIC, 'alpha/src/again.ts': LOGIC, 'beta/src/other.ts': 'export const other = 1;\n' }));
    expect(sut.status).toBe(0);
    expect(sut.stdout).toContain('0 across services');
  });
});

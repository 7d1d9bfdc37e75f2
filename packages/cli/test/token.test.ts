import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { memoryIo } from './memory-io.js';

const secretHex = '0f'.repeat(32);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-token-'));
  await writeFile(join(dir, 'partnership.key'), JSON.stringify({ version: 2, secret: secretHex }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const hmac = (input: string): string => createHmac('sha256', Buffer.from(secretHex, 'hex')).update(input).digest('hex');

describe('hub token', () => {
  const cases: [string, string, string][] = [
    ['kvk', '0123 4567', 'kvk:01234567'],
    ['kenteken', 'ab-123-c', 'kenteken:AB123C'],
    ['address', '3761 ab 12 a', 'address:3761AB-12-A'],
    ['person', 'José de Vriës|1980-02-29', 'person:jose de vries|1980-02-29'],
  ];
  for (const [kind, value, hashed] of cases) {
    it(`prints the ${kind} token over the canonical form with the key version`, async () => {
      const io = memoryIo();
      expect(await runCli(['token', '--keys', dir, '--kind', kind, value], io)).toBe(0);
      expect(JSON.parse(io.out())).toEqual({ kind, version: 2, token: hmac(hashed) });
    });
  }

  it('rejects a value the canonicaliser refuses with exit 1, without repeating the value', async () => {
    const io = memoryIo();
    expect(await runCli(['token', '--keys', dir, '--kind', 'kenteken', 'Pietje Puk'], io)).toBe(1);
    expect(io.err()).toMatch(/Kenteken moet/);
    expect(io.err()).not.toContain('Pietje');
  });

  it('fails with exit 1 when the key directory has no partnership key', async () => {
    const io = memoryIo();
    expect(await runCli(['token', '--keys', join(dir, 'missing'), '--kind', 'kvk', '01234567'], io)).toBe(1);
    expect(io.err()).toMatch(/partnership\.key/);
  });
});

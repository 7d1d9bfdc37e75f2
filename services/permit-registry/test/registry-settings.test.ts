import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_REGISTRY_FILE } from '../src/config.js';
import { loadRegistrySettings } from '../src/registry/registry-settings.js';

/* The public register's part of the registry file: every field named, public or not, with its reason; checked at start-up. */

const shipped = JSON.parse(readFileSync(SHIPPED_REGISTRY_FILE, 'utf8')) as { publicRegister: { fields: Record<string, unknown> } & Record<string, unknown> } & Record<string, unknown>;

async function problemsOf(publicRegister: unknown): Promise<string[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'registry-settings-')), 'registry.json');
  writeFileSync(file, JSON.stringify({ ...shipped, publicRegister }));
  const loaded = await loadRegistrySettings('PERMIT_REGISTRY_CONFIG_FILE', file);
  return loaded.ok ? [] : loaded.problems;
}

describe('the public register settings', () => {
  it('ships every field public with its reason and a 30-day term', async () => {
    const loaded = await loadRegistrySettings('PERMIT_REGISTRY_CONFIG_FILE', SHIPPED_REGISTRY_FILE);
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    expect(loaded.settings.publicRegister.publicationTermDays).toBe(30);
    expect(Object.values(loaded.settings.publicRegister.fields).every((field) => field.public && field.reason.length > 10)).toBe(true);
  });

  it('refuses a field without its reason, a field left out and a field the register may never show', async () => {
    const { tradeName: _left, ...withoutTradeName } = shipped.publicRegister.fields;
    expect(await problemsOf({ ...shipped.publicRegister, fields: { ...shipped.publicRegister.fields, address: { public: true } } })).toEqual([
      expect.stringMatching(/^PERMIT_REGISTRY_CONFIG_FILE: publicRegister\.fields\.address\.reason: /),
    ]);
    expect(await problemsOf({ ...shipped.publicRegister, fields: withoutTradeName })).toEqual([expect.stringMatching(/publicRegister\.fields\.tradeName/)]);
    expect(await problemsOf({ ...shipped.publicRegister, fields: { ...shipped.publicRegister.fields, people: { public: false, reason: 'Nooit' } } })).toEqual([
      expect.stringMatching(/publicRegister\.fields.*people/),
    ]);
    expect(await problemsOf({ ...shipped.publicRegister, publicationTermDays: -1 })).toEqual([expect.stringMatching(/publicRegister\.publicationTermDays/)]);
  });
});

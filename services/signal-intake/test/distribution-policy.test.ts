import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { THEMES } from '@signaalhub/contracts';
import { describe, expect, it } from 'vitest';
import {
  assertPolicyPartiesKnown,
  DEFAULT_DISTRIBUTION_POLICY,
  loadDistributionPolicy,
} from '../src/policy/distribution-policy.js';
import { distributionPolicyView } from '../src/policy/distribution-view.js';

function policyFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'policy-')), 'policy.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe(loadDistributionPolicy.name, () => {
  it('returns the built-in default without a file', async () => {
    await expect(loadDistributionPolicy(undefined)).resolves.toBe(DEFAULT_DISTRIBUTION_POLICY);
  });

  it('loads a valid file', async () => {
    const themes = Object.fromEntries(THEMES.map((theme) => [theme, { defaultRecipients: ['riec-mn'], allowedExtras: [] }]));
    const policy = await loadDistributionPolicy(policyFile({ version: 1, themes }));
    expect(policy.themes.horeca.defaultRecipients).toEqual(['riec-mn']);
  });

  it('rejects a file that leaves a theme out, naming it', async () => {
    const themes = Object.fromEntries(THEMES.filter((theme) => theme !== 'overig').map((theme) => [theme, { defaultRecipients: [], allowedExtras: [] }]));
    await expect(loadDistributionPolicy(policyFile({ version: 1, themes }))).rejects.toThrow('themes.overig');
  });

  it('rejects a party listed as default and as extra', async () => {
    const themes = Object.fromEntries(THEMES.map((theme) => [theme, { defaultRecipients: ['om-mn'], allowedExtras: ['om-mn'] }]));
    await expect(loadDistributionPolicy(policyFile({ version: 1, themes }))).rejects.toThrow('either a default recipient or an allowed extra');
  });

  it('rejects a file that is not JSON', async () => {
    await expect(loadDistributionPolicy(policyFile('{ nope'))).rejects.toThrow('DISTRIBUTION_POLICY_FILE: cannot read a JSON file');
  });
});

describe(assertPolicyPartiesKnown.name, () => {
  it('rejects a policy naming a party without a key', () => {
    expect(() => {
      assertPolicyPartiesKnown(DEFAULT_DISTRIBUTION_POLICY, (party) => party !== 'belastingdienst');
    }).toThrow('belastingdienst');
  });
});

describe(distributionPolicyView.name, () => {
  it('puts the own municipality first among the defaults and marks it required', () => {
    const view = distributionPolicyView(DEFAULT_DISTRIBUTION_POLICY, 'baarn');
    expect(view.themes.find((theme) => theme.theme === 'vastgoed')).toEqual({
      theme: 'vastgoed',
      label: 'Vastgoed',
      requiredRecipients: ['gemeente-baarn'],
      defaultRecipients: ['gemeente-baarn', 'politie-bes', 'riec-mn'],
      allowedExtras: ['belastingdienst'],
    });
    expect(view.themes.map((theme) => theme.theme)).toEqual([...THEMES]);
  });
});

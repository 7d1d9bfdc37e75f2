import { readFile } from 'node:fs/promises';
import { ConfigError } from '@signaalhub/config';
import { PartyId, Theme, THEMES, type PartyId as Party, type Theme as ThemeName } from '@signaalhub/contracts';
import { z } from 'zod';

const distinct = (values: readonly string[]): boolean => new Set(values).size === values.length;

/**
 * Who receives a signal of one theme besides the reporting municipality (which always receives it and
 * is therefore never listed): `defaultRecipients` are preselected, `allowedExtras` may be added by the
 * inspector. Nothing outside these two lists can be chosen.
 */
export const ThemeDistribution = z
  .strictObject({
    defaultRecipients: z.array(PartyId).max(50).refine(distinct, 'must not repeat a party'),
    allowedExtras: z.array(PartyId).max(50).refine(distinct, 'must not repeat a party'),
  })
  .refine((theme) => theme.allowedExtras.every((party) => !theme.defaultRecipients.includes(party)), {
    error: 'a party is either a default recipient or an allowed extra, not both',
    path: ['allowedExtras'],
  });
export type ThemeDistribution = z.infer<typeof ThemeDistribution>;

/** The policy file: every theme must be configured, so a new theme cannot silently fall back to "anyone". */
export const DistributionPolicy = z.strictObject({
  version: z.literal(1),
  themes: z.record(Theme, ThemeDistribution),
});
export type DistributionPolicy = z.infer<typeof DistributionPolicy>;

const BASE: Party[] = ['politie-bes', 'riec-mn'];

/**
 * The BES default (IVP BES 2019-2022 §3): politie-bes and riec-mn on every theme. The OM may be added
 * where criminal law is the likely route (drugs, the drug labs of the buitengebied, human trafficking),
 * the Belastingdienst where the fiscal route is (car trade, real estate, hospitality: cash and laundering).
 */
export const DEFAULT_DISTRIBUTION_POLICY: DistributionPolicy = DistributionPolicy.parse({
  version: 1,
  themes: {
    autobranche: { defaultRecipients: BASE, allowedExtras: ['belastingdienst'] },
    buitengebied: { defaultRecipients: BASE, allowedExtras: ['om-mn'] },
    drugsproductie: { defaultRecipients: BASE, allowedExtras: ['om-mn'] },
    drugshandel: { defaultRecipients: BASE, allowedExtras: ['om-mn'] },
    vastgoed: { defaultRecipients: BASE, allowedExtras: ['belastingdienst'] },
    horeca: { defaultRecipients: BASE, allowedExtras: ['belastingdienst'] },
    mensenhandel: { defaultRecipients: BASE, allowedExtras: ['om-mn'] },
    overig: { defaultRecipients: BASE, allowedExtras: [] },
  } satisfies Record<ThemeName, z.input<typeof ThemeDistribution>>,
});

/** Nest injection token of the loaded policy (a plain value, not a class). */
export const DISTRIBUTION_POLICY = Symbol('DistributionPolicy');

/** Reads and validates the policy file (a problem is a configuration error: exit 78); the error names the file's problem, never its content. */
export async function loadDistributionPolicy(path: string | undefined): Promise<DistributionPolicy> {
  if (path === undefined) return DEFAULT_DISTRIBUTION_POLICY;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigError([`DISTRIBUTION_POLICY_FILE: cannot read a JSON file at ${path} (${error instanceof Error ? error.name : 'error'})`]);
  }
  const parsed = DistributionPolicy.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError([`DISTRIBUTION_POLICY_FILE: invalid distribution policy (${problems.join('; ')})`]);
  }
  return parsed.data;
}

/** Every party the policy names must have a key, or a signal could be accepted that cannot be sealed. */
export function assertPolicyPartiesKnown(policy: DistributionPolicy, knows: (party: string) => boolean): void {
  const unknown = new Set<string>();
  for (const theme of THEMES) {
    const { defaultRecipients, allowedExtras } = policy.themes[theme];
    for (const party of [...defaultRecipients, ...allowedExtras]) if (!knows(party)) unknown.add(party);
  }
  if (unknown.size > 0) {
    throw new ConfigError([`DISTRIBUTION_POLICY_FILE: the policy names parties that are not in the party directory: ${[...unknown].join(', ')}`]);
  }
}

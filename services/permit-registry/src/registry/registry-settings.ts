import { readFile } from 'node:fs/promises';
import { AutobrancheActivity, Limits, PUBLIC_REGISTER_FIELDS, SbiCode, type PublicRegisterField } from '@signaalhub/contracts';
import { z } from 'zod';

/*
 * The registry's own configuration file (PERMIT_REGISTRY_CONFIG_FILE): which SBI codes each autobranche
 * activity accepts, and the standard conditions every permit carries with their legal basis. Read and
 * validated once at start-up; a bad file stops the service (exit 78) naming each problem.
 */

const Text = z.string().trim().min(1).max(Limits.shortTextLength);

export const ActivityCode = z.strictObject({ activity: AutobrancheActivity, sbiCode: SbiCode, label: Text });
export type ActivityCode = z.infer<typeof ActivityCode>;

/** A condition as configuration or a decision states it: a stable code, the text and the legal basis. */
export const StandardCondition = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a code: lowercase letters, digits and dashes'),
  text: Text,
  legalBasis: Text,
});
export type StandardCondition = z.infer<typeof StandardCondition>;

/** Whether a field of the public register is shown, and why (the reason is required either way). */
const FieldPublication = z.strictObject({ public: z.boolean(), reason: Text });

/**
 * The public register: every field it may show named with its publication and reason (none may be left out),
 * and the days a revoked or expired permit stays published before it is removed.
 */
export const PublicRegisterSettings = z.strictObject({
  publicationTermDays: z.int().min(0).max(3650),
  fields: z.strictObject(Object.fromEntries(PUBLIC_REGISTER_FIELDS.map((field) => [field, FieldPublication])) as Record<PublicRegisterField, typeof FieldPublication>),
});
export type PublicRegisterSettings = z.infer<typeof PublicRegisterSettings>;

export const RegistrySettingsFile = z
  .strictObject({
    $comment: z.string().optional(),
    activities: z.array(ActivityCode).min(1),
    standardConditions: z.array(StandardCondition).max(Limits.actionsPerDecision),
    publicRegister: PublicRegisterSettings,
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.activities.forEach((entry, index) => {
      const key = `${entry.activity}:${entry.sbiCode}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['activities', index], message: 'must not repeat an activity with the same SBI code' });
      seen.add(key);
    });
    const codes = file.standardConditions.map((condition) => condition.code);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', path: ['standardConditions'], message: 'condition codes must be distinct' });
  });

export interface RegistrySettings {
  readonly activities: readonly ActivityCode[];
  readonly standardConditions: readonly StandardCondition[];
  readonly publicRegister: PublicRegisterSettings;
}

/** The settings, or every problem as `VARIABLE: path: rule` for a ConfigError. */
export async function loadRegistrySettings(variable: string, path: string): Promise<{ ok: true; settings: RegistrySettings } | { ok: false; problems: string[] }> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return { ok: false, problems: [`${variable}: cannot read the file it names as JSON`] };
  }
  const parsed = RegistrySettingsFile.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${variable}: ${issue.path.join('.') || '(file)'}: ${issue.message}`) };
  return { ok: true, settings: { activities: parsed.data.activities, standardConditions: parsed.data.standardConditions, publicRegister: parsed.data.publicRegister } };
}

/** Whether the configured list accepts `sbiCode` for `activity`. */
export function acceptsSbiCode(settings: RegistrySettings, activity: AutobrancheActivity, sbiCode: string): boolean {
  return settings.activities.some((entry) => entry.activity === activity && entry.sbiCode === sbiCode);
}

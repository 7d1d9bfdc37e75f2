import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { isCalendarDate } from './calendar-date.js';

// Operator-facing configuration: messages are English and say the rule, never a configured value
// (coordinator names and conflict declarations are about people).

const SLUG_RULE = 'must be a slug: a lowercase letter, then 1 to 40 lowercase letters, digits or hyphens';
const SLUG = /^[a-z][a-z0-9-]{1,40}$/;
const KVK_RULE = 'must be a KvK number of exactly 8 digits';
const DATE_RULE = 'must be a real date written YYYY-MM-DD';
const CAPACITY_RULE = 'must be a whole number from 1 to 1000';

/** An error for a missing value says "is required"; any other wrong type gets the field's rule. */
const requiredOr = (rule: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : rule),
});

const distinct = (values: readonly string[]): boolean => new Set(values).size === values.length;

const Slug = z.string(requiredOr(SLUG_RULE)).regex(SLUG, SLUG_RULE);
const CalendarDate = z.string(requiredOr(DATE_RULE)).refine(isCalendarDate, { error: DATE_RULE, abort: true });

/** An absence from `from` up to and including `to`. */
const Absence = z
  .strictObject({ from: CalendarDate, to: CalendarDate })
  .refine((absence) => absence.from <= absence.to, { error: 'must not be before `from`', path: ['to'] });

/** What a coordinator declared they must not handle: every screening of these municipalities or businesses. */
const ConflictsOfInterest = z.strictObject({
  municipalities: z
    .array(Slug, requiredOr('must be a list of municipality ids'))
    .max(50, 'must list at most 50 municipalities')
    .refine(distinct, 'must not repeat a municipality')
    .default([]),
  kvkNumbers: z
    .array(z.string(requiredOr(KVK_RULE)).regex(/^[0-9]{8}$/, KVK_RULE), requiredOr('must be a list of KvK numbers'))
    .max(1000, 'must list at most 1000 KvK numbers')
    .refine(distinct, 'must not repeat a KvK number')
    .default([]),
});

export const CoordinatorEntry = z.strictObject({
  id: Slug,
  name: z.string(requiredOr('must be text')).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  /** The most open screenings (started or not) this coordinator can hold at once. */
  capacity: z.number(requiredOr(CAPACITY_RULE)).int(CAPACITY_RULE).min(1, CAPACITY_RULE).max(1000, CAPACITY_RULE),
  absences: z.array(Absence, requiredOr('must be a list of { from, to } dates')).max(200, 'must list at most 200 absences').default([]),
  conflictsOfInterest: ConflictsOfInterest.default({ municipalities: [], kvkNumbers: [] }),
  /** A lead coordinator may reassign screenings. */
  lead: z.boolean(requiredOr('must be true or false')).default(false),
});
export type Coordinator = z.infer<typeof CoordinatorEntry>;

export const CoordinatorPoolConfig = z
  .array(CoordinatorEntry, requiredOr('must be a JSON array of coordinators'))
  .min(1, 'must list at least one coordinator')
  .max(500, 'must list at most 500 coordinators')
  .superRefine((coordinators, ctx) => {
    const seen = new Set<string>();
    coordinators.forEach((coordinator, index) => {
      if (seen.has(coordinator.id)) ctx.addIssue({ code: 'custom', message: 'must be unique: an earlier coordinator has the same id', path: [index, 'id'] });
      seen.add(coordinator.id);
    });
  });

/** Where the pool comes from: a JSON file, or the JSON itself in an environment variable. */
export type CoordinatorSource =
  | { readonly kind: 'file'; readonly variable: string; readonly path: string }
  | { readonly kind: 'json'; readonly variable: string; readonly json: string };

export interface CoordinatorCheckOptions {
  /** When given, a conflict declaration naming any other municipality is refused (a typo would silently never match). */
  readonly knownMunicipalities?: readonly string[];
}

/** The pool, or every problem as `VARIABLE.index.field: rule` for a ConfigError (exit 78). */
export type CoordinatorLoad =
  | { readonly ok: true; readonly coordinators: readonly Coordinator[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Reads and validates the coordinator pool once at start-up. */
export async function loadCoordinators(source: CoordinatorSource, options: CoordinatorCheckOptions = {}): Promise<CoordinatorLoad> {
  let text: string;
  if (source.kind === 'json') {
    text = source.json;
  } else {
    try {
      text = await readFile(source.path, 'utf8');
    } catch {
      return { ok: false, problems: [`${source.variable}: cannot read the file it names`] };
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: [`${source.variable}: is not valid JSON`] };
  }
  return parseCoordinators(json, source.variable, options);
}

/** Validates parsed JSON as the coordinator pool; problems are prefixed with `variable`. */
export function parseCoordinators(json: unknown, variable: string, options: CoordinatorCheckOptions = {}): CoordinatorLoad {
  const parsed = CoordinatorPoolConfig.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap((issue) => describeIssue(variable, issue)) };
  const problems = unknownMunicipalityProblems(variable, parsed.data, options.knownMunicipalities);
  return problems.length === 0 ? { ok: true, coordinators: parsed.data } : { ok: false, problems };
}

function describeIssue(variable: string, issue: z.core.$ZodIssue): string[] {
  const at = (path: readonly PropertyKey[]): string => [variable, ...path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${at([...issue.path, key])}: is not a known field`);
  return [`${at(issue.path)}: ${issue.message}`];
}

function unknownMunicipalityProblems(variable: string, coordinators: readonly Coordinator[], known: readonly string[] | undefined): string[] {
  if (known === undefined) return [];
  const knownSet = new Set(known);
  return coordinators.flatMap((coordinator, index) =>
    coordinator.conflictsOfInterest.municipalities.flatMap((municipality, position) =>
      knownSet.has(municipality) ? [] : [`${variable}.${String(index)}.conflictsOfInterest.municipalities.${String(position)}: must be a configured municipality`],
    ),
  );
}

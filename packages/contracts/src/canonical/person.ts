import { CanonicalisationError, type CanonicalRule } from './canonicalisation-error.js';

export const PERSON_NAME_MAX_LENGTH = 200;
export const BIRTH_DATE_PATTERN = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** Nobody a signal is about was born before this; older dates are typing errors. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

export const PERSON_NAME_RULE: CanonicalRule = {
  rule: `name must be 1 to ${PERSON_NAME_MAX_LENGTH} characters of letters, spaces, hyphens, apostrophes or dots`,
  ruleNl: `Naam moet 1 tot ${PERSON_NAME_MAX_LENGTH} tekens zijn: letters, spaties, koppeltekens, apostrofs of punten`,
};

export const BIRTH_DATE_RULE: CanonicalRule = {
  rule: `birth date must be a real date written YYYY-MM-DD, from ${EARLIEST_BIRTH_DATE} up to today`,
  ruleNl: 'Geboortedatum moet een bestaande datum zijn (JJJJ-MM-DD), niet in de toekomst en niet vóór 1900',
};

// Typographic apostrophes and dashes differ between keyboards and copied text, but not between people.
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const DASHES = /[\u2010-\u2015]/g;
const COMBINING_MARKS = /\p{M}/gu;
/** Letters of any script, each separator (space, hyphen, apostrophe, dot) on its own so matching stays linear. */
const NAME_SHAPE = /^\p{L}+(?:[ '.-]\p{L}*)*$/u;

/** Trims and collapses whitespace: the form a name is shown in, without changing its spelling. */
export function displayPersonName(input: string): string {
  return input.trim().replace(/\s+/g, ' ');
}

/**
 * Name → matching form: trimmed, whitespace collapsed, lowercase, diacritics stripped via NFKD
 * (`  José  de  Vriës ` → `jose de vries`), `ß` folded to `ss`, typographic apostrophes and dashes made ASCII.
 */
export function canonicalPersonName(input: string, field = 'name'): string {
  // Made only when thrown: an Error captures a stack trace, which cost more than the whole name check.
  const rejected = (): CanonicalisationError => new CanonicalisationError(field, PERSON_NAME_RULE);
  if (input.length > PERSON_NAME_MAX_LENGTH * 2) throw rejected();
  const canonical = displayPersonName(input)
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .toLowerCase()
    // Full case folding: 'ß'.toUpperCase() is 'SS', so without this `STRAßE` and `straße` would differ.
    .replace(/ß/g, 'ss');
  if (canonical.length === 0 || canonical.length > PERSON_NAME_MAX_LENGTH || !NAME_SHAPE.test(canonical)) {
    throw rejected();
  }
  return canonical;
}

/** Today's date in UTC as `YYYY-MM-DD`. */
function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Birth date → `YYYY-MM-DD`, which must be a real calendar date (so `1981-02-29` is rejected),
 * not before {@link EARLIEST_BIRTH_DATE} and not after `today` (UTC, `YYYY-MM-DD`).
 */
export function canonicalBirthDate(input: string, field = 'birthDate', today: string = todayUtc()): string {
  const trimmed = input.trim();
  const valid =
    BIRTH_DATE_PATTERN.test(trimmed) &&
    isRealDate(trimmed) &&
    trimmed >= EARLIEST_BIRTH_DATE &&
    trimmed <= today;
  if (!valid) {
    throw new CanonicalisationError(field, BIRTH_DATE_RULE);
  }
  return trimmed;
}

function isRealDate(isoDate: string): boolean {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export interface PersonInput {
  readonly name: string;
  readonly birthDate: string;
}

/** Person → `<canonical name>|<birth date>`, e.g. `jan de vries|1980-02-29`; the key used for matching. */
export function canonicalPerson(person: PersonInput, today?: string): string {
  return `${canonicalPersonName(person.name)}|${canonicalBirthDate(person.birthDate, 'birthDate', today)}`;
}

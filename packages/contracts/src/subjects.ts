import { z } from 'zod';
import { applyCanonicaliser, canonicalString, ruleError } from './canonical/canonical-schema.js';
import { KENTEKEN_MAX_INPUT_LENGTH, KENTEKEN_PATTERN, KENTEKEN_RULE, canonicalKenteken } from './canonical/kenteken.js';
import {
  KVK_NUMBER_MAX_INPUT_LENGTH,
  KVK_NUMBER_PATTERN,
  KVK_NUMBER_RULE,
  canonicalKvkNumber,
} from './canonical/kvk-number.js';
import {
  BIRTH_DATE_RULE,
  PERSON_NAME_MAX_LENGTH,
  PERSON_NAME_RULE,
  canonicalBirthDate,
  canonicalPersonName,
  displayPersonName,
} from './canonical/person.js';
import { Limits } from './limits.js';

export const KvkNumber = canonicalString(
  canonicalKvkNumber,
  KVK_NUMBER_PATTERN,
  KVK_NUMBER_MAX_INPUT_LENGTH,
  KVK_NUMBER_RULE,
);

const VESTIGINGSNUMMER_RULE = {
  rule: 'vestigingsnummer must be 12 digits',
  ruleNl: 'Vestigingsnummer moet 12 cijfers zijn',
};
const VESTIGINGSNUMMER_ERROR = ruleError(VESTIGINGSNUMMER_RULE);

/** Vestigingsnummer in the Handelsregister: 12 digits (spaces and dots ignored). Not matched on. */
export const Vestigingsnummer = z
  .string()
  .max(32, VESTIGINGSNUMMER_ERROR)
  .transform((value) => value.replace(/[\s.]/g, ''))
  .pipe(z.string().regex(/^[0-9]{12}$/, VESTIGINGSNUMMER_ERROR));

export const Kenteken = canonicalString(canonicalKenteken, KENTEKEN_PATTERN, KENTEKEN_MAX_INPUT_LENGTH, KENTEKEN_RULE);

/**
 * A person's name as shown (trimmed, whitespace collapsed, spelling kept). It must canonicalise, so
 * the matching key can always be derived from it with canonicalPersonName.
 */
export const PersonName = z
  .string()
  .max(PERSON_NAME_MAX_LENGTH * 2, ruleError(PERSON_NAME_RULE))
  .transform((value, ctx) => {
    applyCanonicaliser(canonicalPersonName, value, ctx);
    return displayPersonName(value);
  })
  .pipe(z.string().min(1).max(PERSON_NAME_MAX_LENGTH));

/** Birth date `YYYY-MM-DD`: a real date, not in the future (checked against the clock at parse time). */
export const BirthDate = z
  .string()
  .max(32, ruleError(BIRTH_DATE_RULE))
  .transform((value, ctx) => applyCanonicaliser((input: string) => canonicalBirthDate(input), value, ctx))
  .pipe(z.iso.date());

export const BusinessSubject = z.strictObject({
  kind: z.literal('business'),
  kvkNumber: KvkNumber,
  tradeName: z.string().trim().min(1).max(Limits.nameLength).optional(),
  vestigingsnummer: Vestigingsnummer.optional(),
});
export type BusinessSubject = z.infer<typeof BusinessSubject>;

export const PersonSubject = z.strictObject({
  kind: z.literal('person'),
  name: PersonName,
  birthDate: BirthDate,
});
export type PersonSubject = z.infer<typeof PersonSubject>;

export const VehicleSubject = z.strictObject({
  kind: z.literal('vehicle'),
  kenteken: Kenteken,
});
export type VehicleSubject = z.infer<typeof VehicleSubject>;

/** Who or what a signal is about. */
export const Subject = z.discriminatedUnion('kind', [BusinessSubject, PersonSubject, VehicleSubject]);
export type Subject = z.infer<typeof Subject>;

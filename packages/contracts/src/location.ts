import { z } from 'zod';
import { canonicalString, ruleError } from './canonical/canonical-schema.js';
import {
  ADDRESS_MAX_INPUT_LENGTH,
  HUISNUMMER_MAX,
  HUISNUMMER_RULE,
  POSTCODE_RULE,
  TOEVOEGING_RULE,
  HUISNUMMER_MIN,
  POSTCODE_PATTERN,
  TOEVOEGING_PATTERN,
  canonicalPostcode,
  canonicalToevoeging,
} from './canonical/address.js';

export const Postcode = canonicalString(canonicalPostcode, POSTCODE_PATTERN, ADDRESS_MAX_INPUT_LENGTH, POSTCODE_RULE);

export const Toevoeging = canonicalString(
  canonicalToevoeging,
  TOEVOEGING_PATTERN,
  ADDRESS_MAX_INPUT_LENGTH,
  TOEVOEGING_RULE,
);

const HUISNUMMER_ERROR = ruleError(HUISNUMMER_RULE);

/** The number is the same rule as canonicalHuisnummer (shared bounds and message), kept as a zod
 * integer so the JSON Schema publishes the bounds. */
export const Huisnummer = z.strictObject({
  number: z.int(HUISNUMMER_ERROR).min(HUISNUMMER_MIN, HUISNUMMER_ERROR).max(HUISNUMMER_MAX, HUISNUMMER_ERROR),
  toevoeging: Toevoeging.optional(),
});
export type Huisnummer = z.infer<typeof Huisnummer>;

/** The European Netherlands including the Wadden and the territorial sea, generously rounded. */
export const NL_BOUNDS = { minLat: 50.7, maxLat: 53.7, minLon: 3.2, maxLon: 7.3 } as const;

const COORDINATES_RULE = {
  rule: 'coordinates must lie within the Netherlands',
  ruleNl: 'Coördinaten moeten in Nederland liggen',
};
const COORDINATES_ERROR = ruleError(COORDINATES_RULE);

export const Coordinates = z.strictObject({
  lat: z.number().min(NL_BOUNDS.minLat, COORDINATES_ERROR).max(NL_BOUNDS.maxLat, COORDINATES_ERROR),
  lon: z.number().min(NL_BOUNDS.minLon, COORDINATES_ERROR).max(NL_BOUNDS.maxLon, COORDINATES_ERROR),
});
export type Coordinates = z.infer<typeof Coordinates>;

export const Location = z.strictObject({
  postcode: Postcode,
  huisnummer: Huisnummer,
  coordinates: Coordinates.optional(),
});
export type Location = z.infer<typeof Location>;

import { z } from 'zod';
import { ruleError } from './canonical/canonical-schema.js';
import { Limits } from './limits.js';
import { PartyId } from './parties.js';

/** A municipality id is a lowercase slug such as `de-bilt`; the list itself comes from configuration. */
export const MunicipalityId = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{1,40}$/,
    ruleError({ rule: 'municipality id must be a lowercase slug (a-z, 0-9, -)', ruleNl: 'Gemeente-id moet een slug zijn: kleine letters, cijfers en koppeltekens' }),
  );
export type MunicipalityId = z.infer<typeof MunicipalityId>;

/** A municipality and the party that acts for it (the party holds the OpenPGP key). */
export const MunicipalityEntry = z.strictObject({
  id: MunicipalityId,
  name: z.string().trim().min(1).max(Limits.nameLength),
  party: PartyId,
});
export type MunicipalityEntry = z.infer<typeof MunicipalityEntry>;

/** The BES convention: municipality `soest` is represented by party `gemeente-soest`. */
export function municipalityPartyId(municipality: MunicipalityId): PartyId {
  return `gemeente-${municipality}`;
}

/** The five BES municipalities; the default configuration, never hard-wired into services. */
export const DEFAULT_MUNICIPALITIES: readonly MunicipalityEntry[] = [
  { id: 'baarn', name: 'Baarn', party: municipalityPartyId('baarn') },
  { id: 'bunschoten', name: 'Bunschoten', party: municipalityPartyId('bunschoten') },
  { id: 'eemnes', name: 'Eemnes', party: municipalityPartyId('eemnes') },
  { id: 'soest', name: 'Soest', party: municipalityPartyId('soest') },
  { id: 'de-bilt', name: 'De Bilt', party: municipalityPartyId('de-bilt') },
];

import { z } from 'zod';
import { ruleError } from './canonical/canonical-schema.js';
import { Limits } from './limits.js';

/** A party id is a lowercase slug such as `gemeente-soest`; the list itself comes from configuration. */
export const PartyId = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{1,62}$/,
    ruleError({ rule: 'party id must be a lowercase slug (a-z, 0-9, -)', ruleNl: 'Kies een partij uit de lijst (een partij-id: kleine letters, cijfers en koppeltekens)' }),
  );
export type PartyId = z.infer<typeof PartyId>;

/** The nine parties of the BES partnership; the default for `hub keys init`, never hard-wired into services. */
export const DEFAULT_PARTIES = [
  'gemeente-baarn',
  'gemeente-bunschoten',
  'gemeente-eemnes',
  'gemeente-soest',
  'gemeente-de-bilt',
  'politie-bes',
  'riec-mn',
  'om-mn',
  'belastingdienst',
] as const;

/** The shared Bibob coordinator pool of the BES municipalities: a party of its own, with its own key. */
export const DEFAULT_POOL_PARTY = 'bibob-pool-bes';

/** Every party whose key the hub hosts by default (`hub keys init`): the partnership and the pool. */
export const DEFAULT_HUB_PARTIES = [...DEFAULT_PARTIES, DEFAULT_POOL_PARTY] as const;

const Fingerprint = z
  .string()
  .regex(/^[0-9A-F]{40}$/, 'fingerprint must be 40 uppercase hexadecimal characters (OpenPGP v4)');

export const PartyEntry = z.strictObject({
  id: PartyId,
  name: z.string().trim().min(1).max(Limits.nameLength),
  fingerprint: Fingerprint,
});
export type PartyEntry = z.infer<typeof PartyEntry>;

/** The party directory pins each party's OpenPGP key fingerprint; receivers trust nothing else. */
export const PartyDirectory = z
  .strictObject({
    version: z.literal(1),
    parties: z.array(PartyEntry).min(1).max(Limits.partiesPerDirectory),
  })
  .superRefine((directory, ctx) => {
    const seenIds = new Set<string>();
    // One key pinned for two parties would let one party sign as the other.
    const seenFingerprints = new Set<string>();
    directory.parties.forEach((party, index) => {
      if (seenIds.has(party.id)) {
        ctx.addIssue({ code: 'custom', path: ['parties', index, 'id'], message: `duplicate party id ${party.id}` });
      }
      if (seenFingerprints.has(party.fingerprint)) {
        ctx.addIssue({
          code: 'custom',
          path: ['parties', index, 'fingerprint'],
          message: 'fingerprint is already pinned for another party',
        });
      }
      seenIds.add(party.id);
      seenFingerprints.add(party.fingerprint);
    });
  });
export type PartyDirectory = z.infer<typeof PartyDirectory>;

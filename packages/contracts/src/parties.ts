import { z } from 'zod';

/** A party id is a lowercase slug such as `gemeente-soest`; the list itself comes from configuration. */
export const PartyId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,62}$/, 'party id must be a lowercase slug (a-z, 0-9, -)');
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

const Fingerprint = z
  .string()
  .regex(/^[0-9A-F]{40}$/, 'fingerprint must be 40 uppercase hexadecimal characters (OpenPGP v4)');

export const PartyEntry = z.strictObject({
  id: PartyId,
  name: z.string().min(1),
  fingerprint: Fingerprint,
});
export type PartyEntry = z.infer<typeof PartyEntry>;

/** The party directory pins each party's OpenPGP key fingerprint; receivers trust nothing else. */
export const PartyDirectory = z
  .strictObject({
    version: z.literal(1),
    parties: z.array(PartyEntry).min(1),
  })
  .superRefine((directory, ctx) => {
    const seen = new Set<string>();
    directory.parties.forEach((party, index) => {
      if (seen.has(party.id)) {
        ctx.addIssue({ code: 'custom', path: ['parties', index, 'id'], message: `duplicate party id ${party.id}` });
      }
      seen.add(party.id);
    });
  });
export type PartyDirectory = z.infer<typeof PartyDirectory>;

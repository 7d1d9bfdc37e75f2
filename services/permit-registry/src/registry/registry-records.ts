import { municipalityPartyId, KvkNumber, Limits, ResponsiblePerson } from '@signaalhub/contracts';
import { SealedRecords, type PartyKeyring } from '@signaalhub/envelope';
import { z } from 'zod';

/*
 * What the registry keeps in its encrypted columns, sealed by the municipality's own party to itself
 * (SealedRecords, packages/envelope): every registry's records are readable only with its own key. The
 * schemas check a record again when it is opened.
 */

/** `establishments.particulars_sealed`: the KvK number and the people responsible. */
export const EstablishmentParticulars = z.strictObject({ kvkNumber: KvkNumber, people: z.array(ResponsiblePerson) });
export type EstablishmentParticulars = z.infer<typeof EstablishmentParticulars>;

/** Free text (a reason, a ground, a case condition): possibly personal or art. 28 information. */
export const SealedText = z.string().max(Limits.freeTextLength);

/** One SealedRecords per registry municipality, each acting as that municipality's party. */
export class MunicipalRecords {
  private readonly byMunicipality: ReadonlyMap<string, SealedRecords>;

  constructor(keyring: PartyKeyring, municipalities: readonly string[]) {
    this.byMunicipality = new Map(municipalities.map((municipality) => [municipality, new SealedRecords(keyring, municipalityPartyId(municipality))]));
  }

  of(municipality: string): SealedRecords {
    const records = this.byMunicipality.get(municipality);
    if (records === undefined) throw new Error(`no registry for municipality ${municipality}`);
    return records;
  }
}

import { Limits, ScreeningAddress, ScreeningApplicant, ScreeningPerson, ScreeningVehicles } from '@signaalhub/contracts';
import { z } from 'zod';

/*
 * What the pool keeps in its encrypted columns (SealedRecords, sealed by the pool party to itself and
 * the requesting municipality). The schemas check a record again when it is opened.
 */

/** `screenings.application_sealed`: the request's personal part. Address and vehicles are optional: older records have neither. */
export const ApplicationRecord = z.strictObject({
  reference: z.string().min(1).max(Limits.nameLength),
  applicant: ScreeningApplicant,
  people: z.array(ScreeningPerson),
  address: ScreeningAddress.optional(),
  vehicles: ScreeningVehicles.optional(),
});
export type ApplicationRecord = z.infer<typeof ApplicationRecord>;

/** A coordinator's reason or answer text: free text, so possibly personal. */
export const SealedText = z.string().max(Limits.freeTextLength);

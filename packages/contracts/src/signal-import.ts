import { z } from 'zod';
import { ruleError } from './canonical/canonical-schema.js';
import { SignalSubmission } from './signal.js';

/*
 * The historical import of the signal intake (`POST /api/admin/signal-imports`, admin only): signals a
 * municipality kept before the hub, each in the intake's own input shape with its original report date.
 */

/** Rows per request (a batch, stored all or nothing in one transaction); the body limit (64 KiB) usually comes first. */
export const MAX_SIGNAL_IMPORT_ROWS = 100;

/** A client-chosen row id (opaque: never a name or number of a person), unique per import row for good. */
export const SignalImportId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,128}$/, ruleError({ rule: 'must be 8 to 128 characters of letters, digits and . _ : -', ruleNl: 'Het importnummer moet 8 tot 128 letters, cijfers of . _ : - bevatten' }));

/** A calendar date (YYYY-MM-DD) in the region's calendar; PERSISTED as the `reportedOn` routing fact. */
export const ReportDate = z.iso.date(ruleError({ rule: 'must be a date YYYY-MM-DD', ruleNl: 'Gebruik een datum als JJJJ-MM-DD' }));

export const SignalImportRow = z.strictObject({
  importId: SignalImportId,
  /** The day the signal was originally reported; not in the future. */
  reportedOn: ReportDate,
  signal: SignalSubmission,
});
export type SignalImportRow = z.infer<typeof SignalImportRow>;
export type SignalImportRowInput = z.input<typeof SignalImportRow>;

/** The request as a list; each row is then checked on its own (`SignalImportRow`), so every bad row is named. */
export const SignalImportBatch = z.strictObject({
  signals: z
    .array(z.unknown())
    .min(1, ruleError({ rule: 'at least one signal', ruleNl: 'Voeg minstens één melding toe' }))
    .max(MAX_SIGNAL_IMPORT_ROWS, ruleError({ rule: `at most ${MAX_SIGNAL_IMPORT_ROWS} signals per request`, ruleNl: `Maximaal ${MAX_SIGNAL_IMPORT_ROWS} meldingen per verzoek` })),
});

export const SignalImportRequest = SignalImportBatch.extend({ signals: z.array(SignalImportRow).min(1).max(MAX_SIGNAL_IMPORT_ROWS) });
export type SignalImportRequest = z.infer<typeof SignalImportRequest>;
export type SignalImportRequestInput = z.input<typeof SignalImportRequest>;

/** One row's outcome: `imported` now, or `already-imported` earlier under the same importId (nothing new). */
export interface SignalImportOutcome {
  readonly importId: string;
  readonly signalId: string;
  readonly result: 'imported' | 'already-imported';
}

/** `POST /api/admin/signal-imports` → 201 when anything was imported, 200 when every row was in already. */
export interface SignalImportResponse {
  readonly importBatchId: string;
  readonly imported: number;
  readonly alreadyImported: number;
  readonly signals: readonly SignalImportOutcome[];
}

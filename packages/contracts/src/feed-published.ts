import { z } from 'zod';

/*
 * Payload of `feed.published` (DESIGN.md §6): one disclosure-controlled release, sealed by the RIEC to its
 * recipient alone (the RIEC's own party, or one municipality, which gets its own figures and the regional
 * ones). The same shape as the feed's JSON export: a suppressed cell is null, the mark and legend say why;
 * never the atoms, the recipient or the ledger's sequence. Field names are PERSISTED.
 */

const FeedCell = z.strictObject({
  row: z.string().min(1),
  column: z.string().min(1),
  /** null: suppressed (a count from 1 to k−1, or hidden so that none follows from the others). */
  value: z.number().int().min(0).nullable(),
});

const FeedTable = z.strictObject({
  id: z.string().min(1),
  period: z.string().min(1),
  rows: z.array(z.string().min(1)),
  columns: z.array(z.string().min(1)),
  cells: z.array(FeedCell),
});

export const FeedPublished = z.strictObject({
  id: z.string().min(1),
  period: z.string().min(1),
  /** Earlier periods stated again because late events changed them. */
  restatedPeriods: z.array(z.string().min(1)),
  k: z.number().int().min(2),
  method: z.string().min(1),
  mark: z.string().min(1),
  legend: z.string().min(1),
  notes: z.array(z.string()),
  /** Primary and secondary together: the split would tell which hidden cells are the small ones. */
  suppressedCells: z.number().int().min(0),
  tables: z.array(FeedTable),
});
export type FeedPublished = z.infer<typeof FeedPublished>;

import { z } from 'zod';

/*
 * A published release of the riec feed as it leaves the service (`GET /api/releases/:id`, the JSON
 * export and the payload of `feed.published`): the one shape the feed writes and the web and the
 * partners read. Field names are PERSISTED. A suppressed cell is null; the release's
 * one mark and its legend say why. No atoms, no primary/secondary split (see the feed's disclosure README).
 */

/** A month a release is built for: `2026-03`. */
export const ReleasePeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');
export type ReleasePeriod = z.infer<typeof ReleasePeriod>;

/** `POST /api/releases`: build the releases of one month (the RIEC liaison). */
export const ReleaseBuildRequest = z.strictObject({ period: ReleasePeriod });
export type ReleaseBuildRequest = z.infer<typeof ReleaseBuildRequest>;

/** The key of the row or column with a table's marginal totals (the feed's `TOTAL`). */
export const RELEASE_TOTAL_KEY = 'totaal';

export const ReleasedCellJson = z.strictObject({
  /** A theme or RELEASE_TOTAL_KEY. */
  row: z.string().min(1),
  /** A municipality, a group (`regio`) or RELEASE_TOTAL_KEY. */
  column: z.string().min(1),
  /** null: suppressed (a count from 1 to k−1, or hidden so that none follows from the others). */
  value: z.number().int().min(0).nullable(),
});
export type ReleasedCellJson = z.infer<typeof ReleasedCellJson>;

export const ReleasedTableJson = z.strictObject({
  /** `2026-03/regio-per-gemeente`, `2026-03/eigen-gemeente`, `2026-03/regio`. */
  id: z.string().min(1),
  period: z.string().min(1),
  rows: z.array(z.string().min(1)),
  columns: z.array(z.string().min(1)),
  cells: z.array(ReleasedCellJson),
});
export type ReleasedTableJson = z.infer<typeof ReleasedTableJson>;

export const ReleaseJson = z.strictObject({
  id: z.string().min(1),
  period: z.string().min(1),
  /** Earlier periods stated again because late events changed them. */
  restatedPeriods: z.array(z.string().min(1)),
  k: z.number().int().min(2),
  method: z.string().min(1),
  /** The one mark of every suppressed cell. */
  mark: z.string().min(1),
  legend: z.string().min(1),
  notes: z.array(z.string()),
  /** Suppressed cells in total: primary and secondary together, since the split would tell which hidden cells are the small ones. */
  suppressedCells: z.number().int().min(0),
  tables: z.array(ReleasedTableJson),
});
export type ReleaseJson = z.infer<typeof ReleaseJson>;

/** One entry of `GET /api/releases`: the recipient's ledger, newest last. */
export const ReleaseSummary = z.strictObject({
  id: z.string(),
  recipient: z.string(),
  period: z.string(),
  sequence: z.number().int().min(1),
  builtAt: z.string(),
  k: z.number().int().min(2),
  suppressedCells: z.number().int().min(0),
});
export type ReleaseSummary = z.infer<typeof ReleaseSummary>;

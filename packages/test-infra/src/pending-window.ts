/**
 * How long a test lets delayed jobs wait while it kills and restarts things around them: a multiple of one
 * start of the service measured in the same run, so a busy machine gets a longer window and a quiet one no
 * idle minutes. The tests check that the jobs were still pending when they killed something, so a window
 * that was too short fails loudly instead of passing by accident.
 */
export function pendingWindowMs(measuredStartMs: number, options: { readonly minMs?: number; readonly maxMs?: number } = {}): number {
  const minMs = options.minMs ?? 45_000;
  const maxMs = options.maxMs ?? 170_000;
  return Math.min(maxMs, Math.max(minMs, 10 * measuredStartMs));
}

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Each benchmark adds its own key to .bench/latest.json; the runner resets the file per run. */
export async function mergeBenchFigures(key: string, figures: Record<string, unknown>): Promise<void> {
  const dir = fileURLToPath(new URL('../.bench/', import.meta.url));
  const file = `${dir}latest.json`;
  await mkdir(dir, { recursive: true });
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // first figures of this run
  }
  await writeFile(file, `${JSON.stringify({ ...existing, [key]: { measuredAt: new Date().toISOString(), ...figures } }, null, 2)}\n`);
}

/** The p-th percentile (nearest rank) of some timings. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/**
 * Times a service's call and its bare baseline on the same rounds (the round number picks the input), one
 * after the other; rounds alternate which of the pair goes first, and the warm-up rounds are not counted.
 */
export async function measurePair(
  rounds: { readonly warmUp: number; readonly counted: number },
  service: (round: number) => Promise<unknown>,
  bare: (round: number) => Promise<unknown>,
): Promise<{ service: number[]; bare: number[] }> {
  const times = { service: [] as number[], bare: [] as number[] };
  for (let round = 0; round < rounds.warmUp + rounds.counted; round++) {
    const order = round % 2 === 0 ? (['service', 'bare'] as const) : (['bare', 'service'] as const);
    for (const which of order) {
      const started = performance.now();
      await (which === 'service' ? service(round) : bare(round));
      if (round >= rounds.warmUp) times[which].push(performance.now() - started);
    }
  }
  return times;
}

/**
 * Runs `rounds` rounds of a bare baseline and the service beside it, alternating which goes first (the bare one
 * in even rounds), and hands each round's pair to `after` (e.g. to print it). Answers every round's figures.
 */
export async function alternatingRounds<B, S>(
  rounds: number,
  bare: (round: number) => Promise<B>,
  service: (round: number) => Promise<S>,
  after: (round: number, bareFirst: boolean, bareFigures: B, serviceFigures: S) => void,
): Promise<{ bare: B[]; service: S[] }> {
  const figures = { bare: [] as B[], service: [] as S[] };
  for (let round = 0; round < rounds; round++) {
    const bareFirst = round % 2 === 0;
    let bareFigures: B;
    let serviceFigures: S;
    if (bareFirst) {
      bareFigures = await bare(round);
      serviceFigures = await service(round);
    } else {
      serviceFigures = await service(round);
      bareFigures = await bare(round);
    }
    figures.bare.push(bareFigures);
    figures.service.push(serviceFigures);
    after(round, bareFirst, bareFigures, serviceFigures);
  }
  return figures;
}

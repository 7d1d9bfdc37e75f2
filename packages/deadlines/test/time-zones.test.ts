import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDeadlines, type DeadlineOutcome, type Timeline } from '../src/index.js';
import { timelineArbitrary } from './timeline-arbitrary.js';

// Child processes on a shared 2-core machine: start-up alone can take seconds each.
const CHILD_PROCESS_TIMEOUT_MS = 120_000;
const script = fileURLToPath(new URL('./compute-many.ts', import.meta.url));

interface ChildResult {
  readonly timeZone: string;
  readonly outcomes: readonly DeadlineOutcome[];
}

function computeIn(timeZone: string, timelines: readonly Timeline[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', script], {
      env: { ...process.env, TZ: timeZone },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as ChildResult);
      else reject(new Error(`compute-many exited with ${String(code)}`));
    });
    child.stdin.end(JSON.stringify(timelines));
  });
}

// Days around the daylight-saving switches (last Sunday of March and October) and midnight-sensitive
// year ends, where a local-time date computation would slip a day.
const dstTimelines: readonly Timeline[] = [
  { ontvangen: '2027-03-28', beslistermijnWeken: 1, gebeurtenissen: [] },
  { ontvangen: '2027-10-31', beslistermijnWeken: 8, gebeurtenissen: [{ soort: 'lbb-gevraagd', datum: '2027-10-31' }] },
  { ontvangen: '2026-12-31', beslistermijnWeken: 2, gebeurtenissen: [{ soort: 'aanvulling-gevraagd', datum: '2026-12-31' }, { soort: 'aanvulling-ontvangen', datum: '2027-03-28' }] },
];

describe(computeDeadlines.name, () => {
  it('gives the same dates under TZ=UTC and TZ=Europe/Amsterdam (and a zone far from both)', async () => {
    const timelines = [...dstTimelines, ...fc.sample(timelineArbitrary, { seed: 20_270_104, numRuns: 400 })];
    const zones = ['UTC', 'Europe/Amsterdam', 'Pacific/Kiritimati'];
    const results = await Promise.all(zones.map((zone) => computeIn(zone, timelines)));
    // The children really ran in the zones asked for, so equal outcomes mean something.
    expect(results.map((result) => result.timeZone)).toEqual(zones);
    const expected = timelines.map((timeline) => computeDeadlines(timeline));
    for (const result of results) expect(result.outcomes).toEqual(expected);
  }, CHILD_PROCESS_TIMEOUT_MS);
});

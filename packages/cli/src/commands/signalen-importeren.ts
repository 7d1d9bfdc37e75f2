import { readFile } from 'node:fs/promises';
import { CommandFailure, UsageError } from '../cli-errors.js';
import type { CommandSpec } from '../command-spec.js';
import { ExitCode } from '../exit-codes.js';
import { importSignals, SignalImportRefused } from '../signal-import-client.js';

const TOKEN_VARIABLE = 'HUB_IDENTITY_TOKEN';

export const signalenImporterenCommand: CommandSpec = {
  path: ['signalen', 'importeren'],
  summary: 'Importeer eerdere meldingen met hun oorspronkelijke meldingsdatum (beheerder)',
  usage: 'hub signalen importeren --intake URL BESTAND',
  description: [
    'Leest meldingen uit BESTAND (JSON: een lijst of {"signals": [...]}; of NDJSON: één melding per regel) en',
    'stuurt ze naar de meldingenservice (POST /api/admin/signal-imports). Elke melding is',
    '  {"importId": "...", "reportedOn": "JJJJ-MM-DD", "signal": { ... zoals bij indienen ... }}.',
    'Per verzoek van hoogstens 40 meldingen geldt alles of niets; bij een fout stopt de import en worden de',
    'regel en het veld genoemd. Opnieuw draaien importeert alleen wat nog ontbreekt (per importId).',
  ].join('\n'),
  flags: [{ name: 'intake', valueName: 'URL', required: true, description: 'Adres van de meldingenservice, bv. http://127.0.0.1:3001' }],
  positional: 'BESTAND',
  environment: [`${TOKEN_VARIABLE}  identiteitstoken van de beheerder (rol admin)`],
  async run(flags, file, io) {
    const identityToken = io.env[TOKEN_VARIABLE];
    if (identityToken === undefined || identityToken === '') throw new UsageError(`${TOKEN_VARIABLE} ontbreekt`);
    const rows = parseRows(await readText(file ?? ''));
    try {
      const summary = await importSignals(rows, { intakeUrl: flags.intake ?? '', identityToken });
      io.stdout(`${String(summary.imported)} meldingen geïmporteerd, ${String(summary.alreadyImported)} waren al geïmporteerd\n`);
      return ExitCode.ok;
    } catch (error) {
      if (!(error instanceof SignalImportRefused)) throw new CommandFailure(`de meldingenservice is niet bereikbaar (${error instanceof Error ? error.message : String(error)})`);
      io.stderr(`De import is geweigerd (HTTP ${String(error.status)}):\n`);
      for (const problem of error.problems) io.stderr(`  ${problem.field}: ${problem.message}\n`);
      return ExitCode.failure;
    }
  },
};

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CommandFailure(`kan ${file} niet lezen (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** A JSON list, `{ "signals": [...] }`, or NDJSON (one row per non-empty line). */
export function parseRows(text: string): unknown[] {
  const whole = parseJson(text);
  if (Array.isArray(whole)) return whole as unknown[];
  if (typeof whole === 'object' && whole !== null && 'signals' in whole && Array.isArray(whole.signals)) return whole.signals as unknown[];
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    const row = parseJson(line);
    if (row === undefined) throw new CommandFailure(`regel ${String(index + 1)} is geen JSON`);
    return [row];
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

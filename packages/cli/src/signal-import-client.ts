import { IDENTITY_HEADER, type SignalImportResponse, type ValidationProblem } from '@signaalhub/contracts';

/** Rows per request: well under the intake's row limit and its 64 KiB body limit for signals of ordinary size. */
export const IMPORT_CHUNK_ROWS = 40;

export interface SignalImportTarget {
  /** The intake's base URL, e.g. http://127.0.0.1:3001. */
  readonly intakeUrl: string;
  /** An identity token of the hub's admin. */
  readonly identityToken: string;
}

export interface SignalImportSummary {
  readonly imported: number;
  readonly alreadyImported: number;
}

/** A request the intake refused: its status and problems, with row numbers counted over the whole file. */
export class SignalImportRefused extends Error {
  override readonly name = 'SignalImportRefused';

  constructor(
    readonly status: number,
    readonly problems: readonly ValidationProblem[],
  ) {
    super(`the intake refused the import with HTTP ${String(status)}`);
  }
}

/**
 * Sends rows to `POST /api/admin/signal-imports` in chunks, in order; each chunk is stored all or nothing. On a
 * refusal it stops: earlier chunks stay imported, and running the same rows again imports only what is missing
 * (the intake is idempotent per import id).
 */
export async function importSignals(rows: readonly unknown[], target: SignalImportTarget): Promise<SignalImportSummary> {
  let imported = 0;
  let alreadyImported = 0;
  for (let start = 0; start < rows.length; start += IMPORT_CHUNK_ROWS) {
    const response = await fetch(`${target.intakeUrl.replace(/\/+$/, '')}/api/admin/signal-imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: target.identityToken },
      body: JSON.stringify({ signals: rows.slice(start, start + IMPORT_CHUNK_ROWS) }),
    });
    if (response.status !== 200 && response.status !== 201) throw new SignalImportRefused(response.status, rebased(await problemsOf(response), start));
    const answer = (await response.json()) as SignalImportResponse;
    imported += answer.imported;
    alreadyImported += answer.alreadyImported;
  }
  return { imported, alreadyImported };
}

async function problemsOf(response: Response): Promise<ValidationProblem[]> {
  const body = (await response.json().catch(() => ({}))) as { problems?: ValidationProblem[] };
  return body.problems ?? [];
}

/** `signals.3.x` of the chunk starting at row 40 is row 43 of the file. */
function rebased(problems: readonly ValidationProblem[], offset: number): ValidationProblem[] {
  return problems.map((problem) => ({ ...problem, field: problem.field.replace(/^signals\.(\d+)/, (_, row: string) => `signals.${String(Number(row) + offset)}`) }));
}

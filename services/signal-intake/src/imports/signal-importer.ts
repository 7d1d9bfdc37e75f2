import { randomUUID } from 'node:crypto';
import type { AuditedAccess } from '@signaalhub/access';
import {
  EventTypes,
  municipalityPartyId,
  regionDayOf,
  reportDayInstant,
  Signal,
  SignalImportBatch,
  SignalImportRow,
  Topics,
  validateRequest,
  type SignalImportOutcome,
  type SignalImportResponse,
  type ValidationProblem,
} from '@signaalhub/contracts';
import type { EnvelopeSealer, MatchTokenKey } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { DistributionPolicy } from '../policy/distribution-policy.js';
import { resolveRecipients } from '../policy/resolve-recipients.js';
import { submissionFingerprint } from '../signals/idempotency.js';
import { matchTokensOf } from '../signals/match-tokens.js';
import type { ImportedSignalRow, SignalImportStore } from './signal-import-store.js';

export interface ImportRequest {
  readonly identity: UserIdentity;
  readonly body: unknown;
  readonly origin: string;
}

export type ImportResult =
  | { readonly kind: 'invalid'; readonly problems: ValidationProblem[] }
  | { readonly kind: 'conflict'; readonly problems: ValidationProblem[] }
  | { readonly kind: 'done'; readonly response: SignalImportResponse };

export interface SignalImporterParts {
  readonly policy: DistributionPolicy;
  readonly sealer: EnvelopeSealer;
  readonly matchTokenKey: MatchTokenKey;
  readonly store: SignalImportStore;
  readonly access: AuditedAccess;
  readonly clock?: () => Date;
}

/** Envelopes sealed at once: OpenPGP work is CPU-bound, a few in flight keep the event loop responsive. */
const SEAL_CONCURRENCY = 4;

/**
 * The historical import (admin only; the caller checked the role): signals a municipality kept before the hub,
 * each validated, canonicalised, tokenised and sealed exactly like a submitted one, from the municipality's party,
 * with the original report day in the payload (`reportedAt`) and the header (`reportedOn`). All or nothing per
 * batch: one bad row refuses the batch, naming the row and the field; nothing is stored or published. Idempotent
 * per import id: a row imported before is reported, not stored again; the same id with another row is a conflict.
 */
export class SignalImporter {
  private readonly clock: () => Date;

  constructor(private readonly parts: SignalImporterParts) {
    this.clock = parts.clock ?? ((): Date => new Date());
  }

  async import(request: ImportRequest): Promise<ImportResult> {
    const batch = validateRequest(SignalImportBatch, request.body);
    if (!batch.success) return { kind: 'invalid', problems: batch.problems };
    const rows: SignalImportRow[] = [];
    const problems = batch.data.signals.flatMap((input, index) => {
      const row = validateRequest(SignalImportRow, input);
      if (!row.success) return row.problems.map((problem) => ({ ...problem, field: joinField(`signals.${String(index)}`, problem.field) }));
      rows.push(row.data);
      return this.rowProblems(row.data, index);
    });
    problems.push(...duplicateIds(batch.data.signals));
    if (problems.length > 0) return { kind: 'invalid', problems };

    const fingerprints = rows.map((row) => submissionFingerprint({ reportedOn: row.reportedOn, signal: row.signal }, this.parts.matchTokenKey.secret));
    const earlier = await this.parts.store.findEarlier(rows.map((row) => row.importId));
    const conflicts = rows.flatMap((row, index) => {
      const before = earlier.get(row.importId);
      return before !== undefined && before.fingerprint !== fingerprints[index] ? [conflictProblem(index)] : [];
    });
    if (conflicts.length > 0) return { kind: 'conflict', problems: conflicts };

    const batchId = randomUUID();
    const fresh = rows.flatMap((row, index) => (earlier.has(row.importId) ? [] : [{ row, fingerprint: fingerprints[index] ?? '' }]));
    const sealed = await this.sealAll(fresh, request.identity);
    if (sealed.length > 0) {
      const outcome = await this.parts.store.insertBatch({ batchId, importedBy: request.identity.userId, rows: sealed });
      // A concurrent import stored some of these rows first: answer from what it stored (or report its conflict).
      if (outcome.kind === 'import-id-taken') return this.import(request);
    }
    const signalIds = new Map(sealed.map((row) => [row.importId, row.record.id]));
    const outcomes = rows.map((row): SignalImportOutcome => {
      const before = earlier.get(row.importId);
      return before === undefined
        ? { importId: row.importId, signalId: signalIds.get(row.importId) ?? '', result: 'imported' }
        : { importId: row.importId, signalId: before.signalId, result: 'already-imported' };
    });
    await this.parts.access.allowed({ caller: request.identity, action: 'signal.import', object: { type: 'signal-import', id: batchId }, origin: request.origin });
    return { kind: 'done', response: { importBatchId: batchId, imported: sealed.length, alreadyImported: rows.length - sealed.length, signals: outcomes } };
  }

  /** What the row's schema cannot see: a report day in the future, recipients the policy refuses. */
  private rowProblems(row: SignalImportRow, index: number): ValidationProblem[] {
    const problems: ValidationProblem[] = [];
    if (row.reportedOn > regionDayOf(this.clock())) {
      problems.push({ field: `signals.${String(index)}.reportedOn`, rule: 'must not be in the future', message: 'De meldingsdatum mag niet in de toekomst liggen' });
    }
    const { signal } = row;
    const resolution = resolveRecipients(this.parts.policy, signal.municipality, signal.theme, signal.distribution.recipients);
    if (!resolution.ok) problems.push(...resolution.problems.map((problem) => ({ ...problem, field: `signals.${String(index)}.signal.${problem.field}` })));
    return problems;
  }

  private async sealAll(rows: readonly { row: SignalImportRow; fingerprint: string }[], identity: UserIdentity): Promise<ImportedSignalRow[]> {
    const sealed: ImportedSignalRow[] = [];
    for (let start = 0; start < rows.length; start += SEAL_CONCURRENCY) {
      sealed.push(...(await Promise.all(rows.slice(start, start + SEAL_CONCURRENCY).map(({ row, fingerprint }) => this.seal(row, fingerprint, identity)))));
    }
    return sealed;
  }

  private async seal(row: SignalImportRow, fingerprint: string, identity: UserIdentity): Promise<ImportedSignalRow> {
    const submission = row.signal;
    const resolution = resolveRecipients(this.parts.policy, submission.municipality, submission.theme, submission.distribution.recipients);
    if (!resolution.ok) throw new Error('recipients were checked before sealing');
    const municipalityParty = municipalityPartyId(submission.municipality);
    const reportedAt = reportDayInstant(row.reportedOn);
    const signal = Signal.parse({
      id: randomUUID(),
      reportedAt,
      // The municipality reported it; the admin who imported it is named in the audit trail and `signal_imports`.
      reporter: { party: municipalityParty, userId: identity.userId },
      ...submission,
      distribution: { recipients: resolution.recipients },
    });
    const envelope = await this.parts.sealer.seal(signal, {
      from: municipalityParty,
      to: resolution.recipients,
      type: EventTypes.signalSubmitted,
      municipality: signal.municipality,
      theme: signal.theme,
      matchTokens: matchTokensOf(submission, this.parts.matchTokenKey),
      reportedOn: row.reportedOn,
      messageId: signal.id,
    });
    return {
      importId: row.importId,
      reportedOn: row.reportedOn,
      fingerprint,
      record: {
        id: signal.id,
        reporterUserId: identity.userId,
        reporterParty: municipalityParty,
        municipality: signal.municipality,
        theme: signal.theme,
        createdAt: reportedAt,
        idempotencyKey: `import:${row.importId}`,
        requestFingerprint: fingerprint,
        envelope,
      },
      outbox: { messageId: signal.id, topic: Topics.signalSubmitted, key: signal.municipality, value: Buffer.from(JSON.stringify(envelope)) },
    };
  }
}

const joinField = (prefix: string, field: string): string => (field === '' ? prefix : `${prefix}.${field}`);

/** An import id twice in one request: the later rows are named. */
function duplicateIds(rows: readonly unknown[]): ValidationProblem[] {
  const seen = new Set<unknown>();
  return rows.flatMap((row, index) => {
    const id = typeof row === 'object' && row !== null && 'importId' in row ? row.importId : undefined;
    const repeated = id !== undefined && seen.has(id);
    seen.add(id);
    return repeated ? [{ field: `signals.${String(index)}.importId`, rule: 'import ids must be distinct within a request', message: 'Dit importnummer komt al eerder in dit verzoek voor' }] : [];
  });
}

function conflictProblem(index: number): ValidationProblem {
  return {
    field: `signals.${index}.importId`,
    rule: 'the import id was already used for a different signal',
    message: 'Dit importnummer is al gebruikt voor een andere melding',
  };
}

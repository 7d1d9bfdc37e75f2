import { randomUUID } from 'node:crypto';
import type { AuditedAccess } from '@signaalhub/access';
import { EventTypes, Signal, Topics, type SignalStatus, type ValidationProblem } from '@signaalhub/contracts';
import type { EnvelopeSealer, MatchTokenKey } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import { submitFor } from '../authorisation/intake-access-policy.js';
import type { DistributionPolicy } from '../policy/distribution-policy.js';
import { resolveRecipients } from '../policy/resolve-recipients.js';
import { idempotencyOutcome, submissionFingerprint } from './idempotency.js';
import { matchTokensOf } from './match-tokens.js';
import type { SignalStore } from './signal-store.js';
import { validateSubmission } from './submission-validation.js';

export interface SubmissionRequest {
  readonly identity: UserIdentity;
  readonly idempotencyKey: string;
  readonly body: unknown;
  readonly origin: string;
}

export type SubmissionResult =
  | { readonly kind: 'created'; readonly id: string }
  | { readonly kind: 'replayed'; readonly id: string; readonly status: SignalStatus }
  | { readonly kind: 'invalid'; readonly problems: ValidationProblem[] }
  | { readonly kind: 'conflict' };

export interface SignalSubmitterParts {
  readonly policy: DistributionPolicy;
  readonly sealer: EnvelopeSealer;
  readonly matchTokenKey: MatchTokenKey;
  readonly store: SignalStore;
  readonly access: AuditedAccess;
  readonly clock?: () => Date;
}

/**
 * Accepting a signal: validate and canonicalise, check the reporter acts for the municipality, pick
 * the recipients, then seal and store it with its outbox row in one transaction. The caller has
 * checked the role; this checks what depends on the body.
 */
export class SignalSubmitter {
  private readonly clock: () => Date;

  constructor(private readonly parts: SignalSubmitterParts) {
    this.clock = parts.clock ?? ((): Date => new Date());
  }

  async submit(request: SubmissionRequest): Promise<SubmissionResult> {
    const { identity } = request;
    const validation = validateSubmission(request.body);
    if (!validation.success) return { kind: 'invalid', problems: validation.problems };
    const submission = validation.submission;
    await this.parts.access.check({
      caller: identity,
      action: 'signal.submit',
      object: { type: 'municipality', id: submission.municipality },
      origin: request.origin,
      policy: submitFor(identity, submission.municipality),
    });
    const resolution = resolveRecipients(this.parts.policy, submission.municipality, submission.theme, submission.distribution.recipients);
    if (!resolution.ok) return { kind: 'invalid', problems: resolution.problems };

    const fingerprint = submissionFingerprint(submission, this.parts.matchTokenKey.secret);
    const now = this.clock();
    // Validate on send (DESIGN.md §9): the signed payload is exactly the contracts' Signal.
    const signal = Signal.parse({
      id: randomUUID(),
      reportedAt: now.toISOString(),
      reporter: { party: identity.party, userId: identity.userId },
      ...submission,
      distribution: { recipients: resolution.recipients },
    });
    const envelope = await this.parts.sealer.seal(signal, {
      from: identity.party,
      to: resolution.recipients,
      type: EventTypes.signalSubmitted,
      municipality: signal.municipality,
      theme: signal.theme,
      matchTokens: matchTokensOf(submission, this.parts.matchTokenKey),
      messageId: signal.id,
    });
    const outcome = await this.parts.store.insertWithOutbox(
      {
        id: signal.id,
        reporterUserId: identity.userId,
        reporterParty: identity.party,
        municipality: signal.municipality,
        theme: signal.theme,
        createdAt: signal.reportedAt,
        idempotencyKey: request.idempotencyKey,
        requestFingerprint: fingerprint,
        envelope,
      },
      { messageId: signal.id, topic: Topics.signalSubmitted, key: signal.municipality, value: Buffer.from(JSON.stringify(envelope)) },
    );
    if (outcome.kind === 'key-taken') {
      // A retry, or a concurrent request with the same key, was stored first: answer as that one was
      // answered. Looking up only now keeps the common case at one round trip; the price is that a retry
      // seals once more (discarded), so it too needs the sender's and recipients' keys to be usable.
      const winner = idempotencyOutcome(await this.parts.store.findEarlier(identity.userId, request.idempotencyKey), fingerprint);
      if (winner.kind === 'new') throw new Error('idempotency key taken, but no signal stored under it');
      return this.answerEarlier(winner, request);
    }
    await this.accepted(request, signal.id);
    return { kind: 'created', id: signal.id };
  }

  private async answerEarlier(
    earlier: { kind: 'replay'; signalId: string } | { kind: 'conflict' },
    request: SubmissionRequest,
  ): Promise<SubmissionResult> {
    if (earlier.kind === 'conflict') return { kind: 'conflict' };
    await this.accepted(request, earlier.signalId);
    const summary = await this.parts.store.findSummary(earlier.signalId);
    return { kind: 'replayed', id: earlier.signalId, status: summary?.status ?? 'ontvangen' };
  }

  private accepted(request: SubmissionRequest, signalId: string): Promise<void> {
    return this.parts.access.allowed({
      caller: request.identity,
      action: 'signal.submit',
      object: { type: 'signal', id: signalId },
      origin: request.origin,
    });
  }
}

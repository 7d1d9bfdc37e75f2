import { ObjectNotFound, type AccessAttempt, type AuditedAccess } from '@signaalhub/access';
import {
  BIBOB_QUESTIONNAIRE,
  ConclusionApproval,
  ConclusionProposal,
  municipalityPartyId,
  QuestionnaireAnswer,
  QuestionnaireUpdate,
  RiskConclusion,
  ScreeningTransitionRequest,
  type ScreeningActor,
  type ScreeningPhase,
  type ScreeningSummary,
} from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import type { SealedRecords } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { Logger } from '@signaalhub/logging';
import type { Pool, PoolClient } from 'pg';
import type { BibobAccessPolicy } from '../access/bibob-access-policy.js';
import { InvalidScreeningInput } from './screening-errors.js';
import { parseBody, ruleBroken, today } from './screening-input.js';
import { approveConclusion, LifecycleViolation, proposeConclusion, takeStep } from './screening-lifecycle.js';
import type { ScreeningMessages } from './screening-messages.js';
import { ApplicationRecord, SealedText } from './screening-records.js';
import type { ScreeningRow, ScreeningStore } from './screening-store.js';

export interface ScreeningWorkflowParts {
  readonly pool: Pool;
  readonly store: ScreeningStore;
  readonly records: SealedRecords;
  readonly messages: ScreeningMessages;
  readonly policy: BibobAccessPolicy;
  readonly access: AuditedAccess;
  readonly logger: Logger;
  readonly clock: () => Date;
  /**
   * Moves the screening's deadline alerts to its deadlines as committed (the alerts' `follow`): every step
   * calls it before it answers, so a suspension moves its alerts at once rather than at the next sweep.
   */
  readonly followDeadlines: (screeningId: string) => Promise<void>;
}

/** Phases in which the questionnaire can still be filled in. */
const RESEARCH_PHASES: readonly ScreeningPhase[] = ['ontvangen', 'eigen-onderzoek', 'aanvulling-gevraagd', 'lbb-advies-gevraagd'];

/**
 * A coordinator's work on a screening: every step is checked against the lifecycle, written with its
 * history entry (who, when, the sealed reason) and, where the municipality must hear of it, its sealed
 * event, in one transaction. Access is checked before the body is looked at.
 */
export class ScreeningWorkflow {
  constructor(private readonly parts: ScreeningWorkflowParts) {}

  async step(caller: UserIdentity, id: string, body: unknown, origin: string): Promise<ScreeningSummary> {
    await this.asCoordinator(caller, 'screening.step', id, origin);
    const request = parseBody(ScreeningTransitionRequest, body);
    const date = request.date ?? today(this.parts.clock);
    if (date > today(this.parts.clock)) throw ruleBroken('date', 'must not be in the future', 'De datum mag niet in de toekomst liggen');
    return this.locked(caller, id, origin, 'screening.step', async (client, screening, at) => {
      const outcome = takeStep(screening, request.step, date);
      await this.parts.store.update(client, id, { phase: outcome.to, lbbRequestedOn: outcome.lbbRequestedOn, lbbExtended: outcome.lbbExtended, lbbWaiting: outcome.lbbWaiting }, at);
      await this.parts.store.addHistory(client, {
        screeningId: id,
        at,
        action: request.step,
        actor: actorOf(caller),
        fromPhase: outcome.from,
        toPhase: outcome.to,
        reasonSealed: await this.seal(request.reason, screening),
        eventDate: date,
        timelineKind: outcome.timelineKind,
      });
      if (outcome.milestone !== null) {
        await this.parts.messages.progressed(client, { screeningId: id, municipality: screening.municipality, milestone: outcome.milestone, date });
      }
      return outcome.to;
    });
  }

  async answerQuestionnaire(caller: UserIdentity, id: string, item: string, body: unknown, origin: string): Promise<ScreeningSummary> {
    await this.asCoordinator(caller, 'screening.questionnaire', id, origin);
    // The item is part of the address: one that names no item of the questionnaire is malformed input (400).
    if (!BIBOB_QUESTIONNAIRE.some((entry) => entry.item === item)) {
      throw new InvalidScreeningInput([{ field: 'item', rule: 'must be an item of the statutory questionnaire', message: 'Dit onderdeel staat niet in de vragenlijst' }]);
    }
    const update = parseBody(QuestionnaireUpdate, body);
    return this.locked(caller, id, origin, 'screening.questionnaire', async (client, screening, at) => {
      if (!RESEARCH_PHASES.includes(screening.phase)) throw new LifecycleViolation('conflict', 'De vragenlijst kan na de risicoconclusie niet meer worden gewijzigd.');
      const answerSealed = update.answer === undefined ? null : await this.seal(update.answer, screening);
      await this.parts.store.setQuestionnaireItem(client, id, { item, complete: update.complete, answerSealed }, at);
      await this.parts.store.addHistory(client, {
        screeningId: id,
        at,
        action: 'vragenlijst-bijgewerkt',
        actor: actorOf(caller),
        fromPhase: screening.phase,
        toPhase: screening.phase,
        reasonSealed: null,
        eventDate: null,
        timelineKind: null,
      });
      return screening.phase;
    });
  }

  /** A proposal, or the correction of an approved conclusion: always a new version, never an edit. */
  async proposeConclusion(caller: UserIdentity, id: string, body: unknown, origin: string): Promise<ScreeningSummary> {
    await this.asCoordinator(caller, 'conclusion.propose', id, origin);
    const proposal = parseBody(ConclusionProposal, body);
    return this.locked(caller, id, origin, 'conclusion.propose', async (client, screening, at) => {
      const answers = await this.parts.store.questionnaireOf(id, client);
      const complete = BIBOB_QUESTIONNAIRE.every((entry) => answers.some((answer) => answer.item === entry.item && answer.complete));
      const to = proposeConclusion(screening, complete);
      const versions = await this.parts.store.conclusionsOf(id, client);
      await this.parts.store.proposeConclusion(client, id, {
        version: versions.length + 1,
        conclusionSealed: await this.seal(proposal.conclusion, screening),
        proposedBy: actorOf(caller),
        proposedAt: at,
      });
      await this.parts.store.update(client, id, { ...screening, phase: to }, at);
      await this.parts.store.addHistory(client, {
        screeningId: id,
        at,
        action: 'conclusie-voorgesteld',
        actor: actorOf(caller),
        fromPhase: screening.phase,
        toPhase: to,
        reasonSealed: await this.seal(proposal.reason, screening),
        eventDate: null,
        timelineKind: null,
      });
      return to;
    });
  }

  /** Four eyes: a second coordinator approves; the conclusion then goes, sealed, to the requesting municipality only. */
  async approveConclusion(caller: UserIdentity, id: string, version: number, body: unknown, origin: string): Promise<ScreeningSummary> {
    await this.asCoordinator(caller, 'conclusion.approve', id, origin);
    const approval = parseBody(ConclusionApproval, body);
    return this.locked(caller, id, origin, 'conclusion.approve', async (client, screening, at) => {
      const pending = (await this.parts.store.conclusionsOf(id, client)).find((row) => row.status === 'voorgesteld');
      if (pending?.version !== version) throw new LifecycleViolation('conflict', `Versie ${String(version)} wacht niet op goedkeuring.`);
      const to = approveConclusion(screening, pending.proposedBy.userId, caller.userId);
      await this.parts.store.approveConclusion(client, id, version, actorOf(caller), at);
      await this.parts.store.update(client, id, { ...screening, phase: to }, at);
      await this.parts.store.addHistory(client, {
        screeningId: id,
        at,
        action: 'conclusie-goedgekeurd',
        actor: actorOf(caller),
        fromPhase: screening.phase,
        toPhase: to,
        reasonSealed: await this.seal(approval.reason, screening),
        eventDate: null,
        timelineKind: null,
      });
      const { records } = this.parts;
      const application = await records.open(screening.applicationSealed, ApplicationRecord);
      const questionnaire = await Promise.all(
        (await this.parts.store.questionnaireOf(id, client)).map(async (row) =>
          QuestionnaireAnswer.parse({ item: row.item, complete: row.complete, ...(row.answerSealed === null ? {} : { answer: await records.open(row.answerSealed, SealedText) }) }),
        ),
      );
      await this.parts.messages.concluded(client, {
        screeningId: id,
        municipality: screening.municipality,
        reference: application.reference,
        version,
        conclusion: await records.open(pending.conclusionSealed, RiskConclusion),
        questionnaire,
        proposedBy: pending.proposedBy,
        approvedBy: actorOf(caller),
        approvedAt: at,
      });
      return to;
    });
  }

  private async asCoordinator(caller: UserIdentity, action: string, id: string, origin: string): Promise<void> {
    await this.parts.access.check({ caller, action, object: { type: 'screening', id }, origin, policy: this.parts.policy.coordinator(caller) });
  }

  /**
   * Runs `work` on the locked screening in one transaction and records the allowed access afterwards;
   * `work` answers the phase the screening is in now.
   */
  private async locked(
    caller: UserIdentity,
    id: string,
    origin: string,
    action: string,
    work: (client: PoolClient, screening: ScreeningRow, at: string) => Promise<ScreeningPhase>,
  ): Promise<ScreeningSummary> {
    const at = this.parts.clock().toISOString();
    const summary = await withTransaction(this.parts.pool, async (client) => {
      const screening = await this.parts.store.find(id, client);
      if (screening === undefined) throw new ObjectNotFound('screening');
      const phase = await work(client, screening, at);
      return { ...summaryOf(screening), phase };
    });
    // After the commit, never inside the transaction: see DeadlineAlerts.follow.
    await this.parts.followDeadlines(id);
    const attempt: AccessAttempt = { caller, action, object: { type: 'screening', id }, origin };
    await this.parts.access.allowed(attempt);
    this.parts.logger.info({ screeningId: id, action, phase: summary.phase }, 'screening updated');
    return summary;
  }

  /** Reasons and answers are free text: sealed like the rest of the screening's personal data. */
  private seal(value: unknown, screening: ScreeningRow): Promise<string> {
    return this.parts.records.seal(value, [municipalityPartyId(screening.municipality)]);
  }
}

export function actorOf(caller: UserIdentity): ScreeningActor {
  return { party: caller.party, userId: caller.userId };
}

export function summaryOf(row: ScreeningRow): ScreeningSummary {
  return {
    id: row.id,
    municipality: row.municipality,
    kind: row.kind,
    phase: row.phase,
    assignee: row.assignee,
    receivedOn: row.receivedOn,
    decisionTermWeeks: row.decisionTermWeeks,
    openedAt: row.openedAt,
  };
}

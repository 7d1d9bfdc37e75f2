import { randomUUID } from 'node:crypto';
import { ObjectNotFound, type AccessAttempt, type AuditedAccess } from '@signaalhub/access';
import {
  DecisionRecorded,
  DecisionRequest,
  EventTypes,
  Topics,
  type AgendaItemStatus,
  validateRequest,
  type DecisionReceipt,
  type ValidationProblem,
} from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import type { EnvelopeSealer, PartyKeyring } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { Logger } from '@signaalhub/logging';
import type { OutboxWriter } from '@signaalhub/outbox';
import type { Pool } from 'pg';
import type { MeetingAccessPolicy } from '../access/meeting-access-policy.js';
import type { AgendaStore } from '../agenda/agenda-store.js';
import type { ItemHistoryStore } from '../history/item-history-store.js';
import { calendarDate } from '../meetings/meeting-calendar.js';
import type { ActionReminders } from '../reminders/action-reminders.js';
import { AlreadyDecided, InvalidDecision } from './decision-errors.js';
import { decisionRecipients } from './decision-recipients.js';
import type { DecisionStore } from './decision-store.js';

export interface DecisionRecorderParts {
  readonly pool: Pool;
  readonly agenda: AgendaStore;
  readonly decisions: DecisionStore;
  readonly history: ItemHistoryStore;
  readonly outbox: OutboxWriter;
  readonly reminders: ActionReminders;
  readonly sealer: EnvelopeSealer;
  readonly keyring: PartyKeyring;
  readonly policy: MeetingAccessPolicy;
  readonly access: AuditedAccess;
  readonly logger: Logger;
  readonly riecParty: string;
  readonly clock?: () => Date;
}

/**
 * Records a meeting's decision on a pending item: sealed as the deciding user's party, stored with its
 * action due dates, and published through the outbox (one transaction), so a decision that was answered
 * 201 reaches Kafka even if the broker is down right now.
 */
export class DecisionRecorder {
  private readonly clock: () => Date;

  constructor(private readonly parts: DecisionRecorderParts) {
    this.clock = parts.clock ?? ((): Date => new Date());
  }

  /** Access is checked before the body is looked at: a caller without access learns nothing from 400s. */
  async record(caller: UserIdentity, itemId: string, body: unknown, origin: string): Promise<DecisionReceipt> {
    const { agenda, policy, access } = this.parts;
    const attempt: AccessAttempt = { caller, action: 'decision.record', object: { type: 'agenda-item', id: itemId }, origin };
    await access.check({ ...attempt, policy: policy.forAnyMeeting(caller) });
    const item = await agenda.find(itemId);
    if (item === undefined) throw new ObjectNotFound('agenda-item');
    await access.check({ ...attempt, object: { ...attempt.object, recipients: item.recipients }, policy: policy.forMunicipality(caller, item.municipality) });
    const request = this.validRequest(body);
    if (item.status !== 'pending') throw new AlreadyDecided();

    const now = this.clock();
    const decisionId = randomUUID();
    const payload = DecisionRecorded.parse({
      signalId: item.signalId,
      municipality: item.municipality,
      decidedAt: now.toISOString(),
      recordedBy: { party: caller.party, userId: caller.userId },
      approach: request.approach,
      leadParty: request.leadParty,
      actions: request.actions,
      riecHandover: request.riecHandover,
      feedback: request.feedback,
    });
    const recipients = decisionRecipients({
      signalRecipients: item.recipients,
      reporterParty: item.reporterParty,
      leadParty: request.leadParty,
      riecHandover: request.riecHandover,
      riecParty: this.parts.riecParty,
    });
    const envelope = await this.parts.sealer.seal(payload, {
      from: caller.party,
      to: recipients,
      type: EventTypes.decisionRecorded,
      municipality: item.municipality,
      approach: request.approach,
      riecHandover: request.riecHandover,
      signalId: item.signalId,
      messageId: decisionId,
    });
    // More information needed: the item goes back on the agenda; any other approach closes it.
    const status: AgendaItemStatus = request.approach === 'meer-informatie' ? 'pending' : 'closed';

    await withTransaction(this.parts.pool, async (client) => {
      const locked = await agenda.find(itemId, client, true);
      // Two members deciding at once: the second one finds the item closed.
      if (locked?.status !== 'pending') throw new AlreadyDecided();
      await this.parts.decisions.insert(client, {
        id: decisionId,
        itemId,
        approach: request.approach,
        leadParty: request.leadParty,
        riecHandover: request.riecHandover,
        decidedAt: payload.decidedAt,
        decidedByParty: caller.party,
        recipients,
        envelope,
        dueDates: request.actions.map((action) => action.dueDate),
      });
      await agenda.setStatus(client, itemId, status);
      await this.parts.history.recordDecision(client, { itemId, decisionId, decidedAt: payload.decidedAt, party: caller.party, today: calendarDate(now) });
      // Its commit wakes the outbox relay (NOTIFY), which publishes the decision.
      await this.parts.outbox.add(client, {
        messageId: decisionId,
        topic: Topics.decisionRecorded,
        key: item.municipality,
        value: Buffer.from(JSON.stringify(envelope)),
      });
    });
    await access.allowed(attempt);
    this.parts.reminders.sweep();
    this.parts.logger.info({ decisionId, itemId, approach: request.approach, status }, 'decision recorded');
    return { decisionId, itemId, status, recipients };
  }

  /** Rules the schema cannot know: the lead party must exist, due dates must not lie in the past. */
  private validRequest(body: unknown): DecisionRequest {
    const parsed = validateRequest(DecisionRequest, body);
    if (!parsed.success) throw new InvalidDecision(parsed.problems);
    const request = parsed.data;
    const problems: ValidationProblem[] = [];
    if (!this.parts.keyring.knows(request.leadParty)) {
      problems.push({ field: 'leadParty', rule: 'must be a party in the party directory', message: 'Kies een partij uit de partijenlijst' });
    }
    const today = this.clock().toISOString().slice(0, 10);
    request.actions.forEach((action, index) => {
      if (action.dueDate < today) {
        problems.push({ field: `actions.${index}.dueDate`, rule: 'must not be in the past', message: 'De uiterste datum mag niet in het verleden liggen' });
      }
    });
    if (problems.length > 0) throw new InvalidDecision(problems);
    return request;
  }
}

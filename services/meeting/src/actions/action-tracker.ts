import { ObjectNotFound, type AccessAttempt, type AuditedAccess } from '@signaalhub/access';
import {
  ActionCompleted,
  ActionDoneRequest,
  ActionDueDateRequest,
  DecisionRecorded,
  EventTypes,
  validateRequest,
  type ActionView,
  type ValidationProblem,
} from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import { EnvelopeError, type EnvelopeOpener, type EnvelopeSealer } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { Logger } from '@signaalhub/logging';
import type { Pool } from 'pg';
import type { MeetingAccessPolicy } from '../access/meeting-access-policy.js';
import type { ActionReminders } from '../reminders/action-reminders.js';
import { actionStatus } from '../reminders/reminder-schedule.js';
import { ActionAlreadyDone, InvalidActionChange } from './action-errors.js';
import { actionKey, type ActionStore, type StoredAction } from './action-store.js';

export interface ActionTrackerParts {
  readonly pool: Pool;
  readonly actions: ActionStore;
  readonly reminders: ActionReminders;
  readonly sealer: EnvelopeSealer;
  /** Opens stored envelopes (no replay or age check). */
  readonly opener: EnvelopeOpener;
  readonly policy: MeetingAccessPolicy;
  readonly access: AuditedAccess;
  readonly logger: Logger;
  readonly leadDays: number;
  readonly clock: () => Date;
}

/** An action as addressed in a request. */
export interface ActionRef {
  readonly decisionId: string;
  readonly actionIndex: number;
}

/** The contents of one decision as the caller's party may read them (texts and notes), opened once per listing. */
interface OpenedTexts {
  readonly descriptions: readonly string[];
}

/**
 * "Acties": lists the actions a member may see, marks one done (lead party only, with a sealed note) and
 * moves a due date; keeps the reminders in step (done → jobs removed, moved → new jobs).
 */
export class ActionTracker {
  constructor(private readonly parts: ActionTrackerParts) {}

  /** Actions of the caller's municipalities and those their party leads; texts opened as their party, audited. */
  async list(caller: UserIdentity, filter: { readonly itemId?: string }, origin: string): Promise<ActionView[]> {
    const { policy, access, actions } = this.parts;
    await access.check({ caller, action: 'action.list', object: { type: 'actions', id: filter.itemId ?? '' }, origin, policy: policy.forActions(caller) });
    const stored = await actions.visible({ municipalities: policy.municipalitiesOf(caller), leadParty: caller.party, ...filter });
    const notices = await actions.noticesOf(stored);
    const texts = new Map<string, OpenedTexts | undefined>();
    const now = this.parts.clock();
    const views: ActionView[] = [];
    for (const action of stored) {
      if (!texts.has(action.decisionId)) texts.set(action.decisionId, await this.openDecision(caller, action, origin));
      const opened = texts.get(action.decisionId);
      const note = opened === undefined || action.done?.noteEnvelope == null ? undefined : await this.openNote(caller, action);
      views.push({
        decisionId: action.decisionId,
        actionIndex: action.actionIndex,
        itemId: action.itemId,
        municipality: action.municipality,
        leadParty: action.leadParty,
        dueDate: action.dueDate,
        status: actionStatus({ dueDate: action.dueDate, done: action.done !== undefined }, this.parts.leadDays, now),
        ...(opened?.descriptions[action.actionIndex] === undefined ? {} : { description: opened.descriptions[action.actionIndex] }),
        ...(action.done === undefined ? {} : { done: { doneOn: action.done.doneOn, byParty: action.done.byParty, ...(note === undefined ? {} : { note }) } }),
        reminders: notices.get(actionKey(action.decisionId, action.actionIndex)) ?? [],
        ledByCaller: action.leadParty === caller.party,
      });
    }
    return views;
  }

  /** Lead party only; the note is sealed to the decision's recipients; the action's reminders are removed. */
  async markDone(caller: UserIdentity, ref: ActionRef, body: unknown, origin: string): Promise<ActionView> {
    const { attempt, action } = await this.authorised(caller, ref, 'action.done', origin, (found) => this.parts.policy.forActionDone(caller, found));
    const request = validateRequest(ActionDoneRequest, body);
    if (!request.success) throw new InvalidActionChange(request.problems);
    const now = this.parts.clock();
    if (request.data.doneOn > today(now)) {
      throw new InvalidActionChange([{ field: 'doneOn', rule: 'must not be in the future', message: 'De datum van afronden mag niet in de toekomst liggen' }]);
    }
    if (action.done !== undefined) throw new ActionAlreadyDone();
    const payload = ActionCompleted.parse({ decisionId: ref.decisionId, actionIndex: ref.actionIndex, doneOn: request.data.doneOn, note: request.data.note });
    const noteEnvelope = await this.parts.sealer.seal(payload, { from: caller.party, to: action.recipients, type: EventTypes.actionCompleted, municipality: action.municipality });
    await withTransaction(this.parts.pool, async (client) => {
      const locked = await this.parts.actions.find(ref.decisionId, ref.actionIndex, client, true);
      // Two members marking it at once: the second one finds it done.
      if (locked === undefined || locked.done !== undefined) throw new ActionAlreadyDone();
      await this.parts.actions.markDone(client, locked, { doneOn: request.data.doneOn, byParty: caller.party, noteEnvelope, at: now });
    });
    await this.parts.access.allowed(attempt);
    await this.parts.reminders.unschedule(action);
    this.parts.logger.info({ decisionId: ref.decisionId, actionIndex: ref.actionIndex }, 'action done');
    return this.viewOf(caller, ref, origin);
  }

  /** Lead party or the municipality's meeting; not in the past; the reminders move with the date. */
  async changeDueDate(caller: UserIdentity, ref: ActionRef, body: unknown, origin: string): Promise<ActionView> {
    const { attempt, action } = await this.authorised(caller, ref, 'action.due-date', origin, (found) => this.parts.policy.forActionDueDate(caller, found));
    const request = validateRequest(ActionDueDateRequest, body);
    if (!request.success) throw new InvalidActionChange(request.problems);
    const problems: ValidationProblem[] = [];
    if (request.data.dueDate < today(this.parts.clock())) {
      problems.push({ field: 'dueDate', rule: 'must not be in the past', message: 'De uiterste datum mag niet in het verleden liggen' });
    }
    if (problems.length > 0) throw new InvalidActionChange(problems);
    if (action.done !== undefined) throw new ActionAlreadyDone();
    await withTransaction(this.parts.pool, async (client) => {
      const locked = await this.parts.actions.find(ref.decisionId, ref.actionIndex, client, true);
      if (locked === undefined || locked.done !== undefined) throw new ActionAlreadyDone();
      await this.parts.actions.moveDueDate(client, locked, request.data.dueDate);
    });
    await this.parts.access.allowed(attempt);
    await this.parts.reminders.unschedule(action);
    this.parts.reminders.sweep();
    this.parts.logger.info({ decisionId: ref.decisionId, actionIndex: ref.actionIndex }, 'action due date moved');
    return this.viewOf(caller, ref, origin);
  }

  /** Role before the lookup (a caller without it learns nothing, not even 404), then the action's own rule. */
  private async authorised(
    caller: UserIdentity,
    ref: ActionRef,
    action: string,
    origin: string,
    rule: (found: StoredAction) => ReturnType<MeetingAccessPolicy['forActions']>,
  ): Promise<{ attempt: AccessAttempt; action: StoredAction }> {
    const attempt: AccessAttempt = { caller, action, object: { type: 'action', id: actionKey(ref.decisionId, ref.actionIndex) }, origin };
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.forActions(caller) });
    const found = await this.parts.actions.find(ref.decisionId, ref.actionIndex);
    if (found === undefined) throw new ObjectNotFound('action');
    await this.parts.access.check({ ...attempt, policy: rule(found) });
    return { attempt, action: found };
  }

  private async viewOf(caller: UserIdentity, ref: ActionRef, origin: string): Promise<ActionView> {
    const views = await this.list(caller, {}, origin);
    const view = views.find((candidate) => candidate.decisionId === ref.decisionId && candidate.actionIndex === ref.actionIndex);
    if (view === undefined) throw new ObjectNotFound('action');
    return view;
  }

  /** The decision's action texts as the caller's party, when it is a recipient; each opening audited. */
  private async openDecision(caller: UserIdentity, action: StoredAction, origin: string): Promise<OpenedTexts | undefined> {
    if (!action.recipients.includes(caller.party)) return undefined;
    const attempt: AccessAttempt = { caller, action: 'decision.open', object: { type: 'decision', id: action.decisionId }, origin };
    try {
      const { payload } = await this.parts.opener.open(action.decisionEnvelope, { as: caller.party, payload: DecisionRecorded });
      await this.parts.access.allowed(attempt);
      return { descriptions: payload.actions.map((entry) => entry.description) };
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      this.parts.logger.warn({ decisionId: action.decisionId, code: error.code }, 'decision did not open for its recipient');
      return undefined;
    }
  }

  private async openNote(caller: UserIdentity, action: StoredAction): Promise<string | undefined> {
    const envelope = action.done?.noteEnvelope;
    if (envelope == null) return undefined;
    try {
      return (await this.parts.opener.open(envelope, { as: caller.party, payload: ActionCompleted })).payload.note;
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      return undefined;
    }
  }
}

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

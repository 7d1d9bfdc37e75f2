import type { ScreeningOpened, ScreeningProgressed } from '@signaalhub/contracts';
import type { DeadlineCalendar } from '@signaalhub/deadlines';
import { Refused } from '@signaalhub/inbox';
import type { PoolClient } from 'pg';
import { SERVICE_ACTOR } from '../registry/service-actor.js';
import type { RequestedSubject, ScreenedSubject, ScreeningTarget, SealedConclusion } from '../screenings/screening-events-intake.js';
import type { ApplicationRow, ApplicationStore } from './application-store.js';
import { checkedDeadlines, MILESTONE_TIMELINE } from './application-timeline.js';

/**
 * An application's Bibob screening as the pool tells it: `screening.opened` links the screening to the
 * application (its reference); a milestone goes on the application's timeline (the decision date moves);
 * the conclusion is kept sealed, and the application's Bibob state follows.
 */
export class ApplicationScreenings implements ScreeningTarget {
  constructor(
    private readonly store: ApplicationStore,
    private readonly calendar: DeadlineCalendar,
  ) {}

  async byReference(client: PoolClient, reference: string): Promise<RequestedSubject | undefined> {
    const row = await this.store.find(reference, client);
    return row === undefined ? undefined : { municipality: row.municipality, opened: (locked, payload, messageId) => this.opened(locked, row, payload, messageId) };
  }

  async byScreening(client: PoolClient, screeningId: string): Promise<ScreenedSubject | undefined> {
    const row = await this.store.findByScreening(client, screeningId);
    return row === undefined ? undefined : this.subject(row);
  }

  hasMessage(messageId: string): Promise<boolean> {
    return this.store.hasMessage(messageId);
  }

  private subject(row: ApplicationRow): ScreenedSubject {
    return {
      municipality: row.municipality,
      progressed: (client, payload, messageId) => this.progressed(client, row, payload, messageId),
      concluded: (client, conclusion, messageId) => this.concluded(client, row, conclusion, messageId),
    };
  }

  private async opened(client: PoolClient, row: ApplicationRow, payload: ScreeningOpened, messageId: string): Promise<void> {
    if (row.screeningRequestId === null || (row.screeningId !== null && row.screeningId !== payload.screeningId)) throw new Refused('NOT_THE_REQUESTED_SCREENING');
    await this.store.setBibob(client, row.id, { bibob: row.bibob === 'gevraagd' ? 'geopend' : row.bibob, screeningId: payload.screeningId }, payload.openedAt);
    await this.store.addTimeline(client, row.id, { kind: 'screening-geopend', date: payload.openedAt.slice(0, 10), at: payload.openedAt, actor: SERVICE_ACTOR, sourceMessageId: messageId, detailsSealed: null });
  }

  private async progressed(client: PoolClient, row: ApplicationRow, payload: ScreeningProgressed, messageId: string): Promise<void> {
    const at = new Date().toISOString();
    const entry = { kind: MILESTONE_TIMELINE[payload.milestone], date: payload.date, at, actor: SERVICE_ACTOR, sourceMessageId: messageId, detailsSealed: null };
    const timeline = (await this.store.timelineOf([row.id], client)).get(row.id) ?? [];
    // A milestone the deadline engine cannot place would make the decision date wrong: refused, not guessed.
    if (!checkedDeadlines(row, [...timeline, entry], this.calendar).ok) throw new Refused('MILESTONE_DOES_NOT_FIT_THE_TIMELINE');
    if (!(await this.store.addTimeline(client, row.id, entry))) return;
    const bibob = payload.milestone === 'advice-received' ? 'geopend' : 'lbb-advies-gevraagd';
    if (row.bibob !== 'conclusie-ontvangen') await this.store.setBibob(client, row.id, { bibob }, at);
  }

  private async concluded(client: PoolClient, row: ApplicationRow, conclusion: SealedConclusion, messageId: string): Promise<void> {
    if (!(await this.store.addConclusion(client, row.id, messageId, conclusion))) return;
    await this.store.setBibob(client, row.id, { bibob: 'conclusie-ontvangen' }, conclusion.approvedAt);
    await this.store.addTimeline(client, row.id, { kind: 'conclusie-ontvangen', date: conclusion.approvedAt.slice(0, 10), at: conclusion.approvedAt, actor: SERVICE_ACTOR, sourceMessageId: null, detailsSealed: null });
  }
}

import type { ScreeningOpened, ScreeningProgressed } from '@signaalhub/contracts';
import { Refused } from '@signaalhub/inbox';
import type { PoolClient } from 'pg';
import { SERVICE_ACTOR } from '../registry/service-actor.js';
import type { RequestedSubject, ScreenedSubject, ScreeningTarget, SealedConclusion } from '../screenings/screening-events-intake.js';
import type { EstablishmentHistoryRow, EstablishmentStore } from './establishment-store.js';
import type { RescreeningRow, RescreeningStore } from './rescreening-store.js';

/** A history entry of what the pool told, by the service, once per pool message. */
const fromPool = (entry: Pick<EstablishmentHistoryRow, 'at' | 'action' | 'sourceMessageId' | 'date'> & Partial<Pick<EstablishmentHistoryRow, 'milestone'>>): EstablishmentHistoryRow => ({
  actor: SERVICE_ACTOR,
  reasonSealed: null,
  messageId: null,
  milestone: null,
  ...entry,
});

/**
 * A re-screening of an establishment as the pool tells it (the establishment's id was its reference):
 * `screening.opened` links the pool's screening to the establishment's oldest re-screening not yet opened
 * (none: refused); a milestone and the conclusion (sealed) follow by screening id. Each step lands in the
 * establishment's history, by the service.
 */
export class RescreeningScreenings implements ScreeningTarget {
  constructor(
    private readonly establishments: EstablishmentStore,
    private readonly rescreenings: RescreeningStore,
    private readonly clock: () => Date,
  ) {}

  async byReference(client: PoolClient, reference: string): Promise<RequestedSubject | undefined> {
    const establishment = await this.establishments.find(reference, client);
    if (establishment === undefined) return undefined;
    return {
      municipality: establishment.municipality,
      opened: (lockedClient, payload, messageId) => this.opened(lockedClient, establishment.id, payload, messageId),
    };
  }

  async byScreening(client: PoolClient, screeningId: string): Promise<ScreenedSubject | undefined> {
    const row = await this.rescreenings.findByScreening(client, screeningId);
    if (row === undefined) return undefined;
    return {
      municipality: row.municipality,
      progressed: (lockedClient, payload, messageId) => this.progressed(lockedClient, row, payload, messageId),
      concluded: (lockedClient, conclusion, messageId) => this.concluded(lockedClient, row, conclusion, messageId),
    };
  }

  async hasMessage(messageId: string): Promise<boolean> {
    return (await this.establishments.hasHistoryFrom(messageId)) || this.rescreenings.hasConclusionMessage(messageId);
  }

  private async opened(client: PoolClient, establishmentId: string, payload: ScreeningOpened, messageId: string): Promise<void> {
    const linked = await this.rescreenings.findByScreening(client, payload.screeningId);
    // The same screening opened again (the pool re-sent it): it stays linked as it is.
    if (linked !== undefined && linked.establishmentId === establishmentId) return;
    const asked = linked === undefined ? await this.rescreenings.firstUnopened(client, establishmentId) : undefined;
    if (asked === undefined) throw new Refused('NOT_THE_REQUESTED_SCREENING');
    await this.rescreenings.setStatus(client, asked.requestMessageId, { status: 'geopend', screeningId: payload.screeningId }, payload.openedAt);
    await this.establishments.addHistory(client, establishmentId, fromPool({ at: payload.openedAt, action: 'herscreening-geopend', sourceMessageId: messageId, date: payload.openedAt.slice(0, 10) }));
  }

  private async progressed(client: PoolClient, row: RescreeningRow, payload: ScreeningProgressed, messageId: string): Promise<void> {
    const at = this.clock().toISOString();
    const entry = fromPool({ at, action: 'herscreening-voortgang', sourceMessageId: messageId, milestone: payload.milestone, date: payload.date });
    if (!(await this.establishments.addHistory(client, row.establishmentId, entry))) return;
    // As an application's: the LBB's advice received, the screening is back with the pool.
    const status = payload.milestone === 'advice-received' ? 'geopend' : 'lbb-advies-gevraagd';
    if (row.status !== 'conclusie-ontvangen') await this.rescreenings.setStatus(client, row.requestMessageId, { status }, at);
  }

  private async concluded(client: PoolClient, row: RescreeningRow, conclusion: SealedConclusion, messageId: string): Promise<void> {
    if (!(await this.rescreenings.addConclusion(client, row.requestMessageId, messageId, conclusion))) return;
    await this.rescreenings.setStatus(client, row.requestMessageId, { status: 'conclusie-ontvangen' }, conclusion.approvedAt);
    const entry = fromPool({ at: conclusion.approvedAt, action: 'herscreening-conclusie-ontvangen', sourceMessageId: messageId, date: conclusion.approvedAt.slice(0, 10) });
    await this.establishments.addHistory(client, row.establishmentId, entry);
  }
}

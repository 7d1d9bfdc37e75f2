import type { AgendaEntry, AgendaItem, HitCount, OpenedAgendaItem } from '@signaalhub/contracts';
import { Signal } from '@signaalhub/contracts';
import { EnvelopeError, type EnvelopeOpener } from '@signaalhub/envelope';
import type { MatchTokenStore } from '@signaalhub/matching';
import type { Caller, MeetingAccessPolicy } from '../access/meeting-access-policy.js';
import type { NeedToKnow } from '../access/need-to-know.js';
import { forbidden, notFound } from '../http/api-errors.js';
import { agendaPriority, compareAgendaEntries } from './agenda-priority.js';
import type { AgendaStore, StoredAgendaItem } from './agenda-store.js';

/** Reads the agenda (routing facts, hits, priority) and opens an item's signal for an authorised caller. */
export class AgendaReader {
  constructor(
    private readonly store: AgendaStore,
    private readonly tokens: MatchTokenStore,
    private readonly policy: MeetingAccessPolicy,
    private readonly needToKnow: NeedToKnow,
    /** Opens stored envelopes: no replay or age check, those guarded the transport at admission. */
    private readonly storedOpener: EnvelopeOpener,
  ) {}

  async pending(municipality: string): Promise<AgendaEntry[]> {
    const items = await this.store.pending(municipality);
    const hits = await this.tokens.hitsFor(items.map((item) => item.id));
    return items
      .map((item): AgendaEntry => {
        const itemHits = hits.get(item.id)?.byMunicipality ?? [];
        return { id: item.id, theme: item.theme, receivedAt: item.receivedAt, priority: agendaPriority(itemHits), hits: itemHits };
      })
      .sort(compareAgendaEntries);
  }

  /** Need-to-know first, then the envelope is opened as the caller's own party; both outcomes audited. */
  async open(caller: Caller, id: string, origin: string): Promise<OpenedAgendaItem> {
    const attempt = { caller, action: 'signal.open', objectType: 'agenda-item', objectId: id, origin };
    await this.needToKnow.enforce(this.policy.forAnyMeeting(caller), attempt);
    const stored = await this.store.find(id);
    if (stored === undefined) throw notFound();
    await this.needToKnow.enforce(this.policy.forItem(caller, stored), attempt);
    let signal: Signal;
    try {
      ({ payload: signal } = await this.storedOpener.open(stored.envelope, { as: caller.party, payload: Signal }));
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      // The header named the caller, the ciphertext disagreed: refuse, and say why in the audit log.
      await this.needToKnow.record(attempt, 'denied', error.code);
      throw forbidden();
    }
    await this.needToKnow.record(attempt, 'allowed');
    const hits = (await this.tokens.hitsFor([id])).get(id)?.byMunicipality ?? [];
    return { item: agendaItem(stored, hits), signal, hits };
  }
}

export function agendaItem(stored: StoredAgendaItem, hits: readonly HitCount[]): AgendaItem {
  return {
    id: stored.id,
    signalId: stored.signalId,
    municipality: stored.municipality,
    theme: stored.theme,
    receivedAt: stored.receivedAt,
    status: stored.status,
    priority: agendaPriority(hits),
  };
}

import type { AgendaEntry, AgendaItem, HitCount, OpenedAgendaItem } from '@signaalhub/contracts';
import { Signal } from '@signaalhub/contracts';
import { EnvelopeError, type EnvelopeOpener } from '@signaalhub/envelope';
import { ObjectNotFound, type AccessAttempt, type AuditedAccess } from '@signaalhub/access';
import type { UserIdentity } from '@signaalhub/identity';
import type { MatchTokenStore } from '@signaalhub/matching';
import type { MeetingAccessPolicy } from '../access/meeting-access-policy.js';
import { agendaPriority, compareAgendaEntries } from './agenda-priority.js';
import type { AgendaStore, StoredAgendaItem } from './agenda-store.js';
import { datedHits } from './dated-hits.js';

/** Reads the agenda (routing facts, hits, priority) and opens an item's signal for an authorised caller. */
export class AgendaReader {
  constructor(
    private readonly store: AgendaStore,
    private readonly tokens: MatchTokenStore,
    private readonly policy: MeetingAccessPolicy,
    private readonly access: AuditedAccess,
    /** Opens stored envelopes: no replay or age check, those guarded the transport at admission. */
    private readonly storedOpener: EnvelopeOpener,
  ) {}

  async pending(municipality: string): Promise<AgendaEntry[]> {
    const items = await this.store.pending(municipality);
    const hits = await datedHits(items.map((item) => item.id), this.tokens, this.store);
    return items
      .map((item): AgendaEntry => {
        const itemHits = hits.get(item.id) ?? [];
        return { id: item.id, theme: item.theme, receivedAt: item.receivedAt, priority: agendaPriority(itemHits), hits: itemHits };
      })
      .sort(compareAgendaEntries);
  }

  /** Need-to-know first, then the envelope is opened as the caller's own party; both outcomes audited. */
  async open(caller: UserIdentity, id: string, origin: string): Promise<OpenedAgendaItem> {
    const attempt: AccessAttempt = { caller, action: 'signal.open', object: { type: 'agenda-item', id }, origin };
    await this.access.check({ ...attempt, policy: this.policy.forAnyMeeting(caller) });
    const stored = await this.store.find(id);
    if (stored === undefined) throw new ObjectNotFound('agenda-item');
    await this.access.check({ ...attempt, object: { ...attempt.object, recipients: stored.recipients }, policy: this.policy.forMunicipality(caller, stored.municipality) });
    let signal: Signal;
    try {
      ({ payload: signal } = await this.storedOpener.open(stored.envelope, { as: caller.party, payload: Signal }));
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      // The header named the caller, the ciphertext disagreed: refuse, and say why in the audit log.
      return this.access.deny(attempt, error.code);
    }
    await this.access.allowed(attempt);
    const hits = (await datedHits([id], this.tokens, this.store)).get(id) ?? [];
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
    reportedOn: stored.reportedOn,
    status: stored.status,
    priority: agendaPriority(hits),
  };
}

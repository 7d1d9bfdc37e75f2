import type { AgendaPriority, HitCount } from '@signaalhub/contracts';

/**
 * A signal that other signals share a token with is taken up first: in the CCV protocol a hit is what
 * leads to an approach, no hit means the signal is usually not taken up.
 */
export function agendaPriority(hits: readonly HitCount[]): AgendaPriority {
  return hits.some((hit) => hit.count > 0) ? 'hoog' : 'normaal';
}

const RANK: Readonly<Record<AgendaPriority, number>> = { hoog: 0, normaal: 1 };

/** By priority (hoog first), then age (oldest first), then id so the order is total and stable. */
export function compareAgendaEntries(
  a: { readonly priority: AgendaPriority; readonly receivedAt: string; readonly id: string },
  b: { readonly priority: AgendaPriority; readonly receivedAt: string; readonly id: string },
): number {
  return RANK[a.priority] - RANK[b.priority] || Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.id.localeCompare(b.id);
}

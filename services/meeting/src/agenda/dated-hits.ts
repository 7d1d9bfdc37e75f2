import type { DatedHitCount, HitCount } from '@signaalhub/contracts';
import { countHits, type MatchTokenStore } from '@signaalhub/matching';
import type { AgendaStore, ReportDay } from './agenda-store.js';

/**
 * Each item's hits per municipality (packages/matching's count) with when those signals were reported: an
 * imported signal by its original report day, so "ook gemeld in …" shows history from before the hub as such.
 */
export async function datedHits(itemIds: readonly string[], tokens: MatchTokenStore, agenda: AgendaStore): Promise<Map<string, DatedHitCount[]>> {
  const matches = await tokens.matchesFor(itemIds);
  const days = await agenda.reportDays([...new Set(matches.map((match) => match.otherMessageId))]);
  const counted = countHits(itemIds, matches);
  const dated = new Map<string, DatedHitCount[]>();
  for (const id of itemIds) {
    // Other message → its municipality; a message sharing several tokens is one hit.
    const others = new Map(matches.filter((match) => match.itemId === id && match.otherMessageId !== id).map((match) => [match.otherMessageId, match.otherMunicipality]));
    const daysIn = (municipality: string): ReportDay[] =>
      [...others].flatMap(([other, ofMunicipality]) => {
        const day = ofMunicipality === municipality ? days.get(other) : undefined;
        return day === undefined ? [] : [day];
      });
    dated.set(id, (counted.get(id)?.byMunicipality ?? []).map((hit) => withDays(hit, daysIn(hit.municipality))));
  }
  return dated;
}

function withDays(hit: HitCount, days: readonly ReportDay[]): DatedHitCount {
  const sorted = days.map((day) => day.reportedOn).sort();
  return {
    ...hit,
    firstReportedOn: sorted[0] ?? null,
    lastReportedOn: sorted.at(-1) ?? null,
    imported: days.filter((day) => day.imported).length,
  };
}

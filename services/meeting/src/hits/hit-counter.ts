import type { HitCount } from '@signaalhub/contracts';

/** One other signal that shares at least one match token with an item. */
export interface TokenMatch {
  readonly itemId: string;
  readonly otherMessageId: string;
  readonly otherMunicipality: string;
}

/**
 * Hits per item: each other signal counted once (however many tokens it shares), grouped by its
 * municipality, sorted by municipality. Only ids and counts pass — never what matched.
 */
export function countHits(itemIds: readonly string[], matches: readonly TokenMatch[]): Map<string, HitCount[]> {
  const others = new Map<string, Map<string, Set<string>>>();
  for (const id of itemIds) others.set(id, new Map());
  for (const match of matches) {
    if (match.otherMessageId === match.itemId) continue;
    const perMunicipality = others.get(match.itemId);
    if (perMunicipality === undefined) continue;
    const ids = perMunicipality.get(match.otherMunicipality) ?? new Set<string>();
    ids.add(match.otherMessageId);
    perMunicipality.set(match.otherMunicipality, ids);
  }
  const hits = new Map<string, HitCount[]>();
  for (const [id, perMunicipality] of others) {
    hits.set(
      id,
      [...perMunicipality.entries()]
        .map(([municipality, ids]) => ({ municipality, count: ids.size }))
        .sort((a, b) => a.municipality.localeCompare(b.municipality)),
    );
  }
  return hits;
}

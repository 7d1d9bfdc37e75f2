import type { HitCount } from '@signaalhub/contracts';

/** One other message that shares at least one match token with an item. */
export interface TokenMatch {
  readonly itemId: string;
  readonly otherMessageId: string;
  readonly otherMunicipality: string;
  /** Empty when the other message's header had no theme (or was recorded before themes were). */
  readonly otherTheme: string | null;
}

export interface ThemeHitCount {
  readonly theme: string;
  readonly count: number;
}

/** An item's hits: other messages sharing a token, each counted once. Only counts — never what matched. */
export interface Hits {
  readonly total: number;
  /** Sorted by municipality. */
  readonly byMunicipality: readonly HitCount[];
  /** Sorted by theme; a hit without a theme counts in the total and per municipality only. */
  readonly byTheme: readonly ThemeHitCount[];
}

export interface OtherMessage {
  readonly municipality: string;
  readonly theme: string | null;
}

/** Hits per item, however many tokens each other message shares; every asked-for item gets an entry. */
export function countHits(itemIds: readonly string[], matches: readonly TokenMatch[]): Map<string, Hits> {
  const others = new Map<string, Map<string, OtherMessage>>();
  for (const id of itemIds) others.set(id, new Map());
  for (const match of matches) {
    if (match.otherMessageId === match.itemId) continue;
    const ofItem = others.get(match.itemId);
    if (ofItem === undefined) continue;
    // Every row of one message carries the same routing facts: the first one speaks for all.
    if (!ofItem.has(match.otherMessageId)) ofItem.set(match.otherMessageId, { municipality: match.otherMunicipality, theme: match.otherTheme });
  }
  const hits = new Map<string, Hits>();
  for (const [id, ofItem] of others) hits.set(id, countMessages([...ofItem.values()]));
  return hits;
}

/** The hits of distinct messages (each counted once by the caller), per municipality and theme. */
export function countMessages(messages: readonly OtherMessage[]): Hits {
  return {
    total: messages.length,
    byMunicipality: countBy(messages.map((message) => message.municipality)).map(([municipality, count]) => ({ municipality, count })),
    byTheme: countBy(messages.flatMap((message) => (message.theme === null ? [] : [message.theme]))).map(([theme, count]) => ({ theme, count })),
  };
}

function countBy(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
}

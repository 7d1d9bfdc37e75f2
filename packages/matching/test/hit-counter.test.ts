import { describe, expect, it } from 'vitest';
import { countHits, type TokenMatch } from '../src/hit-counter.js';

function match(itemId: string, otherMessageId: string, otherMunicipality: string, otherTheme: string | null = 'vastgoed'): TokenMatch {
  return { itemId, otherMessageId, otherMunicipality, otherTheme };
}

describe(countHits.name, () => {
  it('counts each other signal once per municipality, however many tokens it shares', () => {
    const sut = countHits(['item'], [match('item', 'b1', 'baarn'), match('item', 'b1', 'baarn'), match('item', 'b2', 'baarn'), match('item', 's1', 'soest')]);
    expect(sut.get('item')?.byMunicipality).toEqual([
      { municipality: 'baarn', count: 2 },
      { municipality: 'soest', count: 1 },
    ]);
  });

  it('gives an empty list to an item without hits and never counts the item itself', () => {
    const sut = countHits(['lonely', 'self'], [match('self', 'self', 'soest')]);
    expect(sut.get('lonely')).toEqual({ total: 0, byMunicipality: [], byTheme: [] });
    expect(sut.get('self')).toEqual({ total: 0, byMunicipality: [], byTheme: [] });
  });

  it('ignores matches of items that were not asked for', () => {
    const sut = countHits(['a'], [match('b', 'c', 'eemnes')]);
    expect([...sut.keys()]).toEqual(['a']);
  });

  it('counts each other signal once per theme, sorted by theme, across municipalities', () => {
    const sut = countHits(
      ['item'],
      [match('item', 'b1', 'baarn', 'vastgoed'), match('item', 'b1', 'baarn', 'vastgoed'), match('item', 's1', 'soest', 'horeca'), match('item', 'e1', 'eemnes', 'vastgoed')],
    );
    expect(sut.get('item')).toEqual({
      total: 3,
      byMunicipality: [
        { municipality: 'baarn', count: 1 },
        { municipality: 'eemnes', count: 1 },
        { municipality: 'soest', count: 1 },
      ],
      byTheme: [
        { theme: 'horeca', count: 1 },
        { theme: 'vastgoed', count: 2 },
      ],
    });
  });

  it('counts a hit without a theme in the total and per municipality, but under no theme', () => {
    const sut = countHits(['item'], [match('item', 'permit', 'soest', null), match('item', 'signal', 'soest', 'autobranche')]);
    expect(sut.get('item')).toEqual({
      total: 2,
      byMunicipality: [{ municipality: 'soest', count: 2 }],
      byTheme: [{ theme: 'autobranche', count: 1 }],
    });
  });
});

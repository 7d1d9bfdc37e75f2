import { describe, expect, it } from 'vitest';
import { countHits } from '../src/hits/hit-counter.js';

describe(countHits.name, () => {
  it('counts each other signal once per municipality, however many tokens it shares', () => {
    const sut = countHits(
      ['item'],
      [
        { itemId: 'item', otherMessageId: 'b1', otherMunicipality: 'baarn' },
        { itemId: 'item', otherMessageId: 'b1', otherMunicipality: 'baarn' },
        { itemId: 'item', otherMessageId: 'b2', otherMunicipality: 'baarn' },
        { itemId: 'item', otherMessageId: 's1', otherMunicipality: 'soest' },
      ],
    );
    expect(sut.get('item')).toEqual([
      { municipality: 'baarn', count: 2 },
      { municipality: 'soest', count: 1 },
    ]);
  });

  it('gives an empty list to an item without hits and never counts the item itself', () => {
    const sut = countHits(['lonely', 'self'], [{ itemId: 'self', otherMessageId: 'self', otherMunicipality: 'soest' }]);
    expect(sut.get('lonely')).toEqual([]);
    expect(sut.get('self')).toEqual([]);
  });

  it('ignores matches of items that were not asked for', () => {
    const sut = countHits(['a'], [{ itemId: 'b', otherMessageId: 'c', otherMunicipality: 'eemnes' }]);
    expect([...sut.keys()]).toEqual(['a']);
  });
});

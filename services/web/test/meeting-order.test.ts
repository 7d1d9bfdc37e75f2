import { describe, expect, it } from 'vitest';
import { movedOrder } from '../src/http/meeting-pages.controller.js';

describe(movedOrder.name, () => {
  it('moves an item one place up or down', () => {
    expect(movedOrder(['a', 'b', 'c'], 'c', 'omhoog')).toEqual(['a', 'c', 'b']);
    expect(movedOrder(['a', 'b', 'c'], 'a', 'omlaag')).toEqual(['b', 'a', 'c']);
  });

  it('keeps the order when the item is at that end already or not on the agenda', () => {
    expect(movedOrder(['a', 'b'], 'a', 'omhoog')).toEqual(['a', 'b']);
    expect(movedOrder(['a', 'b'], 'b', 'omlaag')).toEqual(['a', 'b']);
    expect(movedOrder(['a', 'b'], 'x', 'omhoog')).toEqual(['a', 'b']);
  });
});

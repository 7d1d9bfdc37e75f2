import { describe, expect, it } from 'vitest';
import { agendaPriority, compareAgendaEntries } from '../src/agenda/agenda-priority.js';

describe(agendaPriority.name, () => {
  it('gives hoog when another signal shares a token', () => {
    expect(agendaPriority([{ municipality: 'baarn', count: 1 }])).toBe('hoog');
  });

  it('gives normaal when there is no hit', () => {
    expect(agendaPriority([])).toBe('normaal');
  });
});

describe(compareAgendaEntries.name, () => {
  it('orders by priority first, then oldest first, then id', () => {
    const entries = [
      { id: 'd', priority: 'normaal' as const, receivedAt: '2025-01-01T00:00:00.000Z' },
      { id: 'c', priority: 'hoog' as const, receivedAt: '2025-03-01T00:00:00.000Z' },
      { id: 'b', priority: 'hoog' as const, receivedAt: '2025-02-01T00:00:00.000Z' },
      { id: 'a', priority: 'normaal' as const, receivedAt: '2025-01-01T00:00:00.000Z' },
      { id: 'e', priority: 'normaal' as const, receivedAt: '2024-12-01T00:00:00.000Z' },
    ];
    const sut = [...entries].sort(compareAgendaEntries);
    expect(sut.map((entry) => entry.id)).toEqual(['b', 'c', 'e', 'a', 'd']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  INDICATOR_LABELS,
  IndicatorCode,
  MAX_INDICATORS_PER_SIGNAL,
  THEMES,
  THEME_INDICATORS,
  THEME_LABELS,
  Theme,
  isIndicatorOfTheme,
} from '../src/index.js';

describe('Theme', () => {
  it('has the eight themes of DESIGN.md §3, each with a Dutch label', () => {
    expect(Theme.options).toEqual([
      'autobranche',
      'buitengebied',
      'drugsproductie',
      'drugshandel',
      'vastgoed',
      'horeca',
      'mensenhandel',
      'overig',
    ]);
    for (const theme of THEMES) expect(THEME_LABELS[theme].length).toBeGreaterThan(0);
  });

  it('rejects an unknown theme', () => {
    expect(Theme.safeParse('wapenhandel').success).toBe(false);
  });
});

describe(isIndicatorOfTheme.name, () => {
  it('gives every theme a non-empty checklist without repeats', () => {
    for (const theme of THEMES) {
      const codes = THEME_INDICATORS[theme];
      expect(codes.length).toBeGreaterThan(0);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes.length).toBeLessThanOrEqual(MAX_INDICATORS_PER_SIGNAL);
    }
  });

  it('uses every labelled indicator in at least one checklist', () => {
    const used = new Set<string>(Object.values(THEME_INDICATORS).flat());
    expect(Object.keys(INDICATOR_LABELS).filter((code) => !used.has(code))).toEqual([]);
  });

  it('tells which theme an indicator belongs to', () => {
    expect(isIndicatorOfTheme('buitengebied', 'leegstaande-stallen')).toBe(true);
    expect(isIndicatorOfTheme('autobranche', 'leegstaande-stallen')).toBe(false);
  });

  it('keeps codes as kebab-case slugs, since they are persisted', () => {
    for (const code of IndicatorCode.options) expect(code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });
});

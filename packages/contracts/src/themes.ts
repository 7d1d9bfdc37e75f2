import { z } from 'zod';

/** Signal themes. PERSISTED in envelopes and aggregates: never rename one. */
export const THEMES = [
  'autobranche',
  'buitengebied',
  'drugsproductie',
  'drugshandel',
  'vastgoed',
  'horeca',
  'mensenhandel',
  'overig',
] as const;

export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;

export const THEME_LABELS: Readonly<Record<Theme, string>> = {
  autobranche: 'Autobranche',
  buitengebied: 'Buitengebied',
  drugsproductie: 'Drugsproductie',
  drugshandel: 'Drugshandel',
  vastgoed: 'Vastgoed',
  horeca: 'Horeca',
  mensenhandel: 'Mensenhandel en -uitbuiting',
  overig: 'Overig',
};

import type { HitCount } from '@signaalhub/contracts';
import { municipalityName } from '../labels/labels.js';

/** "ook gemeld in Baarn (2), Soest (1)": counts only, never the other signals' content. */
export function hitsText(hits: readonly HitCount[]): string {
  if (hits.length === 0) return 'geen';
  return `ook gemeld in ${hits.map((hit) => `${municipalityName(hit.municipality)} (${hit.count})`).join(', ')}`;
}

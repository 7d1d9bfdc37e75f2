import type { DatedHitCount, HitCount } from '@signaalhub/contracts';
import { formatDate, municipalityName } from '../labels/labels.js';

/** "ook gemeld in Baarn (2), Soest (1)": counts only, never the other signals' content. */
export function hitsText(hits: readonly HitCount[]): string {
  if (hits.length === 0) return 'geen';
  return `ook gemeld in ${hits.map((hit) => `${municipalityName(hit.municipality)} (${hit.count})`).join(', ')}`;
}

/**
 * "ook gemeld in Baarn (2, gemeld 3 maart 2024 – 9 mei 2025, waarvan 1 geïmporteerd)": counts and report days, an
 * imported signal on its original report day; never the other signals' content.
 */
export function datedHitsText(hits: readonly DatedHitCount[]): string {
  if (hits.length === 0) return 'geen';
  return `ook gemeld in ${hits.map((hit) => `${municipalityName(hit.municipality)} (${[String(hit.count), ...hitDetails(hit)].join(', ')})`).join(', ')}`;
}

function hitDetails(hit: DatedHitCount): string[] {
  const details: string[] = [];
  if (hit.firstReportedOn !== null && hit.lastReportedOn !== null) {
    details.push(hit.firstReportedOn === hit.lastReportedOn ? `gemeld op ${formatDate(hit.firstReportedOn)}` : `gemeld ${formatDate(hit.firstReportedOn)} – ${formatDate(hit.lastReportedOn)}`);
  }
  if (hit.imported > 0) details.push(hit.imported === hit.count ? 'geïmporteerd' : `waarvan ${String(hit.imported)} geïmporteerd`);
  return details;
}

import { municipalityPartyId, THEME_LABELS, type MunicipalityId, type PartyId, type Theme, type ValidationProblem } from '@signaalhub/contracts';
import type { DistributionPolicy } from './distribution-policy.js';

export type RecipientResolution =
  | { readonly ok: true; readonly recipients: PartyId[] }
  | { readonly ok: false; readonly problems: ValidationProblem[] };

const FIELD = 'distribution.recipients';

/**
 * The inspector's chosen recipients, checked against the policy: the own municipality always stays
 * (it has to discuss the signal), the others may be narrowed at will, and widening is only to parties
 * the policy allows for the theme. The own municipality comes first; the rest keep the chosen order.
 */
export function resolveRecipients(
  policy: DistributionPolicy,
  municipality: MunicipalityId,
  theme: Theme,
  requested: readonly PartyId[],
): RecipientResolution {
  const own = municipalityPartyId(municipality);
  const { defaultRecipients, allowedExtras } = policy.themes[theme];
  const allowed = new Set<PartyId>([own, ...defaultRecipients, ...allowedExtras]);
  const problems: ValidationProblem[] = [];
  if (!requested.includes(own)) {
    problems.push({
      field: FIELD,
      rule: `must include the reporting municipality ${own}`,
      message: `De eigen gemeente (${own}) moet altijd ontvanger zijn`,
    });
  }
  for (const party of requested) {
    if (!allowed.has(party)) {
      problems.push({
        field: FIELD,
        rule: `${party} is not an allowed recipient for theme ${theme} under the distribution policy`,
        message: `${party} mag bij het thema ${THEME_LABELS[theme]} geen ontvanger zijn`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, recipients: [own, ...requested.filter((party) => party !== own)] };
}

import { municipalityPartyId, THEME_LABELS, THEMES, type DistributionPolicyView, type MunicipalityId } from '@signaalhub/contracts';
import type { DistributionPolicy } from './distribution-policy.js';

/** What the web form shows per theme: who is preselected, who must stay, who may be added. */
export function distributionPolicyView(policy: DistributionPolicy, municipality: MunicipalityId | null): DistributionPolicyView {
  const required = municipality === null ? [] : [municipalityPartyId(municipality)];
  return {
    municipality,
    themes: THEMES.map((theme) => ({
      theme,
      label: THEME_LABELS[theme],
      requiredRecipients: required,
      defaultRecipients: [...required, ...policy.themes[theme].defaultRecipients],
      allowedExtras: [...policy.themes[theme].allowedExtras],
    })),
  };
}

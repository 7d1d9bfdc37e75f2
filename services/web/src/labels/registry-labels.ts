import {
  APPLICATION_KIND_LABELS,
  THEME_LABELS,
  AUTOBRANCHE_ACTIVITY_LABELS,
  type BibobState,
  type EstablishmentActivity,
  type EstablishmentHistoryAction,
  type PermitAction,
  type PermitRegistryStatus,
  type RegistryOfficer,
  type RescreeningState,
  type ScreeningMilestone,
  type VisitingAddress,
} from '@signaalhub/contracts';
import { TIMELINE_EVENT_LABELS } from './screening-labels.js';

/** Dutch words of the permit registry's screens. */

export const PERMIT_STATUS_LABELS: Readonly<Record<PermitRegistryStatus, string>> = {
  aangevraagd: 'Aangevraagd',
  verleend: 'Verleend',
  geweigerd: 'Geweigerd',
  geschorst: 'Geschorst',
  ingetrokken: 'Ingetrokken',
  vervallen: 'Vervallen',
};

export const PERMIT_ACTION_LABELS: Readonly<Record<PermitAction, string>> = {
  'zienswijze-vragen': 'Zienswijze gevraagd',
  'zienswijze-ontvangen': 'Zienswijze ontvangen',
  verlenen: 'Verleend',
  weigeren: 'Geweigerd',
  schorsen: 'Geschorst',
  'schorsing-opheffen': 'Schorsing opgeheven',
  intrekken: 'Ingetrokken',
  'laten-vervallen': 'Vervallen',
};

export const BIBOB_STATE_LABELS: Readonly<Record<BibobState, string>> = {
  'niet-gevraagd': 'Niet gevraagd',
  gevraagd: 'Gevraagd aan de Bibob-pool',
  geopend: 'In behandeling bij de Bibob-pool',
  'lbb-advies-gevraagd': 'LBB-advies gevraagd',
  'conclusie-ontvangen': 'Conclusie ontvangen',
};

export const ZIENSWIJZE_LABELS: Readonly<Record<'geen' | 'gevraagd' | 'ontvangen', string>> = {
  geen: 'Niet gevraagd',
  gevraagd: 'Gevraagd, nog niet ontvangen',
  ontvangen: 'Ontvangen',
};

const APPLICATION_TIMELINE_LABELS: Readonly<Record<string, string>> = {
  ...TIMELINE_EVENT_LABELS,
  'screening-gevraagd': 'Bibob-toets gevraagd aan de pool',
  'screening-geopend': 'Bibob-toets geopend door de pool',
  'conclusie-ontvangen': 'Conclusie van de Bibob-toets ontvangen',
};

export const applicationTimelineLabel = (kind: string): string => APPLICATION_TIMELINE_LABELS[kind] ?? kind;

export const RESCREENING_STATE_LABELS: Readonly<Record<RescreeningState, string>> = {
  gevraagd: 'Gevraagd aan de Bibob-pool',
  geopend: 'In behandeling bij de Bibob-pool',
  'lbb-advies-gevraagd': 'LBB-advies gevraagd',
  'conclusie-ontvangen': 'Conclusie ontvangen',
};

/** What an establishment's own history records, in Dutch. */
export const ESTABLISHMENT_HISTORY_LABELS: Readonly<Record<EstablishmentHistoryAction, string>> = {
  'herscreening-gevraagd': 'Herscreening gevraagd aan de Bibob-pool',
  'herscreening-geopend': 'Herscreening geopend door de Bibob-pool',
  'herscreening-voortgang': 'Voortgang van de herscreening',
  'herscreening-conclusie-ontvangen': 'Conclusie van de herscreening ontvangen',
};

/** A pool's LBB milestone on a re-screening, in Dutch (the same words as the application timeline's). */
export const MILESTONE_LABELS: Readonly<Record<ScreeningMilestone, string>> = {
  'lbb-requested': 'LBB-advies gevraagd',
  extended: 'LBB-termijn verlengd',
  'waiting-for-information': 'LBB wacht op informatie',
  'information-received': 'LBB heeft de informatie ontvangen',
  'advice-received': 'LBB-advies ontvangen',
};

export const applicationKindLabel = (kind: keyof typeof APPLICATION_KIND_LABELS): string => APPLICATION_KIND_LABELS[kind];

export const FLAG_MATCH_LABELS: Readonly<Record<'kvk' | 'address', string>> = { kvk: 'KvK-nummer', address: 'Adres' };

/** `3762 AB 12-a` */
export function visitingAddressText(address: VisitingAddress): string {
  const postcode = address.postcode.length === 6 ? `${address.postcode.slice(0, 4)} ${address.postcode.slice(4)}` : address.postcode;
  return `${postcode} ${address.huisnummer}${address.toevoeging === undefined ? '' : `-${address.toevoeging}`}`;
}

export function activitiesText(activities: readonly EstablishmentActivity[]): string {
  return activities.map((entry) => `${AUTOBRANCHE_ACTIVITY_LABELS[entry.activity]} (SBI ${entry.sbiCode})`).join(', ');
}

/** Who did it: the officer's account, or the service when the pool told the registry. */
export function registryActorLabel(actor: RegistryOfficer | { readonly service: string }): string {
  return 'service' in actor ? `systeem (${actor.service})` : actor.userId;
}

/** A flag's theme in Dutch; a theme this web does not know is shown as it is. */
export const flagThemeLabel = (theme: string): string => (THEME_LABELS as Readonly<Record<string, string>>)[theme] ?? theme;

import { DEFAULT_MUNICIPALITIES, DEFAULT_POOL_PARTY, ROLE_LABELS, type Role } from '@signaalhub/contracts';

const MUNICIPALITY_NAMES = new Map(DEFAULT_MUNICIPALITIES.map((municipality) => [municipality.id, municipality.name]));

const PARTY_LABELS = new Map<string, string>([
  ...DEFAULT_MUNICIPALITIES.map((municipality): [string, string] => [municipality.party, `Gemeente ${municipality.name}`]),
  ['politie-bes', 'Politie basisteam BES'],
  ['riec-mn', 'RIEC Midden-Nederland'],
  ['om-mn', 'Openbaar Ministerie Midden-Nederland'],
  ['belastingdienst', 'Belastingdienst'],
  [DEFAULT_POOL_PARTY, 'Bibob-pool BES'],
]);

/** Dutch name of a municipality; an unknown id (another region's configuration) is shown as it is. */
export function municipalityName(id: string): string {
  return MUNICIPALITY_NAMES.get(id) ?? id;
}

export function partyLabel(id: string): string {
  return PARTY_LABELS.get(id) ?? id;
}

export function roleLabels(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role]).join(', ');
}

const TIME_ZONE = 'Europe/Amsterdam';

/** `28 november 2026` */
export function formatDate(isoDate: string): string {
  // A date without time is a calendar date: format it at noon UTC so no time zone moves it a day.
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T12:00:00Z` : isoDate;
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(new Date(instant));
}

/** `28 november 2026 om 14:05` */
export function formatDateTime(isoDateTime: string): string {
  const date = new Date(isoDateTime);
  const time = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(date);
  return `${formatDate(isoDateTime)} om ${time}`;
}

import type { Role } from '@signaalhub/contracts';

/** Who is looking at a page, for the header and navigation; undefined before sign-in. */
export interface PageUser {
  readonly displayName: string;
  readonly partyLabel: string;
  readonly roles: readonly Role[];
  readonly csrfToken: string;
}

/** Which top navigation entry the page belongs to (aria-current). */
export type NavSection =
  | 'start'
  | 'nieuwe-melding'
  | 'mijn-meldingen'
  | 'agenda'
  | 'besproken'
  | 'acties'
  | 'verzoeken'
  | 'toetsen'
  | 'mijn-toetsen'
  | 'niet-toegewezen'
  | 'capaciteit'
  | 'nieuwe-toets'
  | 'riec'
  | 'publicaties'
  | 'treffers'
  | 'uitsluitingen'
  | 'mijn-gemeente'
  | 'verstrekkingen'
  | 'vestigingen'
  | 'aanvragen';

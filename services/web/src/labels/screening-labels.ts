import { SCREENING_KIND_LABELS, SCREENING_PHASE_LABELS, ScreeningKind, ScreeningPhase, type ScreeningActor, type ScreeningHistoryAction } from '@signaalhub/contracts';

/** Dutch names of what a screening's history records. */
export const HISTORY_ACTION_LABELS: Readonly<Record<ScreeningHistoryAction, string>> = {
  aangevraagd: 'Toets aangevraagd',
  toegewezen: 'Toegewezen',
  'onderzoek-starten': 'Eigen onderzoek gestart',
  'aanvulling-vragen': 'Aanvulling gevraagd (beslistermijn opgeschort)',
  'aanvulling-ontvangen': 'Aanvulling ontvangen',
  'lbb-advies-vragen': 'LBB-advies gevraagd',
  'lbb-termijn-verlengen': 'LBB-termijn verlengd met ten hoogste 4 weken',
  'lbb-informatie-gevraagd': 'LBB wacht op gevraagde informatie',
  'lbb-informatie-ontvangen': 'LBB heeft de gevraagde informatie ontvangen',
  'lbb-advies-ontvangen': 'LBB-advies ontvangen',
  afsluiten: 'Toets afgesloten',
  'vragenlijst-bijgewerkt': 'Vragenlijst bijgewerkt',
  'conclusie-voorgesteld': 'Risicoconclusie voorgesteld',
  'conclusie-goedgekeurd': 'Risicoconclusie goedgekeurd (vier ogen)',
  'verstrekt-aan-riec': 'Verstrekt aan het RIEC (art. 28 lid 2)',
};

/** Dutch names of the days that move the deadlines (the deadline engine's `soort`). */
export const TIMELINE_EVENT_LABELS: Readonly<Record<string, string>> = {
  'aanvulling-gevraagd': 'Aanvulling gevraagd: de beslistermijn is opgeschort',
  'aanvulling-ontvangen': 'Aanvulling ontvangen: de opschorting eindigt',
  'lbb-gevraagd': 'LBB-advies gevraagd: opgeschort tot het advies er is (ten hoogste 8 weken)',
  'lbb-verlengd': 'LBB-termijn verlengd: ten hoogste 12 weken na het verzoek',
  'lbb-informatie-gevraagd': 'LBB wacht op informatie: de LBB-termijn groeit met deze dagen',
  'lbb-informatie-ontvangen': 'LBB heeft de informatie ontvangen',
  'lbb-advies-ontvangen': 'LBB-advies ontvangen: de opschorting eindigt',
};

export const RISK_LEVEL_LABELS: Readonly<Record<string, string>> = {
  'geen-gevaar': 'Geen gevaar',
  'mindere-mate': 'Mindere mate van gevaar',
  'ernstige-mate': 'Ernstige mate van gevaar',
};

export const CONCLUSION_STATUS_LABELS: Readonly<Record<string, string>> = {
  voorgesteld: 'Voorgesteld, wacht op goedkeuring door een tweede coördinator',
  goedgekeurd: 'Goedgekeurd',
  vervangen: 'Vervangen door een nieuwere versie',
};

export function kindLabel(kind: string): string {
  const parsed = ScreeningKind.safeParse(kind);
  return parsed.success ? SCREENING_KIND_LABELS[parsed.data] : kind;
}

export function phaseLabel(phase: string): string {
  const parsed = ScreeningPhase.safeParse(phase);
  return parsed.success ? SCREENING_PHASE_LABELS[parsed.data] : phase;
}

/** Who did it: a coordinator's id, or the service that recorded it. */
export function actorLabel(actor: ScreeningActor | { readonly service: string }): string {
  return 'service' in actor ? `systeem (${actor.service})` : actor.userId;
}

/** A screening is named by the first 8 characters of its id in lists and headings. */
export const screeningReference = (id: string): string => id.slice(0, 8).toUpperCase();

import type { ScreeningMilestone, ScreeningPhase, ScreeningStep } from '@signaalhub/contracts';
import type { TimelineEventKind } from '@signaalhub/deadlines';

/**
 * The screening's procedure as a pure state machine: ontvangen → eigen onderzoek (aanvulling gevraagd /
 * ontvangen) → optional LBB-advies (verlengd once, informatie gevraagd / ontvangen, advies ontvangen) →
 * risicoconclusie → four-eyes approval → advies aan het bestuursorgaan → afgesloten. No I/O: the service
 * loads the state, asks here, and stores what comes back.
 */

export interface LifecycleState {
  readonly phase: ScreeningPhase;
  readonly receivedOn: string;
  readonly lbbRequestedOn: string | null;
  readonly lbbExtended: boolean;
  readonly lbbWaiting: boolean;
  /** The date of the latest step that moved a term: a step never lies before it. */
  readonly lastEventDate: string | null;
}

/** What a step changes; `timelineKind` and `milestone` say whether it moves a term and what the municipality hears. */
export interface StepOutcome {
  readonly from: ScreeningPhase;
  readonly to: ScreeningPhase;
  readonly lbbRequestedOn: string | null;
  readonly lbbExtended: boolean;
  readonly lbbWaiting: boolean;
  readonly timelineKind: TimelineEventKind | null;
  readonly milestone: ScreeningMilestone | null;
}

/**
 * A step that does not fit the screening. `conflict`: not in this phase (HTTP 409); `rule`: the phase is
 * right but a rule of the procedure is broken (HTTP 422), with the field it concerns. The message is Dutch.
 */
export class LifecycleViolation extends Error {
  override readonly name = 'LifecycleViolation';

  constructor(
    readonly kind: 'conflict' | 'rule',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The LBB's own term; its one extension must be announced within it (art. 15 Wet Bibob). */
export const LBB_TERM_DAYS = 8 * 7;

interface StepRule {
  readonly from: readonly ScreeningPhase[];
  readonly to: ScreeningPhase | 'same';
  readonly timelineKind: TimelineEventKind | null;
  readonly milestone: ScreeningMilestone | null;
}

const STEP_RULES: Readonly<Record<ScreeningStep, StepRule>> = {
  'onderzoek-starten': { from: ['ontvangen'], to: 'eigen-onderzoek', timelineKind: null, milestone: null },
  'aanvulling-vragen': { from: ['eigen-onderzoek'], to: 'aanvulling-gevraagd', timelineKind: 'aanvulling-gevraagd', milestone: null },
  'aanvulling-ontvangen': { from: ['aanvulling-gevraagd'], to: 'eigen-onderzoek', timelineKind: 'aanvulling-ontvangen', milestone: null },
  'lbb-advies-vragen': { from: ['eigen-onderzoek'], to: 'lbb-advies-gevraagd', timelineKind: 'lbb-gevraagd', milestone: 'lbb-requested' },
  'lbb-termijn-verlengen': { from: ['lbb-advies-gevraagd'], to: 'same', timelineKind: 'lbb-verlengd', milestone: 'extended' },
  'lbb-informatie-gevraagd': {
    from: ['lbb-advies-gevraagd'],
    to: 'same',
    timelineKind: 'lbb-informatie-gevraagd',
    milestone: 'waiting-for-information',
  },
  'lbb-informatie-ontvangen': {
    from: ['lbb-advies-gevraagd'],
    to: 'same',
    timelineKind: 'lbb-informatie-ontvangen',
    milestone: 'information-received',
  },
  'lbb-advies-ontvangen': { from: ['lbb-advies-gevraagd'], to: 'eigen-onderzoek', timelineKind: 'lbb-advies-ontvangen', milestone: 'advice-received' },
  afsluiten: { from: ['advies-bestuursorgaan'], to: 'afgesloten', timelineKind: null, milestone: null },
};

const PHASE_NAMES: Readonly<Record<ScreeningPhase, string>> = {
  ontvangen: 'ontvangen',
  'eigen-onderzoek': 'eigen onderzoek',
  'aanvulling-gevraagd': 'aanvulling gevraagd',
  'lbb-advies-gevraagd': 'LBB-advies gevraagd',
  risicoconclusie: 'risicoconclusie',
  'advies-bestuursorgaan': 'advies aan het bestuursorgaan',
  afgesloten: 'afgesloten',
};

function notInPhase(phase: ScreeningPhase): LifecycleViolation {
  return new LifecycleViolation('conflict', `Deze stap kan niet in de fase "${PHASE_NAMES[phase]}".`);
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** One step on `date` (YYYY-MM-DD, today or earlier: the caller checks the clock). */
export function takeStep(state: LifecycleState, step: ScreeningStep, date: string): StepOutcome {
  const rule = STEP_RULES[step];
  if (!rule.from.includes(state.phase)) throw notInPhase(state.phase);
  if (rule.timelineKind !== null) assertNotBefore(state, date);
  let { lbbRequestedOn, lbbExtended, lbbWaiting } = state;
  switch (step) {
    case 'lbb-advies-vragen':
      if (lbbRequestedOn !== null) throw new LifecycleViolation('conflict', 'Het LBB-advies is voor deze toets al gevraagd.');
      lbbRequestedOn = date;
      break;
    case 'lbb-termijn-verlengen':
      if (lbbExtended) throw new LifecycleViolation('conflict', 'De LBB-termijn is al eens verlengd; dat kan maar één keer.');
      if (lbbRequestedOn !== null && daysBetween(lbbRequestedOn, date) > LBB_TERM_DAYS) {
        throw new LifecycleViolation('rule', 'Een verlenging moet binnen de eerste 8 weken na de adviesaanvraag worden gemeld.', 'date');
      }
      lbbExtended = true;
      break;
    case 'lbb-informatie-gevraagd':
      if (lbbWaiting) throw new LifecycleViolation('conflict', 'Het LBB wacht al op gevraagde informatie.');
      lbbWaiting = true;
      break;
    case 'lbb-informatie-ontvangen':
      if (!lbbWaiting) throw new LifecycleViolation('conflict', 'Het LBB heeft geen informatie gevraagd die nog openstaat.');
      lbbWaiting = false;
      break;
    case 'lbb-advies-ontvangen':
      if (lbbWaiting) throw new LifecycleViolation('conflict', 'Het LBB wacht nog op gevraagde informatie; registreer eerst dat die is ontvangen.');
      break;
    case 'onderzoek-starten':
    case 'aanvulling-vragen':
    case 'aanvulling-ontvangen':
    case 'afsluiten':
      break;
  }
  return {
    from: state.phase,
    to: rule.to === 'same' ? state.phase : rule.to,
    lbbRequestedOn,
    lbbExtended,
    lbbWaiting,
    timelineKind: rule.timelineKind,
    milestone: rule.milestone,
  };
}

function assertNotBefore(state: LifecycleState, date: string): void {
  const earliest = state.lastEventDate !== null && state.lastEventDate > state.receivedOn ? state.lastEventDate : state.receivedOn;
  if (date < earliest) {
    throw new LifecycleViolation('rule', `De datum mag niet vóór ${earliest} liggen (ontvangst of de vorige stap).`, 'date');
  }
}

/**
 * Proposing a conclusion: after the own research with a complete questionnaire (a pending proposal is
 * replaced by the new one), or as a correction of an approved one, which becomes a new version.
 */
export function proposeConclusion(state: LifecycleState, questionnaireComplete: boolean): ScreeningPhase {
  switch (state.phase) {
    case 'eigen-onderzoek':
      if (!questionnaireComplete) {
        throw new LifecycleViolation('rule', 'De vragenlijst is nog niet compleet: vraag eerst een aanvulling of vul de checklist aan.', 'questionnaire');
      }
      return 'risicoconclusie';
    case 'risicoconclusie':
    case 'advies-bestuursorgaan':
    case 'afgesloten':
      return 'risicoconclusie';
    case 'ontvangen':
    case 'aanvulling-gevraagd':
    case 'lbb-advies-gevraagd':
      throw notInPhase(state.phase);
  }
}

/** Four eyes: a second coordinator, not the one who proposed it, approves the pending conclusion. */
export function approveConclusion(state: LifecycleState, proposedBy: string, approver: string): ScreeningPhase {
  if (state.phase !== 'risicoconclusie') throw notInPhase(state.phase);
  if (proposedBy === approver) {
    throw new LifecycleViolation('rule', 'Een tweede coördinator moet de conclusie goedkeuren, niet degene die haar opstelde.', 'approver');
  }
  return 'advies-bestuursorgaan';
}

import type { EventTypes, PermitAction, PermitActionRequest, PermitRegistryStatus } from '@signaalhub/contracts';
import { dayAfter } from '../public-register/public-periods.js';

/**
 * The permit's status machine, pure: aangevraagd → verleend | geweigerd; verleend → geschorst (from, until,
 * reason) → verleend again; verleend or geschorst → ingetrokken (Bibob, violated condition, on request of
 * the holder) or vervallen (validity ended, business deregistered). Before a negative decision (refusal,
 * revocation other than on request) the applicant's zienswijze is asked and received (art. 4:8 Awb,
 * art. 33 Wet Bibob). geweigerd, ingetrokken and vervallen are final. No I/O: the service loads the state,
 * asks here, and stores what comes back.
 */

/** Where the zienswijze before a negative decision stands. */
export type ZienswijzeState = 'geen' | 'gevraagd' | 'ontvangen';

export interface PermitState {
  readonly status: PermitRegistryStatus;
  readonly zienswijze: ZienswijzeState;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly suspendedFrom: string | null;
  readonly suspendedUntil: string | null;
}

/** The event a change publishes; none for the zienswijze steps. */
export type PermitEventType =
  | typeof EventTypes.permitDecided
  | typeof EventTypes.permitSuspended
  | typeof EventTypes.permitReinstated
  | typeof EventTypes.permitRevoked
  | typeof EventTypes.permitExpired;

export interface PermitOutcome {
  readonly state: PermitState;
  readonly event: PermitEventType | null;
}

/**
 * An action that does not fit the permit. `conflict`: not in this status (HTTP 409); `rule`: the status is
 * right but a rule is broken (HTTP 422), with the field it concerns. The message is Dutch.
 */
export class PermitViolation extends Error {
  override readonly name = 'PermitViolation';

  constructor(
    readonly kind: 'conflict' | 'rule',
    message: string,
    readonly field: string = 'action',
    readonly rule: string = 'the action must fit the permit',
  ) {
    super(message);
  }
}

/** The statuses each action may be taken in. */
export const ACTION_FROM: Readonly<Record<PermitAction, readonly PermitRegistryStatus[]>> = {
  'zienswijze-vragen': ['aangevraagd', 'verleend', 'geschorst'],
  'zienswijze-ontvangen': ['aangevraagd', 'verleend', 'geschorst'],
  verlenen: ['aangevraagd'],
  weigeren: ['aangevraagd'],
  schorsen: ['verleend'],
  'schorsing-opheffen': ['geschorst'],
  intrekken: ['verleend', 'geschorst'],
  'laten-vervallen': ['verleend', 'geschorst'],
};

const STATUS_NAMES: Readonly<Record<PermitRegistryStatus, string>> = {
  aangevraagd: 'aangevraagd',
  verleend: 'verleend',
  geweigerd: 'geweigerd',
  geschorst: 'geschorst',
  ingetrokken: 'ingetrokken',
  vervallen: 'vervallen',
};

const ACTION_NAMES: Readonly<Record<PermitAction, string>> = {
  'zienswijze-vragen': 'De zienswijze vragen',
  'zienswijze-ontvangen': 'De zienswijze vastleggen',
  verlenen: 'Verlenen',
  weigeren: 'Weigeren',
  schorsen: 'Schorsen',
  'schorsing-opheffen': 'De schorsing opheffen',
  intrekken: 'Intrekken',
  'laten-vervallen': 'Laten vervallen',
};

const rule = (field: string, englishRule: string, message: string): PermitViolation => new PermitViolation('rule', message, field, englishRule);

function needsZienswijze(state: PermitState): void {
  if (state.zienswijze !== 'ontvangen') {
    throw rule('action', 'a negative decision needs the zienswijze first', 'Vraag eerst de zienswijze van de aanvrager en leg die vast (art. 4:8 Awb, art. 33 Wet Bibob).');
  }
}

/** The permit after `request`, or a PermitViolation; `state` is never changed. */
export function takePermitAction(state: PermitState, request: PermitActionRequest): PermitOutcome {
  if (!ACTION_FROM[request.action].includes(state.status)) {
    throw new PermitViolation('conflict', `${ACTION_NAMES[request.action]} kan niet bij een vergunning die ${STATUS_NAMES[state.status]} is.`);
  }
  const same = { ...state };
  switch (request.action) {
    case 'zienswijze-vragen':
      if (state.zienswijze === 'gevraagd') throw new PermitViolation('conflict', 'De zienswijze is al gevraagd.');
      return { state: { ...same, zienswijze: 'gevraagd' }, event: null };
    case 'zienswijze-ontvangen':
      if (state.zienswijze !== 'gevraagd') throw new PermitViolation('conflict', 'Er is geen zienswijze gevraagd.');
      return { state: { ...same, zienswijze: 'ontvangen' }, event: null };
    case 'verlenen':
      if (request.validUntil <= request.validFrom) throw rule('validUntil', 'must lie after validFrom', 'De einddatum moet na de begindatum liggen.');
      return { state: { ...same, status: 'verleend', zienswijze: 'geen', validFrom: request.validFrom, validUntil: request.validUntil }, event: 'permit.decided' };
    case 'weigeren':
      needsZienswijze(state);
      return { state: { ...same, status: 'geweigerd', zienswijze: 'geen' }, event: 'permit.decided' };
    case 'schorsen':
      // `until` is the suspension's last day ("Geschorst tot en met"), as validUntil is the last valid day.
      if (request.until <= request.from) throw rule('until', 'must lie after from', 'De schorsing moet eindigen na haar begin.');
      if (state.validUntil !== null && request.from > state.validUntil) throw rule('from', 'must lie within the validity', 'De schorsing moet beginnen binnen de geldigheid van de vergunning.');
      return { state: { ...same, status: 'geschorst', suspendedFrom: request.from, suspendedUntil: request.until }, event: 'permit.suspended' };
    case 'schorsing-opheffen':
      return { state: { ...same, status: 'verleend', suspendedFrom: null, suspendedUntil: null }, event: 'permit.reinstated' };
    case 'intrekken':
      if (request.ground !== 'op-verzoek') needsZienswijze(state);
      return { state: { ...same, status: 'ingetrokken', zienswijze: 'geen' }, event: 'permit.revoked' };
    case 'laten-vervallen':
      // validUntil is the last valid day: the validity has ended only from the day after.
      if (request.ground === 'geldigheid-verstreken' && state.validUntil !== null && request.date <= state.validUntil) {
        throw rule('date', 'validity must have ended', 'De geldigheid van de vergunning is nog niet verstreken.');
      }
      return { state: { ...same, status: 'vervallen' }, event: 'permit.expired' };
  }
}

/** A day as Dutch readers write it in a reason, e.g. `14 maart 2026`. */
const dutchDay = (day: string): string => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

/**
 * What time alone does to a permit by `today` (the permit clock), as the action an officer would take, or
 * undefined. `suspendedUntil` is the suspension's last day and `validUntil` the permit's last valid day (both
 * "tot en met"), so each ends from the day after: that day is the action's date. A suspension is reinstated
 * only when it ends before the validity does; otherwise the permit lapses while suspended. Taking the answer
 * and asking again gives the next step (a reinstatement, then the expiry), until nothing is due.
 */
export function timeActionDue(state: PermitState, today: string): PermitActionRequest | undefined {
  const { status, suspendedUntil, validUntil } = state;
  if (status === 'geschorst' && suspendedUntil !== null && suspendedUntil < today && (validUntil === null || suspendedUntil < validUntil)) {
    return { action: 'schorsing-opheffen', date: dayAfter(suspendedUntil), reason: `Schorsing afgelopen: geschorst tot en met ${dutchDay(suspendedUntil)}.` };
  }
  if ((status === 'verleend' || status === 'geschorst') && validUntil !== null && validUntil < today) {
    return { action: 'laten-vervallen', date: dayAfter(validUntil), ground: 'geldigheid-verstreken', reason: `Geldigheid verstreken: geldig tot en met ${dutchDay(validUntil)}.` };
  }
  return undefined;
}

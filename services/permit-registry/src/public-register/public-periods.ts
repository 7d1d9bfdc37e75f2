import type { PublicRegisterStatus } from '@signaalhub/contracts';

/*
 * A published permit's public status over time, pure: consecutive periods, each with the day it starts and
 * the day the next one starts (null: still running). "The register as it stood on day D" is the period that
 * holds D. A change replaces what the periods said from its day on; a suspension with an end is verleend
 * again from the day after its last day; a permit whose validity ends is vervallen from the day after its
 * last valid day, unless a later change already said otherwise.
 */

export interface PublicPeriod {
  readonly status: PublicRegisterStatus;
  readonly startsOn: string;
  readonly endsOn: string | null;
}

/**
 * A decision as the public register sees it: the status it brings and the day it takes effect. `until`: a
 * suspension's last day ("geschorst tot en met", as `validUntil` is the last valid day).
 */
export interface PublicChange {
  readonly status: PublicRegisterStatus;
  readonly from: string;
  readonly until?: string;
}

const ENDING: readonly PublicRegisterStatus[] = ['ingetrokken', 'vervallen'];

/** The calendar day after `day` (both `YYYY-MM-DD`, UTC). */
export function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** `periods` with `status` from `from` on: what they said from then is replaced; same status twice in a row merges. */
function statusFrom(periods: readonly PublicPeriod[], status: PublicRegisterStatus, from: string): PublicPeriod[] {
  const before = periods
    .filter((period) => period.startsOn < from)
    .map((period) => ({ ...period, endsOn: period.endsOn === null || period.endsOn > from ? from : period.endsOn }));
  const last = before.at(-1);
  if (last?.status === status) return [...before.slice(0, -1), { ...last, endsOn: null }];
  return [...before, { status, startsOn: from, endsOn: null }];
}

/**
 * The periods after `change`. `validUntil`: the permit's last valid day; unless the change ended the permit,
 * it is vervallen from the day after. A suspension that ends before the validity does is verleend again from
 * the day after its `until`, so the register as it stood on any later day is right before the permit clock
 * (or an officer) reinstates it; that reinstatement then says the same from the same day.
 */
export function applyPublicChange(periods: readonly PublicPeriod[], change: PublicChange, validUntil: string): PublicPeriod[] {
  const changed = statusFrom(periods, change.status, change.from);
  if (ENDING.includes(change.status)) return changed;
  const expiry = dayAfter(validUntil);
  const back = change.until === undefined ? undefined : dayAfter(change.until);
  const resumed = back !== undefined && back > change.from && back < expiry ? statusFrom(changed, 'verleend', back) : changed;
  return expiry > change.from ? statusFrom(resumed, 'vervallen', expiry) : resumed;
}

/** The day the permit stopped being in force (revoked or expired), from which the publication term runs; null while in force. */
export function endedOn(periods: readonly PublicPeriod[]): string | null {
  return periods.find((period) => ENDING.includes(period.status))?.startsOn ?? null;
}

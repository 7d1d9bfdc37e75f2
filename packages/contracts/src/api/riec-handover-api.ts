import { z } from 'zod';
import { ruleError } from '../canonical/canonical-schema.js';
import { CaseReference, type HandoverOutcome } from '../handover.js';
import type { Approach, DecisionRecorded } from '../decision-recorded.js';
import { Limits } from '../limits.js';
import type { Signal } from '../signal.js';
import type { Theme } from '../themes.js';

/*
 * The RIEC's hand-over inbox (services/riec-feed, role riec-liaison), shared with the web application:
 * decisions with "Overdragen aan het RIEC", to be accepted as a RIEC case or returned with a reason.
 */

/** `POST /api/handovers/:id/acceptance`: optionally the RIEC's own case number. */
export const HandoverAcceptanceForm = z.strictObject({ caseReference: CaseReference.optional() });
export type HandoverAcceptanceForm = z.infer<typeof HandoverAcceptanceForm>;

/** `POST /api/handovers/:id/return`: why the RIEC gives the case back; required. */
export const HandoverReturnForm = z.strictObject({
  reason: z.string().trim().min(1, ruleError({ rule: 'a reason is required', ruleNl: 'Geef de reden van teruggeven op' })).max(Limits.freeTextLength),
});
export type HandoverReturnForm = z.infer<typeof HandoverReturnForm>;

export type HandoverStatus = 'open' | HandoverOutcome;

/** A hand-over in the inbox: routing facts only (the header's), never content. */
export interface HandoverSummary {
  /** The decision's id (its `decision.recorded` message id). */
  readonly id: string;
  readonly municipality: string;
  readonly approach: Approach;
  readonly signalId: string | null;
  readonly theme: Theme | null;
  readonly decidedAt: string;
  readonly receivedAt: string;
  readonly status: HandoverStatus;
  readonly answeredAt: string | null;
}

/** `GET /api/handovers/:id`: the hand-over with its decision and signal opened as the RIEC (audited). */
export interface HandoverDetail extends HandoverSummary {
  readonly decision: DecisionRecorded;
  /** Null when the RIEC was not sent the signal (not one of its recipients) or it has not arrived. */
  readonly signal: Signal | null;
  /** The RIEC's case number, once accepted with one. */
  readonly caseReference: string | null;
  /** The reason, once returned (opened from the RIEC's own sealed record). */
  readonly returnReason: string | null;
}

import type { Approach } from '../decision-recorded.js';
import type { Theme } from '../themes.js';
import type { ValidationProblem } from '../validation/validation-problem.js';

/*
 * The signal intake service's HTTP API (services/signal-intake), shared with the web application.
 * Every /api route needs the identity header; 401 `{ error: 'unauthenticated' }` without it, 403
 * `{ error: 'forbidden' }` (audited) when the role, party or municipality does not fit.
 */

/** `POST /api/signals` needs it: the same key and body again returns the same signal (200). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/**
 * ontvangen = accepted, waiting in the outbox; verzonden = on Kafka; besproken = the meeting decided.
 * PERSISTED in what the web application shows and tests: never rename one.
 */
export const SIGNAL_STATUSES = ['ontvangen', 'verzonden', 'besproken'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** `POST /api/signals` → 201 (new) or 200 (a retry with the same Idempotency-Key and body). */
export interface AcceptedSignal {
  readonly id: string;
  readonly status: SignalStatus;
}

/** 400: every problem names the field (`body` for the body as a whole) and the rule; nothing was stored. */
export interface ValidationErrorResponse {
  readonly error: 'validation';
  readonly problems: readonly ValidationProblem[];
}

/** 422: the Idempotency-Key was used before for a different body. */
export interface IdempotencyConflictResponse {
  readonly error: 'idempotency-conflict';
  readonly problems: readonly ValidationProblem[];
}

/** The meeting's decision as the reporter sees it. */
export interface DecisionFeedback {
  readonly decisionId: string;
  readonly decidedAt: string;
  readonly approach: Approach;
  readonly approachLabel: string;
  readonly leadParty: string;
  readonly actions: readonly { readonly description: string; readonly dueDate: string }[];
  readonly riecHandover: boolean;
  readonly feedback: string;
}

/** One signal in "Mijn meldingen" (`GET /api/signals/mine`, `GET /api/signals/:id`). */
export interface SignalOverviewItem {
  readonly id: string;
  readonly municipality: string;
  readonly theme: Theme;
  readonly themeLabel: string;
  readonly createdAt: string;
  readonly status: SignalStatus;
  readonly statusLabel: string;
  /** Oldest first; more than one when the meeting asked for more information first. */
  readonly feedback: readonly DecisionFeedback[];
}

/** `GET /api/signals/mine`: the caller's own signals, newest first. */
export interface MySignalsResponse {
  readonly signals: readonly SignalOverviewItem[];
}

/** Per theme in `GET /api/policy/distribution[?municipality=]`. */
export interface ThemeDistributionView {
  readonly theme: Theme;
  readonly label: string;
  /** The reporting municipality; it cannot be deselected. Empty when no municipality is known. */
  readonly requiredRecipients: readonly string[];
  /** Preselected recipients, the required ones first. */
  readonly defaultRecipients: readonly string[];
  /** Parties the inspector may add for this theme; nothing else may be chosen. */
  readonly allowedExtras: readonly string[];
}

export interface DistributionPolicyView {
  readonly municipality: string | null;
  readonly themes: readonly ThemeDistributionView[];
}

/*
 * Response shapes of the signal-intake API as the web application reads them (services/signal-intake:
 * signals.controller.ts, signal-overview.ts, distribution-view.ts). Kept here until the intake's
 * contract lands in packages/contracts/src/api.
 */

export interface AcceptedSignal {
  readonly id: string;
  readonly status: string;
}

export interface SignalFeedback {
  readonly decisionId: string;
  readonly decidedAt: string;
  readonly approach: string;
  readonly approachLabel: string;
  readonly leadParty: string;
  readonly actions: readonly { readonly description: string; readonly dueDate: string }[];
  readonly riecHandover: boolean;
  readonly feedback: string;
}

export interface OwnSignal {
  readonly id: string;
  readonly municipality: string;
  readonly theme: string;
  readonly themeLabel: string;
  readonly createdAt: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly feedback: readonly SignalFeedback[];
}

export interface ThemeDistribution {
  readonly theme: string;
  readonly label: string;
  /** Cannot be deselected (the reporting municipality). */
  readonly requiredRecipients: readonly string[];
  readonly defaultRecipients: readonly string[];
  readonly allowedExtras: readonly string[];
}

export interface DistributionPolicyView {
  readonly municipality: string | null;
  readonly themes: readonly ThemeDistribution[];
}

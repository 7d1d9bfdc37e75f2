import type { AuditedAccess } from '@signaalhub/access';
import { THEME_LABELS, type DecisionFeedback, type SignalOverviewItem, type SignalStatus, type Theme } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { viewSignal } from '../authorisation/intake-access-policy.js';
import type { DecisionReader } from '../decisions/decision-reader.js';
import type { DecisionStore } from '../decisions/decision-store.js';
import type { SignalSummary } from './signal-record.js';
import type { SignalStore } from './signal-store.js';

export const STATUS_LABELS: Readonly<Record<SignalStatus, string>> = {
  ontvangen: 'Ontvangen',
  verzonden: 'Verzonden naar het overleg',
  besproken: 'Besproken',
};

export type SignalLookup = { readonly kind: 'found'; readonly item: SignalOverviewItem } | { readonly kind: 'not-found' };

/**
 * "Mijn meldingen": the reporter's signals, and one signal for an inspector of the reporting party.
 * The signal content itself is not opened — status and feedback are what the list shows.
 */
export class SignalOverview {
  constructor(
    private readonly signals: SignalStore,
    private readonly decisions: DecisionStore,
    private readonly reader: DecisionReader,
    private readonly access: AuditedAccess,
  ) {}

  async mine(identity: UserIdentity, origin: string): Promise<SignalOverviewItem[]> {
    // The party check keeps a user who moved to another party from reading the old party's feedback.
    const own = (await this.signals.listByReporter(identity.userId)).filter((signal) => signal.reporterParty === identity.party);
    return this.withFeedback(own, identity, origin);
  }

  /** The role is checked by the caller; this checks the object: only the reporting party may see it. */
  async one(signalId: string, identity: UserIdentity, origin: string): Promise<SignalLookup> {
    const signal = await this.signals.findSummary(signalId);
    if (signal === undefined) return { kind: 'not-found' };
    await this.access.check({ caller: identity, action: 'signal.view', object: { type: 'signal', id: signalId }, origin, policy: viewSignal(identity, signal) });
    const [item] = await this.withFeedback([signal], identity, origin);
    if (item === undefined) return { kind: 'not-found' };
    return { kind: 'found', item };
  }

  private async withFeedback(signals: readonly SignalSummary[], identity: UserIdentity, origin: string): Promise<SignalOverviewItem[]> {
    const decisions = await this.decisions.forSignals(signals.map((signal) => signal.id));
    const items: SignalOverviewItem[] = [];
    for (const signal of signals) {
      const feedback: DecisionFeedback[] = [];
      for (const stored of decisions.get(signal.id) ?? []) feedback.push(await this.reader.open(stored, { caller: identity, origin }));
      // Stored from a validated Signal, so the column always holds a Theme.
      const theme = signal.theme as Theme;
      items.push({
        id: signal.id,
        municipality: signal.municipality,
        theme,
        themeLabel: THEME_LABELS[theme],
        createdAt: signal.createdAt,
        status: signal.status,
        statusLabel: STATUS_LABELS[signal.status],
        feedback,
      });
    }
    return items;
  }
}

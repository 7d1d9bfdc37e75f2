import { ObjectNotFound, type AuditedAccess } from '@signaalhub/access';
import { Signal, type HitSignal } from '@signaalhub/contracts';
import type { EnvelopeOpener } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { FeedAccessPolicy } from '../access/feed-access-policy.js';
import type { HitStore } from './hit-store.js';
import type { RiecEnvelopes } from './riec-envelopes.js';

export interface HitSignalsParts {
  readonly store: HitStore;
  readonly envelopes: RiecEnvelopes;
  /** Opens stored envelopes as the RIEC's party: every cryptographic check again, no replay rule. */
  readonly opener: EnvelopeOpener;
  readonly riecParty: string;
  readonly policy: FeedAccessPolicy;
  readonly access: AuditedAccess;
}

/**
 * The signals behind a hit, for the liaison's need-to-know: their routing facts, and the content of one
 * that was sent to the RIEC, opened as the RIEC's own party (as the meeting opens a municipality's). A
 * signal the RIEC was not sent stays closed: its municipality is asked with a "verzoek om informatie".
 */
export class HitSignals {
  constructor(private readonly parts: HitSignalsParts) {}

  async list(caller: UserIdentity, hitId: string, origin: string): Promise<HitSignal[]> {
    await this.parts.access.check({ caller, action: 'hit.signals', object: { type: 'hit', id: hitId }, origin, policy: this.parts.policy.liaison(caller) });
    const signals = await this.parts.store.signalsOf(hitId);
    if (signals === undefined) throw new ObjectNotFound('hit');
    return signals;
  }

  /** Audited either way; 404 for a signal that does not carry the hit's token. */
  async open(caller: UserIdentity, hitId: string, signalId: string, origin: string): Promise<Signal> {
    const attempt = { caller, action: 'signal.open', object: { type: 'signal', id: signalId }, origin };
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.liaison(caller) });
    const ofHit = (await this.parts.store.signalsOf(hitId))?.find((signal) => signal.signalId === signalId);
    if (ofHit === undefined) throw new ObjectNotFound('signal');
    const envelope = await this.parts.envelopes.find(signalId);
    if (envelope === undefined) return this.parts.access.deny(attempt, 'not-a-recipient');
    await this.parts.access.check({ ...attempt, object: { ...attempt.object, recipients: envelope.header.recipients }, auditAllowed: true });
    const opened = await this.parts.opener.open(envelope, { as: this.parts.riecParty, payload: Signal });
    return opened.payload;
  }
}

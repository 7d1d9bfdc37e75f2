import { ObjectNotFound, type AuditedAccess } from '@signaalhub/access';
import { InformationAnswered, Signal, type Envelope, type HitSignal } from '@signaalhub/contracts';
import type { EnvelopeOpener } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { FeedAccessPolicy } from '../access/feed-access-policy.js';
import type { HitRequestStore } from './hit-request-store.js';
import type { HitStore } from './hit-store.js';
import type { RiecEnvelopes } from './riec-envelopes.js';

export interface HitSignalsParts {
  readonly store: HitStore;
  readonly envelopes: RiecEnvelopes;
  /** The liaison's requests: a signal its municipality gave on one opens too. */
  readonly requests: HitRequestStore;
  /** Opens stored envelopes as the RIEC's party: every cryptographic check again, no replay rule. */
  readonly opener: EnvelopeOpener;
  readonly riecParty: string;
  readonly policy: FeedAccessPolicy;
  readonly access: AuditedAccess;
}

/**
 * The signals behind a hit, for the liaison's need-to-know: their routing facts, and the content of one
 * that was sent to the RIEC, opened as the RIEC's own party (as the meeting opens a municipality's). A
 * signal the RIEC was not sent stays closed until its municipality gives it on a "verzoek om informatie":
 * then it opens the same way, from the answer's envelope (sealed to the RIEC alone).
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
    const sent = await this.parts.envelopes.find(signalId);
    const envelope = sent ?? (await this.givenOnRequest(signalId));
    if (envelope === undefined) return this.parts.access.deny(attempt, 'not-a-recipient');
    await this.parts.access.check({ ...attempt, object: { ...attempt.object, recipients: envelope.header.recipients }, auditAllowed: true });
    const as = this.parts.riecParty;
    if (sent !== undefined) return (await this.parts.opener.open(sent, { as, payload: Signal })).payload;
    const answer = (await this.parts.opener.open(envelope, { as, payload: InformationAnswered })).payload;
    // The intake stores only a given answer with the requested signal as beantwoord.
    if (answer.outcome !== 'answered' || answer.signal.id !== signalId) throw new Error(`the answer kept for signal ${signalId} does not give it`);
    return answer.signal;
  }

  private async givenOnRequest(signalId: string): Promise<Envelope | undefined> {
    const answerMessageId = await this.parts.requests.givenSignalAnswer(signalId);
    return answerMessageId === undefined ? undefined : this.parts.envelopes.find(answerMessageId);
  }
}

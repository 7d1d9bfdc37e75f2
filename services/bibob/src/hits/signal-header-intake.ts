import type { BusMessage } from '@signaalhub/bus';
import type { EnvelopeHeaderV2Of, EventTypes } from '@signaalhub/contracts';
import type { HeaderVerifier } from '@signaalhub/envelope';
import { signalHeaderInbox, type InboxOutcome, type InboxParts } from '@signaalhub/inbox';
import type { MatchTokenStore } from '@signaalhub/matching';

export interface SignalHeaderIntakeParts {
  /** Checks the sender's header signature against its pinned key; backed by the pool's replay store. */
  readonly verifier: HeaderVerifier;
  readonly tokens: MatchTokenStore;
  readonly poolParty: string;
  readonly municipalities: readonly string[];
  readonly inbox: InboxParts;
}

/**
 * `signal.submitted` in header-only mode: the pool is no recipient and never opens the body. Only after
 * the header's v2 sender signature verifies are its match tokens, municipality and theme learnt, for the
 * screenings' hit/no-hit; an unsigned or badly signed header is refused (dead letter, audit), nothing learnt.
 */
export class SignalHeaderIntake {
  private readonly inbox: ReturnType<typeof signalHeaderInbox>;

  constructor(private readonly parts: SignalHeaderIntakeParts) {
    this.inbox = signalHeaderInbox(
      {
        verifier: parts.verifier,
        reader: parts.poolParty,
        auditAction: 'signal.learn-tokens',
        refuseUnverified: (header) => (parts.municipalities.includes(header.municipality) ? undefined : 'UNKNOWN_MUNICIPALITY'),
        alreadyApplied: (header) => parts.tokens.has(header.messageId),
        learn: (header) => this.learn(header),
      },
      parts.inbox,
    );
  }

  receive(message: BusMessage): Promise<InboxOutcome> {
    return this.inbox.receive(message);
  }

  private async learn(header: EnvelopeHeaderV2Of<typeof EventTypes.signalSubmitted>): Promise<void> {
    await this.parts.tokens.record(header.messageId, header.municipality, header.matchTokens, header.theme);
  }
}

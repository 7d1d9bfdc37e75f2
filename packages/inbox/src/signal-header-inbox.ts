import { EventTypes, type EnvelopeHeaderOf, type EnvelopeHeaderV2, type EnvelopeHeaderV2Of, type PartyId } from '@signaalhub/contracts';
import type { HeaderVerifier } from '@signaalhub/envelope';
import { verifiedHeaders } from './inbox-verification.js';
import { VerifiedInbox, type InboxParts } from './verified-inbox.js';

type SignalSubmitted = typeof EventTypes.signalSubmitted;

/** What a service that reads signal headers only decides itself. */
export interface SignalHeaderSettings {
  /** Checks the sender's header signature against its pinned key; backed by the service's replay store. */
  readonly verifier: HeaderVerifier;
  /** The party the header is read as (its seen marks are kept per reader). */
  readonly reader: PartyId;
  readonly auditAction: string;
  readonly refuseUnverified?: (header: EnvelopeHeaderOf<SignalSubmitted>) => string | undefined;
  readonly alreadyApplied: (header: EnvelopeHeaderOf<SignalSubmitted>) => Promise<boolean>;
  /** What the service learns from a verified `signal.submitted` header: routing facts and match tokens. */
  readonly learn: (header: EnvelopeHeaderV2Of<SignalSubmitted>) => Promise<void>;
}

/**
 * `signal.submitted` in header-only mode (DESIGN.md §6), for the services that are no recipients of signals
 * (the pool, the permit registry): the body is never opened; only after the header's v2 sender signature
 * verifies does `learn` see its facts. An unsigned or badly signed header is refused (dead letter, audit).
 */
export function signalHeaderInbox(settings: SignalHeaderSettings, parts: InboxParts): VerifiedInbox<SignalSubmitted, EnvelopeHeaderV2> {
  const { verifier, learn, ...rest } = settings;
  return new VerifiedInbox(
    {
      ...rest,
      eventType: EventTypes.signalSubmitted,
      verification: verifiedHeaders(verifier),
      apply: async (header) => {
        if (header.type === EventTypes.signalSubmitted) await learn(header);
      },
    },
    parts,
  );
}

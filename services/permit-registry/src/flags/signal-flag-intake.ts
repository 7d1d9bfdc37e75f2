import { municipalityPartyId, signalReportDay, type EnvelopeHeaderV2, type EnvelopeHeaderV2Of, type EventTypes, type HeaderMatchToken } from '@signaalhub/contracts';
import type { HeaderVerifier, MatchTokenKey } from '@signaalhub/envelope';
import { signalHeaderInbox, type InboxParts, type VerifiedInbox } from '@signaalhub/inbox';
import type { Logger } from '@signaalhub/logging';
import type { FlagStore } from './flag-store.js';

export interface SignalFlagIntakeParts {
  /** Checks the sender's header signature against its pinned key; backed by the registry's replay store. */
  readonly verifier: HeaderVerifier;
  readonly flags: FlagStore;
  readonly municipalities: readonly string[];
  /** Tokens of another key version than the registry's were made with another key: they never match. */
  readonly matchTokenKey: MatchTokenKey;
  readonly inbox: InboxParts;
  readonly logger: Logger;
  readonly clock: () => Date;
}

/** The tokens of one kind made with the registry's key version. */
const tokensOf = (tokens: readonly HeaderMatchToken[], kind: 'kvk' | 'address', version: number): string[] =>
  tokens.filter((token) => token.kind === kind && token.version === version).map((token) => token.token);

/**
 * `signal.submitted` in header-only mode (DESIGN.md §6): the registry is no recipient and never opens the
 * body. Only after the header's sender signature verifies against the pinned key are its match tokens
 * compared with the KvK and address tokens of every registry municipality's establishments; each hit is a
 * flag (theme, day reported, what matched, whether the establishment's municipality was a recipient). A
 * signal from any municipality may hit: a trader in Soest may be reported in Baarn. Unsigned or badly
 * signed headers are refused (dead letter, audit) and nothing is learnt.
 */
export function signalFlagIntake(parts: SignalFlagIntakeParts): VerifiedInbox<typeof EventTypes.signalSubmitted, EnvelopeHeaderV2> {
  const [first] = parts.municipalities;
  if (first === undefined) throw new Error('a registry without municipalities reads no signals');
  return signalHeaderInbox(
    {
      verifier: parts.verifier,
      // The flags of every registry municipality come from one reading; its seen marks are kept under one party.
      reader: municipalityPartyId(first),
      auditAction: 'signal.flag',
      alreadyApplied: (header) => parts.flags.hasSignal(header.messageId),
      learn: (header) => flag(parts, header),
    },
    parts.inbox,
  );
}

async function flag(parts: SignalFlagIntakeParts, header: EnvelopeHeaderV2Of<typeof EventTypes.signalSubmitted>): Promise<void> {
  const { version } = parts.matchTokenKey;
  const hits = await parts.flags.establishmentsHit(parts.municipalities, {
    kvk: tokensOf(header.matchTokens, 'kvk', version),
    address: tokensOf(header.matchTokens, 'address', version),
  });
  if (hits.length === 0) return;
  const receivedAt = parts.clock().toISOString();
  await parts.flags.insert(
    hits.map((hit) => ({
      ...hit,
      signalId: header.messageId,
      theme: header.theme,
      // An imported signal's original report day, not the day it was sealed.
      reportedOn: signalReportDay(header),
      recipient: header.recipients.includes(municipalityPartyId(hit.municipality)),
      receivedAt,
    })),
  );
  // Ids and counts only.
  parts.logger.info({ signalId: header.messageId, flags: hits.length }, 'signal flagged establishments');
}

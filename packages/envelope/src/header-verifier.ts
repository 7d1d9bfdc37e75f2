import { EnvelopeHeader, isHeaderV2, type EnvelopeHeaderV2, type PartyId } from '@signaalhub/contracts';
import {
  ExpiredError,
  HeaderSignatureInvalidError,
  HeaderSignatureMissingError,
  MalformedEnvelopeError,
  ReplayedError,
  UnknownSenderError,
} from './envelope-errors.js';
import { DEFAULT_FRESHNESS_WINDOW, isFresh, replayMemoryMs, type FreshnessWindow } from './freshness-window.js';
import { canonicalHeader } from './header-digest.js';
import { isHeaderSignedBy } from './header-signature.js';
import type { PartyKeyring } from './party-keyring.js';
import type { ReplayStore } from './replay-store.js';
import { describeIssues } from './schema-issues.js';

export interface HeaderVerifierOptions {
  readonly replayStore: ReplayStore;
  readonly window?: FreshnessWindow;
  readonly clock?: () => Date;
}

export interface VerifyHeaderRequest {
  /** The party reading the header (it need not be a recipient); it namespaces the replay memory. */
  readonly as: PartyId;
}

/**
 * The replay-store key of a header-only read; apart from `open`'s `<reader>:<messageId>`, so a service
 * that reads one message's header and also opens it does not refuse itself.
 */
export function headerReplayKey(reader: PartyId, messageId: string): string {
  return `header:${reader}:${messageId}`;
}

/** True when the value looks like a header yet carries no detached signature (v1, or v2 without one). */
export function lacksHeaderSignature(header: unknown): boolean {
  return typeof header === 'object' && header !== null && !('headerSignature' in header);
}

/**
 * Header-only verification, for a service that learns routing facts and match tokens from headers
 * without being a recipient (it cannot decrypt the body). `verify` checks, in this order: a signature
 * is present → header v2 shape → sender in the directory → detached signature by the sender's pinned
 * key over exactly these header facts → freshness of `createdAt` → not seen before by this reader.
 * Each failure is one typed EnvelopeError; the header is returned only when every check passed.
 */
export class HeaderVerifier {
  private readonly replayStore: ReplayStore;
  private readonly window: FreshnessWindow;
  private readonly clock: () => Date;

  constructor(
    private readonly keyring: PartyKeyring,
    options: HeaderVerifierOptions,
  ) {
    this.replayStore = options.replayStore;
    this.window = options.window ?? DEFAULT_FRESHNESS_WINDOW;
    this.clock = options.clock ?? ((): Date => new Date());
  }

  /** Whether this reader's marks can be kept: a party of the directory (it need not hold a private key). */
  canVerifyAs(reader: PartyId): boolean {
    return this.keyring.knows(reader);
  }

  /** Forgets a seen mark, so a redelivery after a failed handler is not taken for a replay. */
  async forgetRead(reader: PartyId, messageId: string): Promise<void> {
    await this.replayStore.forget(headerReplayKey(reader, messageId));
  }

  async verify(header: unknown, request: VerifyHeaderRequest): Promise<EnvelopeHeaderV2> {
    if (lacksHeaderSignature(header)) throw new HeaderSignatureMissingError('the header carries no signature by its sender');
    const parsed = EnvelopeHeader.safeParse(header);
    if (!parsed.success) throw new MalformedEnvelopeError(`not a valid envelope header (${describeIssues(parsed.error)})`);
    const verified = parsed.data;
    // Unreachable after the presence check (v1 has no signature field), but it narrows the type.
    if (!isHeaderV2(verified)) throw new HeaderSignatureMissingError('a v1 header carries no signature by its sender');
    const ref = `message ${verified.messageId}`;
    if (!this.keyring.knows(verified.sender)) {
      throw new UnknownSenderError(`${ref}: sender ${verified.sender} is not in the party directory`);
    }
    if (!(await isHeaderSignedBy(canonicalHeader(verified), verified.headerSignature, this.keyring.publicKey(verified.sender)))) {
      throw new HeaderSignatureInvalidError(`${ref}: the header is not signed by the pinned key of ${verified.sender} over these facts`);
    }
    if (!isFresh(Date.parse(verified.createdAt), this.clock().getTime(), this.window)) {
      throw new ExpiredError(`${ref}: created at ${verified.createdAt}, outside the accepted window`);
    }
    // Marked only after the signature held: a forged copy cannot burn a genuine message's id.
    const firstTime = await this.replayStore.markSeen(headerReplayKey(request.as, verified.messageId), replayMemoryMs(this.window));
    if (!firstTime) throw new ReplayedError(`${ref}: header already read by ${request.as}`);
    return verified;
  }
}

import { Envelope, isHeaderV2, type EnvelopeHeader, type PartyId } from '@signaalhub/contracts';
import {
  decrypt,
  decryptSessionKeys,
  readMessage,
  type Message,
  type PrivateKey,
  type SessionKey,
} from 'openpgp';
import { z } from 'zod';
import {
  BadSignatureError,
  EnvelopeError,
  ExpiredError,
  HeaderSignatureInvalidError,
  HeaderSignatureMissingError,
  HeaderTamperedError,
  MalformedEnvelopeError,
  NotARecipientError,
  ReplayedError,
  UnknownSenderError,
} from './envelope-errors.js';
import { DEFAULT_FRESHNESS_WINDOW, isFresh, replayMemoryMs, type FreshnessWindow } from './freshness-window.js';
import { canonicalHeader, canonicalHeaderDigest } from './header-digest.js';
import { hasValidSignatureBy } from './detached-signature.js';
import { isHeaderSignedBy } from './header-signature.js';
import { lacksHeaderSignature } from './header-verifier.js';
import { OPENPGP_CONFIG } from './openpgp-config.js';
import type { PartyKeyring } from './party-keyring.js';
import { runPayloadParser, type PayloadParser } from './payload-parser.js';
import type { ReplayStore } from './replay-store.js';
import { describeIssues } from './schema-issues.js';
import { SignedPlaintext } from './signed-plaintext.js';

export interface EnvelopeOpenerOptions {
  readonly replayStore: ReplayStore;
  readonly window?: FreshnessWindow;
  readonly clock?: () => Date;
}

export interface OpenRequest<T> {
  /** The party reading; the keyring must hold its private key. */
  readonly as: PartyId;
  /** Called only after every check passed. */
  readonly payload: PayloadParser<T>;
}

export interface OpenedEnvelope<T> {
  readonly header: EnvelopeHeader;
  readonly issuedAt: string;
  readonly payload: T;
}

export interface OpenBodyRequest<T> extends OpenRequest<T> {
  /** The claimed sender; its pinned key is the only key a signature is checked against. */
  readonly from: PartyId;
}

/** A bare OpenPGP body (no header) after verification: the signed routing facts and the parsed payload. */
export type OpenedBody<T> = Omit<SignedPlaintext, 'payload'> & { readonly payload: T };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Verifies before anything else reads the content (DESIGN.md §4). `open` checks, in this order:
 * envelope shape and header → sender in the directory → header names the reader → session key for the
 * reader → signature by the sender's pinned key → signed routing facts and header digest → (v2) detached
 * header signature by the sender's pinned key → freshness → not seen before. Only then the caller's
 * payload parser runs. Each failure is one typed EnvelopeError. v1 headers (no signature) stay readable:
 * for a recipient the signed header digest inside the body already binds them to the sender.
 */
export class EnvelopeOpener {
  private readonly replayStore: ReplayStore;
  private readonly window: FreshnessWindow;
  private readonly clock: () => Date;

  constructor(
    private readonly keyring: PartyKeyring,
    options: EnvelopeOpenerOptions,
  ) {
    this.replayStore = options.replayStore;
    this.window = options.window ?? DEFAULT_FRESHNESS_WINDOW;
    this.clock = options.clock ?? ((): Date => new Date());
  }

  async open<T>(envelope: unknown, request: OpenRequest<T>): Promise<OpenedEnvelope<T>> {
    this.assertCanActAs(request.as);
    if (typeof envelope === 'object' && envelope !== null && 'header' in envelope && isV2WithoutSignature(envelope.header)) {
      throw new HeaderSignatureMissingError('a v2 header without its sender\'s signature');
    }
    const parsed = Envelope.safeParse(envelope);
    if (!parsed.success) throw new MalformedEnvelopeError(`not a valid envelope (${describeIssues(parsed.error)})`);
    const { header, body } = parsed.data;
    const ref = `message ${header.messageId}`;
    if (!this.keyring.knows(header.sender)) {
      throw new UnknownSenderError(`${ref}: sender ${header.sender} is not in the party directory`);
    }
    if (!header.recipients.includes(request.as)) {
      throw new NotARecipientError(`${ref}: ${request.as} is not among the recipients in the header`);
    }
    const canonical = canonicalHeader(header);
    // Checked beside the body; its result is only looked at after the digest, so the order of refusals holds.
    const headerSigned = isHeaderV2(header)
      ? isHeaderSignedBy(canonical, header.headerSignature, this.keyring.publicKey(header.sender))
      : Promise.resolve(true);
    // The header names the reader, yet the body may not be encrypted to the reader's key: a changed header.
    const signed = await this.verifiedPlaintext(body, header.sender, request.as, ref, HeaderTamperedError);
    if (
      signed.messageId !== header.messageId ||
      signed.sender !== header.sender ||
      !sameList(signed.recipients, header.recipients)
    ) {
      throw new HeaderTamperedError(`${ref}: the header's routing facts differ from the signed ones (changed or forwarded)`);
    }
    if (signed.headerDigest !== canonicalHeaderDigest(canonical)) {
      throw new HeaderTamperedError(`${ref}: the header digest does not match the signed digest`);
    }
    if (!(await headerSigned)) {
      throw new HeaderSignatureInvalidError(`${ref}: the header signature is not by the pinned key of ${header.sender} over these facts`);
    }
    await this.admit(signed, request.as, ref);
    return { header, issuedAt: signed.issuedAt, payload: parsePayload(request.payload, signed.payload, ref) };
  }

  /**
   * For a bare OpenPGP message (as GnuPG users exchange it): the same checks as `open` minus the
   * header comparison, with `from` standing in for the header's sender.
   */
  async openBody<T>(armoredMessage: string, request: OpenBodyRequest<T>): Promise<OpenedBody<T>> {
    this.assertCanActAs(request.as);
    if (!this.keyring.knows(request.from)) {
      throw new UnknownSenderError(`sender ${request.from} is not in the party directory`);
    }
    // Without a header nothing claimed the reader was a recipient: a body not encrypted to the reader is simply not for it.
    const signed = await this.verifiedPlaintext(armoredMessage, request.from, request.as, 'message', NotARecipientError);
    const ref = `message ${signed.messageId}`;
    if (signed.sender !== request.from) {
      throw new HeaderTamperedError(`${ref}: signed by ${request.from} but its routing facts name another sender`);
    }
    if (!signed.recipients.includes(request.as)) {
      throw new NotARecipientError(`${ref}: ${request.as} is not among the signed recipients (forwarded)`);
    }
    await this.admit(signed, request.as, ref);
    return { ...signed, payload: parsePayload(request.payload, signed.payload, ref) };
  }

  /** Whether this opener holds the private key to open envelopes as `party`. */
  canOpenAs(party: PartyId): boolean {
    return this.keyring.canActAs(party);
  }

  /**
   * Forgets that `reader` opened `messageId`: for a consumer whose handler failed after `open`, so the
   * broker's redelivery of the same message is not refused as a replay.
   */
  async forgetOpened(reader: PartyId, messageId: string): Promise<void> {
    await this.replayStore.forget(replayKey(reader, messageId));
  }

  private assertCanActAs(party: PartyId): void {
    // A configuration error of the reader, not a property of the message: a plain Error.
    if (!this.canOpenAs(party)) throw new Error(`no private key for ${party}: cannot open envelopes as ${party}`);
  }

  private async verifiedPlaintext(
    armoredMessage: string,
    sender: PartyId,
    reader: PartyId,
    ref: string,
    notForReader: typeof HeaderTamperedError | typeof NotARecipientError,
  ): Promise<SignedPlaintext> {
    let message: Message<string>;
    try {
      message = await readMessage({ armoredMessage, config: OPENPGP_CONFIG });
    } catch {
      throw new MalformedEnvelopeError(`${ref}: the body is not a readable OpenPGP message`);
    }
    const readerKey = await this.keyring.privateKey(reader);
    const sessionKeys = await sessionKeysFor(message, readerKey);
    if (sessionKeys === undefined) throw new notForReader(`${ref}: the body is not encrypted to ${reader}`);
    const senderKey = this.keyring.publicKey(sender);
    let data: Uint8Array;
    try {
      const result = await decrypt({
        message,
        sessionKeys,
        verificationKeys: senderKey,
        expectSigned: true,
        format: 'binary',
        config: OPENPGP_CONFIG,
      });
      if (!(await hasValidSignatureBy(senderKey, result.signatures))) throw new Error('no valid signature by the sender');
      data = result.data;
    } catch {
      throw new BadSignatureError(`${ref}: the body is not intact and signed by the pinned key of ${sender}`);
    }
    return parseSignedPlaintext(data, ref);
  }

  private async admit(signed: SignedPlaintext, reader: PartyId, ref: string): Promise<void> {
    if (!isFresh(Date.parse(signed.issuedAt), this.clock().getTime(), this.window)) {
      throw new ExpiredError(`${ref}: issued at ${signed.issuedAt}, outside the accepted window`);
    }
    // Marked only now, after the signature held: a forged copy cannot burn a genuine message's id.
    const firstTime = await this.replayStore.markSeen(replayKey(reader, signed.messageId), replayMemoryMs(this.window));
    if (!firstTime) throw new ReplayedError(`${ref}: already opened by ${reader}`);
  }
}

async function sessionKeysFor(message: Message<string>, readerKey: PrivateKey): Promise<SessionKey[] | undefined> {
  try {
    const decrypted = await decryptSessionKeys({ message, decryptionKeys: readerKey, config: OPENPGP_CONFIG });
    // SEIPDv1 session keys always name their cipher; a null algorithm (SEIPDv2) is not a format we send.
    const usable = decrypted.flatMap((key) => (key.algorithm === null ? [] : [{ data: key.data, algorithm: key.algorithm }]));
    return usable.length === 0 ? undefined : usable;
  } catch {
    return undefined;
  }
}

function parseSignedPlaintext(data: Uint8Array, ref: string): SignedPlaintext {
  let json: unknown;
  try {
    json = JSON.parse(strictUtf8.decode(data));
  } catch {
    throw new MalformedEnvelopeError(`${ref}: the signed plaintext is not UTF-8 JSON`);
  }
  const parsed = SignedPlaintext.safeParse(json);
  if (!parsed.success) {
    throw new MalformedEnvelopeError(`${ref}: the signed plaintext has the wrong shape (${describeIssues(parsed.error)})`);
  }
  return parsed.data;
}

function parsePayload<T>(parser: PayloadParser<T>, payload: unknown, ref: string): T {
  try {
    return runPayloadParser(parser, payload);
  } catch (error) {
    if (error instanceof EnvelopeError) throw error;
    // The parser's own message may quote the payload; only zod's paths and codes are passed on.
    const detail = error instanceof z.ZodError ? ` (${describeIssues(error)})` : '';
    throw new MalformedEnvelopeError(`${ref}: the payload does not match its schema${detail}`);
  }
}

/** The replay store's key: `<reader party>:<message id>` (see ReplayStore). */
function replayKey(reader: PartyId, messageId: string): string {
  return `${reader}:${messageId}`;
}

function isV2WithoutSignature(header: unknown): boolean {
  return typeof header === 'object' && header !== null && 'headerVersion' in header && lacksHeaderSignature(header);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

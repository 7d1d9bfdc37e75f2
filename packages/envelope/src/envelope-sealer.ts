import { randomUUID } from 'node:crypto';
import {
  EVENT_CATALOG,
  UnsignedEnvelopeHeaderV2,
  type EnvelopeHeaderV2Of,
  type EventType,
  type PartyId,
  type RoutingFacts,
} from '@signaalhub/contracts';
import { canonicalHeader, canonicalHeaderDigest } from './header-digest.js';
import { signCanonicalHeader } from './header-signature.js';
import type { PartyKeyring } from './party-keyring.js';
import { describeIssues } from './schema-issues.js';
import { signAndEncrypt } from './signed-encryption.js';
import type { SignedPlaintext } from './signed-plaintext.js';

/** Match tokens may be left out of a request (none); every other routing fact of the type is required. */
type SealFacts<F> = F extends { matchTokens: infer M } ? Omit<F, 'matchTokens'> & { readonly matchTokens?: M } : F;

/** What the caller chooses for one event type: parties and that type's routing facts (EVENT_CATALOG). */
export type SealRequestOf<T extends EventType> = T extends EventType
  ? {
      readonly from: PartyId;
      readonly to: readonly PartyId[];
      readonly type: T;
      /** Defaults to a fresh random UUID. */
      readonly messageId?: string;
    } & SealFacts<RoutingFacts<T>>
  : never;

/** Id, time, header version, payload schema version and the header signature are filled in by `seal`. */
export type SealRequest = SealRequestOf<EventType>;

/** What `seal` writes: header v2 of the request's type and the OpenPGP body. */
export interface SealedEnvelope<T extends EventType> {
  readonly header: EnvelopeHeaderV2Of<T>;
  readonly body: string;
}

const utf8 = new TextEncoder();

/**
 * Writes header v2: signs the canonical header (detached) and, in one OpenPGP operation, signs the
 * content with the sender's private key and encrypts it to every recipient.
 */
export class EnvelopeSealer {
  constructor(
    private readonly keyring: PartyKeyring,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async seal<T extends EventType>(payload: unknown, request: SealRequestOf<T>): Promise<SealedEnvelope<T>> {
    // JSON.stringify drops `undefined` and functions silently; a vanished payload is a caller bug.
    if ((JSON.stringify(payload) as string | undefined) === undefined) throw new TypeError('the payload must be a JSON value');
    const unsigned = this.headerFor(request);
    const senderKey = await this.keyring.privateKey(unsigned.sender);
    const canonical = canonicalHeader(unsigned);
    const signed: SignedPlaintext = {
      messageId: unsigned.messageId,
      sender: unsigned.sender,
      recipients: unsigned.recipients,
      issuedAt: unsigned.createdAt,
      headerDigest: canonicalHeaderDigest(canonical),
      payload,
    };
    // The digest leaves the header signature out, so both signatures can be made at once.
    const [headerSignature, body] = await Promise.all([
      signCanonicalHeader(canonical, senderKey),
      signAndEncrypt(
        utf8.encode(JSON.stringify(signed)),
        senderKey,
        unsigned.recipients.map((party) => this.keyring.publicKey(party)),
      ),
    ]);
    return { header: { ...unsigned, headerSignature } as unknown as EnvelopeHeaderV2Of<T>, body };
  }

  private headerFor(request: SealRequest): UnsignedEnvelopeHeaderV2 {
    const { from, to, type, messageId, ...facts } = request;
    const definition = EVENT_CATALOG[type] as (typeof EVENT_CATALOG)[EventType] | undefined;
    if (definition === undefined) throw new Error(`cannot seal: ${type} is not in the event catalog`);
    const parsed = UnsignedEnvelopeHeaderV2.safeParse({
      ...('matchTokens' in definition.facts ? { matchTokens: [] } : {}),
      ...facts,
      headerVersion: 2,
      messageId: messageId ?? randomUUID(),
      type,
      schemaVersion: definition.schemaVersion,
      sender: from,
      recipients: [...to],
      createdAt: this.clock().toISOString(),
    });
    if (!parsed.success) throw new Error(`cannot seal: invalid envelope header (${describeIssues(parsed.error)})`);
    const header = parsed.data;
    for (const party of [header.sender, ...header.recipients]) {
      if (!this.keyring.knows(party)) throw new Error(`cannot seal: party ${party} is not in the party directory`);
    }
    return header;
  }
}

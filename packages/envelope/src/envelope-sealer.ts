import { randomUUID } from 'node:crypto';
import { EnvelopeHeader, PartyId, type Envelope, type HeaderMatchToken } from '@signaalhub/contracts';
import { createMessage, encrypt } from 'openpgp';
import { headerDigest } from './header-digest.js';
import { OPENPGP_CONFIG } from './openpgp-config.js';
import type { PartyKeyring } from './party-keyring.js';
import { describeIssues } from './schema-issues.js';
import type { SignedPlaintext } from './signed-plaintext.js';

/** Header facts the caller chooses; id, sender, recipients and time are filled in by `seal`. */
export interface SealRequest {
  readonly from: PartyId;
  readonly to: readonly PartyId[];
  readonly type: string;
  readonly schemaVersion: number;
  readonly municipality: string;
  readonly theme: string;
  readonly matchTokens?: readonly HeaderMatchToken[];
  /** Defaults to a fresh random UUID. */
  readonly messageId?: string;
}

const utf8 = new TextEncoder();

/** Signs with the sender's private key and encrypts to every recipient in one OpenPGP operation. */
export class EnvelopeSealer {
  constructor(
    private readonly keyring: PartyKeyring,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async seal(payload: unknown, request: SealRequest): Promise<Envelope> {
    // JSON.stringify drops `undefined` and functions silently; a vanished payload is a caller bug.
    if ((JSON.stringify(payload) as string | undefined) === undefined) throw new TypeError('the payload must be a JSON value');
    const header = this.headerFor(request);
    const signed: SignedPlaintext = {
      messageId: header.messageId,
      sender: header.sender,
      recipients: header.recipients,
      issuedAt: header.createdAt,
      headerDigest: headerDigest(header),
      payload,
    };
    const plaintext = JSON.stringify(signed);
    const body = await encrypt({
      message: await createMessage({ binary: utf8.encode(plaintext) }),
      encryptionKeys: header.recipients.map((party) => this.keyring.publicKey(party)),
      signingKeys: await this.keyring.privateKey(header.sender),
      format: 'armored',
      config: OPENPGP_CONFIG,
    });
    return { header, body };
  }

  private headerFor(request: SealRequest): EnvelopeHeader {
    const parsed = EnvelopeHeader.safeParse({
      messageId: request.messageId ?? randomUUID(),
      type: request.type,
      schemaVersion: request.schemaVersion,
      sender: request.from,
      recipients: [...request.to],
      municipality: request.municipality,
      theme: request.theme,
      createdAt: this.clock().toISOString(),
      matchTokens: [...(request.matchTokens ?? [])],
    });
    if (!parsed.success) throw new Error(`cannot seal: invalid envelope header (${describeIssues(parsed.error)})`);
    const header = parsed.data;
    for (const party of [header.sender, ...header.recipients]) {
      if (!this.keyring.knows(party)) throw new Error(`cannot seal: party ${party} is not in the party directory`);
    }
    return header;
  }
}

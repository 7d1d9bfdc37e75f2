import { randomUUID } from 'node:crypto';
import type { EnvelopeHeaderV1, PartyId } from '@signaalhub/contracts';
import { createMessage, encrypt } from 'openpgp';
import { headerDigest, OPENPGP_CONFIG, type PartyKeyring, type SignedPlaintext } from '../src/index.js';

/** An envelope with header v1, as the sealer wrote it before header v2 (readers still accept it). */
export interface V1Envelope {
  readonly header: EnvelopeHeaderV1;
  readonly body: string;
}

/** Writes a v1 envelope exactly as the v1 sealer did: v1 header, digest inside the signed plaintext, no header signature. */
export async function sealV1(
  keyring: PartyKeyring,
  payload: unknown,
  request: { from: PartyId; to: readonly PartyId[]; matchTokens?: EnvelopeHeaderV1['matchTokens']; createdAt?: string },
): Promise<V1Envelope> {
  const header: EnvelopeHeaderV1 = {
    messageId: randomUUID(),
    type: 'signal.submitted',
    schemaVersion: 1,
    sender: request.from,
    recipients: [...request.to],
    municipality: 'soest',
    theme: 'autobranche',
    createdAt: request.createdAt ?? new Date().toISOString(),
    matchTokens: [...(request.matchTokens ?? [])],
  };
  const signed: SignedPlaintext = {
    messageId: header.messageId,
    sender: header.sender,
    recipients: header.recipients,
    issuedAt: header.createdAt,
    headerDigest: headerDigest(header),
    payload,
  };
  const body = await encrypt({
    message: await createMessage({ binary: new TextEncoder().encode(JSON.stringify(signed)) }),
    encryptionKeys: header.recipients.map((party) => keyring.publicKey(party)),
    signingKeys: await keyring.privateKey(header.sender),
    format: 'armored',
    config: OPENPGP_CONFIG,
  });
  return { header, body };
}

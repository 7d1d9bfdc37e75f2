import type { PartyId } from '@signaalhub/contracts';
import { decrypt, readMessage } from 'openpgp';
import { OPENPGP_CONFIG } from './openpgp-config.js';
import type { PartyKeyring } from './party-keyring.js';
import { signAndEncrypt } from './signed-encryption.js';

/** A value a service keeps sealed in its own store; zod schemas fit. */
export interface SealedRecordSchema<T> {
  parse(value: unknown): T;
}

/** A sealed record did not open: not ours, tampered, or not signed by its owner. Names no content. */
export class SealedRecordError extends Error {
  override readonly name = 'SealedRecordError';
}

const utf8 = new TextEncoder();

/**
 * An encrypted column: personal data a service keeps at rest (DESIGN.md §8.3) as an OpenPGP message
 * signed by the owning party and encrypted to it and to the parties it holds the data for. No header:
 * it never travels; what travels is an envelope.
 */
export class SealedRecords {
  constructor(
    private readonly keyring: PartyKeyring,
    /** The party that seals and reads the records (the service's own party). */
    private readonly owner: PartyId,
  ) {}

  async seal(value: unknown, alsoFor: readonly PartyId[] = []): Promise<string> {
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) throw new TypeError('a sealed record must be a JSON value');
    const readers = [...new Set([this.owner, ...alsoFor])];
    return signAndEncrypt(
      utf8.encode(json),
      await this.keyring.privateKey(this.owner),
      readers.map((party) => this.keyring.publicKey(party)),
    );
  }

  async open<T>(armored: string, schema: SealedRecordSchema<T>): Promise<T> {
    let text: string;
    try {
      const result = await decrypt({
        message: await readMessage({ armoredMessage: armored, config: OPENPGP_CONFIG }),
        decryptionKeys: await this.keyring.privateKey(this.owner),
        verificationKeys: this.keyring.publicKey(this.owner),
        expectSigned: true,
        format: 'utf8',
        config: OPENPGP_CONFIG,
      });
      text = result.data;
    } catch {
      throw new SealedRecordError(`a sealed record did not open as ${this.owner} with its signature`);
    }
    return schema.parse(JSON.parse(text));
  }
}

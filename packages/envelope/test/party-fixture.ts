import { DEFAULT_PARTIES, type PartyDirectory, type PartyId } from '@signaalhub/contracts';
import { generatePartyKey, PartyKeyring, type ArmoredPartyKey, type SealRequestOf } from '../src/index.js';

export const TEST_PASSPHRASE = 'test-passphrase-not-secret';

/** A tenth party that no default recipient list names: the "third party" in forwarding cases. */
export const OUTSIDER: PartyId = 'fiod';

export interface PartyFixture {
  readonly parties: readonly PartyId[];
  readonly keys: ReadonlyMap<PartyId, ArmoredPartyKey>;
  readonly directory: PartyDirectory;
  /** Holds every party's private key, so a test can act as anyone. */
  readonly keyring: PartyKeyring;
}

/** Generates each key once per test file (key generation and S2K are the expensive part). */
export async function createPartyFixture(parties: readonly PartyId[] = [...DEFAULT_PARTIES, OUTSIDER]): Promise<PartyFixture> {
  const generated = await Promise.all(parties.map((party) => generatePartyKey(party, TEST_PASSPHRASE)));
  const keys = new Map(generated.map((key) => [key.party, key]));
  const directory: PartyDirectory = {
    version: 1,
    parties: generated.map((key) => ({ id: key.party, name: key.party, fingerprint: key.fingerprint })),
  };
  const keyring = await PartyKeyring.load({
    directory,
    publicKeys: Object.fromEntries(generated.map((key) => [key.party, key.publicKey])),
    privateKeys: Object.fromEntries(generated.map((key) => [key.party, key.privateKey])),
    passphrase: TEST_PASSPHRASE,
  });
  return { parties, keys, directory, keyring };
}

type SignalSealRequest = SealRequestOf<'signal.submitted'>;

export function sealRequest(from: PartyId, to: readonly PartyId[], overrides: Partial<SignalSealRequest> = {}): SignalSealRequest {
  return {
    from,
    to,
    type: 'signal.submitted',
    municipality: 'soest',
    theme: 'autobranche',
    matchTokens: [],
    ...overrides,
  };
}

/** A payload parser that counts its calls: tests prove it is never reached for a refused message. */
export function countingParser(): { readonly calls: () => number; readonly parse: (input: unknown) => unknown } {
  let calls = 0;
  return {
    calls: () => calls,
    parse: (input: unknown): unknown => {
      calls += 1;
      return input;
    },
  };
}

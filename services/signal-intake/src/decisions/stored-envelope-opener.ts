import { EnvelopeOpener, type PartyKeyring, type ReplayStore } from '@signaalhub/envelope';

/**
 * Envelopes this service stored were fully verified when they arrived (signature, header, freshness,
 * replay). Opening one again to show it must repeat the cryptographic checks, but not the transport
 * checks: it is not a new arrival, so it is neither a replay nor too old.
 */
class AlreadyAdmitted implements ReplayStore {
  markSeen(): Promise<boolean> {
    return Promise.resolve(true);
  }

  forget(): Promise<void> {
    return Promise.resolve();
  }
}

const HUNDRED_YEARS_MS = 100 * 365 * 24 * 60 * 60 * 1000;

export function storedEnvelopeOpener(keyring: PartyKeyring): EnvelopeOpener {
  return new EnvelopeOpener(keyring, {
    replayStore: new AlreadyAdmitted(),
    window: { maxAgeMs: HUNDRED_YEARS_MS, clockSkewMs: 5 * 60 * 1000 },
  });
}

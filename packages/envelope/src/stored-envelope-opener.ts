import { EnvelopeOpener } from './envelope-opener.js';
import { DEFAULT_FRESHNESS_WINDOW } from './freshness-window.js';
import type { PartyKeyring } from './party-keyring.js';
import type { ReplayStore } from './replay-store.js';

/**
 * Envelopes a service keeps were fully verified when they arrived (signature, header, freshness,
 * replay). Reading one again (to show it) is not a new arrival, so it is neither a replay nor too old:
 * nothing is remembered here.
 */
class AlreadyAdmitted implements ReplayStore {
  markSeen(): Promise<boolean> {
    return Promise.resolve(true);
  }

  forget(): Promise<void> {
    return Promise.resolve();
  }
}

/** Longer than any retention period: a stored envelope stays readable for as long as it is kept. */
const STORED_ENVELOPE_MAX_AGE_MS = 100 * 365 * 24 * 60 * 60 * 1000;

/**
 * An opener for envelopes from the service's own store: every cryptographic check again (pinned
 * sender, signature, header digest, recipient), no replay check, no age limit that matters.
 */
export function storedEnvelopeOpener(keyring: PartyKeyring): EnvelopeOpener {
  return new EnvelopeOpener(keyring, {
    replayStore: new AlreadyAdmitted(),
    window: { maxAgeMs: STORED_ENVELOPE_MAX_AGE_MS, clockSkewMs: DEFAULT_FRESHNESS_WINDOW.clockSkewMs },
  });
}

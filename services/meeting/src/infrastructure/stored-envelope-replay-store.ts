import type { ReplayStore } from '@signaalhub/envelope';

/**
 * For opening envelopes from this service's own store: they were checked for replay once, on
 * admission. Reading an item twice is not a replay, so nothing is remembered here.
 */
export class StoredEnvelopeReplayStore implements ReplayStore {
  markSeen(): Promise<boolean> {
    return Promise.resolve(true);
  }

  forget(): Promise<void> {
    return Promise.resolve();
  }
}

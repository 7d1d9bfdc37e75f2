import type { Envelope, SignalStatus } from '@signaalhub/contracts';

/** What the service keeps of an accepted signal: routing facts and the sealed envelope, no plaintext. */
export interface SignalRecord {
  readonly id: string;
  readonly reporterUserId: string;
  readonly reporterParty: string;
  readonly municipality: string;
  readonly theme: string;
  readonly createdAt: string;
  readonly idempotencyKey: string;
  readonly requestFingerprint: string;
  readonly envelope: Envelope;
}

/** A signal as listed for its reporter: facts from the header plus its current status. */
export interface SignalSummary {
  readonly id: string;
  readonly reporterUserId: string;
  readonly reporterParty: string;
  readonly municipality: string;
  readonly theme: string;
  readonly createdAt: string;
  readonly status: SignalStatus;
}

import { AccessDenied, type AccessAttempt, type AuditedAccess } from '@signaalhub/access';
import type { Envelope } from '@signaalhub/contracts';
import { EnvelopeError, type EnvelopeOpener, type PayloadParser } from '@signaalhub/envelope';

/**
 * Opens stored content for lists that show several objects at once (history, printable agenda, decision
 * list): as the caller's own party and only when it is a recipient; every opening is audited. An object
 * not meant for the caller is left out (null) instead of failing the whole list.
 */
export class ContentOpener {
  constructor(
    /** No replay or age check: those guarded the transport at admission. */
    private readonly storedOpener: EnvelopeOpener,
    private readonly access: AuditedAccess,
  ) {}

  async open<T>(attempt: AccessAttempt, stored: { readonly recipients: readonly string[]; readonly envelope: Envelope }, payload: PayloadParser<T>): Promise<T | null> {
    if (!stored.recipients.includes(attempt.caller.party)) return null;
    try {
      const opened = await this.storedOpener.open(stored.envelope, { as: attempt.caller.party, payload });
      await this.access.allowed(attempt);
      return opened.payload;
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      // The header named the caller, the ciphertext disagreed: audited as a denial, left out of the list.
      await this.access.deny(attempt, error.code).catch((denial: unknown) => {
        if (!(denial instanceof AccessDenied)) throw denial;
      });
      return null;
    }
  }
}

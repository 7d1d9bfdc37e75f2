import { ObjectNotFound, type AccessAttempt, type AuditedAccess } from '@signaalhub/access';
import { InformationAnswered, InformationRequested, type InformationRequestSummary, type OpenedInformationRequest } from '@signaalhub/contracts';
import { EnvelopeError, type EnvelopeOpener } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { MeetingAccessPolicy } from '../access/meeting-access-policy.js';
import type { InformationRequestStore, StoredInformationRequest } from './information-request-store.js';

/** The audit log's name for one request. */
export const INFORMATION_REQUEST_OBJECT = 'information-request';

/**
 * Lists a municipality's information requests (routing facts only) and opens one for its own member:
 * need-to-know first, then the envelope is opened as the caller's party; both outcomes audited.
 */
export class InformationRequestReader {
  constructor(
    private readonly store: InformationRequestStore,
    private readonly policy: MeetingAccessPolicy,
    private readonly access: AuditedAccess,
    /** Opens stored envelopes: no replay or age check, those guarded the transport at arrival. */
    private readonly storedOpener: EnvelopeOpener,
  ) {}

  /** The caller's access to `municipality` is checked by the controller, with the parameter's validation. */
  async list(municipality: string): Promise<InformationRequestSummary[]> {
    return (await this.store.list(municipality)).map(summaryOf);
  }

  async open(caller: UserIdentity, id: string, origin: string): Promise<OpenedInformationRequest> {
    const attempt: AccessAttempt = { caller, action: 'information.open', object: { type: INFORMATION_REQUEST_OBJECT, id }, origin };
    const stored = await this.findForOwner(attempt);
    let opened: OpenedInformationRequest;
    try {
      const { payload: request } = await this.storedOpener.open(stored.envelope, { as: caller.party, payload: InformationRequested });
      const reason = await this.refusalReason(stored, caller.party);
      opened = {
        request: summaryOf(stored),
        requestedBy: request.requestedBy,
        purpose: request.purpose,
        matchTokenCount: request.object.matchTokens.length,
        ...(stored.signalItem === undefined ? {} : { signal: stored.signalItem }),
        ...(stored.status === 'open' || stored.handledAt === undefined || stored.handledByParty === undefined || stored.handledByUser === undefined
          ? {}
          : {
              handling: {
                outcome: stored.status,
                by: { party: stored.handledByParty, userId: stored.handledByUser },
                at: stored.handledAt,
                ...(reason === undefined ? {} : { reason }),
              },
            }),
      };
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      // The header named the caller's party, the ciphertext disagreed: refuse, and say why in the audit log.
      return this.access.deny(attempt, error.code);
    }
    await this.access.allowed(attempt);
    return opened;
  }

  /**
   * The request if the caller may handle it: the role before the lookup (a caller without it learns
   * nothing, not even 404), then the owning municipality and the envelope's recipients. Denials audited.
   */
  async findForOwner(attempt: AccessAttempt): Promise<StoredInformationRequest> {
    await this.access.check({ ...attempt, policy: this.policy.forAnyMeeting(attempt.caller) });
    const stored = await this.store.find(attempt.object.id);
    if (stored === undefined) throw new ObjectNotFound(INFORMATION_REQUEST_OBJECT);
    await this.access.check({
      ...attempt,
      object: { ...attempt.object, recipients: stored.recipients },
      policy: this.policy.forOwnMunicipality(attempt.caller, stored.municipality),
    });
    return stored;
  }

  private async refusalReason(stored: StoredInformationRequest, party: string): Promise<string | undefined> {
    if (stored.refusalEnvelope === undefined) return undefined;
    const { payload } = await this.storedOpener.open(stored.refusalEnvelope, { as: party, payload: InformationAnswered });
    return payload.outcome === 'refused' ? payload.reason : undefined;
  }
}

function summaryOf(stored: StoredInformationRequest): InformationRequestSummary {
  return {
    id: stored.requestId,
    municipality: stored.municipality,
    objectKind: 'signal',
    signalId: stored.signalId,
    requesterParty: stored.requesterParty,
    receivedAt: stored.receivedAt,
    status: stored.status,
    ...(stored.handledAt === undefined ? {} : { handledAt: stored.handledAt }),
  };
}

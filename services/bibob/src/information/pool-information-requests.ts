import { randomUUID } from 'node:crypto';
import { ObjectNotFound, type AccessAttempt, type AuditedAccess } from '@signaalhub/access';
import { InformationAnswered, PoolInformationRequestForm, type PoolInformationAnswer, type PoolInformationRequest } from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import type { SealedRecords } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { Logger } from '@signaalhub/logging';
import type { Pool } from 'pg';
import type { BibobAccessPolicy } from '../access/bibob-access-policy.js';
import type { ScreeningHitLookup } from '../hits/screening-hit-lookup.js';
import { parseBody, ruleBroken } from '../screenings/screening-input.js';
import type { ScreeningMessages } from '../screenings/screening-messages.js';
import { ApplicationRecord, SealedText } from '../screenings/screening-records.js';
import type { ScreeningRow, ScreeningStore } from '../screenings/screening-store.js';
import { actorOf } from '../screenings/screening-workflow.js';
import type { PoolRequestStore, StoredPoolRequest } from './information-request-store.js';

/** The audit log's name for one of the pool's requests. */
export const POOL_INFORMATION_REQUEST_OBJECT = 'information-request';

export interface PoolInformationRequestsParts {
  readonly pool: Pool;
  readonly screenings: ScreeningStore;
  readonly requests: PoolRequestStore;
  readonly records: SealedRecords;
  readonly messages: ScreeningMessages;
  readonly hits: ScreeningHitLookup;
  readonly policy: BibobAccessPolicy;
  readonly access: AuditedAccess;
  readonly logger: Logger;
  readonly clock: () => Date;
}

/**
 * The pool's side of "verzoek om informatie": a coordinator asks the municipality that owns a hit
 * signal of a screening for its content. Only a signal that shares a match token with the screening's
 * subjects can be asked for; the request is sealed to that municipality alone and queued in the outbox
 * with the record of it (purpose sealed to the pool). Coordinators alone read the requests and the
 * answered signals; every opening is audited.
 */
export class PoolInformationRequests {
  constructor(private readonly parts: PoolInformationRequestsParts) {}

  async request(caller: UserIdentity, screeningId: string, body: unknown, origin: string): Promise<PoolInformationRequest> {
    const attempt: AccessAttempt = { caller, action: 'information.request', object: { type: 'screening', id: screeningId }, origin };
    const screening = await this.screeningFor(attempt);
    const form = parseBody(PoolInformationRequestForm, body);
    const application = await this.parts.records.open(screening.applicationSealed, ApplicationRecord);
    const hit = await this.parts.hits.hitSignal({ screeningId, ...application }, form.signalId);
    if (hit === undefined) throw ruleBroken('signalId', 'must be a hit signal of this screening', 'Deze melding is geen treffer van deze toets');

    const id = randomUUID();
    const requestedBy = actorOf(caller);
    const requestedAt = this.parts.clock().toISOString();
    const purposeSealed = await this.parts.records.seal(form.purpose);
    const messageId = await withTransaction(this.parts.pool, async (client) => {
      const sent = await this.parts.messages.informationRequested(client, {
        requestId: id,
        municipality: hit.municipality,
        object: { kind: 'signal', signalId: form.signalId, matchTokens: hit.tokens },
        requestedBy,
        purpose: form.purpose,
        requestedAt,
      });
      await this.parts.requests.insert(client, { id, screeningId, municipality: hit.municipality, signalId: form.signalId, messageId: sent, requestedBy, requestedAt, purposeSealed });
      return sent;
    });
    await this.parts.access.allowed({ ...attempt, object: { type: POOL_INFORMATION_REQUEST_OBJECT, id } });
    this.parts.logger.info({ screeningId, requestId: id, messageId, municipality: hit.municipality }, 'information requested');
    const stored = await this.parts.requests.find(id);
    if (stored === undefined) throw new ObjectNotFound(POOL_INFORMATION_REQUEST_OBJECT);
    return this.view(stored);
  }

  /** The screening's requests with their status, purpose and any refusal reason (coordinators, audited). */
  async list(caller: UserIdentity, screeningId: string, origin: string): Promise<PoolInformationRequest[]> {
    const attempt: AccessAttempt = { caller, action: 'information.list', object: { type: 'screening', id: screeningId }, origin };
    await this.screeningFor(attempt);
    const views = await Promise.all((await this.parts.requests.ofScreening(screeningId)).map((stored) => this.view(stored)));
    await this.parts.access.allowed(attempt);
    return views;
  }

  /** The answered signal's content (coordinators, audited); 404 while the request is open or was refused. */
  async answer(caller: UserIdentity, screeningId: string, requestId: string, origin: string): Promise<PoolInformationAnswer> {
    const attempt: AccessAttempt = { caller, action: 'information.open-answer', object: { type: POOL_INFORMATION_REQUEST_OBJECT, id: requestId }, origin };
    await this.screeningFor(attempt, screeningId);
    const stored = await this.parts.requests.find(requestId);
    if (stored?.screeningId !== screeningId || stored.answerSealed === null) throw new ObjectNotFound(POOL_INFORMATION_REQUEST_OBJECT);
    const answer = await this.parts.records.open(stored.answerSealed, InformationAnswered);
    if (answer.outcome !== 'answered') throw new ObjectNotFound(POOL_INFORMATION_REQUEST_OBJECT);
    const view = await this.view(stored);
    await this.parts.access.allowed(attempt);
    return { request: view, signal: answer.signal };
  }

  /** Coordinators of the pool only (denials audited), before anything is looked up; then the screening or 404. */
  private async screeningFor(attempt: AccessAttempt, screeningId = attempt.object.id): Promise<ScreeningRow> {
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.coordinator(attempt.caller) });
    const screening = await this.parts.screenings.find(screeningId);
    if (screening === undefined) throw new ObjectNotFound('screening');
    return screening;
  }

  private async view(stored: StoredPoolRequest): Promise<PoolInformationRequest> {
    const answer = stored.answerSealed === null ? undefined : await this.parts.records.open(stored.answerSealed, InformationAnswered);
    return {
      id: stored.id,
      screeningId: stored.screeningId,
      municipality: stored.municipality,
      signalId: stored.signalId,
      status: stored.status,
      purpose: await this.parts.records.open(stored.purposeSealed, SealedText),
      requestedBy: stored.requestedBy,
      requestedAt: stored.requestedAt,
      answeredBy: stored.answeredBy,
      answeredAt: stored.answeredAt,
      refusalReason: answer?.outcome === 'refused' ? answer.reason : null,
    };
  }
}

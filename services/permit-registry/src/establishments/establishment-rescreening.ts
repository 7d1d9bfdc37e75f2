import { ObjectNotFound, type AuditedAccess } from '@signaalhub/access';
import { RescreeningRequest, type EstablishmentHistoryEntry } from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import type { UserIdentity } from '@signaalhub/identity';
import type { Logger } from '@signaalhub/logging';
import type { Pool } from 'pg';
import type { RegistryAccessPolicy } from '../access/registry-access-policy.js';
import { actorOf, parseBody, today } from '../registry/registry-input.js';
import type { MunicipalRecords } from '../registry/registry-records.js';
import type { ScreeningRequests } from '../screenings/screening-requests.js';
import type { EstablishmentStore } from './establishment-store.js';
import type { RescreeningStore } from './rescreening-store.js';

export interface EstablishmentRescreeningParts {
  readonly pool: Pool;
  readonly store: EstablishmentStore;
  readonly rescreenings: RescreeningStore;
  readonly records: MunicipalRecords;
  readonly screeningRequests: ScreeningRequests;
  readonly policy: RegistryAccessPolicy;
  readonly access: AuditedAccess;
  readonly logger: Logger;
  readonly clock: () => Date;
}

/**
 * A re-screening of a permit holder, started by a permit officer of its municipality (typically from a
 * signal flag): the same sealed `screening.requested` to the pool and the municipality as an application's,
 * with the establishment's id as its reference, recorded in the establishment's history with the reason sealed.
 * What the pool then tells about it is taken in by RescreeningScreenings.
 */
export class EstablishmentRescreening {
  /** A re-screening has no application of its own: the pool's term runs from the day it is asked, the Awb's 8 weeks (art. 4:13). */
  static readonly TERM_WEEKS = 8;

  constructor(private readonly parts: EstablishmentRescreeningParts) {}

  async start(caller: UserIdentity, id: string, body: unknown, origin: string): Promise<EstablishmentHistoryEntry> {
    const { access, policy } = this.parts;
    const attempt = { caller, action: 'establishment.rescreen', object: { type: 'establishment', id }, origin };
    await access.check({ ...attempt, policy: policy.anyRegistry(caller) });
    const establishment = await this.parts.store.find(id);
    if (establishment === undefined) throw new ObjectNotFound('establishment');
    await access.check({ ...attempt, policy: policy.registryOf(caller, establishment.municipality) });
    const { reason } = parseBody(RescreeningRequest, body);
    const actor = actorOf(caller);
    const at = this.parts.clock().toISOString();
    const reasonSealed = await this.parts.records.of(establishment.municipality).seal(reason);
    const messageId = await withTransaction(this.parts.pool, async (client) => {
      const requested = await this.parts.screeningRequests.request(client, establishment, {
        receivedOn: today(this.parts.clock),
        decisionTermWeeks: EstablishmentRescreening.TERM_WEEKS,
        reference: id,
        requestedBy: actor,
      });
      await this.parts.rescreenings.insert(client, { requestMessageId: requested, establishmentId: id, municipality: establishment.municipality, askedAt: at });
      await this.parts.store.addHistory(client, id, { at, action: 'herscreening-gevraagd', actor, reasonSealed, messageId: requested, sourceMessageId: null, milestone: null, date: null });
      return requested;
    });
    await access.allowed(attempt);
    this.parts.logger.info({ establishmentId: id, messageId }, 're-screening requested');
    return { at, action: 'herscreening-gevraagd', actor, reason };
  }
}

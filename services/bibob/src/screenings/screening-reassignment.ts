import type { AuditedAccess } from '@signaalhub/access';
import { municipalityPartyId, ReassignmentRequest, type ScreeningSummary } from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import type { SealedRecords } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { Logger } from '@signaalhub/logging';
import type { Pool } from 'pg';
import type { BibobAccessPolicy } from '../access/bibob-access-policy.js';
import { parseBody, ruleBroken } from './screening-input.js';
import type { ScreeningStore } from './screening-store.js';
import { actorOf, summaryOf } from './screening-workflow.js';

export interface ScreeningReassignmentParts {
  readonly pool: Pool;
  readonly store: ScreeningStore;
  readonly records: SealedRecords;
  readonly policy: BibobAccessPolicy;
  readonly access: AuditedAccess;
  readonly logger: Logger;
  readonly clock: () => Date;
}

/**
 * A lead coordinator moves one or more screenings to another coordinator, with a mandatory reason: all
 * or none (an unknown id changes nothing), each one in the screening's history (the reason sealed) and
 * in the audit log.
 */
export class ScreeningReassignment {
  constructor(private readonly parts: ScreeningReassignmentParts) {}

  async reassign(caller: UserIdentity, body: unknown, origin: string): Promise<ScreeningSummary[]> {
    const { access, policy, store } = this.parts;
    const attempt = { caller, action: 'screening.reassign', object: { type: 'screenings', id: '' }, origin };
    await access.check({ ...attempt, policy: policy.leadCoordinator(caller) });
    const request = parseBody(ReassignmentRequest, body);
    const at = this.parts.clock().toISOString();
    const moved = await withTransaction(this.parts.pool, async (client) => {
      const rows = await store.assign(client, request.screeningIds, request.assignee, at);
      if (rows.length !== request.screeningIds.length) {
        throw ruleBroken('screeningIds', 'must all be existing screenings', 'Een of meer toetsen bestaan niet; er is niets gewijzigd');
      }
      const summaries: ScreeningSummary[] = [];
      for (const row of rows) {
        const screening = await store.find(row.id, client);
        if (screening === undefined) continue;
        await store.addHistory(client, {
          screeningId: row.id,
          at,
          action: 'toegewezen',
          actor: actorOf(caller),
          fromPhase: row.phase,
          toPhase: row.phase,
          reasonSealed: await this.parts.records.seal(request.reason, [municipalityPartyId(screening.municipality)]),
          eventDate: null,
          timelineKind: null,
        });
        summaries.push(summaryOf(screening));
      }
      return summaries;
    });
    for (const id of request.screeningIds) await access.allowed({ ...attempt, object: { type: 'screening', id } });
    this.parts.logger.info({ count: moved.length }, 'screenings reassigned');
    return moved;
  }
}

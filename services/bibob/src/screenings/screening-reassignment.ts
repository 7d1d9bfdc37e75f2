import type { AuditedAccess } from '@signaalhub/access';
import { municipalityPartyId, ReassignmentRequest, type ScreeningSummary, type ValidationProblem } from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import type { SealedRecords } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { Logger } from '@signaalhub/logging';
import type { Pool } from 'pg';
import type { BibobAccessPolicy } from '../access/bibob-access-policy.js';
import type { Coordinator } from '../assignment/coordinator-config.js';
import { planReassignment, REASSIGNMENT_LABELS_NL, type ReassignmentRefusal } from '../assignment/reassignment.js';
import { InvalidScreeningInput } from './screening-errors.js';
import { parseBody } from './screening-input.js';
import { ApplicationRecord } from './screening-records.js';
import type { ScreeningRow, ScreeningStore } from './screening-store.js';
import { actorOf, summaryOf } from './screening-workflow.js';

export interface ScreeningReassignmentParts {
  readonly pool: Pool;
  readonly store: ScreeningStore;
  readonly records: SealedRecords;
  readonly policy: BibobAccessPolicy;
  readonly access: AuditedAccess;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly coordinators: readonly Coordinator[];
}

const REFUSAL_FIELDS: Readonly<Record<ReassignmentRefusal, string>> = {
  'not-a-lead': 'assignee',
  'reason-required': 'reason',
  'reason-too-long': 'reason',
  'no-screenings': 'screeningIds',
  'too-many-screenings': 'screeningIds',
  'repeated-screening': 'screeningIds',
  'unknown-target': 'assignee',
};

/**
 * A lead coordinator moves one or more screenings to another coordinator, with a mandatory reason, as the
 * pool's planner allows (target in the pool, not absent, no conflict, capacity for the whole bulk): all
 * or none, each move in the screening's history (the reason sealed) and in the audit log.
 */
export class ScreeningReassignment {
  constructor(private readonly parts: ScreeningReassignmentParts) {}

  async reassign(caller: UserIdentity, body: unknown, origin: string): Promise<ScreeningSummary[]> {
    const { access, policy, store, records } = this.parts;
    const attempt = { caller, action: 'screening.reassign', object: { type: 'screenings', id: '' }, origin };
    await access.check({ ...attempt, policy: policy.leadCoordinator(caller) });
    const request = parseBody(ReassignmentRequest, body);
    const at = this.parts.clock().toISOString();
    const moved = await withTransaction(this.parts.pool, async (client) => {
      // The same pool lock as a new screening's assignment: capacity is checked and taken as one step.
      await store.lockPool(client);
      const rows: ScreeningRow[] = [];
      for (const [index, id] of request.screeningIds.entries()) {
        const row = await store.find(id, client);
        if (row === undefined) throw problems([{ field: `screeningIds.${String(index)}`, rule: 'must be an existing screening', message: 'Deze toets bestaat niet; er is niets gewijzigd' }]);
        rows.push(row);
      }
      const screenings = await Promise.all(
        rows.map(async (row) => ({
          screeningId: row.id,
          municipality: row.municipality,
          kvkNumber: (await records.open(row.applicationSealed, ApplicationRecord)).applicant.kvkNumber,
          ...(row.assignee === null ? {} : { assignedTo: row.assignee }),
        })),
      );
      const plan = planReassignment(
        { actorId: caller.userId, targetCoordinatorId: request.assignee, reason: request.reason, date: at.slice(0, 10), screenings },
        { coordinators: this.parts.coordinators, openScreenings: await store.openCountsByAssignee(client) },
      );
      if (plan.kind === 'refused') throw problems([{ field: REFUSAL_FIELDS[plan.refusal], rule: plan.refusal, message: REASSIGNMENT_LABELS_NL[plan.refusal] }]);
      const refused = plan.moves.flatMap((move, index) =>
        move.outcome === 'refused' ? [{ field: `screeningIds.${String(index)}`, rule: move.refusal, message: REASSIGNMENT_LABELS_NL[move.refusal] }] : [],
      );
      if (refused.length > 0) throw problems(refused);
      await store.assign(client, request.screeningIds, plan.targetCoordinatorId, at);
      for (const row of rows) {
        await store.addHistory(client, {
          screeningId: row.id,
          at,
          action: 'toegewezen',
          actor: actorOf(caller),
          fromPhase: row.phase,
          toPhase: row.phase,
          reasonSealed: await records.seal(plan.reason, [municipalityPartyId(row.municipality)]),
          eventDate: null,
          timelineKind: null,
        });
      }
      return rows.map((row) => ({ ...summaryOf(row), assignee: plan.targetCoordinatorId }));
    });
    for (const id of request.screeningIds) await access.allowed({ ...attempt, object: { type: 'screening', id } });
    this.parts.logger.info({ count: moved.length }, 'screenings reassigned');
    return moved;
  }
}

function problems(list: readonly ValidationProblem[]): InvalidScreeningInput {
  return new InvalidScreeningInput(list, 'rule');
}

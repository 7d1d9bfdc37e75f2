import { randomUUID } from 'node:crypto';
import { municipalityPartyId, type ScreeningApplication } from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import type { SealedRecords } from '@signaalhub/envelope';
import type { Logger } from '@signaalhub/logging';
import type { Pool } from 'pg';
import type { NewScreeningAssignment } from './new-screening-assignment.js';
import type { ScreeningMessages } from './screening-messages.js';
import type { ApplicationRecord } from './screening-records.js';
import type { HistoryActor, ScreeningStore } from './screening-store.js';

export interface ScreeningOpeningParts {
  readonly pool: Pool;
  readonly store: ScreeningStore;
  readonly records: SealedRecords;
  readonly messages: ScreeningMessages;
  readonly assignment: NewScreeningAssignment;
  /** The applicant's KvK match token (partnership key). */
  readonly applicantToken: (kvkNumber: string) => string;
  readonly logger: Logger;
  readonly clock: () => Date;
  /** Schedules the new screening's deadline alerts once it is committed (the alerts' `follow`). */
  readonly followDeadlines: (screeningId: string) => Promise<void>;
}

export interface ScreeningRequestFacts {
  readonly application: ScreeningApplication;
  /** The municipality's reference; the screening id when a coordinator entered it without one. */
  readonly reference: string | undefined;
  /** The coordinator who entered it, or the service that took in a `screening.requested`. */
  readonly actor: HistoryActor;
  readonly requestedByParty: string;
  /** The `screening.requested` message id, so a redelivery opens nothing twice. */
  readonly requestMessageId: string | null;
}

/**
 * Opens a screening, however it was requested: the personal part sealed (pool + requesting
 * municipality), the first history entry, the assignee from the seam, and `screening.opened` to the
 * municipality, in one transaction.
 */
export class ScreeningOpening {
  constructor(private readonly parts: ScreeningOpeningParts) {}

  /** `created: false` when this request message had already opened a screening. */
  async open(facts: ScreeningRequestFacts): Promise<{ id: string; created: boolean }> {
    const { store, records, messages } = this.parts;
    const { application } = facts;
    const id = randomUUID();
    const reference = facts.reference ?? id;
    const record: ApplicationRecord = {
      reference,
      applicant: application.applicant,
      people: application.people,
      ...(application.address === undefined ? {} : { address: application.address }),
      ...(application.vehicles === undefined ? {} : { vehicles: application.vehicles }),
    };
    const applicationSealed = await records.seal(record, [municipalityPartyId(application.municipality)]);
    const applicantToken = this.parts.applicantToken(application.applicant.kvkNumber);
    const openedAt = this.parts.clock().toISOString();
    const outcome = await withTransaction(this.parts.pool, async (client) => {
      // Held until commit: the choice below and the insert are one step for every concurrent opening.
      await store.lockPool(client);
      const assignee = await this.parts.assignment.assigneeFor(
        {
          screeningId: id,
          municipality: application.municipality,
          kind: application.kind,
          kvkNumber: application.applicant.kvkNumber,
          applicantToken,
          date: openedAt.slice(0, 10),
        },
        client,
      );
      const inserted = await store.insert(client, {
        id,
        municipality: application.municipality,
        kind: application.kind,
        assignee,
        requestMessageId: facts.requestMessageId,
        requestedByParty: facts.requestedByParty,
        receivedOn: application.receivedOn,
        decisionTermWeeks: application.decisionTermWeeks,
        applicationSealed,
        applicantToken,
        openedAt,
      });
      if (!inserted) return { created: false, assigned: false };
      const entry = { screeningId: id, at: openedAt, fromPhase: null, toPhase: 'ontvangen' as const, reasonSealed: null, eventDate: application.receivedOn, timelineKind: null };
      await store.addHistory(client, { ...entry, action: 'aangevraagd', actor: facts.actor });
      if (assignee !== null) await store.addHistory(client, { ...entry, action: 'toegewezen', actor: { service: 'bibob' }, eventDate: null });
      await messages.opened(client, { screeningId: id, municipality: application.municipality, reference, openedAt });
      return { created: true, assigned: assignee !== null };
    });
    if (outcome.created) {
      this.parts.logger.info({ screeningId: id, municipality: application.municipality, assigned: outcome.assigned }, 'screening opened');
      await this.parts.followDeadlines(id);
    }
    return { id, created: outcome.created };
  }
}


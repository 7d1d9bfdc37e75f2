import { randomUUID } from 'node:crypto';
import { ObjectNotFound, type AuditedAccess } from '@signaalhub/access';
import { DisclosureRequest, EventTypes, RiskConclusion, type DisclosureRecord, type ScreeningActor } from '@signaalhub/contracts';
import { quotedSchema, withTransaction } from '@signaalhub/database';
import type { SealedRecords } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { Logger } from '@signaalhub/logging';
import type { Pool } from 'pg';
import type { BibobAccessPolicy } from '../access/bibob-access-policy.js';
import { parseBody, ruleBroken } from '../screenings/screening-input.js';
import { LifecycleViolation } from '../screenings/screening-lifecycle.js';
import type { ScreeningMessages } from '../screenings/screening-messages.js';
import type { ScreeningStore } from '../screenings/screening-store.js';
import { actorOf } from '../screenings/screening-workflow.js';

export interface DisclosureRegisterParts {
  readonly pool: Pool;
  readonly schema: string;
  readonly store: ScreeningStore;
  readonly records: SealedRecords;
  readonly messages: ScreeningMessages;
  readonly policy: BibobAccessPolicy;
  readonly access: AuditedAccess;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly riecParty: string;
  /** The art. 28 lid 2 grounds a coordinator may record (configuration). */
  readonly grounds: readonly string[];
}

/**
 * Art. 28 Wet Bibob: an approved conclusion reaches the RIEC only when a coordinator records the lid 2
 * ground, as its own sealed `screening.disclosed`; every disclosure is a line in the register (what, to
 * whom, ground, when, by whom), which auditors read.
 */
export class DisclosureRegister {
  private readonly table: string;

  constructor(private readonly parts: DisclosureRegisterParts) {
    this.table = `${quotedSchema(parts.schema)}.disclosure_register`;
  }

  async disclose(caller: UserIdentity, screeningId: string, body: unknown, origin: string): Promise<DisclosureRecord> {
    const { access, policy, store, records, riecParty } = this.parts;
    const attempt = { caller, action: 'screening.disclose', object: { type: 'screening', id: screeningId }, origin };
    await access.check({ ...attempt, policy: policy.coordinator(caller) });
    const { ground } = parseBody(DisclosureRequest, body);
    if (!this.parts.grounds.includes(ground.code)) {
      throw ruleBroken('ground.code', `must be one of ${this.parts.grounds.join(', ')}`, 'Kies een grond van art. 28 lid 2 uit de lijst');
    }
    const disclosedAt = this.parts.clock().toISOString();
    const disclosedBy: ScreeningActor = actorOf(caller);
    const record = await withTransaction(this.parts.pool, async (client) => {
      const screening = await store.find(screeningId, client);
      if (screening === undefined) throw new ObjectNotFound('screening');
      const approved = (await store.conclusionsOf(screeningId, client)).filter((version) => version.status === 'goedgekeurd').at(-1);
      if (approved === undefined) throw new LifecycleViolation('conflict', 'Er is nog geen goedgekeurde conclusie om te verstrekken.');
      const line: DisclosureRecord = {
        id: randomUUID(),
        screeningId,
        municipality: screening.municipality,
        what: EventTypes.screeningDisclosed,
        conclusionVersion: approved.version,
        recipient: riecParty,
        groundCode: ground.code,
        disclosedAt,
        disclosedBy,
      };
      const inserted = await client.query(
        `INSERT INTO ${this.table} (id, screening_id, municipality, what, conclusion_version, recipient_party, ground_code, ground_sealed,
           disclosed_at, disclosed_by_party, disclosed_by_user)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (screening_id, conclusion_version, recipient_party) DO NOTHING`,
        [line.id, screeningId, line.municipality, line.what, line.conclusionVersion, riecParty, ground.code, await records.seal(ground), disclosedAt, disclosedBy.party, disclosedBy.userId],
      );
      if (inserted.rowCount !== 1) throw new LifecycleViolation('conflict', 'Deze versie van de conclusie is al aan het RIEC verstrekt.');
      await store.addHistory(client, {
        screeningId,
        at: disclosedAt,
        action: 'verstrekt-aan-riec',
        actor: disclosedBy,
        fromPhase: screening.phase,
        toPhase: screening.phase,
        reasonSealed: await records.seal(ground.explanation),
        eventDate: null,
        timelineKind: null,
      });
      await this.parts.messages.disclosed(client, {
        screeningId,
        municipality: screening.municipality,
        version: approved.version,
        conclusion: await records.open(approved.conclusionSealed, RiskConclusion),
        ground,
        disclosedBy,
        disclosedAt,
      });
      return line;
    });
    await access.allowed(attempt);
    this.parts.logger.info({ screeningId, disclosureId: record.id }, 'disclosure recorded');
    return record;
  }

  /** The register, newest first; all of it for the pool's auditor, one municipality's lines otherwise. */
  async read(caller: UserIdentity, municipality: string | undefined, origin: string): Promise<DisclosureRecord[]> {
    await this.parts.access.check({
      caller,
      action: 'disclosure.list',
      object: { type: 'disclosure-register', id: municipality ?? '*' },
      origin,
      policy: this.parts.policy.disclosureRegister(caller, municipality),
      auditAllowed: true,
    });
    const result = await this.parts.pool.query<DisclosureRecord & { disclosedByParty: string; disclosedByUser: string }>(
      `SELECT id, screening_id AS "screeningId", municipality, what, conclusion_version AS "conclusionVersion", recipient_party AS recipient,
         ground_code AS "groundCode", to_char(disclosed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "disclosedAt",
         disclosed_by_party AS "disclosedByParty", disclosed_by_user AS "disclosedByUser"
       FROM ${this.table} WHERE $1::text IS NULL OR municipality = $1 ORDER BY disclosed_at DESC, id LIMIT 1000`,
      [municipality ?? null],
    );
    return result.rows.map(({ disclosedByParty, disclosedByUser, ...line }) => ({ ...line, disclosedBy: { party: disclosedByParty, userId: disclosedByUser } }));
  }
}

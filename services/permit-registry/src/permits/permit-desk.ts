import { ObjectNotFound, type AuditedAccess } from '@signaalhub/access';
import { CaseCondition, PermitActionRequest, type PermitAction, type PermitCondition, type PermitDetail, type PermitEvent } from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import type { MatchTokenKey } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { Logger } from '@signaalhub/logging';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { RegistryAccessPolicy } from '../access/registry-access-policy.js';
import { RegistryConflict, ruleBroken } from '../registry/registry-errors.js';
import { actorOf, parseBody, today } from '../registry/registry-input.js';
import { SealedText, type MunicipalRecords } from '../registry/registry-records.js';
import type { RegistrySettings } from '../registry/registry-settings.js';
import { SERVICE_ACTOR } from '../registry/service-actor.js';
import { takePermitAction, timeActionDue } from './permit-lifecycle.js';
import type { PublicRegister } from '../public-register/public-register.js';
import type { PermitMessages } from './permit-messages.js';
import type { PermitHistoryActor, PermitRow, PermitStore } from './permit-store.js';

export interface PermitDeskParts {
  readonly pool: Pool;
  readonly store: PermitStore;
  readonly records: MunicipalRecords;
  readonly messages: PermitMessages;
  readonly publicRegister: PublicRegister;
  readonly policy: RegistryAccessPolicy;
  readonly access: AuditedAccess;
  readonly settings: RegistrySettings;
  readonly matchTokenKey: MatchTokenKey;
  readonly logger: Logger;
  readonly clock: () => Date;
}

const CaseConditions = z.array(CaseCondition);

/**
 * A permit officer's decisions on a permit: every action is checked against the status machine, written with
 * its history entry (who, when, the sealed reason) and its sealed event (status and dates only), in one
 * transaction; a refused action changes nothing. Granting attaches the configured standard conditions and the
 * case-specific ones (sealed: they may come from a Bibob conclusion).
 */
export class PermitDesk {
  constructor(private readonly parts: PermitDeskParts) {}

  async act(caller: UserIdentity, id: string, body: unknown, origin: string): Promise<PermitDetail> {
    await this.checked(caller, id, 'permit.act', origin, false);
    const request = parseBody(PermitActionRequest, body);
    if (request.date > today(this.parts.clock)) throw ruleBroken('date', 'must not be in the future', 'De datum mag niet in de toekomst liggen');
    await this.decide(id, actorOf(caller), () => request);
    await this.parts.access.allowed({ caller, action: 'permit.act', object: { type: 'permit', id }, origin });
    this.parts.logger.info({ permitId: id, action: request.action }, 'permit updated');
    return this.detailOf(id);
  }

  /**
   * The permit clock's step on one permit: the action time has made due by `day` (timeActionDue), taken as an
   * officer's would be, by the service. Asked again on the locked row, so a second registry instance, a
   * repeated sweep or an officer who acted meanwhile finds nothing due. Answers the action taken, if any.
   */
  async actOnTime(id: string, day: string): Promise<PermitAction | undefined> {
    const taken = await this.decide(id, SERVICE_ACTOR, (permit) => timeActionDue(permit, day));
    if (taken !== undefined) this.parts.logger.info({ permitId: id, action: taken.action }, 'permit updated by the permit clock');
    return taken?.action;
  }

  /**
   * One decision in one transaction: the permit row locked, the request `requestFor` it (none: nothing
   * changes) checked against the status machine, then the row, the public register, the sealed event and
   * the history entry with the sealed reason. Answers the request taken.
   */
  private async decide(id: string, actor: PermitHistoryActor, requestFor: (permit: PermitRow) => PermitActionRequest | undefined): Promise<PermitActionRequest | undefined> {
    const at = this.parts.clock().toISOString();
    return withTransaction(this.parts.pool, async (client) => {
      const permit = await this.parts.store.find(id, client);
      if (permit === undefined) throw new ObjectNotFound('permit');
      const request = requestFor(permit);
      if (request === undefined) return undefined;
      const records = this.parts.records.of(permit.municipality);
      const outcome = takePermitAction(permit, request);
      const granted =
        request.action === 'verlenen'
          ? {
              permitNumber: request.permitNumber,
              standardConditions: this.parts.settings.standardConditions.map((condition) => condition.code),
              caseConditionsSealed: await records.seal(request.conditions),
            }
          : undefined;
      if (!(await this.parts.store.update(client, id, outcome.state, granted, at))) throw new RegistryConflict('Dit vergunningnummer is al uitgegeven.');
      await this.parts.publicRegister.record(client, id, request);
      const messageId =
        outcome.event === null
          ? null
          : await this.parts.messages.send(client, outcome.event, eventOf(permit, outcome.state, request.date), [
              { kind: 'kvk', version: this.parts.matchTokenKey.version, token: permit.kvkToken },
              { kind: 'address', version: this.parts.matchTokenKey.version, token: permit.addressToken },
            ]);
      await this.parts.store.addHistory(client, id, {
        at,
        action: request.action,
        actor,
        fromStatus: permit.status,
        toStatus: outcome.state.status,
        date: request.date,
        reasonSealed: await records.seal(request.reason),
        messageId,
      });
      return request;
    });
  }

  async detail(caller: UserIdentity, id: string, origin: string): Promise<PermitDetail> {
    await this.checked(caller, id, 'permit.open', origin, true);
    return this.detailOf(id);
  }

  /** Role, then the permit's municipality. */
  private async checked(caller: UserIdentity, id: string, action: string, origin: string, auditAllowed: boolean): Promise<void> {
    const { access, policy } = this.parts;
    const attempt = { caller, action, object: { type: 'permit', id }, origin };
    await access.check({ ...attempt, policy: policy.anyRegistry(caller) });
    const permit = await this.parts.store.find(id);
    if (permit === undefined) throw new ObjectNotFound('permit');
    await access.check({ ...attempt, policy: policy.registryOf(caller, permit.municipality), auditAllowed });
  }

  private async detailOf(id: string): Promise<PermitDetail> {
    const permit = await this.parts.store.find(id);
    if (permit === undefined) throw new ObjectNotFound('permit');
    const records = this.parts.records.of(permit.municipality);
    const standard = this.parts.settings.standardConditions
      .filter((condition) => permit.standardConditions.includes(condition.code))
      .map((condition): PermitCondition => ({ kind: 'standaard', text: condition.text, legalBasis: condition.legalBasis, fromBibob: false }));
    const specific = permit.caseConditionsSealed === null ? [] : (await records.open(permit.caseConditionsSealed, CaseConditions)).map((condition): PermitCondition => ({ kind: 'specifiek', ...condition }));
    const history = await Promise.all(
      (await this.parts.store.historyOf(id)).map(async (entry) => ({
        at: entry.at,
        action: entry.action as PermitAction,
        actor: entry.actor,
        fromStatus: entry.fromStatus,
        toStatus: entry.toStatus,
        date: entry.date,
        reason: await records.open(entry.reasonSealed, SealedText),
      })),
    );
    return {
      id: permit.id,
      applicationId: permit.applicationId,
      municipality: permit.municipality,
      establishmentId: permit.establishmentId,
      status: permit.status,
      zienswijze: permit.zienswijze,
      permitNumber: permit.permitNumber,
      validFrom: permit.validFrom,
      validUntil: permit.validUntil,
      suspendedFrom: permit.suspendedFrom,
      suspendedUntil: permit.suspendedUntil,
      conditions: [...standard, ...specific],
      history,
    };
  }
}

/** Status and dates only: what the pool and the RIEC may know of a decision. */
function eventOf(permit: PermitRow, state: PermitRow | ReturnType<typeof takePermitAction>['state'], date: string): PermitEvent {
  return {
    permitId: permit.id,
    municipality: permit.municipality,
    status: state.status,
    date,
    validFrom: state.validFrom,
    validUntil: state.validUntil,
    suspendedFrom: state.suspendedFrom,
    suspendedUntil: state.suspendedUntil,
  };
}

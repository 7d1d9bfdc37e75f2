import { randomUUID } from 'node:crypto';
import { ObjectNotFound, type AuditedAccess } from '@signaalhub/access';
import {
  EstablishmentRegistration,
  EstablishmentSearch,
  RiskConclusion,
  type EstablishmentDetail,
  type EstablishmentHistoryEntry,
  type EstablishmentRescreeningView,
  type EstablishmentSummary,
} from '@signaalhub/contracts';
import { matchToken, type MatchTokenKey, type SealedRecords } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { Logger } from '@signaalhub/logging';
import type { RegistryAccessPolicy } from '../access/registry-access-policy.js';
import { RegistryConflict, ruleBroken } from '../registry/registry-errors.js';
import { actorOf, parseBody } from '../registry/registry-input.js';
import type { FlagStore } from '../flags/flag-store.js';
import { EstablishmentParticulars, SealedText, type MunicipalRecords } from '../registry/registry-records.js';
import { acceptsSbiCode, type RegistrySettings } from '../registry/registry-settings.js';
import type { EstablishmentHistoryRow, EstablishmentStore } from './establishment-store.js';
import type { RescreeningStore } from './rescreening-store.js';

export interface EstablishmentRegisterParts {
  readonly store: EstablishmentStore;
  readonly flags: FlagStore;
  readonly rescreenings: RescreeningStore;
  readonly records: MunicipalRecords;
  readonly policy: RegistryAccessPolicy;
  readonly access: AuditedAccess;
  readonly settings: RegistrySettings;
  readonly matchTokenKey: MatchTokenKey;
  readonly logger: Logger;
  readonly clock: () => Date;
}

/**
 * Establishments: registered by a permit officer of the municipality (the KvK number and the people
 * sealed, the KvK number and the address also as match tokens), searched by KvK number, vestigingsnummer,
 * trade name or postcode (no people in the list, its flag count), and opened with its people, its signal
 * flags, its re-screenings (with the pool's conclusion) and its history (audited).
 */
export class EstablishmentRegister {
  constructor(private readonly parts: EstablishmentRegisterParts) {}

  async register(caller: UserIdentity, body: unknown, origin: string): Promise<EstablishmentSummary> {
    const { access, policy } = this.parts;
    const attempt = { caller, action: 'establishment.register', object: { type: 'establishments', id: '' }, origin };
    await access.check({ ...attempt, policy: policy.anyRegistry(caller) });
    const registration = parseBody(EstablishmentRegistration, body);
    await access.check({ ...attempt, object: { type: 'establishments', id: registration.municipality }, policy: policy.registryOf(caller, registration.municipality) });
    registration.activities.forEach((entry, index) => {
      if (!acceptsSbiCode(this.parts.settings, entry.activity, entry.sbiCode)) {
        throw ruleBroken(`activities.${String(index)}.sbiCode`, 'must be an SBI code the configuration lists for this activity', 'Deze SBI-code hoort niet bij deze activiteit');
      }
    });
    const id = randomUUID();
    const particulars: EstablishmentParticulars = { kvkNumber: registration.kvkNumber, people: registration.people };
    const { address } = registration;
    const registeredAt = this.parts.clock().toISOString();
    const inserted = await this.parts.store.insert({
      id,
      municipality: registration.municipality,
      vestigingsnummer: registration.vestigingsnummer,
      kvkToken: matchToken({ kind: 'kvk', kvkNumber: registration.kvkNumber }, this.parts.matchTokenKey).token,
      addressToken: matchToken({ kind: 'address', address }, this.parts.matchTokenKey).token,
      tradeName: registration.tradeName,
      postcode: address.postcode,
      huisnummer: address.huisnummer,
      toevoeging: address.toevoeging,
      activities: registration.activities,
      particularsSealed: await this.parts.records.of(registration.municipality).seal(particulars),
      registeredBy: actorOf(caller),
      registeredAt,
    });
    if (!inserted) throw new RegistryConflict('Deze vestiging (vestigingsnummer) staat al in het register.');
    await access.allowed({ ...attempt, object: { type: 'establishment', id } });
    this.parts.logger.info({ establishmentId: id, municipality: registration.municipality }, 'establishment registered');
    return {
      id,
      municipality: registration.municipality,
      vestigingsnummer: registration.vestigingsnummer,
      tradeName: registration.tradeName,
      address: { postcode: address.postcode, huisnummer: address.huisnummer, ...(address.toevoeging === undefined ? {} : { toevoeging: address.toevoeging }) },
      activities: registration.activities,
      registeredAt,
      flagCount: 0,
    };
  }

  async search(caller: UserIdentity, query: unknown, origin: string): Promise<EstablishmentSummary[]> {
    const { access, policy } = this.parts;
    const attempt = { caller, action: 'establishment.search', object: { type: 'establishments', id: '*' }, origin };
    await access.check({ ...attempt, policy: policy.anyRegistry(caller) });
    const search = parseBody(EstablishmentSearch, query);
    await access.check({ ...attempt, object: { type: 'establishments', id: search.municipality }, policy: policy.registryOf(caller, search.municipality) });
    return this.parts.store.search({
      municipality: search.municipality,
      ...(search.kvkNumber === undefined ? {} : { kvkToken: matchToken({ kind: 'kvk', kvkNumber: search.kvkNumber }, this.parts.matchTokenKey).token }),
      ...(search.vestigingsnummer === undefined ? {} : { vestigingsnummer: search.vestigingsnummer }),
      ...(search.tradeName === undefined ? {} : { tradeName: search.tradeName }),
      ...(search.postcode === undefined ? {} : { postcode: search.postcode }),
    });
  }

  async detail(caller: UserIdentity, id: string, origin: string): Promise<EstablishmentDetail> {
    const { access, policy } = this.parts;
    const attempt = { caller, action: 'establishment.open', object: { type: 'establishment', id }, origin };
    await access.check({ ...attempt, policy: policy.anyRegistry(caller) });
    const row = await this.parts.store.find(id);
    if (row === undefined) throw new ObjectNotFound('establishment');
    await access.check({ ...attempt, policy: policy.registryOf(caller, row.municipality), auditAllowed: true });
    const { particularsSealed, ...summary } = row;
    const records = this.parts.records.of(row.municipality);
    const particulars = await records.open(particularsSealed, EstablishmentParticulars);
    // Re-screenings before the history: a step changes both in one transaction, so the history read after a
    // re-screening's state always holds the entry that brought it there.
    const rescreenings = await this.rescreeningsOf(records, id);
    const history = await Promise.all((await this.parts.store.historyOf(id)).map((entry) => this.historyEntry(records, entry)));
    const flags = await this.parts.flags.flagsOf(id);
    // Counted from the flags shown: a signal flagged in between must not make the two disagree.
    return { ...summary, flagCount: flags.length, kvkNumber: particulars.kvkNumber, people: particulars.people, flags, rescreenings, history };
  }

  private async historyEntry(records: SealedRecords, entry: EstablishmentHistoryRow): Promise<EstablishmentHistoryEntry> {
    return {
      at: entry.at,
      action: entry.action,
      actor: entry.actor,
      ...(entry.reasonSealed === null ? {} : { reason: await records.open(entry.reasonSealed, SealedText) }),
      ...(entry.milestone === null ? {} : { milestone: entry.milestone }),
      ...(entry.date === null ? {} : { date: entry.date }),
    };
  }

  /** Its re-screenings, each with the highest conclusion version opened (art. 28 Wet Bibob: only here, for the municipality's officers). */
  private async rescreeningsOf(records: SealedRecords, id: string): Promise<EstablishmentRescreeningView[]> {
    const rows = await this.parts.rescreenings.listOf(id);
    const conclusions = await this.parts.rescreenings.latestConclusions(rows.map((row) => row.requestMessageId));
    return Promise.all(
      rows.map(async (row) => {
        const sealed = conclusions.get(row.requestMessageId);
        const conclusion = sealed === undefined ? null : { version: sealed.version, approvedAt: sealed.approvedAt, conclusion: await records.open(sealed.conclusionSealed, RiskConclusion) };
        return { askedOn: row.askedOn, status: row.status, screeningId: row.screeningId, conclusion };
      }),
    );
  }
}

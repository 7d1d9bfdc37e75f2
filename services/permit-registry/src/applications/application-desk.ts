import { randomUUID } from 'node:crypto';
import { ObjectNotFound, type AuditedAccess } from '@signaalhub/access';
import {
  ApplicationRegistration,
  CompletenessReceipt,
  CompletenessRequest,
  MunicipalityId,
  RiskConclusion,
  type ApplicationDetail,
  type ApplicationSummary,
  type ApplicationTimelineEntry,
} from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import type { DeadlineCalendar } from '@signaalhub/deadlines';
import type { UserIdentity } from '@signaalhub/identity';
import type { Logger } from '@signaalhub/logging';
import type { Pool, PoolClient } from 'pg';
import { z } from 'zod';
import type { RegistryAccessPolicy } from '../access/registry-access-policy.js';
import type { EstablishmentStore } from '../establishments/establishment-store.js';
import type { ScreeningRequests } from '../screenings/screening-requests.js';
import type { PermitStore } from '../permits/permit-store.js';
import { RegistryConflict, ruleBroken } from '../registry/registry-errors.js';
import { actorOf, parseBody, today } from '../registry/registry-input.js';
import type { MunicipalRecords } from '../registry/registry-records.js';
import type { ApplicationRow, ApplicationStore, TimelineRow } from './application-store.js';
import { checkedDeadlines, completenessOpen, deadlinesOf, isOverdue, lastDate } from './application-timeline.js';

export interface ApplicationDeskParts {
  readonly pool: Pool;
  readonly store: ApplicationStore;
  readonly establishments: EstablishmentStore;
  readonly permits: PermitStore;
  readonly records: MunicipalRecords;
  readonly screeningRequests: ScreeningRequests;
  readonly policy: RegistryAccessPolicy;
  readonly access: AuditedAccess;
  readonly calendar: DeadlineCalendar;
  readonly logger: Logger;
  readonly clock: () => Date;
}

const MissingItems = z.strictObject({ missing: z.array(z.string()) });
const ApplicationQuery = z.strictObject({ municipality: MunicipalityId });

/**
 * A permit officer's applications: registered for an establishment of their municipality; completeness
 * asked and received (the decision term stops and runs again); a Bibob screening requested from the pool
 * with one action; the legal decision date from the deadline engine; the conclusion the pool sent, shown
 * only to the municipality's permit officers (audited). Access is checked before the body is looked at.
 */
export class ApplicationDesk {
  constructor(private readonly parts: ApplicationDeskParts) {}

  async register(caller: UserIdentity, body: unknown, origin: string): Promise<ApplicationSummary> {
    const { access, policy } = this.parts;
    const attempt = { caller, action: 'application.register', object: { type: 'applications', id: '' }, origin };
    await access.check({ ...attempt, policy: policy.anyRegistry(caller) });
    const registration = parseBody(ApplicationRegistration, body);
    const establishment = await this.parts.establishments.find(registration.establishmentId);
    if (establishment === undefined) throw ruleBroken('establishmentId', 'must be a registered establishment', 'Deze vestiging staat niet in het register');
    await access.check({ ...attempt, object: { type: 'establishment', id: establishment.id }, policy: policy.registryOf(caller, establishment.municipality) });
    if (registration.receivedOn > today(this.parts.clock)) throw ruleBroken('receivedOn', 'must not be in the future', 'De datum van ontvangst mag niet in de toekomst liggen');
    const id = randomUUID();
    const row = { id, municipality: establishment.municipality, establishmentId: establishment.id, kind: registration.kind, receivedOn: registration.receivedOn, decisionTermWeeks: registration.decisionTermWeeks };
    const permitId = randomUUID();
    await withTransaction(this.parts.pool, async (client) => {
      const at = this.parts.clock().toISOString();
      await this.parts.store.insert(client, row, actorOf(caller), at);
      await this.parts.permits.insert(client, { id: permitId, applicationId: id, municipality: row.municipality, establishmentId: row.establishmentId }, at);
    });
    await access.allowed({ ...attempt, object: { type: 'application', id } });
    this.parts.logger.info({ applicationId: id, municipality: row.municipality }, 'application registered');
    return this.summaryOf({ ...row, permitId, tradeName: establishment.tradeName, bibob: 'niet-gevraagd', screeningRequestId: null, screeningId: null }, []);
  }

  /** The municipality's applications, overdue first, then by decision date. */
  async list(caller: UserIdentity, query: unknown, origin: string): Promise<ApplicationSummary[]> {
    const { access, policy } = this.parts;
    const attempt = { caller, action: 'application.list', object: { type: 'applications', id: '*' }, origin };
    await access.check({ ...attempt, policy: policy.anyRegistry(caller) });
    const { municipality } = parseBody(ApplicationQuery, query);
    await access.check({ ...attempt, object: { type: 'applications', id: municipality }, policy: policy.registryOf(caller, municipality) });
    const rows = await this.parts.store.list(municipality);
    const timelines = await this.parts.store.timelineOf(rows.map((row) => row.id));
    const summaries = rows.map((row) => this.summaryOf(row, timelines.get(row.id) ?? []));
    const order = (summary: ApplicationSummary): string => `${summary.overdue ? '0' : '1'}${summary.decisionDate ?? '9999-99-99'}`;
    return summaries.sort((a, b) => order(a).localeCompare(order(b)));
  }

  async detail(caller: UserIdentity, id: string, origin: string): Promise<ApplicationDetail> {
    const row = await this.readable(caller, id, 'application.open', origin);
    const records = this.parts.records.of(row.municipality);
    const timeline = (await this.parts.store.timelineOf([id])).get(id) ?? [];
    const open = completenessOpen(timeline);
    const conclusions = await Promise.all(
      (await this.parts.store.conclusionsOf(id)).map(async (entry) => ({ version: entry.version, approvedAt: entry.approvedAt, conclusion: await records.open(entry.conclusionSealed, RiskConclusion) })),
    );
    const entries = await Promise.all(timeline.map((entry) => this.timelineEntry(row.municipality, entry)));
    return {
      ...this.summaryOf(row, timeline),
      timeline: entries,
      missing: open?.detailsSealed == null ? [] : (await records.open(open.detailsSealed, MissingItems)).missing,
      deadlines: deadlinesOf(row, timeline, this.parts.calendar),
      screeningId: row.screeningId,
      conclusions,
    };
  }

  async askCompleteness(caller: UserIdentity, id: string, body: unknown, origin: string): Promise<ApplicationSummary> {
    await this.readable(caller, id, 'application.completeness', origin, false);
    const request = parseBody(CompletenessRequest, body);
    return this.locked(caller, id, 'application.completeness', origin, async (client, row, timeline, at) => {
      if (completenessOpen(timeline) !== undefined) throw new RegistryConflict('Er staat al een verzoek om aanvulling open.');
      this.checkDate(request.date, row, timeline);
      const detailsSealed = await this.parts.records.of(row.municipality).seal({ missing: request.missing });
      return this.addEntry(client, row, timeline, { kind: 'aanvulling-gevraagd', date: request.date, at, actor: actorOf(caller), sourceMessageId: null, detailsSealed });
    });
  }

  async receiveCompleteness(caller: UserIdentity, id: string, body: unknown, origin: string): Promise<ApplicationSummary> {
    await this.readable(caller, id, 'application.completeness', origin, false);
    const receipt = parseBody(CompletenessReceipt, body);
    return this.locked(caller, id, 'application.completeness', origin, async (client, row, timeline, at) => {
      if (completenessOpen(timeline) === undefined) throw new RegistryConflict('Er staat geen verzoek om aanvulling open.');
      this.checkDate(receipt.date, row, timeline);
      return this.addEntry(client, row, timeline, { kind: 'aanvulling-ontvangen', date: receipt.date, at, actor: actorOf(caller), sourceMessageId: null, detailsSealed: null });
    });
  }

  /** One action: `screening.requested`, sealed to the pool and the municipality, with the establishment's KvK number and people. */
  async requestScreening(caller: UserIdentity, id: string, origin: string): Promise<ApplicationSummary> {
    await this.readable(caller, id, 'application.screening-request', origin, false);
    return this.locked(caller, id, 'application.screening-request', origin, async (client, row, timeline, at) => {
      if (row.bibob !== 'niet-gevraagd') throw new RegistryConflict('Voor deze aanvraag is de Bibob-toets al gevraagd.');
      const establishment = await this.parts.establishments.find(row.establishmentId);
      if (establishment === undefined) throw new ObjectNotFound('establishment');
      const requestId = await this.parts.screeningRequests.request(client, establishment, {
        receivedOn: row.receivedOn,
        decisionTermWeeks: row.decisionTermWeeks,
        reference: row.id,
        requestedBy: actorOf(caller),
      });
      await this.parts.store.setBibob(client, id, { bibob: 'gevraagd', screeningRequestId: requestId }, at);
      const changed = { ...row, bibob: 'gevraagd' as const, screeningRequestId: requestId };
      return this.addEntry(client, changed, timeline, { kind: 'screening-gevraagd', date: today(this.parts.clock), at, actor: actorOf(caller), sourceMessageId: null, detailsSealed: null });
    });
  }

  /** The application after the access checks: permit officer, then its municipality (audited when `auditAllowed`). */
  private async readable(caller: UserIdentity, id: string, action: string, origin: string, auditAllowed = true): Promise<ApplicationRow> {
    const { access, policy } = this.parts;
    const attempt = { caller, action, object: { type: 'application', id }, origin };
    await access.check({ ...attempt, policy: policy.anyRegistry(caller) });
    const row = await this.parts.store.find(id);
    if (row === undefined) throw new ObjectNotFound('application');
    await access.check({ ...attempt, policy: policy.registryOf(caller, row.municipality), auditAllowed });
    return row;
  }

  private async locked(
    caller: UserIdentity,
    id: string,
    action: string,
    origin: string,
    work: (client: PoolClient, row: ApplicationRow, timeline: TimelineRow[], at: string) => Promise<ApplicationSummary>,
  ): Promise<ApplicationSummary> {
    const at = this.parts.clock().toISOString();
    const summary = await withTransaction(this.parts.pool, async (client) => {
      const row = await this.parts.store.find(id, client);
      if (row === undefined) throw new ObjectNotFound('application');
      const timeline = (await this.parts.store.timelineOf([id], client)).get(id) ?? [];
      return work(client, row, timeline, at);
    });
    await this.parts.access.allowed({ caller, action, object: { type: 'application', id }, origin });
    this.parts.logger.info({ applicationId: id, action }, 'application updated');
    return summary;
  }

  /** Adds an entry the deadline engine must still accept (422 naming `date` otherwise); answers the new summary. */
  private async addEntry(client: PoolClient, row: ApplicationRow, timeline: readonly TimelineRow[], entry: TimelineRow): Promise<ApplicationSummary> {
    const after = [...timeline, entry];
    const checked = checkedDeadlines(row, after, this.parts.calendar);
    if (!checked.ok) throw ruleBroken('date', 'must fit the application timeline (deadline engine)', checked.reason);
    await this.parts.store.addTimeline(client, row.id, entry);
    return this.summaryOf(row, after);
  }

  private checkDate(date: string, row: ApplicationRow, timeline: readonly TimelineRow[]): void {
    if (date > today(this.parts.clock)) throw ruleBroken('date', 'must not be in the future', 'De datum mag niet in de toekomst liggen');
    if (date < lastDate(row, timeline)) throw ruleBroken('date', 'must not lie before the latest date of the application', 'De datum mag niet voor de laatste datum van de aanvraag liggen');
  }

  private summaryOf(row: ApplicationRow, timeline: readonly TimelineRow[]): ApplicationSummary {
    const deadlines = deadlinesOf(row, timeline, this.parts.calendar);
    return {
      id: row.id,
      municipality: row.municipality,
      establishmentId: row.establishmentId,
      permitId: row.permitId,
      tradeName: row.tradeName,
      kind: row.kind,
      receivedOn: row.receivedOn,
      decisionTermWeeks: row.decisionTermWeeks,
      bibob: row.bibob,
      decisionDate: deadlines.uitersteBeslisdatum,
      overdue: isOverdue(deadlines, today(this.parts.clock)),
    };
  }

  private async timelineEntry(municipality: string, row: TimelineRow): Promise<ApplicationTimelineEntry> {
    const missing = row.kind === 'aanvulling-gevraagd' && row.detailsSealed !== null ? (await this.parts.records.of(municipality).open(row.detailsSealed, MissingItems)).missing : undefined;
    return { kind: row.kind, date: row.date, at: row.at, actor: row.actor, ...(missing === undefined ? {} : { missing }) };
  }
}

import type { CoordinatorCapacity, DisclosureRecord, PoolInformationAnswer, PoolInformationRequest, ScreeningDetail, ScreeningListItem, ScreeningSummary } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { ServiceClient } from './service-client.js';

/** Which list of screenings: all (optionally one municipality's), one coordinator's, or the waiting ones. */
export type ScreeningListQuery =
  | { readonly municipality?: string }
  | { readonly assignee: string }
  | { readonly unassigned: true };

/** The bibob service's HTTP API (the coordinator pool), as the signed-in user. Drafts are validated by the service (400 with problems). */
export class BibobClient {
  constructor(private readonly client: ServiceClient) {}

  /** In the pool's order: overdue first, then by the next deadline. */
  async list(identity: UserIdentity, query: ScreeningListQuery): Promise<ScreeningListItem[]> {
    const parameters = new URLSearchParams();
    if ('municipality' in query && query.municipality !== undefined) parameters.set('municipality', query.municipality);
    if ('assignee' in query) parameters.set('assignee', query.assignee);
    if ('unassigned' in query) parameters.set('unassigned', 'true');
    const search = parameters.size === 0 ? '' : `?${parameters.toString()}`;
    return (await this.client.call<ScreeningListItem[]>(identity, { method: 'GET', path: `/api/screenings${search}` })).body;
  }

  async detail(identity: UserIdentity, id: string): Promise<ScreeningDetail> {
    return (await this.client.call<ScreeningDetail>(identity, { method: 'GET', path: screeningPath(id) })).body;
  }

  async create(identity: UserIdentity, form: Readonly<Record<string, unknown>>): Promise<{ id: string }> {
    return (await this.client.call<{ id: string }>(identity, { method: 'POST', path: '/api/screenings', body: form })).body;
  }

  async step(identity: UserIdentity, id: string, transition: Readonly<Record<string, unknown>>): Promise<void> {
    await this.client.call(identity, { method: 'POST', path: `${screeningPath(id)}/transitions`, body: transition });
  }

  async answerQuestionnaire(identity: UserIdentity, id: string, item: string, update: Readonly<Record<string, unknown>>): Promise<void> {
    await this.client.call(identity, { method: 'PUT', path: `${screeningPath(id)}/questionnaire/${encodeURIComponent(item)}`, body: update });
  }

  async proposeConclusion(identity: UserIdentity, id: string, proposal: Readonly<Record<string, unknown>>): Promise<void> {
    await this.client.call(identity, { method: 'POST', path: `${screeningPath(id)}/conclusions`, body: proposal });
  }

  async approveConclusion(identity: UserIdentity, id: string, version: number, approval: Readonly<Record<string, unknown>>): Promise<void> {
    await this.client.call(identity, { method: 'POST', path: `${screeningPath(id)}/conclusions/${version}/approval`, body: approval });
  }

  async disclose(identity: UserIdentity, id: string, request: Readonly<Record<string, unknown>>): Promise<DisclosureRecord> {
    return (await this.client.call<DisclosureRecord>(identity, { method: 'POST', path: `${screeningPath(id)}/disclosures`, body: request })).body;
  }

  /** A lead coordinator moves screenings to another coordinator ({ screeningIds, assignee, reason }); all or none. */
  async reassign(identity: UserIdentity, request: Readonly<Record<string, unknown>>): Promise<ScreeningSummary[]> {
    return (await this.client.call<ScreeningSummary[]>(identity, { method: 'POST', path: '/api/screenings/assignments', body: request })).body;
  }

  /** The pool's coordinators with open vs capacity and absences (coordinators only). */
  async coordinators(identity: UserIdentity): Promise<CoordinatorCapacity[]> {
    return (await this.client.call<CoordinatorCapacity[]>(identity, { method: 'GET', path: '/api/coordinators' })).body;
  }

  async requestInformation(identity: UserIdentity, id: string, request: Readonly<Record<string, unknown>>): Promise<PoolInformationRequest> {
    return (await this.client.call<PoolInformationRequest>(identity, { method: 'POST', path: `${screeningPath(id)}/information-requests`, body: request })).body;
  }

  async informationRequests(identity: UserIdentity, id: string): Promise<PoolInformationRequest[]> {
    return (await this.client.call<PoolInformationRequest[]>(identity, { method: 'GET', path: `${screeningPath(id)}/information-requests` })).body;
  }

  async informationAnswer(identity: UserIdentity, id: string, requestId: string): Promise<PoolInformationAnswer> {
    const path = `${screeningPath(id)}/information-requests/${encodeURIComponent(requestId)}/answer`;
    return (await this.client.call<PoolInformationAnswer>(identity, { method: 'GET', path })).body;
  }

  async disclosures(identity: UserIdentity): Promise<DisclosureRecord[]> {
    return (await this.client.call<DisclosureRecord[]>(identity, { method: 'GET', path: '/api/disclosures' })).body;
  }
}

const screeningPath = (id: string): string => `/api/screenings/${encodeURIComponent(id)}`;

import type {
  ActionView,
  AgendaEntry,
  DecisionList,
  DecisionReceipt,
  DiscussedItem,
  InformationRequestSummary,
  InformationResponse,
  InformationResponseReceipt,
  ItemHistory,
  Meeting,
  MeetingAgenda,
  MunicipalityId,
  OpenedAgendaItem,
  OpenedInformationRequest,
  PrintableAgenda,
} from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { ServiceClient } from './service-client.js';

/** The meeting service's HTTP API, as the signed-in user. */
export class MeetingClient {
  constructor(private readonly client: ServiceClient) {}

  async agenda(identity: UserIdentity, municipality: MunicipalityId): Promise<AgendaEntry[]> {
    const query = new URLSearchParams({ municipality });
    return (await this.client.call<AgendaEntry[]>(identity, { method: 'GET', path: `/api/agenda?${query.toString()}` })).body;
  }

  async openItem(identity: UserIdentity, itemId: string): Promise<OpenedAgendaItem> {
    const path = `/api/agenda/items/${encodeURIComponent(itemId)}`;
    return (await this.client.call<OpenedAgendaItem>(identity, { method: 'GET', path })).body;
  }

  /** `decision` is the form's draft of a DecisionRequest; the service validates it (400 with problems). */
  async decide(identity: UserIdentity, itemId: string, decision: Readonly<Record<string, unknown>>): Promise<DecisionReceipt> {
    const path = `/api/agenda/items/${encodeURIComponent(itemId)}/decision`;
    return (await this.client.call<DecisionReceipt>(identity, { method: 'POST', path, body: decision })).body;
  }

  async meetings(identity: UserIdentity, municipality: MunicipalityId): Promise<Meeting[]> {
    const query = new URLSearchParams({ municipality });
    return (await this.client.call<Meeting[]>(identity, { method: 'GET', path: `/api/meetings?${query.toString()}` })).body;
  }

  async scheduleMeeting(identity: UserIdentity, request: { readonly municipality: string; readonly date: string }): Promise<Meeting> {
    return (await this.client.call<Meeting>(identity, { method: 'POST', path: '/api/meetings', body: request })).body;
  }

  async itemHistory(identity: UserIdentity, itemId: string): Promise<ItemHistory> {
    const path = `/api/agenda/items/${encodeURIComponent(itemId)}/history`;
    return (await this.client.call<ItemHistory>(identity, { method: 'GET', path })).body;
  }

  /** "Besproken"; the service validates the filters (400 naming `approach` or `leadParty`). */
  async discussed(identity: UserIdentity, municipality: MunicipalityId, filter: { readonly approach?: string; readonly leadParty?: string }): Promise<DiscussedItem[]> {
    const query = new URLSearchParams({ municipality, ...filter });
    return (await this.client.call<DiscussedItem[]>(identity, { method: 'GET', path: `/api/agenda/discussed?${query.toString()}` })).body;
  }

  async meetingAgenda(identity: UserIdentity, meetingId: string): Promise<MeetingAgenda> {
    return (await this.client.call<MeetingAgenda>(identity, { method: 'GET', path: meetingPath(meetingId) })).body;
  }

  async planItem(identity: UserIdentity, meetingId: string, itemId: string): Promise<MeetingAgenda> {
    return (await this.client.call<MeetingAgenda>(identity, { method: 'POST', path: `${meetingPath(meetingId)}/items`, body: { itemId } })).body;
  }

  async unplanItem(identity: UserIdentity, meetingId: string, itemId: string): Promise<MeetingAgenda> {
    const path = `${meetingPath(meetingId)}/items/${encodeURIComponent(itemId)}`;
    return (await this.client.call<MeetingAgenda>(identity, { method: 'DELETE', path })).body;
  }

  async reorderAgenda(identity: UserIdentity, meetingId: string, itemIds: readonly string[]): Promise<MeetingAgenda> {
    return (await this.client.call<MeetingAgenda>(identity, { method: 'PUT', path: `${meetingPath(meetingId)}/items`, body: { itemIds } })).body;
  }

  async printableAgenda(identity: UserIdentity, meetingId: string): Promise<PrintableAgenda> {
    return (await this.client.call<PrintableAgenda>(identity, { method: 'GET', path: `${meetingPath(meetingId)}/print/agenda` })).body;
  }

  async decisionList(identity: UserIdentity, meetingId: string): Promise<DecisionList> {
    return (await this.client.call<DecisionList>(identity, { method: 'GET', path: `${meetingPath(meetingId)}/print/decisions` })).body;
  }

  /** The actions the user may see; of one agenda item when `itemId` is given. */
  async actions(identity: UserIdentity, itemId?: string): Promise<ActionView[]> {
    const query = itemId === undefined ? '' : `?${new URLSearchParams({ item: itemId }).toString()}`;
    return (await this.client.call<ActionView[]>(identity, { method: 'GET', path: `/api/actions${query}` })).body;
  }

  /** `done` is the form's draft of an ActionDoneRequest; the service validates it (400 with problems). */
  async markActionDone(identity: UserIdentity, decisionId: string, actionIndex: number, done: Readonly<Record<string, unknown>>): Promise<ActionView> {
    const path = `/api/actions/${encodeURIComponent(decisionId)}/${actionIndex}/done`;
    return (await this.client.call<ActionView>(identity, { method: 'POST', path, body: done })).body;
  }

  async informationRequests(identity: UserIdentity, municipality: MunicipalityId): Promise<InformationRequestSummary[]> {
    const query = new URLSearchParams({ municipality });
    return (await this.client.call<InformationRequestSummary[]>(identity, { method: 'GET', path: `/api/information-requests?${query.toString()}` })).body;
  }

  async openInformationRequest(identity: UserIdentity, requestId: string): Promise<OpenedInformationRequest> {
    const path = `/api/information-requests/${encodeURIComponent(requestId)}`;
    return (await this.client.call<OpenedInformationRequest>(identity, { method: 'GET', path })).body;
  }

  /** The service validates the response (400 with problems naming `reason` or `outcome`). */
  async respondToInformationRequest(identity: UserIdentity, requestId: string, response: InformationResponse): Promise<InformationResponseReceipt> {
    const path = `/api/information-requests/${encodeURIComponent(requestId)}/response`;
    return (await this.client.call<InformationResponseReceipt>(identity, { method: 'POST', path, body: response })).body;
  }
}

const meetingPath = (meetingId: string): string => `/api/meetings/${encodeURIComponent(meetingId)}`;

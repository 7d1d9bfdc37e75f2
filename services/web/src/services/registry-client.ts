import type { ApplicationDetail, ApplicationSummary, EstablishmentDetail, EstablishmentFlag, EstablishmentSummary, PermitDetail } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { ServiceClient } from './service-client.js';

export type { EstablishmentFlag };

/** The establishment as the registry opens it; a registry from before signal flags gives no `flags`, one from before re-screening results no `rescreenings`. */
export type EstablishmentView = Omit<EstablishmentDetail, 'flags' | 'rescreenings'> & {
  readonly flags?: readonly EstablishmentFlag[];
  readonly rescreenings?: EstablishmentDetail['rescreenings'];
};

/** What the establishments search may be narrowed to; empty values are left out. */
export interface EstablishmentQuery {
  readonly municipality: string;
  readonly tradeName?: string;
  readonly kvkNumber?: string;
  readonly vestigingsnummer?: string;
  readonly postcode?: string;
}

/** The permit registry's HTTP API, as the signed-in permit officer. Bodies are validated by the service (400/422 with problems). */
export class RegistryClient {
  constructor(private readonly client: ServiceClient) {}

  async searchEstablishments(identity: UserIdentity, query: EstablishmentQuery): Promise<EstablishmentSummary[]> {
    const parameters = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
    return (await this.client.call<EstablishmentSummary[]>(identity, { method: 'GET', path: `/api/establishments?${parameters.toString()}` })).body;
  }

  async registerEstablishment(identity: UserIdentity, registration: Readonly<Record<string, unknown>>): Promise<EstablishmentSummary> {
    return (await this.client.call<EstablishmentSummary>(identity, { method: 'POST', path: '/api/establishments', body: registration })).body;
  }

  async establishment(identity: UserIdentity, id: string): Promise<EstablishmentView> {
    return (await this.client.call<EstablishmentView>(identity, { method: 'GET', path: establishmentPath(id) })).body;
  }

  /** A re-screening started from a signal flag (`{ reason }`); the registry requests it from the pool. */
  async requestRescreening(identity: UserIdentity, id: string, request: Readonly<Record<string, unknown>>): Promise<void> {
    await this.client.call(identity, { method: 'POST', path: `${establishmentPath(id)}/rescreenings`, body: request });
  }

  /** The municipality's applications, overdue first, then by the legal decision date. */
  async applications(identity: UserIdentity, municipality: string): Promise<ApplicationSummary[]> {
    const path = `/api/applications?${new URLSearchParams({ municipality }).toString()}`;
    return (await this.client.call<ApplicationSummary[]>(identity, { method: 'GET', path })).body;
  }

  async registerApplication(identity: UserIdentity, registration: Readonly<Record<string, unknown>>): Promise<ApplicationSummary> {
    return (await this.client.call<ApplicationSummary>(identity, { method: 'POST', path: '/api/applications', body: registration })).body;
  }

  async application(identity: UserIdentity, id: string): Promise<ApplicationDetail> {
    return (await this.client.call<ApplicationDetail>(identity, { method: 'GET', path: applicationPath(id) })).body;
  }

  async askCompleteness(identity: UserIdentity, id: string, request: Readonly<Record<string, unknown>>): Promise<void> {
    await this.client.call(identity, { method: 'POST', path: `${applicationPath(id)}/completeness-requests`, body: request });
  }

  async receiveCompleteness(identity: UserIdentity, id: string, receipt: Readonly<Record<string, unknown>>): Promise<void> {
    await this.client.call(identity, { method: 'POST', path: `${applicationPath(id)}/completeness-receipts`, body: receipt });
  }

  async requestScreening(identity: UserIdentity, id: string): Promise<void> {
    await this.client.call(identity, { method: 'POST', path: `${applicationPath(id)}/screening-request` });
  }

  async permit(identity: UserIdentity, id: string): Promise<PermitDetail> {
    return (await this.client.call<PermitDetail>(identity, { method: 'GET', path: permitPath(id) })).body;
  }

  /** One action of the permit's status machine (contracts' PermitActionRequest). */
  async actOnPermit(identity: UserIdentity, id: string, request: Readonly<Record<string, unknown>>): Promise<PermitDetail> {
    return (await this.client.call<PermitDetail>(identity, { method: 'POST', path: `${permitPath(id)}/actions`, body: request })).body;
  }
}

const establishmentPath = (id: string): string => `/api/establishments/${encodeURIComponent(id)}`;
const applicationPath = (id: string): string => `/api/applications/${encodeURIComponent(id)}`;
const permitPath = (id: string): string => `/api/permits/${encodeURIComponent(id)}`;

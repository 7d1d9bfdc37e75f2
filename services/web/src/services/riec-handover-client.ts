import type { HandoverDetail, HandoverSummary } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { ServiceClient } from './service-client.js';

/** The RIEC's hand-over inbox of the riec-feed service, as the signed-in liaison. */
export class RiecHandoverClient {
  constructor(private readonly client: ServiceClient) {}

  async list(identity: UserIdentity): Promise<HandoverSummary[]> {
    return (await this.client.call<HandoverSummary[]>(identity, { method: 'GET', path: '/api/handovers' })).body;
  }

  async open(identity: UserIdentity, id: string): Promise<HandoverDetail> {
    return (await this.client.call<HandoverDetail>(identity, { method: 'GET', path: `/api/handovers/${encodeURIComponent(id)}` })).body;
  }

  /** The service validates (422 naming `caseReference`) and answers 409 when already answered. */
  async accept(identity: UserIdentity, id: string, caseReference: string | undefined): Promise<HandoverSummary> {
    const body = caseReference === undefined ? {} : { caseReference };
    return (await this.client.call<HandoverSummary>(identity, { method: 'POST', path: `/api/handovers/${encodeURIComponent(id)}/acceptance`, body })).body;
  }

  /** The service validates (422 naming `reason`) and answers 409 when already answered. */
  async giveBack(identity: UserIdentity, id: string, reason: string): Promise<HandoverSummary> {
    return (await this.client.call<HandoverSummary>(identity, { method: 'POST', path: `/api/handovers/${encodeURIComponent(id)}/return`, body: { reason } })).body;
  }
}

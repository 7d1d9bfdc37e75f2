import { ReleaseJson, ReleaseSummary, type CrossMunicipalityHit, type Exclusion, type HitInformationRequest, type HitSignal, type Signal } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { z } from 'zod';
import type { ServiceClient, ServiceFile } from './service-client.js';

/** The exports of a release the web passes on as downloads. */
export type ReleaseExportFormat = 'csv' | 'json';

/**
 * The riec feed's HTTP API as the signed-in user (the RIEC liaison; a meeting member for their
 * municipality's releases). The feed decides access and audits it. Releases are parsed with the
 * contracts' schema: a page never shows a figure of a shape it does not know.
 */
export class FeedClient {
  constructor(private readonly client: ServiceClient) {}

  /** The viewer's releases (the liaison: the RIEC's; a meeting member: their municipality's), oldest first. */
  async releases(identity: UserIdentity): Promise<ReleaseSummary[]> {
    const { body } = await this.client.call<unknown>(identity, { method: 'GET', path: '/api/releases' });
    return z.array(ReleaseSummary).parse(body).sort((a, b) => a.sequence - b.sequence);
  }

  async release(identity: UserIdentity, id: string): Promise<ReleaseJson> {
    const { body } = await this.client.call<unknown>(identity, { method: 'GET', path: releasePath(id) });
    return ReleaseJson.parse(body);
  }

  /** Builds the releases of a month (`{ period: 'YYYY-MM' }`); 409 when built already, 422 naming the field. */
  async buildRelease(identity: UserIdentity, request: Readonly<Record<string, unknown>>): Promise<void> {
    await this.client.call(identity, { method: 'POST', path: '/api/releases', body: request });
  }

  async releaseExport(identity: UserIdentity, id: string, format: ReleaseExportFormat): Promise<ServiceFile> {
    return this.client.download(identity, `${releasePath(id)}/export.${format}`);
  }

  async hits(identity: UserIdentity): Promise<CrossMunicipalityHit[]> {
    return (await this.client.call<CrossMunicipalityHit[]>(identity, { method: 'GET', path: '/api/hits' })).body;
  }

  async hitSignals(identity: UserIdentity, hitId: string): Promise<HitSignal[]> {
    return (await this.client.call<HitSignal[]>(identity, { method: 'GET', path: `${hitPath(hitId)}/signals` })).body;
  }

  /** The hit's "verzoeken om informatie" with their status and a refusal's reason (audited by the feed). */
  async hitInformationRequests(identity: UserIdentity, hitId: string): Promise<HitInformationRequest[]> {
    return (await this.client.call<HitInformationRequest[]>(identity, { method: 'GET', path: `${hitPath(hitId)}/information-requests` })).body;
  }

  /** Opens a signal of the hit that was sent to the RIEC or given on a request (audited by the feed); 403 for any other. */
  async hitSignal(identity: UserIdentity, hitId: string, signalId: string): Promise<Signal> {
    return (await this.client.call<Signal>(identity, { method: 'GET', path: `${hitPath(hitId)}/signals/${encodeURIComponent(signalId)}` })).body;
  }

  /** A "verzoek om informatie" (`{ signalId, purpose }`) to the municipality of a signal the RIEC was not sent. */
  async requestInformation(identity: UserIdentity, hitId: string, request: Readonly<Record<string, unknown>>): Promise<HitInformationRequest> {
    return (await this.client.call<HitInformationRequest>(identity, { method: 'POST', path: `${hitPath(hitId)}/information-requests`, body: request })).body;
  }

  async hitsMispExport(identity: UserIdentity): Promise<ServiceFile> {
    return this.client.download(identity, '/api/hits/export.misp.json');
  }

  async exclusions(identity: UserIdentity): Promise<Exclusion[]> {
    return (await this.client.call<Exclusion[]>(identity, { method: 'GET', path: '/api/exclusions' })).body;
  }

  /** Contracts' ExclusionRequest; 400 naming the field, 409 when listed already. */
  async addExclusion(identity: UserIdentity, request: Readonly<Record<string, unknown>>): Promise<void> {
    await this.client.call(identity, { method: 'POST', path: '/api/exclusions', body: request });
  }

  async removeExclusion(identity: UserIdentity, id: string): Promise<void> {
    await this.client.call(identity, { method: 'DELETE', path: `/api/exclusions/${encodeURIComponent(id)}` });
  }
}

const releasePath = (id: string): string => `/api/releases/${encodeURIComponent(id)}`;
const hitPath = (id: string): string => `/api/hits/${encodeURIComponent(id)}`;

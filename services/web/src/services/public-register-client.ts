import type { PublicRegister, PublicRegisterIndex } from '@signaalhub/contracts';
import type { ServiceClient } from './service-client.js';

/**
 * The permit registry's public register, without sign-in (no identity token is sent): the register pages
 * and open data anyone may see. The permit officers' calls are a separate client.
 */
export class PublicRegisterClient {
  constructor(private readonly client: ServiceClient) {}

  async municipalities(): Promise<readonly string[]> {
    return (await this.client.call<PublicRegisterIndex>(undefined, { method: 'GET', path: '/api/public-register' })).body.municipalities;
  }

  /** As it stood on `date` (YYYY-MM-DD; today when undefined); a bad date is a ServiceValidationError on `date`. */
  async register(municipality: string, date: string | undefined): Promise<PublicRegister> {
    return (await this.client.call<PublicRegister>(undefined, { method: 'GET', path: registerPath(municipality, '', date) })).body;
  }

  /** The same register as CSV text. */
  async csv(municipality: string, date: string | undefined): Promise<string> {
    return (await this.client.callForText(undefined, { method: 'GET', path: registerPath(municipality, '/csv', date) })).body;
  }
}

function registerPath(municipality: string, suffix: string, date: string | undefined): string {
  const query = date === undefined ? '' : `?${new URLSearchParams({ date }).toString()}`;
  return `/api/public-register/${encodeURIComponent(municipality)}${suffix}${query}`;
}

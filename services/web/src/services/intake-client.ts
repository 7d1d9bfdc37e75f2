import type { AcceptedSignal, DistributionPolicyView, MunicipalityId, MySignalsResponse } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { ServiceClient } from './service-client.js';

/** The signal-intake service's HTTP API, as the signed-in user. */
export class IntakeClient {
  constructor(private readonly client: ServiceClient) {}

  /**
   * `submission` is the form's draft of a SignalSubmission; the service validates it against the
   * contract and answers 400 with problems. The key comes from the form: a double submit returns the same signal.
   */
  async submit(identity: UserIdentity, submission: Readonly<Record<string, unknown>>, idempotencyKey: string): Promise<AcceptedSignal> {
    const response = await this.client.call<AcceptedSignal>(identity, {
      method: 'POST',
      path: '/api/signals',
      body: submission,
      headers: { 'idempotency-key': idempotencyKey },
    });
    return response.body;
  }

  async mine(identity: UserIdentity): Promise<MySignalsResponse['signals']> {
    const response = await this.client.call<MySignalsResponse>(identity, { method: 'GET', path: '/api/signals/mine' });
    return response.body.signals;
  }

  async distributionPolicy(identity: UserIdentity, municipality: MunicipalityId): Promise<DistributionPolicyView> {
    const query = new URLSearchParams({ municipality });
    const response = await this.client.call<DistributionPolicyView>(identity, { method: 'GET', path: `/api/policy/distribution?${query.toString()}` });
    return response.body;
  }
}

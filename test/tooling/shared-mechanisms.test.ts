import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findOwnImplementations, serviceSources } from './shared-mechanisms.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

// The checks the two services had before @signaalhub/access, shortened: each must be caught.
const OWN_ACCESS_CONTROL = `
export class AccessControl {
  constructor(private readonly auditLog: AuditLog) {}
  async deny(attempt: AccessAttempt, reason: string): Promise<never> {
    await this.record(attempt, 'denied', reason);
    throw new ForbiddenException({ error: 'forbidden' });
  }
}`;

const OWN_AUDIT_OF_A_USER = `
export async function refuse(audit: AuditLog, caller: Caller, origin: string): Promise<never> {
  await audit.record({
    actor: { userId: caller.userId, party: caller.party },
    action: 'signal.open', objectType: 'agenda-item', objectId: 'x', result: 'denied', origin,
  });
  throw forbidden();
}`;

const POLICY_TABLE = `
export class MeetingAccessPolicy {
  forMunicipality(caller: UserIdentity, municipality: string): AccessDecision {
    return caller.party === municipalityPartyId(municipality) ? ALLOWED : denied('other-municipality');
  }
}`;

const RECEIPT_AUDIT = `
await this.parts.audit.record({ actor: { service: this.parts.serviceName }, action: 'signal.admit', result: 'denied', origin: 'kafka', reason: code });`;

describe(findOwnImplementations.name, () => {
  it('finds no service that implements a shared mechanism itself', async () => {
    const sources = await serviceSources(root);
    expect(sources.length).toBeGreaterThan(50);
    expect(findOwnImplementations(sources)).toEqual([]);
  });

  it('rejects a service that defines its own access check class answering 403', () => {
    expect(findOwnImplementations([{ path: 'services/x/src/access-control.ts', text: OWN_ACCESS_CONTROL }])).toEqual([
      { mechanism: 'audited access check', sharedIn: '@signaalhub/access', sign: 'a class named as an access check', at: 'services/x/src/access-control.ts:2' },
      { mechanism: 'audited access check', sharedIn: '@signaalhub/access', sign: 'a 403 answered without the shared mapping', at: 'services/x/src/access-control.ts:6' },
    ]);
  });

  it('rejects a service that audits a user\'s denial itself', () => {
    expect(findOwnImplementations([{ path: 'services/x/src/refuse.ts', text: OWN_AUDIT_OF_A_USER }]).map((found) => found.sign)).toEqual([
      'an audit entry with a user as actor',
      'a 403 answered without the shared mapping',
    ]);
  });

  it("accepts a service's own policy table and its audit of received messages", () => {
    expect(findOwnImplementations([
      { path: 'services/x/src/policy.ts', text: POLICY_TABLE },
      { path: 'services/x/src/admission.ts', text: RECEIPT_AUDIT },
    ])).toEqual([]);
  });
});

import type { AuditEntry } from '@signaalhub/audit';
import type { UserIdentity } from '@signaalhub/identity';
import { createLogger } from '@signaalhub/logging';
import { describe, expect, it } from 'vitest';
import { AccessDenied, AuditedAccess, denied, type AccessCheck } from '../src/index.js';

const inspector: UserIdentity = { userId: 'u-1', party: 'gemeente-soest', roles: ['inspector'] };

function setup(): { sut: AuditedAccess; entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  const sut = new AuditedAccess({ record: (entry) => Promise.resolve(void entries.push(entry)) }, createLogger('access-test', 'silent'));
  return { sut, entries };
}

const attempt = (overrides: Partial<AccessCheck> = {}): AccessCheck => ({
  caller: inspector,
  action: 'signal.open',
  object: { type: 'signal', id: 's-1' },
  origin: '10.1.2.3',
  ...overrides,
});

describe(AuditedAccess.name, () => {
  it('records an allowed access with who, what, which object and where from when asked to', async () => {
    const { sut, entries } = setup();
    await sut.check(attempt({ roles: ['inspector'], auditAllowed: true }));
    expect(entries).toEqual([
      { actor: { userId: 'u-1', party: 'gemeente-soest' }, action: 'signal.open', objectType: 'signal', objectId: 's-1', result: 'allowed', origin: '10.1.2.3' },
    ]);
  });

  it('records nothing for an allowed routine read', async () => {
    const { sut, entries } = setup();
    await sut.check(attempt({ roles: ['inspector'] }));
    expect(entries).toEqual([]);
  });

  it('rejects with AccessDenied and records the denial with the policy reason when the policy says no', async () => {
    const { sut, entries } = setup();
    await expect(sut.check(attempt({ policy: denied('other-municipality'), auditAllowed: true }))).rejects.toEqual(new AccessDenied('other-municipality'));
    expect(entries).toEqual([
      {
        actor: { userId: 'u-1', party: 'gemeente-soest' },
        action: 'signal.open',
        objectType: 'signal',
        objectId: 's-1',
        result: 'denied',
        origin: '10.1.2.3',
        reason: 'other-municipality',
      },
    ]);
  });

  it('rejects a caller without any of the required roles', async () => {
    const { sut, entries } = setup();
    await expect(sut.check(attempt({ roles: ['meeting-member', 'auditor'] }))).rejects.toBeInstanceOf(AccessDenied);
    expect(entries).toMatchObject([{ result: 'denied', reason: 'role-meeting-member-or-auditor-required' }]);
  });

  it('checks the role before the policy, so a caller without the role learns nothing from the policy', async () => {
    const { sut, entries } = setup();
    await expect(sut.check(attempt({ roles: ['auditor'], policy: denied('other-municipality') }))).rejects.toBeInstanceOf(AccessDenied);
    expect(entries).toMatchObject([{ reason: 'role-auditor-required' }]);
  });

  it("rejects a caller whose party is not among the object's recipients", async () => {
    const { sut, entries } = setup();
    const object = { type: 'agenda-item', id: 'i-1', recipients: ['gemeente-baarn', 'politie-bes'] };
    await expect(sut.check(attempt({ object }))).rejects.toBeInstanceOf(AccessDenied);
    expect(entries).toMatchObject([{ objectType: 'agenda-item', objectId: 'i-1', result: 'denied', reason: 'not-a-recipient' }]);
  });

  it("allows a caller whose party is among the object's recipients", async () => {
    const { sut, entries } = setup();
    const object = { type: 'agenda-item', id: 'i-1', recipients: ['gemeente-soest'] };
    await sut.check(attempt({ object, auditAllowed: true }));
    expect(entries).toMatchObject([{ result: 'allowed' }]);
  });

  it('records a denial found after the check and rejects with its reason', async () => {
    const { sut, entries } = setup();
    await expect(sut.deny(attempt(), 'not-a-recipient-of-the-ciphertext')).rejects.toMatchObject({ reason: 'not-a-recipient-of-the-ciphertext' });
    expect(entries).toMatchObject([{ result: 'denied', reason: 'not-a-recipient-of-the-ciphertext' }]);
  });
});

import { AccessDenied, AuditedAccess } from '@signaalhub/access';
import type { AuditEntry } from '@signaalhub/audit';
import type { UserIdentity } from '@signaalhub/identity';
import { createLogger } from '@signaalhub/logging';
import { describe, expect, it } from 'vitest';
import { MeetingAccessPolicy } from '../src/access/meeting-access-policy.js';

const sut = new MeetingAccessPolicy(['baarn', 'soest'], ['politie-bes', 'riec-mn']);
const member = (party: string): UserIdentity => ({ userId: 'u1', party, roles: ['meeting-member'] });
const soestItem = { municipality: 'soest', recipients: ['gemeente-soest', 'politie-bes'] };

/** Opening an item as the agenda reader does: the meeting's table for the municipality, the shared check for the recipients. */
async function openItem(caller: UserIdentity, item: { municipality: string; recipients: string[] }): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  const access = new AuditedAccess({ record: (entry) => Promise.resolve(void entries.push(entry)) }, createLogger('test', 'silent'));
  await access
    .check({
      caller,
      action: 'signal.open',
      object: { type: 'agenda-item', id: 'item-1', recipients: item.recipients },
      origin: '127.0.0.1',
      policy: sut.forMunicipality(caller, item.municipality),
      auditAllowed: true,
    })
    .catch((error: unknown) => {
      if (!(error instanceof AccessDenied)) throw error;
    });
  return entries;
}

describe(MeetingAccessPolicy.name, () => {
  it.each([
    ['gemeente-soest', 'soest', true, undefined],
    ['gemeente-baarn', 'soest', false, 'other-municipality'],
    ['politie-bes', 'soest', false, 'not-the-owning-municipality'],
    ['riec-mn', 'baarn', false, 'not-the-owning-municipality'],
    ['om-mn', 'soest', false, 'not-a-meeting-party'],
  ])('lets a member of %s handle the information requests of %s: %s', (party, municipality, allowed, reason) => {
    const decision = sut.forOwnMunicipality(member(party), municipality);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.reason).toBe(reason);
  });

  it('refuses the information requests of its own municipality to a user without the meeting role', () => {
    expect(sut.forOwnMunicipality({ userId: 'u1', party: 'gemeente-soest', roles: ['inspector'] }, 'soest')).toEqual({ allowed: false, reason: 'wrong-role' });
  });

  it.each([
    ['gemeente-soest', 'soest', true],
    ['gemeente-baarn', 'soest', false],
    ['politie-bes', 'soest', true],
    ['riec-mn', 'baarn', true],
    ['om-mn', 'soest', false],
  ])('lets a member of %s use the agenda of %s: %s', (party, municipality, allowed) => {
    expect(sut.forMunicipality(member(party), municipality).allowed).toBe(allowed);
  });

  it('rejects every role but meeting-member', () => {
    expect(sut.forMunicipality({ userId: 'u1', party: 'gemeente-soest', roles: ['inspector', 'auditor'] }, 'soest')).toEqual({ allowed: false, reason: 'wrong-role' });
  });

  it('rejects opening an item when the party is not a recipient', async () => {
    expect(await openItem(member('riec-mn'), soestItem)).toMatchObject([{ result: 'denied', reason: 'not-a-recipient' }]);
    expect(await openItem(member('politie-bes'), soestItem)).toMatchObject([{ result: 'allowed' }]);
  });

  it('rejects a Baarn member opening a Soest item even when Baarn is a recipient', async () => {
    expect(await openItem(member('gemeente-baarn'), { municipality: 'soest', recipients: ['gemeente-soest', 'gemeente-baarn'] })).toMatchObject([
      { result: 'denied', reason: 'other-municipality' },
    ]);
  });
});

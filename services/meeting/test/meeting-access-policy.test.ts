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

describe(`${MeetingAccessPolicy.name} for actions`, () => {
  const soestAction = { municipality: 'soest', leadParty: 'gemeente-soest' };
  const policeLed = { municipality: 'soest', leadParty: 'politie-bes' };

  it('lists for every meeting member (narrowed later) and refuses without the role', () => {
    expect(sut.forActions(member('om-mn'))).toEqual({ allowed: true });
    expect(sut.forActions({ userId: 'u1', party: 'gemeente-soest', roles: ['inspector'] })).toEqual({ allowed: false, reason: 'wrong-role' });
  });

  it('names the municipalities a member sits at: their own, or every one for a partner, none for an outsider', () => {
    expect(sut.municipalitiesOf(member('gemeente-soest'))).toEqual(['soest']);
    expect(sut.municipalitiesOf(member('politie-bes'))).toEqual(['baarn', 'soest']);
    expect(sut.municipalitiesOf(member('om-mn'))).toEqual([]);
  });

  it('lets only the lead party mark an action done, even a partner at the meeting is refused', () => {
    expect(sut.forActionDone(member('gemeente-soest'), soestAction)).toEqual({ allowed: true });
    expect(sut.forActionDone(member('politie-bes'), soestAction)).toEqual({ allowed: false, reason: 'not-the-lead-party' });
    expect(sut.forActionDone(member('politie-bes'), policeLed)).toEqual({ allowed: true });
    expect(sut.forActionDone({ userId: 'u1', party: 'gemeente-soest', roles: ['inspector'] }, soestAction)).toEqual({ allowed: false, reason: 'wrong-role' });
  });

  it("lets the lead party and the municipality's meeting move a due date, not another municipality", () => {
    expect(sut.forActionDueDate(member('gemeente-soest'), policeLed)).toEqual({ allowed: true });
    expect(sut.forActionDueDate(member('riec-mn'), soestAction)).toEqual({ allowed: true });
    expect(sut.forActionDueDate(member('gemeente-baarn'), soestAction)).toEqual({ allowed: false, reason: 'other-municipality' });
    expect(sut.forActionDueDate(member('om-mn'), soestAction)).toEqual({ allowed: false, reason: 'not-a-meeting-party' });
    expect(sut.forActionDueDate(member('om-mn'), { municipality: 'soest', leadParty: 'om-mn' })).toEqual({ allowed: true });
  });
});

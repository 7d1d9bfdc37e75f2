import { describe, expect, it } from 'vitest';
import { MeetingAccessPolicy, type Caller } from '../src/access/meeting-access-policy.js';

const sut = new MeetingAccessPolicy(['baarn', 'soest'], ['politie-bes', 'riec-mn']);
const member = (party: string): Caller => ({ userId: 'u1', party, roles: ['meeting-member'] });
const soestItem = { municipality: 'soest', recipients: ['gemeente-soest', 'politie-bes'] };

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

  it('rejects opening an item when the party is not a recipient', () => {
    expect(sut.forItem(member('riec-mn'), soestItem)).toEqual({ allowed: false, reason: 'not-a-recipient' });
    expect(sut.forItem(member('politie-bes'), soestItem)).toEqual({ allowed: true });
  });

  it('rejects a Baarn member opening a Soest item even when Baarn is a recipient', () => {
    expect(sut.forItem(member('gemeente-baarn'), { municipality: 'soest', recipients: ['gemeente-soest', 'gemeente-baarn'] })).toEqual({
      allowed: false,
      reason: 'other-municipality',
    });
  });
});

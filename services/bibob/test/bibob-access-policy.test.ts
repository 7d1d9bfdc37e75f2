import type { UserIdentity } from '@signaalhub/identity';
import { describe, expect, it } from 'vitest';
import { BibobAccessPolicy } from '../src/access/bibob-access-policy.js';

const sut = new BibobAccessPolicy('bibob-pool-bes', ['lead-1']);
const who = (party: string, roles: UserIdentity['roles'], userId = 'user-1'): UserIdentity => ({ userId, party, roles });

describe(BibobAccessPolicy.name, () => {
  it('lets coordinators of the pool work, and refuses coordinators of another party', () => {
    expect(sut.coordinator(who('bibob-pool-bes', ['bibob-coordinator']))).toEqual({ allowed: true });
    expect(sut.coordinator(who('gemeente-soest', ['bibob-coordinator']))).toEqual({ allowed: false, reason: 'not-the-pool' });
    expect(sut.coordinator(who('bibob-pool-bes', ['auditor']))).toEqual({ allowed: false, reason: 'wrong-role' });
  });

  it('lets only configured lead coordinators reassign', () => {
    expect(sut.leadCoordinator(who('bibob-pool-bes', ['bibob-coordinator'], 'lead-1'))).toEqual({ allowed: true });
    expect(sut.leadCoordinator(who('bibob-pool-bes', ['bibob-coordinator'], 'user-2'))).toEqual({ allowed: false, reason: 'not-a-lead-coordinator' });
  });

  it("lets permit officers read their own municipality's screenings only", () => {
    expect(sut.screeningOf(who('gemeente-soest', ['permit-officer']), 'soest')).toEqual({ allowed: true });
    expect(sut.screeningOf(who('gemeente-baarn', ['permit-officer']), 'soest')).toEqual({ allowed: false, reason: 'other-municipality' });
    expect(sut.screeningOf(who('gemeente-soest', ['inspector']), 'soest')).toEqual({ allowed: false, reason: 'wrong-role' });
  });

  it('lets the pool auditor read the whole register and a municipality auditor its own lines', () => {
    expect(sut.disclosureRegister(who('bibob-pool-bes', ['auditor']), undefined)).toEqual({ allowed: true });
    expect(sut.disclosureRegister(who('gemeente-soest', ['auditor']), 'soest')).toEqual({ allowed: true });
    expect(sut.disclosureRegister(who('gemeente-soest', ['auditor']), undefined)).toEqual({ allowed: false, reason: 'other-municipality' });
    expect(sut.disclosureRegister(who('bibob-pool-bes', ['bibob-coordinator']), undefined)).toEqual({ allowed: false, reason: 'wrong-role' });
  });
});

import { ROLES } from '@signaalhub/contracts';
import { describe, expect, it } from 'vitest';
import { RegistryAccessPolicy } from '../src/access/registry-access-policy.js';

describe(RegistryAccessPolicy.name, () => {
  const sut = new RegistryAccessPolicy(['soest']);

  it('allows only permit officers of the municipality itself', () => {
    expect(sut.registryOf({ userId: 'v1', party: 'gemeente-soest', roles: ['permit-officer'] }, 'soest')).toEqual({ allowed: true });
    expect(sut.registryOf({ userId: 'v2', party: 'gemeente-baarn', roles: ['permit-officer'] }, 'soest')).toEqual({ allowed: false, reason: 'other-municipality' });
  });

  it('refuses every other role, also of the municipality', () => {
    for (const role of ROLES.filter((entry) => entry !== 'permit-officer')) {
      expect(sut.registryOf({ userId: 'u', party: 'gemeente-soest', roles: [role] }, 'soest')).toEqual({ allowed: false, reason: 'wrong-role' });
      expect(sut.anyRegistry({ userId: 'u', party: 'gemeente-soest', roles: [role] })).toEqual({ allowed: false, reason: 'wrong-role' });
    }
  });

  it('refuses a municipality that runs no registry here, even to its own permit officers', () => {
    expect(sut.registryOf({ userId: 'v3', party: 'gemeente-baarn', roles: ['permit-officer'] }, 'baarn')).toEqual({ allowed: false, reason: 'no-registry' });
  });
});

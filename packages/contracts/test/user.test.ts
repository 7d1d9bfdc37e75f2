import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_LABELS, Role, User, UserId } from '../src/index.js';

const goodUser = { id: 'u-1001', party: 'gemeente-baarn', displayName: 'A. Jansen', roles: ['inspector'] };

describe('User', () => {
  const sut = User;

  it('accepts a user with roles', () => {
    expect(sut.parse({ ...goodUser, roles: ['meeting-member', 'auditor'] }).roles).toEqual(['meeting-member', 'auditor']);
  });

  it('rejects a user without roles, with an unknown role or a repeated role', () => {
    expect(sut.safeParse({ ...goodUser, roles: [] }).success).toBe(false);
    expect(sut.safeParse({ ...goodUser, roles: ['superuser'] }).success).toBe(false);
    expect(sut.safeParse({ ...goodUser, roles: ['admin', 'admin'] }).success).toBe(false);
  });

  it('rejects unknown fields, a bad party and an oversize display name', () => {
    expect(sut.safeParse({ ...goodUser, email: 'x@y.nl' }).success).toBe(false);
    expect(sut.safeParse({ ...goodUser, party: 'Gemeente Baarn' }).success).toBe(false);
    expect(sut.safeParse({ ...goodUser, displayName: 'x'.repeat(201) }).success).toBe(false);
    expect(sut.safeParse({ ...goodUser, displayName: '   ' }).success).toBe(false);
  });
});

describe('UserId', () => {
  it('rejects an e-mail address, so personal data cannot pose as an id', () => {
    expect(UserId.safeParse('jan@soest.nl').success).toBe(false);
    expect(UserId.safeParse('x'.repeat(129)).success).toBe(false);
    expect(UserId.safeParse('3f1c2b7a-9d4e-4c1b-8a2f-6b5e4d3c2a10').success).toBe(true);
  });
});

describe('Role', () => {
  it('has the seven roles of DESIGN.md §2, each with a Dutch label', () => {
    expect(Role.options).toEqual([
      'inspector',
      'meeting-member',
      'bibob-coordinator',
      'permit-officer',
      'riec-liaison',
      'auditor',
      'admin',
    ]);
    for (const role of ROLES) expect(ROLE_LABELS[role]).toMatch(/^\p{Lu}/u);
  });
});

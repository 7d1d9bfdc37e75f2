import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../src/accounts/password-hash.js';

describe(hashPassword.name, () => {
  it('verifies the password it hashed and rejects another one', async () => {
    const sut = await hashPassword('Signaalhub-demo-2026');
    expect(await verifyPassword('Signaalhub-demo-2026', sut)).toBe(true);
    expect(await verifyPassword('signaalhub-demo-2026', sut)).toBe(false);
  });

  it('salts every hash, so one password never gives the same hash twice', async () => {
    const [first, second] = [await hashPassword('gelijk-wachtwoord'), await hashPassword('gelijk-wachtwoord')];
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });

  it('rejects every password when the stored hash is malformed', async () => {
    for (const stored of ['', 'plain', 'scrypt$1$2$3$salt', 'bcrypt$32768$8$1$c2FsdA==$aGFzaA==', 'scrypt$x$8$1$c2FsdA==$aGFzaA==']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { preparedStatement } from '../src/index.js';

describe('preparedStatement', () => {
  it('names a text the same way every time and two texts differently (pg refuses one name for two texts)', () => {
    const insertIntoA = preparedStatement('INSERT INTO a.audit_log VALUES ($1)');
    expect(preparedStatement('INSERT INTO a.audit_log VALUES ($1)')).toEqual(insertIntoA);
    expect(preparedStatement('INSERT INTO b.audit_log VALUES ($1)').name).not.toBe(insertIntoA.name);
    expect(insertIntoA.text).toBe('INSERT INTO a.audit_log VALUES ($1)');
    // PostgreSQL truncates identifiers beyond 63 bytes; two names must not collide after truncation.
    expect(insertIntoA.name.length).toBeLessThanOrEqual(63);
  });
});

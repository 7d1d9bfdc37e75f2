import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  readonly at: string;
  readonly actorUser: string | null;
  readonly actorParty: string | null;
  readonly actorService: string | null;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly result: string;
  readonly origin: string;
  readonly reason: string | null;
}

/** The hashed fields in hash order; `audit_append` in audit-schema.ts must list them in the same order. */
const HASH_ORDER: readonly (keyof HashedFields)[] = [
  'at',
  'actorUser',
  'actorParty',
  'actorService',
  'action',
  'objectType',
  'objectId',
  'result',
  'origin',
  'reason',
];

/**
 * One field as hashed: `<UTF-8 byte length>:<value>`, or `-` for null. Length-prefixed, so no two field
 * lists encode alike, and simple enough that PostgreSQL computes the same bytes (`audit_field`).
 */
export function encodeHashedField(value: string | null): string {
  return value === null ? '-' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
}

/**
 * How an entry's fields were encoded for hashing, stored per row (`hash_scheme`):
 * 1 — a JSON array, written by Node before the database computed hashes (and by such a writer still
 *     running during an upgrade: the column's default);
 * 2 — length-prefixed fields, written by `audit_append`.
 */
export type HashScheme = 1 | 2;
export const CURRENT_HASH_SCHEME: HashScheme = 2;

/**
 * Each entry's hash covers its fields and the previous entry's hash, so changing or removing any entry
 * breaks every hash after it (BIO2 8.15.05–06: tamper-evident logs). The database computes it when it
 * appends (`audit_append`); this recomputes it to verify the chain independently.
 */
export function entryHash(previousHash: string, fields: HashedFields, scheme: HashScheme = CURRENT_HASH_SCHEME): string {
  const ordered = HASH_ORDER.map((name) => fields[name]);
  const encoded = scheme === 1 ? JSON.stringify(ordered) : ordered.map(encodeHashedField).join('');
  return createHash('sha256').update(previousHash + encoded, 'utf8').digest('hex');
}

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

/**
 * Each entry's hash covers its fields and the previous entry's hash, so changing or removing any entry
 * breaks every hash after it (BIO2 8.15.05–06: tamper-evident logs).
 */
export function entryHash(previousHash: string, fields: HashedFields): string {
  const ordered = [
    fields.at,
    fields.actorUser,
    fields.actorParty,
    fields.actorService,
    fields.action,
    fields.objectType,
    fields.objectId,
    fields.result,
    fields.origin,
    fields.reason,
  ];
  return createHash('sha256').update(previousHash).update(JSON.stringify(ordered)).digest('hex');
}

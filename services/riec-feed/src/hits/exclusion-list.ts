import { randomUUID } from 'node:crypto';
import { AuditedAccess, ObjectNotFound } from '@signaalhub/access';
import { ExclusionRequest, validateRequest, type Exclusion } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import { matchToken, type MatchTokenKey, type MatchTokenSubject } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { Pool } from 'pg';
import type { FeedAccessPolicy } from '../access/feed-access-policy.js';
import { FeedConflict, InvalidFeedInput } from '../http/feed-errors.js';

export interface ExclusionListParts {
  readonly pool: Pool;
  readonly schema: string;
  readonly policy: FeedAccessPolicy;
  readonly access: AuditedAccess;
  /** The partnership key: the identifier entered becomes the same token the intake put in the headers. */
  readonly matchTokenKey: MatchTokenKey;
  readonly clock: () => Date;
}

interface ExclusionRow {
  id: string;
  kind: Exclusion['kind'];
  label: string;
  created_at: Date;
  created_by_party: string;
  created_by_user: string;
}

/**
 * The tokens the liaison keeps out of the cross-municipality hits. The identifier is entered in clear,
 * canonicalised and turned into its match token exactly as the intake does, and forgotten: only the
 * token and the liaison's label are stored. Every change, and every refusal, is audited.
 */
export class ExclusionList {
  private readonly table: string;

  constructor(private readonly parts: ExclusionListParts) {
    this.table = `${quotedSchema(parts.schema)}.exclusions`;
  }

  async list(caller: UserIdentity, origin: string): Promise<Exclusion[]> {
    await this.parts.access.check({ caller, action: 'exclusion.list', object: { type: 'exclusion-list', id: 'all' }, origin, policy: this.parts.policy.liaison(caller) });
    const result = await this.parts.pool.query<ExclusionRow>(`SELECT * FROM ${this.table} ORDER BY created_at, id`);
    return result.rows.map(exclusionOf);
  }

  async add(caller: UserIdentity, body: unknown, origin: string): Promise<Exclusion> {
    const attempt = { caller, action: 'exclusion.add', object: { type: 'exclusion', id: 'new' }, origin };
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.liaison(caller) });
    const parsed = validateRequest(ExclusionRequest, body);
    if (!parsed.success) throw new InvalidFeedInput(parsed.problems);
    const token = matchToken(subjectOf(parsed.data), this.parts.matchTokenKey);
    const id = randomUUID();
    const now = this.parts.clock();
    const inserted = await this.parts.pool.query<ExclusionRow>(
      `INSERT INTO ${this.table} (id, kind, version, token, label, created_at, created_by_party, created_by_user)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (kind, version, token) DO NOTHING RETURNING *`,
      [id, token.kind, token.version, token.token, parsed.data.label, now, caller.party, caller.userId],
    );
    const row = inserted.rows[0];
    if (row === undefined) throw new FeedConflict('Dit gegeven staat al op de uitsluitlijst.');
    await this.parts.access.allowed({ ...attempt, object: { type: 'exclusion', id } });
    return exclusionOf(row);
  }

  async remove(caller: UserIdentity, id: string, origin: string): Promise<void> {
    const attempt = { caller, action: 'exclusion.remove', object: { type: 'exclusion', id }, origin };
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.liaison(caller) });
    const deleted = await this.parts.pool.query(`DELETE FROM ${this.table} WHERE id = $1`, [id]);
    if (deleted.rowCount === 0) throw new ObjectNotFound('exclusion');
    await this.parts.access.allowed(attempt);
  }
}

function subjectOf(request: ExclusionRequest): MatchTokenSubject {
  switch (request.kind) {
    case 'kvk':
      return { kind: 'kvk', kvkNumber: request.kvkNumber };
    case 'kenteken':
      return { kind: 'kenteken', kenteken: request.kenteken };
    case 'address':
      return { kind: 'address', address: { postcode: request.postcode, huisnummer: request.huisnummer.number, toevoeging: request.huisnummer.toevoeging } };
  }
}

function exclusionOf(row: ExclusionRow): Exclusion {
  return { id: row.id, kind: row.kind, label: row.label, createdAt: row.created_at.toISOString(), createdBy: { party: row.created_by_party, userId: row.created_by_user } };
}

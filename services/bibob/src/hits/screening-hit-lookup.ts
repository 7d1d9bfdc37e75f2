import type { EarlierScreeningHit, ScreeningApplicant, ScreeningHits, ScreeningPerson } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import { matchToken, type MatchTokenKey } from '@signaalhub/envelope';
import type { MatchTokenStore } from '@signaalhub/matching';
import type { Pool } from 'pg';

export interface ScreeningHitLookupParts {
  readonly pool: Pool;
  readonly schema: string;
  readonly tokens: MatchTokenStore;
  /** The partnership match-token key: equal identifiers give the tokens the signals' headers carry. */
  readonly matchTokenKey: MatchTokenKey;
  readonly clock: () => Date;
}

/** Art. 11a/29 Wet Bibob: an advice of the last two years on the same business may be reused. */
const REUSE_WINDOW_YEARS = 2;

/** The subjects of a screening whose hits are looked up (opened from its sealed application). */
export interface ScreeningSubjects {
  readonly screeningId: string;
  readonly applicant: ScreeningApplicant;
  readonly people: readonly ScreeningPerson[];
}

/**
 * Hit/no-hit for a screening: its business and people as match tokens (never stored as such), counted
 * against the tokens learnt from signal headers, and the business's earlier screenings by its applicant
 * token. Counts and routing facts only; what matched and any signal content stay where they are.
 */
export class ScreeningHitLookup {
  private readonly screenings: string;

  constructor(private readonly parts: ScreeningHitLookupParts) {
    this.screenings = `${quotedSchema(parts.schema)}.screenings`;
  }

  async hitsOf(subjects: ScreeningSubjects): Promise<ScreeningHits> {
    const { tokens, matchTokenKey } = this.parts;
    const business = matchToken({ kind: 'kvk', kvkNumber: subjects.applicant.kvkNumber }, matchTokenKey);
    const people = subjects.people.map((person) => matchToken({ kind: 'person', person: { name: person.name, birthDate: person.birthDate } }, matchTokenKey));
    const [businessHits, peopleHits, earlierScreenings] = await Promise.all([
      tokens.hitsOfTokens([business]),
      Promise.all(people.map((token) => tokens.hitsOfTokens([token]))),
      this.earlierScreeningsOf(subjects.screeningId, business.token),
    ]);
    return { business: businessHits, people: peopleHits, earlierScreenings };
  }

  private async earlierScreeningsOf(screeningId: string, applicantToken: string): Promise<EarlierScreeningHit[]> {
    const result = await this.parts.pool.query<EarlierScreeningHit>(
      `SELECT id, municipality, kind, phase, to_char(received_on, 'YYYY-MM-DD') AS "receivedOn"
       FROM ${this.screenings}
       WHERE applicant_token = $1 AND id <> $2 AND opened_at >= $3::timestamptz - make_interval(years => $4)
       ORDER BY opened_at DESC`,
      [applicantToken, screeningId, this.parts.clock().toISOString(), REUSE_WINDOW_YEARS],
    );
    return result.rows;
  }
}

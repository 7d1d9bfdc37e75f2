import type { EarlierScreeningHit, HeaderMatchToken, HitSignals, ScreeningAddress, ScreeningApplicant, ScreeningHits, ScreeningPerson } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import { matchToken, type MatchTokenKey } from '@signaalhub/envelope';
import type { MatchTokenStore, SharingMessage } from '@signaalhub/matching';
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
  readonly address?: ScreeningAddress | undefined;
  readonly vehicles?: readonly string[] | undefined;
}

/** A screening's subjects as match tokens, per kind; computed on every read, never stored as such. */
interface SubjectTokens {
  readonly business: HeaderMatchToken;
  readonly address: HeaderMatchToken | null;
  readonly people: readonly HeaderMatchToken[];
  readonly vehicles: readonly HeaderMatchToken[];
}

/**
 * Hit/no-hit for a screening: its business, address, people and vehicles as match tokens (never
 * stored as such), counted against the tokens learnt from signal headers, and the business's earlier
 * screenings by its applicant token. Counts and routing facts only; what matched and any signal content
 * stay where they are.
 */
export class ScreeningHitLookup {
  private readonly screenings: string;

  constructor(private readonly parts: ScreeningHitLookupParts) {
    this.screenings = `${quotedSchema(parts.schema)}.screenings`;
  }

  async hitsOf(subjects: ScreeningSubjects): Promise<ScreeningHits> {
    const { tokens } = this.parts;
    const own = this.tokensOf(subjects);
    const [business, address, people, vehicles, signals, earlierScreenings] = await Promise.all([
      tokens.hitsOfTokens([own.business]),
      own.address === null ? null : tokens.hitsOfTokens([own.address]),
      Promise.all(own.people.map((token) => tokens.hitsOfTokens([token]))),
      Promise.all(own.vehicles.map((token) => tokens.hitsOfTokens([token]))),
      tokens.messagesOfTokens(allTokens(own)),
      this.earlierScreeningsOf(subjects.screeningId, own.business.token),
    ]);
    return { business, address, people, vehicles, earlierScreenings, signals: signalsPerMunicipality(signals) };
  }

  /** The signal's municipality and the tokens of the screening's subjects its header carried; undefined when it is no hit of this screening. */
  async hitSignal(subjects: ScreeningSubjects, signalId: string): Promise<{ municipality: string; tokens: HeaderMatchToken[] } | undefined> {
    return this.parts.tokens.sharedBy(signalId, allTokens(this.tokensOf(subjects)));
  }

  private tokensOf(subjects: ScreeningSubjects): SubjectTokens {
    const key = this.parts.matchTokenKey;
    const { address } = subjects;
    return {
      business: matchToken({ kind: 'kvk', kvkNumber: subjects.applicant.kvkNumber }, key),
      address:
        address === undefined
          ? null
          : matchToken({ kind: 'address', address: { postcode: address.postcode, huisnummer: address.huisnummer.number, toevoeging: address.huisnummer.toevoeging } }, key),
      people: subjects.people.map((person) => matchToken({ kind: 'person', person: { name: person.name, birthDate: person.birthDate } }, key)),
      vehicles: (subjects.vehicles ?? []).map((kenteken) => matchToken({ kind: 'kenteken', kenteken }, key)),
    };
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

function allTokens(own: SubjectTokens): HeaderMatchToken[] {
  return [own.business, ...(own.address === null ? [] : [own.address]), ...own.people, ...own.vehicles];
}

function signalsPerMunicipality(messages: readonly SharingMessage[]): HitSignals[] {
  const byMunicipality = new Map<string, string[]>();
  for (const message of messages) byMunicipality.set(message.municipality, [...(byMunicipality.get(message.municipality) ?? []), message.messageId]);
  return [...byMunicipality.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([municipality, signalIds]) => ({ municipality, signalIds }));
}

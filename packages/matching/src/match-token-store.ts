import type { HeaderMatchToken } from '@signaalhub/contracts';
import { preparedStatement, quotedSchema, type PreparedStatement } from '@signaalhub/database';
import type { Pool } from 'pg';
import { countHits, countMessages, type Hits, type OtherMessage, type TokenMatch } from './hit-counter.js';

/** A message that shares a token with a subject: its id and routing facts. */
export interface SharingMessage extends OtherMessage {
  readonly messageId: string;
}

/**
 * The match tokens learnt from event headers (HMACs, not identifiers) in one service's own table
 * (`matchTokensTableSql`), for hit/no-hit and hit counts across municipalities and themes.
 */
export class MatchTokenStore {
  private readonly table: string;
  private readonly recordStatement: PreparedStatement;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quotedSchema(schema)}.match_tokens`;
    this.recordStatement = preparedStatement(
      `INSERT INTO ${this.table} (message_id, municipality, theme, kind, version, token)
       SELECT $1, $2, $3, t.kind, t.version, t.token
       FROM unnest($4::text[], $5::int[], $6::text[]) AS t(kind, version, token)
       ON CONFLICT DO NOTHING
       RETURNING kind, version, token`,
    );
  }

  /**
   * Idempotent: a redelivered message records nothing new. `theme` when the event's header has one. Returns the
   * tokens this call inserted (none when the message was recorded before), so a caller can keep a summary of
   * them in the same transaction: pass its `client`.
   */
  async record(
    messageId: string,
    municipality: string,
    tokens: readonly HeaderMatchToken[],
    theme?: string,
    client: Pick<Pool, 'query'> = this.pool,
  ): Promise<HeaderMatchToken[]> {
    if (tokens.length === 0) return [];
    const result = await client.query<HeaderMatchToken>({
      ...this.recordStatement,
      values: [messageId, municipality, theme ?? null, tokens.map((t) => t.kind), tokens.map((t) => t.version), tokens.map((t) => t.token)],
    });
    return result.rows;
  }

  /** Whether any token of this message was recorded (its header had at least one). */
  async has(messageId: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.table} WHERE message_id = $1 LIMIT 1`, [messageId]);
    return result.rowCount !== 0;
  }

  /**
   * The messages sharing any of these tokens (same kind and key version), each counted once per
   * municipality and theme: the hits of a subject that is not itself a message (e.g. a screening's).
   */
  async hitsOfTokens(tokens: readonly HeaderMatchToken[]): Promise<Hits> {
    return countMessages(await this.messagesOfTokens(tokens));
  }

  /** Each message sharing any of these tokens once, with its routing facts (never what matched). */
  async messagesOfTokens(tokens: readonly HeaderMatchToken[]): Promise<SharingMessage[]> {
    if (tokens.length === 0) return [];
    const result = await this.pool.query<SharingMessage>(
      `SELECT DISTINCT ON (m.message_id) m.message_id AS "messageId", m.municipality, m.theme
       FROM ${this.table} m
       JOIN unnest($1::text[], $2::int[], $3::text[]) AS t(kind, version, token)
         ON m.kind = t.kind AND m.version = t.version AND m.token = t.token
       ORDER BY m.message_id`,
      [tokens.map((t) => t.kind), tokens.map((t) => t.version), tokens.map((t) => t.token)],
    );
    return result.rows;
  }

  /**
   * The message's municipality and which of these tokens its header carried; undefined when it shares
   * none of them (or is unknown): then it is no hit of the subject these tokens stand for.
   */
  async sharedBy(messageId: string, tokens: readonly HeaderMatchToken[]): Promise<{ municipality: string; tokens: HeaderMatchToken[] } | undefined> {
    if (tokens.length === 0) return undefined;
    const result = await this.pool.query<HeaderMatchToken & { municipality: string }>(
      `SELECT m.municipality, m.kind, m.version, m.token
       FROM ${this.table} m
       JOIN unnest($2::text[], $3::int[], $4::text[]) AS t(kind, version, token)
         ON m.kind = t.kind AND m.version = t.version AND m.token = t.token
       WHERE m.message_id = $1
       ORDER BY m.kind, m.token`,
      [messageId, tokens.map((t) => t.kind), tokens.map((t) => t.version), tokens.map((t) => t.token)],
    );
    const first = result.rows[0];
    if (first === undefined) return undefined;
    return { municipality: first.municipality, tokens: result.rows.map(({ kind, version, token }) => ({ kind, version, token })) };
  }

  /** For each item: the other messages sharing any token (same kind and key version), counted per municipality and theme. */
  async hitsFor(itemIds: readonly string[]): Promise<Map<string, Hits>> {
    return countHits(itemIds, await this.matchesFor(itemIds));
  }

  /** For each item, each other message sharing any token with it (same kind and key version), once. */
  async matchesFor(itemIds: readonly string[]): Promise<TokenMatch[]> {
    if (itemIds.length === 0) return [];
    const result = await this.pool.query<{ item_id: string; other_message_id: string; other_municipality: string; other_theme: string | null }>(
      `SELECT DISTINCT mine.message_id AS item_id, other.message_id AS other_message_id,
              other.municipality AS other_municipality, other.theme AS other_theme
       FROM ${this.table} mine
       JOIN ${this.table} other
         ON other.kind = mine.kind AND other.version = mine.version AND other.token = mine.token AND other.message_id <> mine.message_id
       WHERE mine.message_id = ANY($1::uuid[])`,
      [itemIds],
    );
    return result.rows.map((row) => ({
      itemId: row.item_id,
      otherMessageId: row.other_message_id,
      otherMunicipality: row.other_municipality,
      otherTheme: row.other_theme,
    }));
  }
}

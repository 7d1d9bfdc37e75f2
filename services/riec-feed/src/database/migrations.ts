import { createAuditLogSql } from '@signaalhub/audit';
import type { Migration } from '@signaalhub/database';
import { matchTokensTableSql } from '@signaalhub/matching';
import { outboxTableSql } from '@signaalhub/outbox';

/**
 * The riec feed's schema history, applied at start-up (runMigrations). Append new steps; never edit one
 * that has shipped. Everything here comes from verified event headers: routing facts, dates and match
 * tokens (HMACs), never an identifier, never signal content and never a Bibob outcome. The exclusion list
 * keeps the token of what the liaison entered, not what was entered.
 */
export const RIEC_FEED_MIGRATIONS: readonly Migration[] = [
  {
    name: '0001_projections',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      CREATE SCHEMA IF NOT EXISTS ${s};
      -- One row per event taken into the projections, written in the transaction that counts it: a
      -- redelivered or replayed event finds its row and changes nothing.
      CREATE TABLE ${s}.processed_events (
        message_id uuid PRIMARY KEY,
        event_type text NOT NULL,
        processed_at timestamptz NOT NULL
      );
      CREATE TABLE ${s}.signal_facts (
        message_id uuid PRIMARY KEY,
        municipality text NOT NULL,
        theme text NOT NULL,
        submitted_at timestamptz NOT NULL
      );
      CREATE TABLE ${s}.decision_facts (
        message_id uuid PRIMARY KEY,
        municipality text NOT NULL,
        approach text NOT NULL,
        riec_handover boolean NOT NULL,
        decided_at timestamptz NOT NULL,
        -- from the header's signalId (decisions sealed before it was a routing fact have none)
        signal_id uuid
      );
      CREATE INDEX decision_facts_by_signal ON ${s}.decision_facts (signal_id) WHERE signal_id IS NOT NULL;
      -- measure × dimension × municipality × period: signals per theme, decisions per approach, hand-overs
      -- per approach, screenings opened / progressed per milestone / concluded, permits per status.
      -- restated_at: when an event last changed the cell after its period had ended (the release logic
      -- restates the period in its next release).
      CREATE TABLE ${s}.counts (
        measure text NOT NULL,
        dimension text NOT NULL,
        municipality text NOT NULL,
        period_kind text NOT NULL CHECK (period_kind IN ('week', 'month', 'quarter', 'year')),
        period text NOT NULL,
        count integer NOT NULL CHECK (count >= 0),
        restated_at timestamptz,
        PRIMARY KEY (measure, dimension, municipality, period_kind, period)
      );
      CREATE INDEX counts_by_period ON ${s}.counts (period_kind, period);
      -- Raw lead times signal → decision, per period of the decision: a median is computed later, over
      -- released cells only.
      CREATE TABLE ${s}.lead_times (
        decision_message_id uuid NOT NULL REFERENCES ${s}.decision_facts (message_id),
        period_kind text NOT NULL,
        period text NOT NULL,
        municipality text NOT NULL,
        theme text NOT NULL,
        seconds bigint NOT NULL,
        restated_at timestamptz,
        PRIMARY KEY (decision_message_id, period_kind)
      );
      CREATE INDEX lead_times_by_period ON ${s}.lead_times (period_kind, period);
      ${matchTokensTableSql(schema)}
      -- The opaque id of a cross-municipality hit: the API names a hit by it, never by its token.
      CREATE TABLE ${s}.hit_ids (
        kind text NOT NULL,
        version integer NOT NULL,
        token text NOT NULL,
        id uuid NOT NULL UNIQUE,
        PRIMARY KEY (kind, version, token)
      );
      CREATE TABLE ${s}.exclusions (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        version integer NOT NULL,
        token text NOT NULL,
        label text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by_party text NOT NULL,
        created_by_user text NOT NULL,
        UNIQUE (kind, version, token)
      );
      ${createAuditLogSql(schema)}`;
    },
  },
  {
    name: '0002_riec_envelopes',
    up: (schema) => `
      -- Signals sent to the RIEC (its party among the recipients), kept as they arrived (ciphertext), so the
      -- liaison can open one of a hit; the feed never opens them for a count.
      CREATE TABLE "${schema}".riec_envelopes (
        message_id uuid PRIMARY KEY,
        envelope jsonb NOT NULL
      );`,
  },
  {
    name: '0003_information_requests',
    up: (schema) => `
      -- "Verzoeken om informatie" the liaison sent about a hit's signal; the purpose is sealed to the RIEC.
      CREATE TABLE "${schema}".information_requests (
        id uuid PRIMARY KEY,
        hit_id uuid NOT NULL,
        signal_id uuid NOT NULL,
        municipality text NOT NULL,
        message_id uuid NOT NULL UNIQUE,
        purpose_sealed text NOT NULL,
        requested_by_party text NOT NULL,
        requested_by_user text NOT NULL,
        requested_at timestamptz NOT NULL
      );
      ${outboxTableSql(schema)}`,
  },
  {
    name: '0004_releases',
    up: (schema) => `
      -- The release ledger: every release each recipient (riec-mn, gemeente-<id>) was sent, as the pure
      -- builder returned it (suppressed cells null; atoms are keys, never values). The builder reads a
      -- recipient's ledger to refuse anything that differencing against earlier releases would reveal.
      CREATE TABLE "${schema}".releases (
        id uuid PRIMARY KEY,
        recipient text NOT NULL,
        sequence integer NOT NULL CHECK (sequence >= 1),
        period text NOT NULL,
        built_at timestamptz NOT NULL,
        release jsonb NOT NULL,
        UNIQUE (recipient, sequence)
      );
      CREATE INDEX releases_by_recipient ON "${schema}".releases (recipient, built_at DESC);`,
  },
  {
    name: '0005_handovers',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      -- The RIEC's hand-over inbox: decisions with "Overdragen aan het RIEC" sent to the RIEC, kept as they
      -- arrived (ciphertext), keyed by the decision's message id (one row per event). The RIEC's answer: its
      -- case number, or the reason of a return sealed to the RIEC (the reason is never a column in clear).
      CREATE TABLE ${s}.handovers (
        decision_id uuid PRIMARY KEY,
        municipality text NOT NULL,
        approach text NOT NULL,
        signal_id uuid,
        decided_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        envelope jsonb NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'returned')),
        answered_at timestamptz,
        answered_by_party text,
        answered_by_user text,
        answer_message_id uuid UNIQUE,
        case_reference text,
        reason_sealed text,
        CHECK ((status = 'open') = (answered_at IS NULL)),
        CHECK ((status = 'returned') = (reason_sealed IS NOT NULL))
      );
      CREATE INDEX handovers_by_status ON ${s}.handovers (status, received_at);`;
    },
  },
  {
    name: '0006_hit_summary',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      -- Token rows of a signal whose projection never committed (tokens were recorded before, outside the
      -- transaction that counts the signal): no hit counted them (no signal_facts row). From now on a signal's
      -- tokens are recorded in that transaction; its redelivery records them again, with the summary.
      DELETE FROM ${s}.match_tokens m WHERE NOT EXISTS (SELECT 1 FROM ${s}.signal_facts f WHERE f.message_id = m.message_id);
      -- One row per match token: what the cross-municipality hit list shows, kept up to date in the
      -- transaction that records a signal's tokens, so the list never re-aggregates match_tokens. Tokens and
      -- routing facts only. municipalities and themes: distinct and sorted (a replay gives the same row);
      -- first_seen / last_seen: the signals' event time as signal_facts.submitted_at has it.
      CREATE TABLE ${s}.hit_summary (
        kind text NOT NULL,
        version integer NOT NULL,
        token text NOT NULL,
        municipalities text[] NOT NULL,
        municipality_count integer GENERATED ALWAYS AS (cardinality(municipalities)) STORED,
        themes text[] NOT NULL,
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        PRIMARY KEY (kind, version, token)
      );
      INSERT INTO ${s}.hit_summary (kind, version, token, municipalities, themes, first_seen, last_seen)
      SELECT m.kind, m.version, m.token,
             array_agg(DISTINCT m.municipality ORDER BY m.municipality),
             COALESCE(array_agg(DISTINCT m.theme ORDER BY m.theme) FILTER (WHERE m.theme IS NOT NULL), '{}'),
             min(f.submitted_at), max(f.submitted_at)
      FROM ${s}.match_tokens m
      JOIN ${s}.signal_facts f ON f.message_id = m.message_id
      GROUP BY m.kind, m.version, m.token;
      -- The hits only (seen in two municipalities or more), in the list's order.
      CREATE INDEX hit_summary_hits ON ${s}.hit_summary (municipality_count DESC, last_seen DESC) WHERE municipality_count >= 2;
      -- From now on a hit gets its opaque id when it becomes one (the list used to name new hits when read).
      INSERT INTO ${s}.hit_ids (kind, version, token, id)
      SELECT kind, version, token, gen_random_uuid() FROM ${s}.hit_summary WHERE municipality_count >= 2
      ON CONFLICT DO NOTHING;`;
    },
  },
  {
    name: '0007_information_answers',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      -- The owning municipality's answer to a liaison's request: who and when in columns; the answer itself
      -- (the signal given, or the reason of a refusal) only in its envelope, kept sealed as it arrived among
      -- the RIEC's envelopes. 'open' is "gevraagd".
      ALTER TABLE ${s}.information_requests
        ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'beantwoord', 'geweigerd')),
        ADD COLUMN answer_message_id uuid UNIQUE REFERENCES ${s}.riec_envelopes (message_id),
        ADD COLUMN answered_by_party text,
        ADD COLUMN answered_by_user text,
        ADD COLUMN answered_at timestamptz,
        ADD CHECK ((status = 'open') = (answer_message_id IS NULL)),
        ADD CHECK ((status = 'open') = (answered_at IS NULL));
      CREATE INDEX information_requests_by_hit ON ${s}.information_requests (hit_id, requested_at);
      CREATE INDEX information_requests_by_signal ON ${s}.information_requests (signal_id) WHERE status = 'beantwoord';`;
    },
  },
];

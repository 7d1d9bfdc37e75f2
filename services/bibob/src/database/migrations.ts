import { createAuditLogSql } from '@signaalhub/audit';
import type { Migration } from '@signaalhub/database';
import { matchTokensTableSql } from '@signaalhub/matching';
import { outboxTableSql } from '@signaalhub/outbox';

/**
 * The bibob service's schema history, applied at start-up (runMigrations). Append new steps; never edit
 * one that has shipped. The people, the questionnaire answers, the conclusions and every reason a
 * coordinator writes live only in `*_sealed` columns (OpenPGP, sealed by the pool party to itself and the
 * requesting municipality); every other column is an id, a routing fact, a date or a phase.
 */
export const BIBOB_MIGRATIONS: readonly Migration[] = [
  {
    name: '0001_screenings',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE ${s}.screenings (
        id uuid PRIMARY KEY,
        municipality text NOT NULL,
        kind text NOT NULL,
        phase text NOT NULL CHECK (phase IN ('ontvangen', 'eigen-onderzoek', 'aanvulling-gevraagd', 'lbb-advies-gevraagd',
          'risicoconclusie', 'advies-bestuursorgaan', 'afgesloten')),
        -- null: "niet toegewezen"
        assignee text,
        -- the screening.requested message it came from; null when a coordinator entered it
        request_message_id uuid UNIQUE,
        requested_by_party text NOT NULL,
        received_on date NOT NULL,
        decision_term_weeks integer NOT NULL CHECK (decision_term_weeks BETWEEN 1 AND 104),
        lbb_requested_on date,
        lbb_extended boolean NOT NULL DEFAULT false,
        lbb_waiting boolean NOT NULL DEFAULT false,
        -- { reference, applicant, people }
        application_sealed text NOT NULL,
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX screenings_open ON ${s}.screenings (municipality, opened_at) WHERE phase <> 'afgesloten';
      CREATE INDEX screenings_by_assignee ON ${s}.screenings (assignee) WHERE phase <> 'afgesloten';
      CREATE TABLE ${s}.screening_questionnaire (
        screening_id uuid NOT NULL REFERENCES ${s}.screenings (id),
        item text NOT NULL,
        complete boolean NOT NULL,
        answer_sealed text,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (screening_id, item)
      );
      CREATE TABLE ${s}.screening_history (
        id bigserial PRIMARY KEY,
        screening_id uuid NOT NULL REFERENCES ${s}.screenings (id),
        at timestamptz NOT NULL,
        action text NOT NULL,
        actor_party text,
        actor_user text,
        actor_service text,
        from_phase text,
        to_phase text NOT NULL,
        reason_sealed text,
        -- the day it happened, and the deadline engine's name for it when it moves a term
        event_date date,
        timeline_kind text,
        CHECK ((actor_user IS NULL) <> (actor_service IS NULL))
      );
      CREATE INDEX screening_history_by_screening ON ${s}.screening_history (screening_id, id);
      CREATE TABLE ${s}.screening_conclusions (
        screening_id uuid NOT NULL REFERENCES ${s}.screenings (id),
        version integer NOT NULL CHECK (version >= 1),
        status text NOT NULL CHECK (status IN ('voorgesteld', 'goedgekeurd', 'vervangen')),
        -- { level, grounds, proposedConditions, explanation }
        conclusion_sealed text NOT NULL,
        proposed_by_party text NOT NULL,
        proposed_by_user text NOT NULL,
        proposed_at timestamptz NOT NULL,
        approved_by_party text,
        approved_by_user text,
        approved_at timestamptz,
        PRIMARY KEY (screening_id, version),
        CHECK (approved_by_user IS NULL OR approved_by_user <> proposed_by_user)
      );
      CREATE TABLE ${s}.disclosure_register (
        id uuid PRIMARY KEY,
        screening_id uuid NOT NULL REFERENCES ${s}.screenings (id),
        municipality text NOT NULL,
        what text NOT NULL,
        conclusion_version integer NOT NULL,
        recipient_party text NOT NULL,
        ground_code text NOT NULL,
        ground_sealed text NOT NULL,
        disclosed_at timestamptz NOT NULL,
        disclosed_by_party text NOT NULL,
        disclosed_by_user text NOT NULL,
        UNIQUE (screening_id, conclusion_version, recipient_party)
      );
      CREATE INDEX disclosure_register_by_municipality ON ${s}.disclosure_register (municipality, disclosed_at);
      ${outboxTableSql(schema)}
      ${createAuditLogSql(schema)}`;
    },
  },
  {
    // The applicant's KvK match token (HMAC with the partnership key, as in envelope headers): the same
    // business goes to the coordinator who already handles it, without the KvK number in a clear column.
    name: '0002_applicant_token',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      ALTER TABLE ${s}.screenings ADD COLUMN applicant_token text;
      CREATE INDEX screenings_open_by_applicant ON ${s}.screenings (applicant_token) WHERE phase <> 'afgesloten';`;
    },
  },
  {
    // Match tokens learnt from verified `signal.submitted` headers (hit/no-hit), and the business's
    // earlier screenings, open or closed, by its applicant token (advice reuse, art. 11a/29).
    name: '0010_signal_tokens',
    up: (schema) => `
      ${matchTokensTableSql(schema)}
      CREATE INDEX screenings_by_applicant ON "${schema}".screenings (applicant_token, opened_at);`,
  },
  {
    // Deadline alerts: per screening the deadlines its delayed jobs were made for (and the version of the
    // screening they follow), and each alert that fired, once (primary key); the overview's list index.
    name: '0011_deadline_alerts',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      CREATE TABLE ${s}.screening_alert_schedule (
        screening_id uuid PRIMARY KEY REFERENCES ${s}.screenings (id),
        follows_update timestamptz NOT NULL,
        decision_date date,
        lbb_advice_date date,
        job_ids text[] NOT NULL
      );
      CREATE TABLE ${s}.screening_alerts (
        screening_id uuid NOT NULL REFERENCES ${s}.screenings (id),
        deadline text NOT NULL CHECK (deadline IN ('uitersteBeslisdatum', 'lbbAdviesUiterlijk')),
        deadline_date date NOT NULL,
        moment text NOT NULL CHECK (moment IN ('nadert', 'verstreken')),
        fired_at timestamptz NOT NULL,
        PRIMARY KEY (screening_id, deadline, deadline_date, moment)
      );
      -- The pool overview lists a municipality's screenings in opening order with their alerts (bench: 100,000 screenings).
      CREATE INDEX screenings_by_municipality ON ${s}.screenings (municipality, opened_at, id);`;
    },
  },
  {
    // "Verzoek om informatie": the pool's requests for a hit signal's content, sent to the owning
    // municipality only. The purpose and the answer (the signal, or the reason of a refusal) are sealed
    // to the pool alone: the signal belongs to its municipality, not to the screening's.
    name: '0020_pool_information_requests',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      CREATE TABLE ${s}.information_requests (
        id uuid PRIMARY KEY,
        screening_id uuid NOT NULL REFERENCES ${s}.screenings (id),
        municipality text NOT NULL,
        signal_id uuid NOT NULL,
        -- the information.requested envelope's message id
        message_id uuid NOT NULL UNIQUE,
        requested_by_party text NOT NULL,
        requested_by_user text NOT NULL,
        requested_at timestamptz NOT NULL,
        purpose_sealed text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'beantwoord', 'geweigerd')),
        answer_message_id uuid UNIQUE,
        answered_by_party text,
        answered_by_user text,
        answered_at timestamptz,
        -- InformationAnswered as it came, sealed to the pool alone
        answer_sealed text,
        CHECK ((status = 'open') = (answer_sealed IS NULL))
      );
      CREATE INDEX information_requests_by_screening ON ${s}.information_requests (screening_id, requested_at);`;
    },
  },
];

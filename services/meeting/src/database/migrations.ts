import { createAuditLogSql } from '@signaalhub/audit';
import type { Migration } from '@signaalhub/database';
import { itemHistorySql } from './item-history-schema.js';
import { outboxUpgradeSql } from './outbox-upgrade.js';

/**
 * The meeting's schema history, applied at start-up (runMigrations). Append new steps; never edit one that
 * has shipped. Signal content lives only in `envelope` columns (ciphertext); every other column is a
 * routing fact, a token or a count.
 */
export const MEETING_MIGRATIONS: readonly Migration[] = [
  {
    // The schema as start-up created it before migrations existed; idempotent, so such a database is adopted as it is.
    name: '0001_initial',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${s}.match_tokens (
        message_id uuid NOT NULL,
        municipality text NOT NULL,
        kind text NOT NULL,
        version integer NOT NULL,
        token text NOT NULL,
        PRIMARY KEY (message_id, kind, version, token)
      );
      CREATE INDEX IF NOT EXISTS match_tokens_by_token ON ${s}.match_tokens (kind, version, token);
      CREATE TABLE IF NOT EXISTS ${s}.agenda_items (
        message_id uuid PRIMARY KEY,
        signal_id uuid NOT NULL,
        municipality text NOT NULL,
        theme text NOT NULL,
        received_at timestamptz NOT NULL,
        reporter_party text NOT NULL,
        recipients text[] NOT NULL,
        envelope jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'closed')),
        added_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS agenda_items_pending ON ${s}.agenda_items (municipality, received_at) WHERE status = 'pending';
      CREATE TABLE IF NOT EXISTS ${s}.meetings (
        id uuid PRIMARY KEY,
        municipality text NOT NULL,
        date date NOT NULL,
        scheduled_by_party text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (municipality, date)
      );
      CREATE TABLE IF NOT EXISTS ${s}.decisions (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES ${s}.agenda_items (message_id),
        approach text NOT NULL,
        lead_party text NOT NULL,
        riec_handover boolean NOT NULL,
        decided_at timestamptz NOT NULL,
        decided_by_party text NOT NULL,
        recipients text[] NOT NULL,
        envelope jsonb NOT NULL
      );
      CREATE INDEX IF NOT EXISTS decisions_by_item ON ${s}.decisions (item_id);
      CREATE TABLE IF NOT EXISTS ${s}.action_reminders (
        decision_id uuid NOT NULL REFERENCES ${s}.decisions (id),
        action_index integer NOT NULL,
        due_date date NOT NULL,
        scheduled_at timestamptz,
        reminded_at timestamptz,
        PRIMARY KEY (decision_id, action_index)
      );
      CREATE TABLE IF NOT EXISTS ${s}.outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        key text NOT NULL,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      );
      CREATE INDEX IF NOT EXISTS outbox_unpublished ON ${s}.outbox (id) WHERE published_at IS NULL;
      ${createAuditLogSql(schema)}`;
    },
  },
  {
    // Hits are counted per theme too (packages/matching); tokens recorded before learn theirs from the agenda.
    name: '0002_match_tokens_theme',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      ALTER TABLE ${s}.match_tokens ADD COLUMN IF NOT EXISTS theme text;
      UPDATE ${s}.match_tokens AS token SET theme = item.theme
        FROM ${s}.agenda_items AS item WHERE item.message_id = token.message_id AND token.theme IS NULL;`;
    },
  },
  {
    // One outbox for every service (packages/outbox): the old table (key, value text) takes its shape, rows kept.
    name: '0003_shared_outbox',
    up: (schema) => outboxUpgradeSql(schema),
  },
  {
    // Actions get a status and real reminders: done (date, party, sealed note), a due-date version, and one
    // stored notice per reminder (the unique key makes a reminder appear exactly once, however often its
    // job runs). `reminded_at` of the old, invisible reminder is left as history; nobody saw it, so open
    // actions get their notices from the new jobs.
    name: '0004_action_reminders',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      ALTER TABLE ${s}.action_reminders
        ADD COLUMN due_date_version integer NOT NULL DEFAULT 0,
        ADD COLUMN done_on date,
        ADD COLUMN done_at timestamptz,
        ADD COLUMN done_by_party text,
        ADD COLUMN done_note jsonb,
        ADD CONSTRAINT action_done_complete CHECK ((done_on IS NULL) = (done_at IS NULL) AND (done_on IS NULL) = (done_by_party IS NULL));
      CREATE INDEX action_reminders_open ON ${s}.action_reminders (due_date) WHERE done_on IS NULL;
      CREATE TABLE ${s}.action_notices (
        decision_id uuid NOT NULL,
        action_index integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('due', 'overdue')),
        due_date_version integer NOT NULL,
        due_date date NOT NULL,
        noted_at timestamptz NOT NULL,
        PRIMARY KEY (decision_id, action_index, kind, due_date_version),
        FOREIGN KEY (decision_id, action_index) REFERENCES ${s}.action_reminders (decision_id, action_index)
      );`;
    },
  },
  {
    // A meeting's own agenda and each item's append-only history (item-history-schema.ts); runs after 0004.
    name: '0005_item_history_meeting_agenda',
    up: (schema) => itemHistorySql(schema),
  },
  {
    // Information requests addressed to a municipality (information.requested): the request stays ciphertext
    // (`envelope`), a refusal's reason too (`refusal_envelope`, sealed to the municipality); the rest are routing facts.
    name: '0006_information_requests',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      CREATE TABLE ${s}.information_requests (
        request_id uuid PRIMARY KEY,
        message_id uuid NOT NULL UNIQUE,
        municipality text NOT NULL,
        object_kind text NOT NULL,
        signal_id uuid NOT NULL,
        requester_party text NOT NULL,
        received_at timestamptz NOT NULL,
        recipients text[] NOT NULL,
        envelope jsonb NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'refused')),
        handled_at timestamptz,
        handled_by_party text,
        handled_by_user text,
        answer_message_id uuid,
        refusal_envelope jsonb,
        added_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'open') = (handled_at IS NULL))
      );
      CREATE INDEX information_requests_by_municipality ON ${s}.information_requests (municipality, status, received_at);`;
    },
  },
  {
    // The RIEC's answers to decisions handed over to it (handover.accepted / .returned): the reason and the
    // case number stay in the envelope (ciphertext, sealed to the municipality); one answer per decision.
    name: '0007_handover_answers',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      CREATE TABLE ${s}.handover_answers (
        message_id uuid PRIMARY KEY,
        decision_id uuid NOT NULL UNIQUE REFERENCES ${s}.decisions (id),
        item_id uuid NOT NULL REFERENCES ${s}.agenda_items (message_id),
        outcome text NOT NULL CHECK (outcome IN ('accepted', 'returned')),
        answered_at timestamptz NOT NULL,
        recipients text[] NOT NULL,
        envelope jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX handover_answers_by_item ON ${s}.handover_answers (item_id);`;
    },
  },
  {
    // Historically imported signals (signal.submitted with `reportedOn`) are kept with the items, findable and counted
    // for hits, but never on an agenda: status 'imported'. Every item gets the day it was reported, so hits can say
    // when; an item received before this step was reported on the day it was received (region calendar).
    name: '0008_imported_signals',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      ALTER TABLE ${s}.agenda_items ADD COLUMN reported_on date;
      UPDATE ${s}.agenda_items SET reported_on = (received_at AT TIME ZONE 'Europe/Amsterdam')::date;
      ALTER TABLE ${s}.agenda_items ALTER COLUMN reported_on SET NOT NULL;
      ALTER TABLE ${s}.agenda_items DROP CONSTRAINT agenda_items_status_check;
      ALTER TABLE ${s}.agenda_items ADD CONSTRAINT agenda_items_status_check CHECK (status IN ('pending', 'closed', 'imported'));
      CREATE INDEX agenda_items_imported ON ${s}.agenda_items (municipality, reported_on) WHERE status = 'imported';`;
    },
  },
];

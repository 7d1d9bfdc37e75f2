import { createAuditLogSql } from '@signaalhub/audit';
import type { Migration } from '@signaalhub/database';
import { outboxTableSql } from '@signaalhub/outbox';

/**
 * The permit registry's schema history, applied at start-up (runMigrations). Append new steps; never edit
 * one that has shipped. The people responsible for an establishment, its KvK number and every free text
 * live only in `*_sealed` columns (OpenPGP, sealed by the municipality's party to itself); the KvK number
 * and the address are also kept as match tokens (HMAC with the partnership key) to search and to match.
 * Trade name, address and activities are what the public register shows: kept in clear.
 */
export const PERMIT_REGISTRY_MIGRATIONS: readonly Migration[] = [
  {
    name: '0001_establishments',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE ${s}.establishments (
        id uuid PRIMARY KEY,
        municipality text NOT NULL,
        vestigingsnummer text NOT NULL CHECK (vestigingsnummer ~ '^[0-9]{12}$'),
        -- match tokens of the KvK number and the address (never the KvK number itself)
        kvk_token text NOT NULL,
        address_token text NOT NULL,
        trade_name text NOT NULL,
        postcode text NOT NULL,
        huisnummer integer NOT NULL,
        toevoeging text,
        -- [{ activity, sbiCode }]
        activities jsonb NOT NULL,
        -- { kvkNumber, people: [{ name, birthDate, role }] }
        particulars_sealed text NOT NULL,
        registered_by_party text NOT NULL,
        registered_by_user text NOT NULL,
        registered_at timestamptz NOT NULL,
        UNIQUE (municipality, vestigingsnummer)
      );
      CREATE INDEX establishments_by_kvk ON ${s}.establishments (municipality, kvk_token);
      CREATE INDEX establishments_by_postcode ON ${s}.establishments (municipality, postcode);
      CREATE INDEX establishments_by_address ON ${s}.establishments (address_token);
      ${outboxTableSql(schema)}
      ${createAuditLogSql(schema)}`;
    },
  },
  {
    // Applications with their timeline (the deadline engine's events and what the pool told), the Bibob
    // screening asked for them and the conclusions the pool sent (sealed: art. 28 Wet Bibob).
    name: '0002_applications',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      CREATE TABLE ${s}.applications (
        id uuid PRIMARY KEY,
        municipality text NOT NULL,
        establishment_id uuid NOT NULL REFERENCES ${s}.establishments (id),
        kind text NOT NULL CHECK (kind IN ('nieuw', 'wijziging', 'verlenging')),
        received_on date NOT NULL,
        decision_term_weeks integer NOT NULL CHECK (decision_term_weeks BETWEEN 1 AND 26),
        bibob text NOT NULL DEFAULT 'niet-gevraagd'
          CHECK (bibob IN ('niet-gevraagd', 'gevraagd', 'geopend', 'lbb-advies-gevraagd', 'conclusie-ontvangen')),
        -- the screening.requested message, and the pool's screening id once screening.opened named it
        screening_request_id uuid UNIQUE,
        screening_id uuid UNIQUE,
        registered_by_party text NOT NULL,
        registered_by_user text NOT NULL,
        registered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX applications_by_municipality ON ${s}.applications (municipality, received_on, id);
      CREATE TABLE ${s}.application_timeline (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES ${s}.applications (id),
        kind text NOT NULL,
        event_date date NOT NULL,
        at timestamptz NOT NULL,
        actor_party text,
        actor_user text,
        actor_service text,
        -- the pool's message it came from: a redelivery adds nothing
        source_message_id uuid UNIQUE,
        -- { missing: [...] } of an aanvulling-gevraagd
        details_sealed text,
        CHECK ((actor_user IS NULL) <> (actor_service IS NULL))
      );
      CREATE INDEX application_timeline_by_application ON ${s}.application_timeline (application_id, id);
      CREATE TABLE ${s}.application_conclusions (
        application_id uuid NOT NULL REFERENCES ${s}.applications (id),
        version integer NOT NULL,
        message_id uuid NOT NULL UNIQUE,
        -- the RiskConclusion
        conclusion_sealed text NOT NULL,
        approved_at timestamptz NOT NULL,
        PRIMARY KEY (application_id, version)
      );`;
    },
  },
  {
    // Permits: one per application, from `aangevraagd` on; its conditions (standard ones by code, the
    // case-specific ones sealed: they may come from a Bibob conclusion) and its history (who, when, why sealed).
    name: '0003_permits',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      CREATE TABLE ${s}.permits (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL UNIQUE REFERENCES ${s}.applications (id),
        municipality text NOT NULL,
        establishment_id uuid NOT NULL REFERENCES ${s}.establishments (id),
        status text NOT NULL CHECK (status IN ('aangevraagd', 'verleend', 'geweigerd', 'geschorst', 'ingetrokken', 'vervallen')),
        zienswijze text NOT NULL DEFAULT 'geen' CHECK (zienswijze IN ('geen', 'gevraagd', 'ontvangen')),
        permit_number text,
        valid_from date,
        valid_until date,
        suspended_from date,
        suspended_until date,
        standard_conditions text[] NOT NULL DEFAULT '{}',
        -- [{ text, legalBasis, fromBibob }]
        case_conditions_sealed text,
        updated_at timestamptz NOT NULL,
        UNIQUE (municipality, permit_number),
        CHECK (valid_until IS NULL OR valid_until > valid_from)
      );
      CREATE INDEX permits_by_municipality ON ${s}.permits (municipality, status);
      CREATE TABLE ${s}.permit_history (
        id bigserial PRIMARY KEY,
        permit_id uuid NOT NULL REFERENCES ${s}.permits (id),
        at timestamptz NOT NULL,
        action text NOT NULL,
        actor_party text NOT NULL,
        actor_user text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        event_date date NOT NULL,
        reason_sealed text NOT NULL,
        -- the event it published, if any
        message_id uuid
      );
      CREATE INDEX permit_history_by_permit ON ${s}.permit_history (permit_id, id);`;
    },
  },
  {
    // Signal flags: a signal whose header tokens hit an establishment's KvK number or address (routing facts
    // from the verified header only: the registry never opens a signal), and the establishment's own history
    // (re-screenings asked, the reason sealed).
    name: '0004_signal_flags',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      CREATE TABLE ${s}.establishment_flags (
        establishment_id uuid NOT NULL REFERENCES ${s}.establishments (id),
        -- the signal.submitted message: a redelivery adds nothing
        signal_id uuid NOT NULL,
        theme text NOT NULL,
        reported_on date NOT NULL,
        matched_on text NOT NULL CHECK (matched_on IN ('kvk', 'address')),
        -- whether the establishment's municipality was among the signal's recipients
        recipient boolean NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (establishment_id, signal_id)
      );
      CREATE INDEX establishment_flags_by_signal ON ${s}.establishment_flags (signal_id);
      CREATE TABLE ${s}.establishment_history (
        id bigserial PRIMARY KEY,
        establishment_id uuid NOT NULL REFERENCES ${s}.establishments (id),
        at timestamptz NOT NULL,
        action text NOT NULL,
        actor_party text NOT NULL,
        actor_user text NOT NULL,
        reason_sealed text NOT NULL,
        -- the event it published, if any
        message_id uuid
      );
      CREATE INDEX establishment_history_by_establishment ON ${s}.establishment_history (establishment_id, id);`;
    },
  },
  {
    // The public register's projection: only what the register may show, copied at the grant, with the
    // permit's public status periods. After the publication term an entry is deleted (its periods with it)
    // and a tombstone that names nothing takes its place: retention is enforced here, not by a filter.
    name: '0005_public_register',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      CREATE TABLE ${s}.public_register_entries (
        permit_id uuid PRIMARY KEY REFERENCES ${s}.permits (id),
        municipality text NOT NULL,
        permit_number text NOT NULL,
        trade_name text NOT NULL,
        postcode text NOT NULL,
        huisnummer integer NOT NULL,
        toevoeging text,
        -- ["handel", ...]: the activities, without SBI codes
        activities jsonb NOT NULL,
        valid_from date NOT NULL,
        valid_until date NOT NULL,
        published_on date NOT NULL,
        -- the day it was revoked or expired; the publication term runs from here
        ended_on date
      );
      CREATE INDEX public_register_entries_by_end ON ${s}.public_register_entries (ended_on) WHERE ended_on IS NOT NULL;
      CREATE TABLE ${s}.public_register_periods (
        permit_id uuid NOT NULL REFERENCES ${s}.public_register_entries (permit_id) ON DELETE CASCADE,
        municipality text NOT NULL,
        status text NOT NULL CHECK (status IN ('verleend', 'geschorst', 'ingetrokken', 'vervallen')),
        starts_on date NOT NULL,
        -- the day the next period starts; null while it runs
        ends_on date,
        PRIMARY KEY (permit_id, starts_on),
        CHECK (ends_on IS NULL OR ends_on > starts_on)
      );
      -- "the register as it stood on day D": the periods of a municipality that started by D
      CREATE INDEX public_register_periods_as_of ON ${s}.public_register_periods (municipality, starts_on) INCLUDE (ends_on, status, permit_id);
      CREATE TABLE ${s}.public_register_tombstones (
        id bigserial PRIMARY KEY,
        municipality text NOT NULL,
        withdrawn_on date NOT NULL
      );
      CREATE INDEX public_register_tombstones_by_municipality ON ${s}.public_register_tombstones (municipality, withdrawn_on);`;
    },
  },
  {
    // The permit clock: the service itself reinstates a permit whose suspension ended and lets one whose
    // validity ended lapse, so a history entry names either an officer or the service (as the application
    // timeline does); the clock finds its permits by the end of the suspension and of the validity.
    name: '0006_permit_clock',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      ALTER TABLE ${s}.permit_history
        ALTER COLUMN actor_party DROP NOT NULL,
        ALTER COLUMN actor_user DROP NOT NULL,
        ADD COLUMN actor_service text,
        ADD CONSTRAINT permit_history_one_actor CHECK ((actor_user IS NULL) = (actor_party IS NULL) AND (actor_user IS NULL) <> (actor_service IS NULL));
      CREATE INDEX permits_suspension_ends ON ${s}.permits (suspended_until) WHERE status = 'geschorst';
      CREATE INDEX permits_validity_ends ON ${s}.permits (valid_until) WHERE status IN ('verleend', 'geschorst');`;
    },
  },
  {
    // Re-screenings: one per screening.requested a permit officer sent for an establishment (those asked before
    // this step are taken from the history), linked to the pool's screening once it is opened, with the
    // conclusions the pool sent (sealed: art. 28 Wet Bibob). The establishment's history now also records what
    // the pool told, by the service: no officer and no reason then, the pool's message once (a redelivery adds
    // nothing), a milestone with its day.
    name: '0007_rescreenings',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      CREATE TABLE ${s}.rescreenings (
        -- the screening.requested message
        request_message_id uuid PRIMARY KEY,
        establishment_id uuid NOT NULL REFERENCES ${s}.establishments (id),
        municipality text NOT NULL,
        asked_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'gevraagd' CHECK (status IN ('gevraagd', 'geopend', 'lbb-advies-gevraagd', 'conclusie-ontvangen')),
        -- the pool's screening id once screening.opened named it
        screening_id uuid UNIQUE,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX rescreenings_by_establishment ON ${s}.rescreenings (establishment_id, asked_at);
      INSERT INTO ${s}.rescreenings (request_message_id, establishment_id, municipality, asked_at, updated_at)
        SELECT h.message_id, h.establishment_id, e.municipality, h.at, h.at
        FROM ${s}.establishment_history h JOIN ${s}.establishments e ON e.id = h.establishment_id
        WHERE h.action = 'herscreening-gevraagd' AND h.message_id IS NOT NULL;
      CREATE TABLE ${s}.rescreening_conclusions (
        request_message_id uuid NOT NULL REFERENCES ${s}.rescreenings (request_message_id),
        version integer NOT NULL,
        message_id uuid NOT NULL UNIQUE,
        -- the RiskConclusion
        conclusion_sealed text NOT NULL,
        approved_at timestamptz NOT NULL,
        PRIMARY KEY (request_message_id, version)
      );
      ALTER TABLE ${s}.establishment_history
        ALTER COLUMN actor_party DROP NOT NULL,
        ALTER COLUMN actor_user DROP NOT NULL,
        ALTER COLUMN reason_sealed DROP NOT NULL,
        ADD COLUMN actor_service text,
        -- the pool's message it came from
        ADD COLUMN source_message_id uuid UNIQUE,
        ADD COLUMN milestone text,
        ADD COLUMN event_date date,
        ADD CHECK ((actor_user IS NULL) <> (actor_service IS NULL));`;
    },
  },
];

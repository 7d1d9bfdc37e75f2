/**
 * Step `0005_item_history_meeting_agenda`: a meeting's own agenda (which pending items, in which order)
 * and each item's history, an append-only record of what happened to it (routing facts and ids only; the
 * content of a decision stays in its envelope). What earlier rows tell is backfilled: every item was
 * received, every decision was taken; plans did not exist before this step.
 */
export function itemHistorySql(schema: string): string {
  const s = `"${schema}"`;
  return `
  CREATE TABLE ${s}.meeting_agenda (
    meeting_id uuid NOT NULL REFERENCES ${s}.meetings (id),
    item_id uuid NOT NULL REFERENCES ${s}.agenda_items (message_id),
    position integer NOT NULL,
    planned_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meeting_id, item_id)
  );
  CREATE INDEX meeting_agenda_by_item ON ${s}.meeting_agenda (item_id);

  CREATE TABLE ${s}.item_history (
    id bigserial PRIMARY KEY,
    item_id uuid NOT NULL REFERENCES ${s}.agenda_items (message_id),
    kind text NOT NULL CHECK (kind IN ('received', 'planned', 'unplanned', 'decided')),
    occurred_at timestamptz NOT NULL,
    actor_party text,
    meeting_id uuid REFERENCES ${s}.meetings (id),
    decision_id uuid REFERENCES ${s}.decisions (id),
    CHECK (kind NOT IN ('planned', 'unplanned') OR (meeting_id IS NOT NULL AND actor_party IS NOT NULL)),
    CHECK ((kind = 'decided') = (decision_id IS NOT NULL))
  );
  CREATE INDEX item_history_by_item ON ${s}.item_history (item_id, occurred_at, id);
  CREATE INDEX item_history_by_meeting ON ${s}.item_history (meeting_id) WHERE kind = 'decided';

  -- Append-only: what happened stays as it was recorded.
  CREATE FUNCTION ${s}.item_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'item_history is append-only';
  END $$;
  CREATE TRIGGER item_history_append_only BEFORE UPDATE OR DELETE ON ${s}.item_history
    FOR EACH ROW EXECUTE FUNCTION ${s}.item_history_append_only();

  INSERT INTO ${s}.item_history (item_id, kind, occurred_at)
    SELECT message_id, 'received', received_at FROM ${s}.agenda_items ORDER BY received_at, message_id;
  INSERT INTO ${s}.item_history (item_id, kind, occurred_at, actor_party, decision_id)
    SELECT item_id, 'decided', decided_at, decided_by_party, id FROM ${s}.decisions ORDER BY decided_at, id;`;
}

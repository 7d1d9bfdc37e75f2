import { AccessDenied, ObjectNotFound } from '@signaalhub/access';
import { DecisionRecorded, EventTypes, HandoverAccepted, HandoverReturned, municipalityPartyId, type Envelope, type EnvelopeOf } from '@signaalhub/contracts';
import { EnvelopeSealer, storedEnvelopeOpener } from '@signaalhub/envelope';
import { testCaller } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiecFeedService } from '../src/composition.js';
import type { RiecFeedConfig } from '../src/config.js';
import { RiecHandovers } from '../src/handovers/riec-handovers.js';
import { FeedConflict, InvalidFeedInput } from '../src/http/feed-errors.js';
import { busMessage, sealSignal } from './support/feed-events.js';
import { liaison, provided, RIEC, testParts } from './support/running-feed.js';
import { loadServiceKeysOnce } from './support/test-keys.js';

/** Free text of a return: it may name people, so it is found only inside envelopes and sealed records. */
const RETURN_REASON = 'Teruggegeven: de zaak van Kanarie Overdracht hoort bij de politie.';

/** A decision as the meeting seals it: to the signal's recipients, and to the RIEC when handed over. */
async function sealDecision(facts: { municipality: string; signalId: string; riecHandover: boolean; toRiec: boolean }): Promise<EnvelopeOf<typeof EventTypes.decisionRecorded>> {
  const { keyring } = await loadServiceKeysOnce();
  const party = municipalityPartyId(facts.municipality);
  const payload = DecisionRecorded.parse({
    signalId: facts.signalId,
    municipality: facts.municipality,
    decidedAt: new Date().toISOString(),
    recordedBy: { party, userId: 'overleg-1' },
    approach: 'strafrechtelijk',
    leadParty: 'politie-bes',
    actions: [],
    riecHandover: facts.riecHandover,
    feedback: 'Overgedragen aan het RIEC.',
  });
  const to = facts.toRiec ? [party, 'politie-bes', RIEC] : [party, 'politie-bes'];
  return new EnvelopeSealer(keyring).seal(payload, {
    type: EventTypes.decisionRecorded,
    from: party,
    to,
    municipality: facts.municipality,
    approach: payload.approach,
    riecHandover: facts.riecHandover,
    signalId: facts.signalId,
  });
}

describe(RiecHandovers.name, () => {
  let parts: RiecFeedService;
  let config: RiecFeedConfig;
  const caller = liaison();
  const ids: string[] = [];
  let offset = 0;
  const sut = (): RiecHandovers => provided(parts, RiecHandovers);
  const receive = async (envelope: EnvelopeOf<typeof EventTypes.decisionRecorded>): Promise<string> => parts.projections.receive(EventTypes.decisionRecorded, busMessage(envelope, offset++));
  const queued = async (): Promise<{ topic: string; key: string; envelope: Envelope }[]> =>
    (await parts.postgres.query<{ topic: string; message_key: string; message_value: Buffer }>(`SELECT topic, message_key, message_value FROM "${config.RIEC_FEED_DATABASE_SCHEMA}".outbox ORDER BY id`)).rows.map((row) => ({
      topic: row.topic,
      key: row.message_key,
      envelope: JSON.parse(row.message_value.toString('utf8')) as Envelope,
    }));

  beforeAll(async () => {
    ({ parts, config } = await testParts());
    for (const municipality of ['soest', 'baarn']) {
      const signal = await sealSignal({ municipality, toRiec: true });
      expect(await parts.projections.receive(EventTypes.signalSubmitted, busMessage(signal, offset++))).toBe('applied');
      const decision = await sealDecision({ municipality, signalId: signal.header.messageId, riecHandover: true, toRiec: true });
      expect(await receive(decision)).toBe('applied');
      // Redelivered: the inbox keeps it once.
      expect(await receive(decision)).toBe('duplicate');
      ids.push(decision.header.messageId);
    }
    // Not handed over, or handed over without the RIEC among its recipients: not in the inbox.
    expect(await receive(await sealDecision({ municipality: 'soest', signalId: ids[0] ?? '', riecHandover: false, toRiec: true }))).toBe('applied');
  });

  afterAll(async () => {
    await parts.close();
  });

  it('keeps each decision handed over to the RIEC once, open, with routing facts only', async () => {
    const inbox = await sut().list(caller, 'test');
    expect(inbox.map((handover) => ({ id: handover.id, status: handover.status }))).toEqual(
      expect.arrayContaining([
        { id: ids[0], status: 'open' },
        { id: ids[1], status: 'open' },
      ]),
    );
    expect(inbox).toHaveLength(2);
    expect(inbox[0]).toMatchObject({ approach: 'strafrechtelijk', theme: 'autobranche', answeredAt: null });
  });

  it('opens the decision and its signal as the RIEC, audited', async () => {
    const detail = await sut().open(caller, ids[0] ?? '', 'test');
    expect(detail).toMatchObject({ municipality: 'soest', decision: { riecHandover: true, approach: 'strafrechtelijk' }, signal: { municipality: 'soest' }, returnReason: null });
    const audit = await parts.postgres.query<{ action: string; result: string }>(`SELECT action, result FROM "${config.RIEC_FEED_DATABASE_SCHEMA}".audit_log WHERE action IN ('handover.open', 'signal.open') ORDER BY seq`);
    expect(audit.rows).toEqual([
      { action: 'handover.open', result: 'allowed' },
      { action: 'signal.open', result: 'allowed' },
    ]);
  });

  it('accepts one: handover.accepted sealed by the RIEC to the municipality alone, queued with the answer; a second answer is a conflict', async () => {
    const answered = await sut().accept(caller, ids[0] ?? '', { caseReference: 'RIEC-2026-042' }, 'test');
    expect(answered).toMatchObject({ id: ids[0], status: 'accepted' });
    const [sent] = await queued();
    expect(sent).toMatchObject({ topic: 'signaalhub.handover.v1', key: 'soest', envelope: { header: { type: 'handover.accepted', sender: RIEC, recipients: ['gemeente-soest'], municipality: 'soest' } } });
    const { keyring } = await loadServiceKeysOnce();
    const opened = await storedEnvelopeOpener(keyring).open(sent?.envelope ?? {}, { as: 'gemeente-soest', payload: HandoverAccepted });
    expect(opened.payload).toMatchObject({ decisionId: ids[0], municipality: 'soest', caseReference: 'RIEC-2026-042', answeredBy: { party: RIEC, userId: caller.userId } });

    await expect(sut().accept(caller, ids[0] ?? '', {}, 'test')).rejects.toBeInstanceOf(FeedConflict);
    await expect(sut().giveBack(caller, ids[0] ?? '', { reason: 'Toch niet' }, 'test')).rejects.toBeInstanceOf(FeedConflict);
    expect(await queued()).toHaveLength(1);
  });

  it('refuses a return without a reason naming the field, storing and sending nothing', async () => {
    for (const body of [{}, { reason: '   ' }]) {
      const refusal = sut().giveBack(caller, ids[1] ?? '', body, 'test');
      await expect(refusal).rejects.toBeInstanceOf(InvalidFeedInput);
      await expect(refusal).rejects.toMatchObject({ kind: 'rule', problems: [expect.objectContaining({ field: 'reason' })] });
    }
    await expect(sut().accept(caller, ids[1] ?? '', { caseReference: 12 }, 'test')).rejects.toMatchObject({ problems: [expect.objectContaining({ field: 'caseReference' })] });
    expect((await sut().list(caller, 'test')).find((handover) => handover.id === ids[1])?.status).toBe('open');
    expect(await queued()).toHaveLength(1);
  });

  it('returns one with its reason: inside the envelope and the sealed record only, never in the header or a column', async () => {
    await sut().giveBack(caller, ids[1] ?? '', { reason: RETURN_REASON }, 'test');
    const sent = (await queued())[1];
    expect(sent).toMatchObject({ key: 'baarn', envelope: { header: { type: 'handover.returned', recipients: ['gemeente-baarn'] } } });
    expect(JSON.stringify(sent?.envelope.header)).not.toContain('Kanarie');
    const { keyring } = await loadServiceKeysOnce();
    expect((await storedEnvelopeOpener(keyring).open(sent?.envelope ?? {}, { as: 'gemeente-baarn', payload: HandoverReturned })).payload.reason).toBe(RETURN_REASON);
    const rows = await parts.postgres.query(`SELECT * FROM "${config.RIEC_FEED_DATABASE_SCHEMA}".handovers`);
    expect(JSON.stringify(rows.rows)).not.toContain('Kanarie');
    expect(await sut().open(caller, ids[1] ?? '', 'test')).toMatchObject({ status: 'returned', returnReason: RETURN_REASON });
    // Answered ones after the open ones: both answered now, newest first.
    expect((await sut().list(caller, 'test')).map((handover) => handover.status).sort()).toEqual(['accepted', 'returned']);
  });

  it("refuses anyone but the RIEC's liaison (audited) and answers 404 for an unknown hand-over", async () => {
    await expect(sut().list(testCaller('gemeente-soest', ['meeting-member']), 'test')).rejects.toBeInstanceOf(AccessDenied);
    await expect(sut().open(testCaller('politie-bes', ['riec-liaison']), ids[0] ?? '', 'test')).rejects.toBeInstanceOf(AccessDenied);
    await expect(sut().open(caller, '00000000-0000-4000-8000-000000000000', 'test')).rejects.toBeInstanceOf(ObjectNotFound);
    const denials = await parts.postgres.query(`SELECT 1 FROM "${config.RIEC_FEED_DATABASE_SCHEMA}".audit_log WHERE action LIKE 'handover.%' AND result = 'denied'`);
    expect(denials.rowCount).toBe(2);
  });
});

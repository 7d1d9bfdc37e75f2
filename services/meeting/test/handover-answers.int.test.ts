import { AccessDenied } from '@signaalhub/access';
import type { BusMessage } from '@signaalhub/bus';
import { EventTypes, HandoverAccepted, HandoverReturned, Topics, type HistoryEntry } from '@signaalhub/contracts';
import { EnvelopeSealer } from '@signaalhub/envelope';
import { eventually, uniqueName } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingService } from '../src/composition.js';
import { HandoverAnswerIntake } from '../src/handovers/handover-answer-intake.js';
import { testParts } from './support/meeting-parts.js';
import { caller } from './support/running-meeting.js';
import { busMessageOf, randomKvkNumber, sealSignal, testKeys } from './support/sealed-signals.js';

const ORIGIN = '127.0.0.1';
const RIEC = 'riec-mn';
type AnswerType = typeof EventTypes.handoverAccepted | typeof EventTypes.handoverReturned;

describe(HandoverAnswerIntake.name, () => {
  let parts: MeetingService;
  const member = caller('gemeente-soest');

  beforeAll(async () => {
    parts = await testParts();
    // The agenda workers move admitted signals onto the agenda.
    await parts.start();
  });

  afterAll(async () => {
    await parts.close();
  });

  /** A Soest item decided with "Overdragen aan het RIEC" (or not): the decision's id. */
  async function decidedItem(riecHandover = true): Promise<{ itemId: string; decisionId: string }> {
    const { envelope } = await sealSignal({ municipality: 'soest', kvkNumber: randomKvkNumber() });
    expect(await parts.admission.admit(busMessageOf(envelope))).toBe('admitted');
    const itemId = envelope.header.messageId;
    await eventually(async () => ((await parts.postgres.query(`SELECT 1 FROM "${parts.config.MEETING_DATABASE_SCHEMA}".agenda_items WHERE message_id = $1`, [itemId])).rowCount === 1 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the agenda row',
    });
    const receipt = await parts.decisions.record(member, itemId, { approach: 'strafrechtelijk', leadParty: 'politie-bes', actions: [], riecHandover, feedback: 'Naar het RIEC.' }, ORIGIN);
    if (riecHandover) expect(receipt.recipients).toContain(RIEC);
    return { itemId, decisionId: receipt.decisionId };
  }

  /** The RIEC's answer as the feed seals it; `from` and `to` to forge one. */
  async function answer(type: AnswerType, decisionId: string, extra: { reason?: string; caseReference?: string; from?: string; to?: string[] } = {}): Promise<BusMessage> {
    const { keyring } = await testKeys();
    const facts = { decisionId, municipality: 'soest', answeredBy: { party: RIEC, userId: 'riec-1' }, answeredAt: new Date().toISOString() };
    const payload = type === EventTypes.handoverAccepted ? HandoverAccepted.parse({ ...facts, caseReference: extra.caseReference }) : HandoverReturned.parse({ ...facts, reason: extra.reason });
    const envelope = await new EnvelopeSealer(keyring).seal(payload, { type, from: extra.from ?? RIEC, to: extra.to ?? ['gemeente-soest'], municipality: 'soest' });
    return { topic: Topics.handover, partition: 0, offset: '0', key: 'soest', value: Buffer.from(JSON.stringify(envelope)), headers: {} };
  }

  const handoverEntries = async (who = member, itemId: string): Promise<HistoryEntry[]> =>
    (await parts.history.itemHistory(who, itemId, ORIGIN)).entries.filter((entry) => entry.kind.startsWith('handover-'));

  it('records an acceptance and a return on their items; the reason opens for the municipality only', async () => {
    const accepted = await decidedItem();
    const returned = await decidedItem();
    const reason = uniqueName('Teruggegeven wegens');
    const acceptance = await answer(EventTypes.handoverAccepted, accepted.decisionId, { caseReference: 'RIEC-7' });
    expect(await parts.handoverAnswers.receive(EventTypes.handoverAccepted, acceptance)).toBe('applied');
    expect(await parts.handoverAnswers.receive(EventTypes.handoverAccepted, acceptance)).toBe('duplicate');
    expect(await parts.handoverAnswers.receive(EventTypes.handoverReturned, await answer(EventTypes.handoverReturned, returned.decisionId, { reason }))).toBe('applied');

    expect(await handoverEntries(member, accepted.itemId)).toEqual([{ kind: 'handover-accepted', at: expect.any(String) as unknown, decisionId: accepted.decisionId, content: { caseReference: 'RIEC-7', reason: null } }]);
    expect(await handoverEntries(member, returned.itemId)).toEqual([{ kind: 'handover-returned', at: expect.any(String) as unknown, decisionId: returned.decisionId, content: { caseReference: null, reason } }]);
    // The police sit at the meeting and see that it was returned, not why.
    expect(await handoverEntries(caller('politie-bes'), returned.itemId)).toEqual([expect.objectContaining({ kind: 'handover-returned', content: null })]);
    await expect(parts.history.itemHistory(caller('gemeente-baarn'), returned.itemId, ORIGIN)).rejects.toBeInstanceOf(AccessDenied);
    const stored = await parts.postgres.query(`SELECT outcome, decision_id, item_id, answered_at, recipients FROM "${parts.config.MEETING_DATABASE_SCHEMA}".handover_answers`);
    expect(JSON.stringify(stored.rows)).not.toContain(reason);
  });

  it('refuses an answer not sent by the RIEC, sealed wider than the municipality, or about a decision not handed over', async () => {
    const decided = await decidedItem();
    const notHandedOver = await decidedItem(false);
    const refusals = [
      await answer(EventTypes.handoverReturned, decided.decisionId, { reason: 'Vervalst', from: 'politie-bes' }),
      await answer(EventTypes.handoverReturned, decided.decisionId, { reason: 'Te breed', to: ['gemeente-soest', 'politie-bes'] }),
      await answer(EventTypes.handoverAccepted, notHandedOver.decisionId),
    ];
    for (const [index, message] of refusals.entries()) {
      const type = index === 2 ? EventTypes.handoverAccepted : EventTypes.handoverReturned;
      expect(await parts.handoverAnswers.receive(type, message)).toBe('refused');
    }
    expect(await handoverEntries(member, decided.itemId)).toEqual([]);
    expect(await handoverEntries(member, notHandedOver.itemId)).toEqual([]);
  });
});

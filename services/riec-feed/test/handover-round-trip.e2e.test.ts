import { createEventBus, type EventBus } from '@signaalhub/bus';
import { type HandoverDetail, type HandoverSummary, type HistoryEntry, type ItemHistory } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { eventually, testInfrastructure, uniqueName, type RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, startMeeting } from '../../meeting/test/support/running-meeting.js';
import { handedOverItem } from '../../meeting/test/support/handed-over-item.js';
import { liaison, startFeed } from './support/running-feed.js';

const DEADLINE_MS = 120_000;

/*
 * Issue 12 build 4 across the real services: a decision with "Overdragen aan het RIEC" taken in the meeting
 * reaches the RIEC's inbox in the feed over Kafka; one is accepted, another returned with a reason; the
 * municipality's item history shows both, with the reason; another municipality's member sees neither; the
 * reason is never in a header, a key or a log line.
 */
describe('hand-over to the RIEC and back', () => {
  let meeting: RunningService;
  let feed: RunningService;
  let bus: EventBus;
  const member = caller('gemeente-soest');
  const riec = liaison();
  const reason = uniqueName('Teruggegeven want de politie pakt het op');

  beforeAll(async () => {
    [meeting, feed] = await Promise.all([startMeeting(), startFeed()]);
    bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'handover-e2e', logger: createLogger('handover-e2e', 'warn') });
  });

  afterAll(async () => {
    await bus.close();
    await Promise.all([meeting.stop(), feed.stop()]);
  });

  const handoverEntries = async (itemId: string, who = member): Promise<HistoryEntry[]> =>
    ((await (await meeting.call('GET', `/api/agenda/items/${itemId}/history`, who)).json()) as ItemHistory).entries.filter((entry) => entry.kind.startsWith('handover-'));

  it('takes a hand-over to the RIEC and its answers back to the item', async () => {
    const accepted = await handedOverItem(bus, meeting, member, DEADLINE_MS);
    const returned = await handedOverItem(bus, meeting, member, DEADLINE_MS);
    expect(accepted.recipients).toContain('riec-mn');
    await eventually(
      async () => {
        const inbox = (await (await feed.call('GET', '/api/handovers', riec)).json()) as HandoverSummary[];
        return [accepted, returned].every(({ decisionId }) => inbox.some((handover) => handover.id === decisionId && handover.status === 'open')) ? true : undefined;
      },
      { timeoutMs: DEADLINE_MS, what: "both decisions in the RIEC's inbox" },
    );
    const opened = (await (await feed.call('GET', `/api/handovers/${accepted.decisionId}`, riec)).json()) as HandoverDetail;
    expect(opened).toMatchObject({ municipality: 'soest', decision: { riecHandover: true }, signal: { id: accepted.itemId } });

    expect((await feed.call('POST', `/api/handovers/${accepted.decisionId}/acceptance`, riec, { caseReference: 'RIEC-2026-7' })).status).toBe(200);
    const blank = await feed.call('POST', `/api/handovers/${returned.decisionId}/return`, riec, { reason: ' ' });
    expect({ status: blank.status, body: (await blank.json()) as unknown }).toMatchObject({ status: 422, body: { problems: [{ field: 'reason' }] } });
    expect((await feed.call('POST', `/api/handovers/${returned.decisionId}/return`, riec, { reason })).status).toBe(200);
    expect((await feed.call('POST', `/api/handovers/${returned.decisionId}/acceptance`, riec, {})).status).toBe(409);

    await eventually(async () => ((await handoverEntries(returned.itemId)).length === 1 && (await handoverEntries(accepted.itemId)).length === 1 ? true : undefined), {
      timeoutMs: DEADLINE_MS,
      what: "the RIEC's answers on the Soest items",
    });
    expect(await handoverEntries(accepted.itemId)).toMatchObject([{ kind: 'handover-accepted', content: { caseReference: 'RIEC-2026-7' } }]);
    expect(await handoverEntries(returned.itemId)).toMatchObject([{ kind: 'handover-returned', content: { reason } }]);
    expect((await meeting.call('GET', `/api/agenda/items/${returned.itemId}/history`, caller('gemeente-baarn'))).status).toBe(403);

    // The reason travels inside the envelope only: not in the queued header or key, not in either service's log.
    const queued = await feed.pool.query<{ message_key: string; message_value: Buffer }>(`SELECT message_key, message_value FROM "${feed.schema}".outbox`);
    for (const row of queued.rows) {
      expect(row.message_key).toBe('soest');
      expect(JSON.stringify((JSON.parse(row.message_value.toString('utf8')) as { header: unknown }).header)).not.toContain(reason);
    }
    expect(queued.rowCount).toBe(2);
    expect(feed.log).not.toContain(reason);
    expect(meeting.log).not.toContain(reason);
  });
});

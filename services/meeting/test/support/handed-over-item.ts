import type { EventBus } from '@signaalhub/bus';
import { Topics, type AgendaEntry, type DecisionReceipt } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { eventually, type RunningService } from '@signaalhub/test-infra';
import { randomKvkNumber, sealSignal } from './sealed-signals.js';

/** A Soest signal published to Kafka, on the agenda, decided with "Overdragen aan het RIEC" through the meeting's API. */
export async function handedOverItem(bus: EventBus, meeting: RunningService, member: UserIdentity, deadlineMs: number): Promise<{ itemId: string; decisionId: string; recipients: readonly string[] }> {
  const { envelope } = await sealSignal({ municipality: 'soest', kvkNumber: randomKvkNumber() });
  const producer = bus.createProducer();
  await producer.connect();
  await producer.send(Topics.signalSubmitted, [{ key: 'soest', value: Buffer.from(JSON.stringify(envelope)) }]);
  await producer.disconnect();
  const itemId = envelope.header.messageId;
  await eventually(
    async () => (((await (await meeting.call('GET', '/api/agenda?municipality=soest', member)).json()) as AgendaEntry[]).some((entry) => entry.id === itemId) ? true : undefined),
    { timeoutMs: deadlineMs, what: 'the signal on the Soest agenda' },
  );
  const decided = await meeting.call('POST', `/api/agenda/items/${itemId}/decision`, member, { approach: 'strafrechtelijk', leadParty: 'politie-bes', actions: [], riecHandover: true, feedback: 'Naar het RIEC.' });
  const receipt = (await decided.json()) as DecisionReceipt;
  return { itemId, decisionId: receipt.decisionId, recipients: receipt.recipients };
}

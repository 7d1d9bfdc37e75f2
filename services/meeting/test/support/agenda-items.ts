import { createEventBus } from '@signaalhub/bus';
import { Topics, type AgendaEntry, type DecisionReceipt } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { eventually, testInfrastructure, type RunningService } from '@signaalhub/test-infra';
import { expect } from 'vitest';
import { caller } from './running-meeting.js';
import { randomKvkNumber, sealSignal } from './sealed-signals.js';

/** Publishes `count` Soest signals (to gemeente-soest and politie-bes) and waits until all are on the agenda. */
export async function soestItems(sut: RunningService, count: number): Promise<string[]> {
  const bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'agenda-items', logger: createLogger('agenda-items', 'warn') });
  const producer = bus.createProducer();
  await producer.connect();
  const ids: string[] = [];
  try {
    for (let index = 0; index < count; index += 1) {
      const { envelope } = await sealSignal({ municipality: 'soest', kvkNumber: randomKvkNumber(), recipients: ['gemeente-soest', 'politie-bes'] });
      await producer.send(Topics.signalSubmitted, [{ key: 'soest', value: Buffer.from(JSON.stringify(envelope)) }]);
      ids.push(envelope.header.messageId);
    }
  } finally {
    await bus.close();
  }
  await eventually(
    async () => {
      const entries = (await (await sut.call('GET', '/api/agenda?municipality=soest', caller('gemeente-soest'))).json()) as AgendaEntry[];
      return ids.every((id) => entries.some((entry) => entry.id === id)) ? true : undefined;
    },
    { timeoutMs: 90_000, what: `${String(count)} items on the Soest agenda` },
  );
  return ids;
}

/** Records a decision led by gemeente-soest with actions due on `dueDates`; answers its id. */
export async function decideWithActions(sut: RunningService, itemId: string, dueDates: readonly string[]): Promise<string> {
  const response = await sut.call('POST', `/api/agenda/items/${itemId}/decision`, caller('gemeente-soest'), {
    approach: 'bestuurlijk',
    leadParty: 'gemeente-soest',
    actions: dueDates.map((dueDate, index) => ({ description: `Actie ${String(index + 1)}`, dueDate })),
    riecHandover: false,
    feedback: '',
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as DecisionReceipt).decisionId;
}

import { createEventBus, type BusConsumer, type BusMessage, type BusProducer, type EventBus } from '@signaalhub/bus';
import { createLogger } from '@signaalhub/logging';
import { eventually, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignalAdmission, type AdmissionOutcome } from '../src/admission/signal-admission.js';
import { Queues } from '@signaalhub/contracts';
import type { MeetingService } from '../src/composition.js';
import { testParts } from './support/meeting-parts.js';
import { busMessageOf, randomKvkNumber, sealSignal } from './support/sealed-signals.js';

describe(SignalAdmission.name, () => {
  let parts: MeetingService;
  let bus: EventBus;
  let producer: BusProducer;
  let consumer: BusConsumer | undefined;

  beforeAll(async () => {
    parts = await testParts();
    await parts.start();
    bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'meeting-int', logger: createLogger('meeting-int', 'warn') });
    producer = bus.createProducer();
    await producer.connect();
  });

  afterAll(async () => {
    await bus.close();
    await parts.close();
  });

  async function agendaRows(messageId: string): Promise<{ municipality: string }[]> {
    const rows = await parts.postgres.query<{ municipality: string }>(
      `SELECT municipality FROM "${parts.config.MEETING_DATABASE_SCHEMA}".agenda_items WHERE message_id = $1`,
      [messageId],
    );
    return rows.rows;
  }

  it('puts a signal published twice to Kafka on the right agenda exactly once', async () => {
    // A topic of this test's own, so the consumer reads only what this test sends.
    const topic = uniqueName('signals');
    await bus.provision([{ name: topic, partitions: 1, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
    const outcomes: AdmissionOutcome[] = [];
    consumer = bus.createConsumer({
      groupId: uniqueName('meeting-int-group'),
      topics: [topic],
      handlers: { [topic]: async (message: BusMessage) => void outcomes.push(await parts.admission.admit(message)) },
    });
    await consumer.start();
    const { envelope } = await sealSignal({ municipality: 'soest', kvkNumber: randomKvkNumber() });
    const value = Buffer.from(JSON.stringify(envelope));
    await producer.send(topic, [{ key: 'soest', value }]);
    await producer.send(topic, [{ key: 'soest', value }]);

    await eventually(() => (outcomes.length === 2 ? true : undefined), { timeoutMs: 60_000, what: 'both deliveries to be handled' });
    expect(outcomes).toEqual(['admitted', 'duplicate']);
    const rows = await eventually(async () => {
      const found = await agendaRows(envelope.header.messageId);
      return found.length > 0 ? found : undefined;
    }, { timeoutMs: 30_000, what: 'the agenda row' });
    expect(rows).toEqual([{ municipality: 'soest' }]);
    expect(await parts.queues.hasJob('soest', envelope.header.messageId)).toBe(true);
    expect(await parts.queues.hasJob('baarn', envelope.header.messageId)).toBe(false);
  });

  it('admits a redelivered signal whose first attempt crashed after opening', async () => {
    const { envelope } = await sealSignal({ municipality: 'baarn', kvkNumber: randomKvkNumber() });
    // What a crash between "opened" and "enqueued" leaves behind: the replay mark, and no job.
    await parts.redis.set(`signaalhub:envelope-seen:v1:${parts.config.MEETING_REPLAY_NAMESPACE}:gemeente-baarn:${envelope.header.messageId}`, '1', 'PX', 60_000);

    expect(await parts.admission.admit(busMessageOf(envelope))).toBe('admitted');
    expect(await parts.admission.admit(busMessageOf(envelope))).toBe('duplicate');
    await eventually(async () => ((await agendaRows(envelope.header.messageId)).length === 1 ? true : undefined), { timeoutMs: 30_000, what: 'the agenda row' });
  });

  it('rejects a signal whose municipality party is not a recipient, and audits it', async () => {
    const { envelope } = await sealSignal({ municipality: 'eemnes', kvkNumber: randomKvkNumber(), reporterParty: 'gemeente-eemnes', recipients: ['politie-bes'] });
    expect(await parts.admission.admit(busMessageOf(envelope))).toBe('rejected');
    const audit = await parts.audit.entries({ objectId: envelope.header.messageId });
    expect(audit).toMatchObject([{ action: 'signal.admit', result: 'denied', origin: 'kafka', reason: 'NOT_A_RECIPIENT' }]);
    expect(await parts.queues.hasJob('eemnes', envelope.header.messageId)).toBe(false);
  });

  it('rejects a signal for a municipality without an agenda, and audits it', async () => {
    const { envelope } = await sealSignal({ municipality: 'huizen', kvkNumber: randomKvkNumber(), reporterParty: 'gemeente-soest', recipients: ['gemeente-soest'] });
    expect(await parts.admission.admit(busMessageOf(envelope))).toBe('rejected');
    const audit = await parts.audit.entries({ objectId: envelope.header.messageId });
    expect(audit).toMatchObject([{ action: 'signal.admit', objectType: 'envelope', result: 'denied', origin: 'kafka', reason: 'UNKNOWN_MUNICIPALITY' }]);
  });

  it('names its agenda queues per municipality', () => {
    expect(parts.queues.queueNames()).toContain(Queues.agenda('soest'));
  });
});

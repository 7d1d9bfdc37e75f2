import { createEventBus, type BusMessage } from '@signaalhub/bus';
import { Envelope, Topics } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { eventually, type PrivateKafka, type RunningService, startPrivateKafka, uniqueName } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntake, postSignal, identity } from './support/intake-service.js';
import { goodSubmission } from './support/submissions.js';

describe('signal-intake while the Kafka broker is down', () => {
  let kafka: PrivateKafka;
  let sut: RunningService;

  beforeAll(async () => {
    // A broker of its own: killing the shared one would fail every test running beside this one.
    kafka = await startPrivateKafka();
    sut = await startIntake({ KAFKA_BROKERS: kafka.brokers.join(',') });
  });

  afterAll(async () => {
    await sut.stop();
    await kafka.dispose();
  });

  it('keeps answering POST /api/signals with 201 and delivers every accepted signal once the broker is back', async () => {
    const inspector = identity('gemeente-soest', ['inspector']);
    await kafka.kill();
    const accepted: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const response = await postSignal(sut, goodSubmission(), { identity: inspector });
      expect(response.status).toBe(201);
      accepted.push(((await response.json()) as { id: string }).id);
    }
    const readiness = await fetch(`${sut.base}/health/ready`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({
      dependencies: expect.arrayContaining([{ name: 'kafka', ready: false, reason: expect.any(String) as unknown }]) as unknown,
      // What the broker has not taken yet is visible: the five accepted signals wait in the outbox.
      backlogs: [{ name: 'outbox', pending: 5, oldestAgeSeconds: expect.any(Number) as unknown }],
    });
    const mine = (await (await sut.get('/api/signals/mine', inspector)).json()) as { signals: { status: string }[] };
    expect(mine.signals.map((signal) => signal.status)).toEqual(['ontvangen', 'ontvangen', 'ontvangen', 'ontvangen', 'ontvangen']);

    await kafka.start();
    const bus = createEventBus({ brokers: kafka.brokers, clientId: 'outage-reader', logger: createLogger('outage-e2e', 'warn') });
    const received: string[] = [];
    const consumer = bus.createConsumer({
      groupId: uniqueName('outage-reader'),
      topics: [Topics.signalSubmitted],
      handlers: {
        [Topics.signalSubmitted]: (message: BusMessage) => {
          received.push(Envelope.parse(JSON.parse(message.value.toString('utf8'))).header.messageId);
          return Promise.resolve();
        },
      },
    });
    try {
      await consumer.start();
      await eventually(() => (accepted.every((id) => received.includes(id)) ? true : undefined), { timeoutMs: 180_000, what: 'every accepted signal on Kafka' });
    } finally {
      await bus.close();
    }
    expect(received).toEqual(accepted);
    expect(sut.process.running).toBe(true);
  });
});

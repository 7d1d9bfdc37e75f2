import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload, type MicroserviceOptions } from '@nestjs/microservices';
import { uniqueName, waitUntil } from '@signaalhub/test-infra';
import { throwError, type Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEventBus,
  deadLetterTopic,
  DeadLetterHeaders,
  KafkaBusTransport,
  PassErrorsToBusFilter,
  type BusMessage,
  type EventBus,
} from '../src/index.js';
import { testBrokers, testLogger } from './support/test-kafka.js';

const brokers = testBrokers();

describe(KafkaBusTransport.name, () => {
  const buses: EventBus[] = [];
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });

  it('retries and dead-letters messages whose @EventPattern handler throws or returns an erroring Observable', async () => {
    const bus = createEventBus({ brokers, clientId: 'transport-int-test', logger: testLogger() });
    buses.push(bus);
    const topic = uniqueName('transport');
    const dlq = deadLetterTopic(topic);
    await bus.provision([{ name: topic, partitions: 1, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
    const attempts = new Map<string, number>();
    const handled: string[] = [];

    @Controller()
    class SignalHandler {
      @EventPattern<Record<string, BusMessage>>(topic)
      handle(@Payload() message: BusMessage): Observable<never> | undefined {
        const kind = message.headers.kind ?? 'missing';
        attempts.set(kind, (attempts.get(kind) ?? 0) + 1);
        if (kind === 'throws') throw new Error('header digest mismatch');
        if (kind === 'observable-error') return throwError(() => new RangeError('recipient list does not name us'));
        handled.push(kind);
        return undefined;
      }
    }
    @Module({ controllers: [SignalHandler] })
    class ServiceModule {}

    const retries = 2;
    const sut = new KafkaBusTransport({
      bus,
      groupId: uniqueName('transport-group'),
      topics: [topic],
      retry: { retries, initialMs: 10, maxMs: 40 },
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
    });
    // Nest declares its options as a class but only ever reads them as plain data.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(ServiceModule, { strategy: sut, logger: false });
    app.useGlobalFilters(new PassErrorsToBusFilter());
    const deadLetters: BusMessage[] = [];
    const dlqReader = bus.createConsumer({
      groupId: uniqueName('transport-dlq-reader'),
      topics: [dlq],
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
      handlers: {
        [dlq]: (message: BusMessage) => {
          deadLetters.push(message);
          return Promise.resolve();
        },
      },
    });
    const producer = bus.createProducer();
    await producer.connect();
    await producer.send(topic, [
      { key: 'gemeente-baarn', value: Buffer.from('a'), headers: { kind: 'throws' } },
      { key: 'gemeente-baarn', value: Buffer.from('b'), headers: { kind: 'observable-error' } },
      { key: 'gemeente-baarn', value: Buffer.from('c'), headers: { kind: 'fine' } },
    ]);

    try {
      await app.listen();
      await dlqReader.start();
      await waitUntil(() => handled.length === 1 && deadLetters.length === 2, { timeoutMs: 60_000, what: 'one handled message and two dead letters' });
    } finally {
      await app.close();
    }

    expect(handled).toEqual(['fine']);
    expect(attempts.get('throws')).toBe(retries + 1);
    expect(attempts.get('observable-error')).toBe(retries + 1);
    expect(deadLetters.map((letter) => letter.headers[DeadLetterHeaders.reason])).toEqual([
      'Error: header digest mismatch',
      'RangeError: recipient list does not name us',
    ]);
    expect(deadLetters.map((letter) => letter.value.toString())).toEqual(['a', 'b']);
  });
});

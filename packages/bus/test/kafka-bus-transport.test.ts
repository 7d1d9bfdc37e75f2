import { Controller, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern, type MicroserviceOptions } from '@nestjs/microservices';
import { describe, expect, it } from 'vitest';
import { createEventBus, KafkaBusTransport, SubscriptionError, type BusMessage } from '../src/index.js';
import { testLogger } from './support/test-kafka.js';

// Port 1 never answers: every case here must fail in the start-up check, before any connection.
const bus = createEventBus({ brokers: ['127.0.0.1:1'], clientId: 'transport-test', logger: testLogger() });

@Controller()
class SubmittedHandler {
  @EventPattern('topic.submitted')
  onSubmitted(_message: BusMessage): void {
    return undefined;
  }
}

@Controller()
class SecondSubmittedHandler {
  @EventPattern('topic.submitted')
  alsoOnSubmitted(_message: BusMessage): void {
    return undefined;
  }
}

@Controller()
class UnknownTopicHandler {
  @EventPattern('topic.nobody-produces-this')
  onUnknown(_message: BusMessage): void {
    return undefined;
  }
}

@Controller()
class RequestReplyHandler {
  @MessagePattern('topic.submitted')
  answer(_message: BusMessage): string {
    return 'reply';
  }
}

async function listenWith(controllers: Type[], topics: string[]): Promise<void> {
  @Module({ controllers })
  class ServiceModule {}
  const sut = new KafkaBusTransport({ bus, groupId: 'transport-test', topics });
  // Nest declares its options as a class but only ever reads them as plain data.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(ServiceModule, { strategy: sut, logger: false });
  try {
    await app.listen();
  } finally {
    await app.close();
  }
}

describe(KafkaBusTransport.name, () => {
  it('rejects start when an expected topic has no event handler, naming the topic', async () => {
    const start = listenWith([SubmittedHandler], ['topic.submitted', 'topic.decided']);

    await expect(start).rejects.toThrow(SubscriptionError);
    await expect(start).rejects.toThrow('No handler for topic "topic.decided"');
  });

  it('rejects start when a topic has two event handlers, naming the topic', async () => {
    await expect(listenWith([SubmittedHandler, SecondSubmittedHandler], ['topic.submitted'])).rejects.toThrow(
      'Topic "topic.submitted" has 2 handlers; exactly one is allowed',
    );
  });

  it('rejects start when a handler listens to a topic that is not expected', async () => {
    await expect(listenWith([SubmittedHandler, UnknownTopicHandler], ['topic.submitted'])).rejects.toThrow(
      'Handler for topic "topic.nobody-produces-this" but that topic is not in the expected topic list',
    );
  });

  it('rejects start when a request/reply handler is registered', async () => {
    await expect(listenWith([RequestReplyHandler], ['topic.submitted'])).rejects.toThrow(/@MessagePattern \(request\/reply\) handler/);
  });
});

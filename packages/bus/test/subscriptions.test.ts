import { describe, expect, it } from 'vitest';
import { checkSubscriptions, createEventBus, SubscriptionError, type BusHandler, type HandlerMap } from '../src/index.js';
import { testLogger } from './support/test-kafka.js';

const handled: BusHandler = () => Promise.resolve();

describe(checkSubscriptions.name, () => {
  it('accepts exactly one handler per expected topic', () => {
    expect(() => {
      checkSubscriptions(['a', 'b'], [
        { topic: 'a', handler: handled },
        { topic: 'b', handler: handled },
      ]);
    }).not.toThrow();
  });

  it('rejects a topic with no handler, naming the topic', () => {
    const sut = (): void => {
      checkSubscriptions(['a', 'b'], [{ topic: 'a', handler: handled }]);
    };

    expect(sut).toThrow(SubscriptionError);
    expect(sut).toThrow('No handler for topic "b"');
  });

  it('rejects a topic with two handlers, naming the topic', () => {
    const sut = (): void => {
      checkSubscriptions(['a'], [
        { topic: 'a', handler: handled },
        { topic: 'a', handler: handled },
      ]);
    };

    expect(sut).toThrow('Topic "a" has 2 handlers; exactly one is allowed');
  });

  it('rejects a handler for a topic that is not expected', () => {
    expect(() => {
      checkSubscriptions(['a'], [
        { topic: 'a', handler: handled },
        { topic: 'typo', handler: handled },
      ]);
    }).toThrow('Handler for topic "typo" but that topic is not in the expected topic list');
  });
});

describe('EventBus.createConsumer', () => {
  // Port 1 never answers: the check must fail before any connection is attempted.
  const bus = createEventBus({ brokers: ['127.0.0.1:1'], clientId: 'subscriptions-test', logger: testLogger() });

  it('rejects start when a topic has no handler, naming the topic', async () => {
    const handlers = { 'topic.a': handled } as unknown as HandlerMap<'topic.a' | 'topic.b'>;
    const sut = bus.createConsumer({ groupId: 'g', topics: ['topic.a', 'topic.b'], handlers });

    await expect(sut.start()).rejects.toThrow('No handler for topic "topic.b"');
  });

  it('rejects start when the map has a handler for a topic not in the list', async () => {
    const handlers = { 'topic.a': handled, 'topic.z': handled } as HandlerMap<'topic.a'>;
    const sut = bus.createConsumer({ groupId: 'g', topics: ['topic.a'], handlers });

    await expect(sut.start()).rejects.toThrow('Handler for topic "topic.z"');
  });

  it('fails to compile when the handler map misses a topic', () => {
    const typeCheckedOnly = (): void => {
      // The line below is the test: `tsc -p tsconfig.check.json` fails if it ever compiles.
      // @ts-expect-error — 'topic.b' has no handler
      bus.createConsumer({ groupId: 'g', topics: ['topic.a', 'topic.b'], handlers: { 'topic.a': handled } });
    };
    expect(typeCheckedOnly).toBeTypeOf('function');
  });
});

import type { BusHandler } from './bus-message.js';

/**
 * One handler per topic, keyed by the topic-name union: leaving a topic out fails to compile.
 * `NoInfer` makes the topic list (not the map) decide which topics are expected.
 */
export type HandlerMap<TTopic extends string> = { readonly [Topic in NoInfer<TTopic>]: BusHandler };

/** A topic with the handler that runs its messages. */
export interface Subscription {
  readonly topic: string;
  readonly handler: BusHandler;
}

/** Thrown at start-up when the subscriptions do not give every expected topic exactly one handler. */
export class SubscriptionError extends Error {
  override readonly name = 'SubscriptionError';
  constructor(
    message: string,
    readonly topic: string,
  ) {
    super(message);
  }
}

/**
 * The start-up check behind the compile-time one: exactly one handler per expected topic and no handler
 * for a topic nobody expects (a typo would otherwise subscribe to a topic that never receives anything).
 */
export function checkSubscriptions(expectedTopics: readonly string[], subscriptions: readonly Subscription[]): void {
  const expected = new Set(expectedTopics);
  const handlerCount = new Map<string, number>();
  for (const { topic, handler } of subscriptions) {
    if (!expected.has(topic)) {
      throw new SubscriptionError(`Handler for topic "${topic}" but that topic is not in the expected topic list`, topic);
    }
    if (typeof handler !== 'function') {
      throw new SubscriptionError(`Handler for topic "${topic}" is not a function`, topic);
    }
    handlerCount.set(topic, (handlerCount.get(topic) ?? 0) + 1);
  }
  for (const topic of expected) {
    const count = handlerCount.get(topic) ?? 0;
    if (count === 0) throw new SubscriptionError(`No handler for topic "${topic}"`, topic);
    if (count > 1) throw new SubscriptionError(`Topic "${topic}" has ${count} handlers; exactly one is allowed`, topic);
  }
}

export function subscriptionsFromHandlerMap<TTopic extends string>(
  topics: readonly TTopic[],
  handlers: HandlerMap<TTopic>,
): Subscription[] {
  // Keys present in the map but not in the topic list are kept so the check can name them.
  const keys = new Set<string>([...topics, ...Object.keys(handlers)]);
  const byTopic = handlers as Readonly<Record<string, BusHandler | undefined>>;
  return [...keys].flatMap((topic) => {
    const handler = byTopic[topic];
    return handler === undefined ? [] : [{ topic, handler }];
  });
}

import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { BaseRpcContext, Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { finalize, isObservable, lastValueFrom, throwError, type Observable } from 'rxjs';
import type { Logger } from '@signaalhub/logging';
import type { BusConsumer, ConsumerTuning } from './bus-consumer.js';
import type { BusMessage } from './bus-message.js';
import { describeFailure } from './dead-letter.js';
import type { EventBus } from './event-bus.js';
import { SubscriptionError, type Subscription } from './subscriptions.js';

export interface KafkaBusTransportOptions extends ConsumerTuning {
  readonly bus: EventBus;
  /** For the transport's own start-up lines; the consumer logs through the bus's logger. */
  readonly logger?: Logger;
  /** Every topic this service consumes; each needs exactly one `@EventPattern(topic)` handler. */
  readonly topics: readonly string[];
}

/** The second handler argument (`@Ctx()`): the raw bus message and where it came from. */
export class BusContext extends BaseRpcContext<[BusMessage]> {
  getMessage(): BusMessage {
    return this.args[0];
  }
}

/**
 * Runs a service's `@EventPattern(topic)` handlers on a bus consumer, so Nest handlers get commit after
 * success, retry with backoff and dead-lettering. The payload (`@Payload()`) is the `BusMessage`; the
 * handler decrypts and validates it. Request/reply (`@MessagePattern`) is refused: the hub only has events.
 */
export class KafkaBusTransport extends Server implements CustomTransportStrategy {
  /** Handler failures are awaited and fed to the bus retry logic, so Nest must not also report them. */
  override readonly propagatesEventHandlerErrors = true;
  private consumer: BusConsumer | undefined;

  constructor(private readonly options: KafkaBusTransportOptions) {
    super();
  }

  async listen(callback: (...optionalParams: unknown[]) => unknown): Promise<void> {
    try {
      const { bus, topics, logger: _logger, ...tuning } = this.options;
      const consumer = bus.createSubscriptionConsumer({ ...tuning, expectedTopics: topics, subscriptions: this.collectSubscriptions() });
      this.consumer = consumer;
      await consumer.start();
      this.options.logger?.info({ groupId: tuning.groupId, topics }, 'Kafka bus transport listening');
      callback();
    } catch (error) {
      this.options.logger?.error({ groupId: this.options.groupId, error: describeFailure(error) }, 'Kafka bus transport failed to start');
      callback(error);
    }
  }

  async close(): Promise<void> {
    if (this.consumer === undefined) return;
    await this.consumer.stop();
    this.consumer = undefined;
    this.options.logger?.info({ groupId: this.options.groupId }, 'Kafka bus transport stopped');
  }

  on(): never {
    throw new Error('KafkaBusTransport has no events to listen to; use the bus consumer settings instead');
  }

  // The generic signature is fixed by Nest's abstract Server.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  unwrap<T>(): T {
    throw new Error('KafkaBusTransport does not expose its client: kafkajs stays behind the bus interface');
  }

  /** One subscription per registered handler (Nest chains duplicates via `next`), for the start-up check. */
  private collectSubscriptions(): Subscription[] {
    const subscriptions: Subscription[] = [];
    for (const [pattern, handler] of this.messageHandlers) {
      if (handler.isEventHandler !== true) {
        throw new SubscriptionError(`"${pattern}" is a @MessagePattern (request/reply) handler; the bus runs @EventPattern handlers only`, pattern);
      }
      for (let current: MessageHandler['next'] = handler; current !== undefined; current = (current as MessageHandler).next) {
        subscriptions.push({ topic: pattern, handler: (message) => this.runEventHandler(handler, message) });
      }
    }
    return subscriptions;
  }

  /** Settles when the handler's promise and, if it returns one, its Observable settle. */
  private runEventHandler(handler: MessageHandler, message: BusMessage): Promise<void> {
    const context = new BusContext([message]);
    return new Promise<void>((resolve, reject) => {
      // Inside the processing hooks (tracing spans); errors go to the bus, not back into Nest.
      this.runWithProcessingHooks(context, async (runEndHook) => {
        try {
          const resultOrStream: unknown = await handler(message, context);
          if (isObservable(resultOrStream)) {
            await lastValueFrom(resultOrStream.pipe(finalize(runEndHook)), { defaultValue: undefined });
          }
          runEndHook();
          resolve();
        } catch (error) {
          runEndHook();
          reject(error instanceof Error ? error : new Error(describeFailure(error)));
        }
      });
    });
  }
}

/**
 * Nest's default RPC exception filter replaces any error with `{ status: 'error', message: 'Internal
 * server error' }`. Registered globally (`app.useGlobalFilters(new PassErrorsToBusFilter())`), this
 * hands the original error to the bus, so the dead letter's reason header names the real cause.
 */
@Catch()
export class PassErrorsToBusFilter implements RpcExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

import type { BusProducer } from '@signaalhub/bus';
import type { Logger } from '@signaalhub/logging';
import type { Pool } from 'pg';
import { BusOutboxPublisher } from './bus-outbox-publisher.js';
import type { OutboxBacklog } from './outbox-message.js';
import { OutboxNotifications } from './outbox-notifications.js';
import { OutboxRelay } from './outbox-relay.js';
import { outboxChannel } from './outbox-schema.js';
import { OutboxWriter } from './outbox-writer.js';
import { PostgresOutboxSource } from './postgres-outbox-source.js';

export interface TransactionalOutboxOptions {
  readonly pool: Pool;
  /** For the LISTEN connection, which stays open beside the pool. */
  readonly databaseUrl: string;
  /** The schema holding the `outbox` table (see `outboxTableSql`). */
  readonly schema: string;
  /** Used by the relay only; disconnected when the outbox stops. */
  readonly producer: BusProducer;
  readonly logger: Logger;
  /** Fallback poll; a committed insert wakes the relay at once through LISTEN/NOTIFY. */
  readonly pollMs?: number;
}

const DEFAULT_POLL_MS = 1_000;

/**
 * A service's outbox: the writer its transactions add messages with, and the relay that publishes them,
 * woken by the insert trigger's NOTIFY. Start it with the service and stop it before the pool is closed.
 */
export class TransactionalOutbox {
  readonly writer: OutboxWriter;
  readonly relay: OutboxRelay;
  private readonly source: PostgresOutboxSource;
  private readonly notifications: OutboxNotifications;

  constructor(options: TransactionalOutboxOptions) {
    this.writer = new OutboxWriter(options.schema);
    this.source = new PostgresOutboxSource(options.pool, options.schema);
    const relay = new OutboxRelay({
      source: this.source,
      publisher: new BusOutboxPublisher(options.producer),
      logger: options.logger.child({ component: 'outbox-relay' }),
      pollMs: options.pollMs ?? DEFAULT_POLL_MS,
    });
    this.relay = relay;
    this.notifications = new OutboxNotifications(
      options.databaseUrl,
      outboxChannel(options.schema),
      () => {
        relay.wake();
      },
      options.logger.child({ component: 'outbox-notifications' }),
    );
  }

  async start(): Promise<void> {
    this.relay.start();
    await this.notifications.start();
  }

  /** Finishes the round in progress, then disconnects the relay's producer. */
  async stop(): Promise<void> {
    await this.notifications.stop();
    await this.relay.stop();
  }

  /** For readiness: how much is waiting for the broker. */
  backlog(): Promise<OutboxBacklog> {
    return this.source.backlog();
  }
}

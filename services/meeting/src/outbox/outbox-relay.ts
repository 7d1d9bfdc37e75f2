import type { BusProducer } from '@signaalhub/bus';
import { withTransaction } from '@signaalhub/database';
import type { Logger } from '@signaalhub/logging';
import type { Pool } from 'pg';
import { quotedSchema } from '@signaalhub/database';

const BATCH_SIZE = 100;
const IDLE_INTERVAL_MS = 500;
const MAX_BACKOFF_MS = 10_000;

/**
 * Publishes committed outbox rows to Kafka in id order and marks them published. A broker outage only
 * delays them: the rows wait, the relay backs off and tries again. A crash between send and mark
 * republishes a row (at-least-once); consumers deduplicate on the envelope's message id.
 */
export class OutboxRelay {
  private readonly table: string;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private failures = 0;

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly producer: BusProducer,
    private readonly logger: Logger,
  ) {
    this.table = `${quotedSchema(schema)}.outbox`;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Something was just committed: publish now instead of at the next tick. */
  nudge(): void {
    if (this.stopped || this.running !== undefined) return;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    // The producer belongs to the bus, which disconnects it on close.
  }

  /** One pass; resolves with the number of rows published. */
  async relayOnce(): Promise<number> {
    return withTransaction(this.pool, async (client) => {
      // SKIP LOCKED: a second instance takes other rows instead of waiting for these.
      const rows = await client.query<{ id: string; topic: string; key: string; value: string }>(
        `SELECT id, topic, key, value FROM ${this.table} WHERE published_at IS NULL ORDER BY id LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.rows.length === 0) return 0;
      for (const row of rows.rows) {
        await this.producer.send(row.topic, [{ key: row.key, value: Buffer.from(row.value, 'utf8') }]);
      }
      await client.query(`UPDATE ${this.table} SET published_at = now() WHERE id = ANY($1::bigint[])`, [rows.rows.map((row) => row.id)]);
      return rows.rows.length;
    });
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let next = IDLE_INTERVAL_MS;
    try {
      const published = await this.relayOnce();
      if (this.failures > 0) this.logger.info({ afterFailures: this.failures }, 'outbox relay recovered');
      this.failures = 0;
      if (published > 0) this.logger.info({ published }, 'outbox messages published');
      if (published === BATCH_SIZE) next = 0;
    } catch (error) {
      this.failures += 1;
      next = Math.min(IDLE_INTERVAL_MS * 2 ** Math.min(this.failures, 10), MAX_BACKOFF_MS);
      // Only the error's name: a broker or database message is not needed to know it failed.
      this.logger.warn({ failures: this.failures, retryInMs: next, errorName: error instanceof Error ? error.name : typeof error }, 'outbox relay failed; will retry');
    }
    if (!this.stopped) this.schedule(next);
  }
}

import type { Logger } from '@signaalhub/logging';
import pg from 'pg';

/**
 * LISTEN on the outbox channel and call `onNotify` for each committed insert, so a new message is
 * relayed at once. A lost connection is re-established after a pause; meanwhile the relay's poll
 * keeps things moving, so this is an accelerator, never a requirement.
 */
export class OutboxNotifications {
  private client: pg.Client | undefined;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly onNotify: () => void,
    private readonly logger: Logger,
    private readonly reconnectMs = 2_000,
  ) {}

  async start(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    this.client = client;
    client.on('notification', () => {
      this.onNotify();
    });
    client.on('error', () => {
      this.reconnectLater(client);
    });
    client.on('end', () => {
      this.reconnectLater(client);
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
      // Rows committed while not listening are found by this first round.
      this.onNotify();
    } catch (error) {
      this.logger.warn({ errorName: error instanceof Error ? error.name : 'error' }, 'outbox notifications unavailable; polling');
      this.reconnectLater(client);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private reconnectLater(failed: pg.Client): void {
    if (this.stopped || this.client !== failed) return;
    this.client = undefined;
    void failed.end().catch(() => undefined);
    this.reconnectTimer = setTimeout(() => {
      void this.start();
    }, this.reconnectMs);
  }
}

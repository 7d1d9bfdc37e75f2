import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { TransactionalOutbox } from '@signaalhub/outbox';
import { OUTBOX } from './tokens.js';

/** Starts the shared outbox's relay with the application and stops it before the database pool is closed. */
@Injectable()
export class OutboxLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(OUTBOX) private readonly outbox: TransactionalOutbox) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.outbox.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.outbox.stop();
  }
}

import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { OUTBOX_RELAY } from '../infrastructure/tokens.js';
import type { OutboxNotifications } from './outbox-notifications.js';
import type { OutboxRelay } from './outbox-relay.js';

export interface RunningOutboxRelay {
  readonly relay: OutboxRelay;
  readonly notifications: OutboxNotifications;
}

/** Starts the relay with the application and stops it before the database pool is closed. */
@Injectable()
export class OutboxRelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(OUTBOX_RELAY) private readonly outbox: RunningOutboxRelay) {}

  async onApplicationBootstrap(): Promise<void> {
    this.outbox.relay.start();
    await this.outbox.notifications.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.outbox.notifications.stop();
    await this.outbox.relay.stop();
  }
}

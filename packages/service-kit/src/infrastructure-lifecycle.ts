import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@signaalhub/logging';

/** How a service stops: its background work first, its infrastructure clients last. */
export interface InfrastructureShutdown {
  /** The service's name, as in the `<service> stopped` log line. */
  readonly service: string;
  readonly logger: Logger;
  /** Stops workers and relays; runs before Nest closes the Kafka consumer and the HTTP server. */
  stop?(): Promise<void>;
  close(): Promise<void>;
}

/** Nest injection token for the service's `InfrastructureShutdown`. */
export const INFRASTRUCTURE_SHUTDOWN = Symbol('InfrastructureShutdown');

/**
 * The ordered shutdown. Nest calls `beforeApplicationShutdown` first (workers and relays stop taking work),
 * then closes the Kafka transport (consumers stopped, offsets committed) and the HTTP server, then calls
 * `onApplicationShutdown`, which closes the clients, so nothing in flight loses its connection.
 */
@Injectable()
export class InfrastructureLifecycle implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(@Inject(INFRASTRUCTURE_SHUTDOWN) private readonly shutdown: InfrastructureShutdown) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (this.shutdown.stop === undefined) return;
    await this.shutdown.stop();
    this.shutdown.logger.info({ signal }, 'background work stopped');
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.shutdown.close();
    this.shutdown.logger.info({ signal }, `${this.shutdown.service} stopped`);
  }
}

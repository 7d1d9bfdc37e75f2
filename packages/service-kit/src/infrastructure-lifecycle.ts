import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@signaalhub/logging';

/** What a service closes last on shutdown: its infrastructure clients (and what uses them). */
export interface InfrastructureShutdown {
  /** The service's name, as in the `<service> stopped` log line. */
  readonly service: string;
  readonly logger: Logger;
  close(): Promise<void>;
}

/** Nest injection token for the service's `InfrastructureShutdown`. */
export const INFRASTRUCTURE_SHUTDOWN = Symbol('InfrastructureShutdown');

/**
 * Closes the infrastructure clients last. Nest runs this hook after it has closed the Kafka transport
 * (consumers stopped, offsets committed) and the HTTP server, so nothing in flight loses its connection.
 */
@Injectable()
export class InfrastructureLifecycle implements OnApplicationShutdown {
  constructor(@Inject(INFRASTRUCTURE_SHUTDOWN) private readonly shutdown: InfrastructureShutdown) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.shutdown.close();
    this.shutdown.logger.info({ signal }, `${this.shutdown.service} stopped`);
  }
}

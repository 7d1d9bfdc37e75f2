import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@signaalhub/logging';
import { SERVICE_LOGGER, SERVICE_PARTS } from './tokens.js';

interface Closable {
  close(): Promise<void>;
}

/**
 * Closes workers, relay and clients last. Nest runs this hook after it has closed the Kafka transport
 * (consumer stopped, offsets committed) and the HTTP server, so nothing in flight loses its connection.
 */
@Injectable()
export class InfrastructureLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(SERVICE_PARTS) private readonly parts: Closable,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.parts.close();
    this.logger.info({ signal }, 'meeting stopped');
  }
}

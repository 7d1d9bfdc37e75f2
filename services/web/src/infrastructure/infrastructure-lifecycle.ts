import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@signaalhub/logging';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { POSTGRES_POOL, REDIS_CLIENT, SERVICE_LOGGER } from './tokens.js';

/** Closes Redis and PostgreSQL after Nest closed the HTTP server, so no request in flight loses its connection. */
@Injectable()
export class InfrastructureLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(POSTGRES_POOL) private readonly postgres: Pool,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.redis.quit();
    await this.postgres.end();
    this.logger.info({ signal }, 'web stopped');
  }
}

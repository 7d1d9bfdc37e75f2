import { Controller, Get, HttpCode, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { POSTGRES_POOL, REDIS_CLIENT } from '../infrastructure/tokens.js';

interface DependencyStatus {
  readonly name: 'redis' | 'postgres';
  readonly ready: boolean;
  readonly reason?: string;
}

const CHECK_DEADLINE_MS = 2_000;

@Controller('health')
export class HealthController {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(POSTGRES_POOL) private readonly postgres: Pool,
  ) {}

  @Get('live')
  @HttpCode(HttpStatus.OK)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready = sessions (Redis) and accounts (PostgreSQL) answer; the services have their own readiness. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<{ status: string; dependencies: DependencyStatus[] }> {
    const dependencies = await Promise.all([
      probe('redis', () => this.redis.ping()),
      probe('postgres', () => this.postgres.query('SELECT 1')),
    ]);
    const ready = dependencies.every((dependency) => dependency.ready);
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ready' : 'not-ready', dependencies };
  }
}

async function probe(name: DependencyStatus['name'], check: () => Promise<unknown>): Promise<DependencyStatus> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`no answer within ${CHECK_DEADLINE_MS} ms`));
        }, CHECK_DEADLINE_MS);
      }),
    ]);
    return { name, ready: true };
  } catch (error) {
    return { name, ready: false, reason: error instanceof Error ? error.message : 'check failed' };
  } finally {
    clearTimeout(timer);
  }
}

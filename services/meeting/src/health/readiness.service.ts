import { Inject, Injectable } from '@nestjs/common';
import type { EventBus } from '@signaalhub/bus';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { EVENT_BUS, POSTGRES_POOL, REDIS_CLIENT } from '../infrastructure/tokens.js';

export interface DependencyStatus {
  readonly name: 'kafka' | 'redis' | 'postgres';
  readonly ready: boolean;
  /** A short reason when not ready; infrastructure messages only, never request data. */
  readonly reason?: string;
}

const CHECK_DEADLINE_MS = 2_000;

/** Readiness = every server this service needs answers a real request right now. */
@Injectable()
export class ReadinessService {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(POSTGRES_POOL) private readonly postgres: Pool,
  ) {}

  async check(): Promise<DependencyStatus[]> {
    return Promise.all([
      probe('kafka', () => this.bus.checkReady(CHECK_DEADLINE_MS)),
      probe('redis', () => this.redis.ping()),
      probe('postgres', async () => {
        await this.postgres.query('SELECT 1');
      }),
    ]);
  }
}

async function probe(name: DependencyStatus['name'], check: () => Promise<unknown>): Promise<DependencyStatus> {
  try {
    await withDeadline(check(), CHECK_DEADLINE_MS);
    return { name, ready: true };
  } catch (error) {
    return { name, ready: false, reason: error instanceof Error ? error.message : 'check failed' };
  }
}

async function withDeadline<T>(work: Promise<T>, deadlineMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${deadlineMs} ms`));
    }, deadlineMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

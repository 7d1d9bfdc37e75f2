import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { BacklogProbe, ReadinessProbe } from './readiness-probe.js';

/** The part of the event bus readiness needs; kept structural so this package does not depend on the bus. */
export interface BrokerReadiness {
  checkReady(deadlineMs: number): Promise<void>;
}

export function kafkaProbe(bus: BrokerReadiness): ReadinessProbe {
  return { name: 'kafka', check: (deadlineMs) => bus.checkReady(deadlineMs) };
}

export function redisProbe(redis: Redis): ReadinessProbe {
  return { name: 'redis', check: () => redis.ping() };
}

export function postgresProbe(postgres: Pool): ReadinessProbe {
  return { name: 'postgres', check: () => postgres.query('SELECT 1') };
}

/** The part of an outbox readiness needs; structural so this package does not depend on the outbox. */
export interface OutboxBacklogSource {
  backlog(): Promise<{ readonly pending: number; readonly oldestAgeSeconds: number | null }>;
}

export function outboxBacklogProbe(outbox: OutboxBacklogSource): BacklogProbe {
  return { name: 'outbox', measure: () => outbox.backlog() };
}

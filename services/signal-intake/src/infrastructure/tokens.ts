/** Nest injection tokens for the infrastructure clients, created once in main.ts. */
export const EVENT_BUS = Symbol('EventBus');
export const REDIS_CLIENT = Symbol('RedisClient');
export const POSTGRES_POOL = Symbol('PostgresPool');
export const SERVICE_LOGGER = Symbol('ServiceLogger');

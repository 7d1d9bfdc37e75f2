export * from './durable-redis.js';
export * from './health.controller.js';
export * from './infrastructure-lifecycle.js';
export * from './json-body.js';
export * from './readiness-probe.js';
export * from './readiness-probes.js';
export * from './readiness.service.js';

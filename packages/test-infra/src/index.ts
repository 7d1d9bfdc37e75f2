export * from './infrastructure.js';
export * from './private-kafka.js';
export * from './test-infrastructure.js';
export * from './unique-name.js';

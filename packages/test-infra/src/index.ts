export * from './infrastructure.js';
export * from './kafka-control.js';
export * from './test-infrastructure.js';
export * from './unique-name.js';

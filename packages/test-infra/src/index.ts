export * from './eventually.js';
export * from './free-port.js';
export * from './infrastructure.js';
export * from './private-kafka.js';
export * from './service-process.js';
export * from './test-infrastructure.js';
export * from './unique-name.js';
export * from './schema-fixture.js';

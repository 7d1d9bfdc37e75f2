export * from './infrastructure.js';
export * from './unique-name.js';

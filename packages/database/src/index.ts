export * from './with-transaction.js';
export * from './schema-name.js';

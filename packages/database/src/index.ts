export * from './prepared-statement.js';
export * from './run-migrations.js';
export * from './schema-name.js';
export * from './with-transaction.js';

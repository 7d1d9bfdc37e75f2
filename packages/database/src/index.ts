export * from './with-transaction.js';

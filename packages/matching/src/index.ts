export * from './hit-counter.js';
export * from './match-token-store.js';
export * from './match-tokens-table.js';

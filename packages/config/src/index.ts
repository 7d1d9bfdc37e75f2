export * from './load-config.js';
export * from './rules.js';

export * from './parties.js';
export * from './topics.js';

export * from './api-input.js';
export * from './form-body-parser.js';
export * from './query-input.js';
export * from './text-input.js';

export * from './access-error.filter.js';
export * from './access-errors.js';
export * from './audited-access.js';
export * from './request-origin.js';

export * from './identity-guard.js';
export * from './identity-token.js';
export * from './user-identity.js';

export * from './cli-io.js';
export * from './cli-errors.js';
export * from './command-spec.js';
export * from './commands.js';
export * from './exit-codes.js';
export * from './run-cli.js';
export * from './signal-import-client.js';

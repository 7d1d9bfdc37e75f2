export * from './bus-outbox-publisher.js';
export * from './outbox-message.js';
export * from './outbox-notifications.js';
export * from './outbox-relay.js';
export * from './outbox-schema.js';
export * from './outbox-writer.js';
export * from './postgres-outbox-source.js';
export * from './transactional-outbox.js';

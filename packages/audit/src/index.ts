export * from './audit-entry.js';
export * from './audit-log.js';
export { createAuditLogSql } from './audit-schema.js';

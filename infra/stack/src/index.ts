export { stackUp, stackDown, stackStatus, killKafka, startKafka, killRedis, startRedis, type StackStatus } from './stack.js';
export {
  resolveStackConfig,
  renderSettingsAsShellLines,
  KAFKA_VERSION,
  DEFAULT_KAFKA_PORT,
  DEFAULT_REDIS_PORT,
  DEFAULT_POSTGRES_PORT,
  type StackOptions,
  type StackSettings,
} from './settings.js';
export type { ComponentName, ComponentState, ComponentStatus } from './component-status.js';
export { ensurePartyKeys } from './party-keys.js';
export * from './services-manifest.js';

export interface RedisServerLayout {
  port: number;
  dataDir: string;
  logFile: string;
}

/**
 * BullMQ needs every job kept: append-only persistence and no eviction (services refuse to start
 * otherwise, DESIGN.md §7). Loopback only, never daemonised: the stack tracks the pid itself.
 */
export function renderRedisConfig(layout: RedisServerLayout): string {
  return [
    'bind 127.0.0.1',
    `port ${layout.port}`,
    'daemonize no',
    `dir ${quoted(layout.dataDir)}`,
    `logfile ${quoted(layout.logFile)}`,
    'appendonly yes',
    'appendfsync everysec',
    'maxmemory-policy noeviction',
    // Redis rewrites its process title; keep the config path in it so the stack can tell its own process.
    `proc-title-template "{title} {listen-addr} {config-file}"`,
    '',
  ].join('\n');
}

/** Redis reads double-quoted strings with backslash escapes; paths may contain spaces. */
function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

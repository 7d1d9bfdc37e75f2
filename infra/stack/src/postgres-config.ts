export interface PostgresServerLayout {
  port: number;
  /** Empty when the socket path would exceed the kernel's 107-byte limit: TCP only then. */
  socketDir: string;
}

/** Settings the stack owns, in a file included from postgresql.conf and rewritten on every start. */
export function renderPostgresSettings(layout: PostgresServerLayout): string {
  return [
    "listen_addresses = '127.0.0.1'",
    `port = ${layout.port}`,
    `unix_socket_directories = '${layout.socketDir.replace(/'/g, "''")}'`,
    // Every service and every test worker holds a pool; the default 100 runs out.
    'max_connections = 200',
    '',
  ].join('\n');
}

/** Trust on loopback only: a developer stack with no secrets to manage, unreachable from elsewhere. */
export function renderPgHba(): string {
  return ['local all all trust', 'host all all 127.0.0.1/32 trust', ''].join('\n');
}

/** Socket paths longer than sun_path (108 bytes incl. NUL) make the server refuse to start. */
export function socketDirFits(socketDir: string, port: number): boolean {
  return Buffer.byteLength(`${socketDir}/.s.PGSQL.${port}.lock`) <= 107;
}

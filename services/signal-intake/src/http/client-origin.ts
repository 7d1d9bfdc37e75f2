import type { Request } from 'express';

/** Where a request came from, for the audit log: the peer address (the web application, normally). */
export function clientOrigin(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

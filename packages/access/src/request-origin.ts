import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Where a request came from, for the audit log: the peer address (the web application, normally). */
export function requestOrigin(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

/** Handler parameter with `requestOrigin` of the current request. */
export const RequestOrigin = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  requestOrigin(context.switchToHttp().getRequest<Request>()),
);

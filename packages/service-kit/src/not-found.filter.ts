import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, NotFoundException } from '@nestjs/common';
import type { ApiError } from '@signaalhub/contracts';
import type { Response } from 'express';

/** The API's one 404 body: never the requested path (Nest's default says `Cannot GET /the/path`). */
export const API_NOT_FOUND_BODY: ApiError = { error: 'not-found' };

/**
 * Every NotFoundException of an API, an unknown route included, answered without the requested path: a
 * service's own not-found body (contracts' ApiError, naming the parameter) passes; anything else, such as
 * Nest's `Cannot GET /the/path`, becomes the one 404 body.
 */
@Catch(NotFoundException)
export class NotFoundFilter implements ExceptionFilter {
  catch(exception: NotFoundException, host: ArgumentsHost): void {
    const body = exception.getResponse();
    const ownBody = typeof body === 'object' && (body as { error?: unknown }).error === 'not-found';
    host.switchToHttp().getResponse<Response>().status(HttpStatus.NOT_FOUND).json(ownBody ? body : API_NOT_FOUND_BODY);
  }
}

import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, NotFoundException } from '@nestjs/common';
import type { ApiError } from '@signaalhub/contracts';
import type { Response } from 'express';

/** The API's one 404 body: never the requested path (Nest's default says `Cannot GET /the/path`). */
export const API_NOT_FOUND_BODY: ApiError = { error: 'not-found' };

/** Every NotFoundException of an API, an unknown route included, answered with the one 404 body. */
@Catch(NotFoundException)
export class NotFoundFilter implements ExceptionFilter {
  catch(_exception: NotFoundException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(HttpStatus.NOT_FOUND).json(API_NOT_FOUND_BODY);
  }
}

import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { ApiError } from '@signaalhub/contracts';
import type { Response } from 'express';
import { AccessDenied, ObjectNotFound } from './access-errors.js';

/** The one 403 body: no reason, since a reason would tell the caller what exists. */
export const FORBIDDEN_BODY: ApiError = { error: 'forbidden' };
export const NOT_FOUND_BODY: ApiError = { error: 'not-found' };

/** Maps the access domain errors to HTTP; register it as APP_FILTER in every service's module. */
@Catch(AccessDenied, ObjectNotFound)
export class AccessErrorFilter implements ExceptionFilter {
  catch(exception: AccessDenied | ObjectNotFound, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof AccessDenied) response.status(HttpStatus.FORBIDDEN).json(FORBIDDEN_BODY);
    else response.status(HttpStatus.NOT_FOUND).json(NOT_FOUND_BODY);
  }
}

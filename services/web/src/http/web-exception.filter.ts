import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { Logger } from '@signaalhub/logging';
import type { Response } from 'express';
import { createElement } from 'react';
import { SERVICE_LOGGER } from '../infrastructure/tokens.js';
import { fieldLabel } from '../forms/field-labels.js';
import { InvalidFormInput } from '../forms/invalid-form-input.js';
import { MESSAGES, MessagePage } from '../pages/message-page.js';
import { renderDocument } from '../render.js';
import { ServiceCallError } from '../services/service-call-error.js';
import { viewerOf } from '../sessions/signed-in.guard.js';
import { CsrfRejectedException, NotSignedInException, RoleRequiredException } from './web-exceptions.js';
import type { WebRequest } from './web-request.js';

interface ErrorPage {
  readonly status: number;
  readonly message: { readonly title: string; readonly paragraphs: readonly string[] };
}

/**
 * Every error becomes a Dutch page without technical details; what happened is logged with the request's
 * method and route only (no bodies: they may hold personal data).
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  constructor(@Inject(SERVICE_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<WebRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof NotSignedInException) {
      response.redirect(HttpStatus.SEE_OTHER, '/aanmelden');
      return;
    }
    const page = this.pageFor(exception, request);
    const user = viewerOf(request)?.page;
    response
      .status(page.status)
      .type('html')
      .send(renderDocument(createElement(MessagePage, { title: page.message.title, paragraphs: page.message.paragraphs, ...(user === undefined ? {} : { user }) })));
  }

  private pageFor(exception: unknown, request: WebRequest): ErrorPage {
    if (exception instanceof CsrfRejectedException) return { status: HttpStatus.FORBIDDEN, message: MESSAGES.expiredForm };
    if (exception instanceof RoleRequiredException) return { status: HttpStatus.FORBIDDEN, message: MESSAGES.forbidden };
    if (exception instanceof InvalidFormInput) {
      this.logger.info({ fields: exception.problems.map((problem) => problem.field), method: request.method }, 'form input refused');
      const paragraphs = [...MESSAGES.invalidInput.paragraphs, ...exception.problems.map((problem) => `${fieldLabel(problem.field)}: ${problem.message}`)];
      return { status: HttpStatus.UNPROCESSABLE_ENTITY, message: { title: MESSAGES.invalidInput.title, paragraphs } };
    }
    if (exception instanceof ServiceCallError) {
      this.logger.warn({ service: exception.service, failure: exception.failure, status: exception.status, method: request.method, path: request.path }, 'service call failed');
      switch (exception.failure) {
        case 'unauthenticated':
        case 'forbidden':
          return { status: HttpStatus.FORBIDDEN, message: MESSAGES.forbidden };
        case 'not-found':
          return { status: HttpStatus.NOT_FOUND, message: MESSAGES.notFound };
        case 'unavailable':
          return { status: HttpStatus.SERVICE_UNAVAILABLE, message: MESSAGES.unavailable };
        case 'conflict':
        case 'failed':
          return { status: HttpStatus.BAD_GATEWAY, message: MESSAGES.failed };
      }
    }
    if (exception instanceof HttpException && exception.getStatus() === 404) return { status: HttpStatus.NOT_FOUND, message: MESSAGES.notFound };
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return { status: exception.getStatus(), message: MESSAGES.failed };
    }
    // The body parser's refusals (too large, unsupported charset) are the client's, not ours.
    const parserStatus = bodyParserStatus(exception);
    if (parserStatus !== undefined) return { status: parserStatus, message: MESSAGES.invalidInput };
    this.logger.error({ error: exception instanceof Error ? exception.name : typeof exception, method: request.method }, 'request failed');
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, message: MESSAGES.failed };
  }
}

/** The 4xx status of a body parser error (http-errors with a `type` such as `entity.too.large`). */
function bodyParserStatus(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, type } = exception as { status?: unknown; type?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && typeof type === 'string' ? status : undefined;
}

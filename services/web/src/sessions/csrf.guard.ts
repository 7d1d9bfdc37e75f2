import { timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { CSRF_FIELD } from '../components/csrf-field.js';
import { text, type FormBody } from '../forms/form-body.js';
import { CsrfRejectedException } from '../http/web-exceptions.js';
import type { WebRequest } from '../http/web-request.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Synchroniser-token CSRF protection on every state-changing request: the form's hidden token must equal
 * the one stored in the server-side session. SameSite=Strict on the cookie is a second line, not the first.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<WebRequest>();
    if (SAFE_METHODS.has(request.method)) return true;
    const expected = request.webSession?.data.csrfToken;
    const body: unknown = request.body;
    // One token, read like every other field: a repeated one is refused (422), not compared in part.
    const sent = typeof body === 'object' && body !== null ? text(body as FormBody, CSRF_FIELD) : '';
    if (expected === undefined || sent === '' || !sameToken(sent, expected)) throw new CsrfRejectedException();
    return true;
  }
}

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

import { Body, Controller, Get, HttpStatus, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Logger } from '@signaalhub/logging';
import type { Response } from 'express';
import { createElement } from 'react';
import type { Authenticator } from '../accounts/authenticator.js';
import type { FieldError } from '../forms/field-errors.js';
import { text, type FormBody } from '../forms/form-body.js';
import { AUTHENTICATOR, SERVICE_LOGGER, SESSION_STORE } from '../infrastructure/tokens.js';
import { SIGN_IN_FIELDS, SignInPage } from '../pages/sign-in-page.js';
import { clearSessionCookie, setSessionCookie } from '../sessions/session-cookie.js';
import type { SessionStore } from '../sessions/session-store.js';
import { isSignedIn, type Session } from '../sessions/session.js';
import { sendHtml } from './send-html.js';
import type { WebRequest } from './web-request.js';

/** One message for an unknown name and a wrong password: the page never tells which accounts exist. */
export const SIGN_IN_FAILED = 'De gebruikersnaam of het wachtwoord is onjuist.';

/** The wait in words: seconds under two minutes, whole minutes (rounded up) above. */
export function throttledMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds < 120 ? `${retryAfterSeconds} ${retryAfterSeconds === 1 ? 'seconde' : 'seconden'}` : `${Math.ceil(retryAfterSeconds / 60)} minuten`;
  return `Te veel mislukte pogingen. Wacht ${wait} en probeer het dan opnieuw.`;
}

/** The client's address: the peer, or the X-Forwarded-For entry added by a proxy in WEB_TRUSTED_PROXIES (Express `trust proxy`). */
function clientAddress(request: WebRequest): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

@Controller()
export class SignInController {
  constructor(
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  @Get('aanmelden')
  async signInForm(@Req() request: WebRequest, @Res() response: Response, @Query('afgemeld') signedOut?: string): Promise<void> {
    if (isSignedIn(request.webSession)) {
      response.redirect(HttpStatus.SEE_OTHER, '/');
      return;
    }
    const session = await this.anonymousSession(request, response);
    const notice = signedOut === undefined ? undefined : 'U bent afgemeld.';
    sendHtml(response, createElement(SignInPage, { csrfToken: session.data.csrfToken, accountName: '', errors: [], ...(notice === undefined ? {} : { notice }) }));
  }

  @Post('aanmelden')
  async signIn(@Req() request: WebRequest, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    const accountName = text(body, 'accountName');
    const password = text(body, 'password');
    const errors: FieldError[] = [];
    let status: number = HttpStatus.UNPROCESSABLE_ENTITY;
    if (accountName.trim() === '') errors.push({ fieldId: SIGN_IN_FIELDS.accountName, message: 'Vul uw gebruikersnaam in' });
    if (password === '') errors.push({ fieldId: SIGN_IN_FIELDS.password, message: 'Vul uw wachtwoord in' });
    if (errors.length === 0) {
      const result = await this.authenticator.signIn(accountName, password, clientAddress(request));
      switch (result.kind) {
        case 'signed-in': {
          // A new session id at sign-in: a session id planted before sign-in (fixation) is worth nothing.
          if (request.webSession !== undefined) await this.sessions.destroy(request.webSession.id);
          const session = await this.sessions.create({ userId: result.account.id, party: result.account.party, roles: [...result.account.roles] });
          setSessionCookie(response, session.id);
          this.logger.info({ userId: result.account.id }, 'signed in');
          response.redirect(HttpStatus.SEE_OTHER, '/');
          return;
        }
        case 'rejected':
          errors.push({ fieldId: SIGN_IN_FIELDS.password, message: SIGN_IN_FAILED });
          break;
        case 'throttled':
          errors.push({ fieldId: SIGN_IN_FIELDS.password, message: throttledMessage(result.retryAfterSeconds) });
          status = HttpStatus.TOO_MANY_REQUESTS;
          response.setHeader('Retry-After', String(result.retryAfterSeconds));
          break;
      }
    }
    // The CSRF guard let this request through, so the session exists.
    const csrfToken = request.webSession?.data.csrfToken ?? '';
    sendHtml(response, createElement(SignInPage, { csrfToken, accountName, errors }), status);
  }

  @Post('afmelden')
  async signOut(@Req() request: WebRequest, @Res() response: Response): Promise<void> {
    if (request.webSession !== undefined) await this.sessions.destroy(request.webSession.id);
    clearSessionCookie(response);
    response.redirect(HttpStatus.SEE_OTHER, '/aanmelden?afgemeld=1');
  }

  private async anonymousSession(request: WebRequest, response: Response): Promise<Session> {
    if (request.webSession !== undefined) return request.webSession;
    const session = await this.sessions.create();
    setSessionCookie(response, session.id);
    return session;
  }
}

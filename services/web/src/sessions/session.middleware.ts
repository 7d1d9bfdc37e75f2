import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { WebRequest } from '../http/web-request.js';
import { SESSION_STORE } from '../infrastructure/tokens.js';
import { sessionIdFrom } from './session-cookie.js';
import type { SessionStore } from './session-store.js';

/** Loads the session named by the cookie (if any) before guards and controllers run. */
@Injectable()
export class SessionMiddleware implements NestMiddleware {
  constructor(@Inject(SESSION_STORE) private readonly sessions: SessionStore) {}

  use(request: WebRequest, _response: Response, next: NextFunction): void {
    const id = sessionIdFrom(request);
    if (id === undefined) {
      next();
      return;
    }
    this.sessions.find(id).then(
      (session) => {
        if (session !== undefined) request.webSession = session;
        next();
      },
      (error: unknown) => {
        next(error);
      },
    );
  }
}

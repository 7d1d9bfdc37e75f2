import type { Request, Response } from 'express';

/**
 * `__Host-` binds the cookie to this exact origin (Secure, Path=/, no Domain). Chromium and Firefox treat
 * http://127.0.0.1 and http://localhost as secure contexts, so Secure cookies work there without TLS.
 */
export const SESSION_COOKIE = '__Host-signaalhub-sessie';

export function sessionIdFrom(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === SESSION_COOKIE) return part.slice(separator + 1).trim();
  }
  return undefined;
}

export function setSessionCookie(response: Response, sessionId: string): void {
  // No Max-Age: the cookie ends with the browser; the server ends the session earlier by itself.
  response.cookie(SESSION_COOKIE, sessionId, { httpOnly: true, secure: true, sameSite: 'strict', path: '/' });
}

export function clearSessionCookie(response: Response): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'strict', path: '/' });
}

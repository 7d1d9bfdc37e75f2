/** What one request of a Visitor answered. */
export interface VisitorResult {
  readonly status: number;
  readonly html: string;
  readonly location: string | null;
  readonly retryAfter: string | null;
}

/**
 * A browser in miniature: keeps the session cookie and reads the CSRF token from the last page. Extra
 * headers (e.g. X-Forwarded-For) go with every request.
 */
export class Visitor {
  cookie = '';
  csrf = '';

  constructor(
    private readonly base: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(path: string): Promise<VisitorResult> {
    return this.send(path, { method: 'GET' });
  }

  async post(path: string, fields: Record<string, string>, withCsrf = true): Promise<VisitorResult> {
    const body = new URLSearchParams({ ...(withCsrf ? { _csrf: this.csrf } : {}), ...fields });
    return this.send(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  private async send(path: string, init: RequestInit): Promise<VisitorResult> {
    const headers = { ...this.headers, ...(init.headers as Record<string, string>), cookie: this.cookie };
    const response = await fetch(`${this.base}${path}`, { ...init, redirect: 'manual', headers });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie !== null) this.cookie = setCookie.split(';')[0] ?? '';
    const html = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token !== undefined) this.csrf = token;
    return { status: response.status, html, location: response.headers.get('location'), retryAfter: response.headers.get('retry-after') };
  }
}

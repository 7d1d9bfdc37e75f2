import type { ValidationProblem } from '@signaalhub/contracts';
import { IDENTITY_HEADER, issueIdentityToken, type UserIdentity } from '@signaalhub/identity';
import { ServiceCallError, ServiceValidationError, type ServiceFailure } from './service-call-error.js';

export interface ServiceClientOptions {
  readonly service: string;
  readonly baseUrl: string;
  readonly identitySecret: string;
  readonly timeoutMs: number;
}

export interface ServiceRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ServiceFile {
  readonly contentType: string;
  readonly body: Buffer;
}

export interface ServiceResponse<T> {
  readonly status: number;
  readonly body: T;
}

/**
 * Calls a service's HTTP API as the signed-in user (a fresh short-lived identity token per call), or
 * without identity (`undefined`) for a route the service makes public.
 */
export class ServiceClient {
  constructor(private readonly options: ServiceClientOptions) {}

  async call<T>(identity: UserIdentity | undefined, request: ServiceRequest): Promise<ServiceResponse<T>> {
    const { response, text } = await this.send(identity, request, 'application/json');
    return { status: response.status, body: parseJson(text) as T };
  }

  /** A route that answers text (CSV), unparsed. */
  async callForText(identity: UserIdentity | undefined, request: ServiceRequest): Promise<ServiceResponse<string>> {
    const { response, text } = await this.send(identity, request, '*/*');
    return { status: response.status, body: text };
  }

  /** A file the service makes (an export), passed on as it came: its text and content type. */
  async download(identity: UserIdentity, path: string): Promise<ServiceFile> {
    const { response, text } = await this.send(identity, { method: 'GET', path }, '*/*');
    return { contentType: response.headers.get('content-type') ?? 'application/octet-stream', body: Buffer.from(text) };
  }

  private async send(identity: UserIdentity | undefined, request: ServiceRequest, accept: string): Promise<{ response: Response; text: string }> {
    const identityHeaders: Record<string, string> = identity === undefined ? {} : { [IDENTITY_HEADER]: await issueIdentityToken(identity, { secret: this.options.identitySecret, ttlSeconds: 60 }) };
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.options.baseUrl}${request.path}`, {
        method: request.method,
        headers: {
          accept,
          ...identityHeaders,
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...request.headers,
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      text = await response.text();
    } catch {
      throw new ServiceCallError(this.options.service, 'unavailable', undefined);
    }
    if (response.ok) return { response, text };
    const body = parseJson(text);
    // 400: the body broke the schema; 422: it broke a rule (e.g. a meeting in the past). Both name the field.
    if (response.status === 400 || response.status === 422) {
      const problems = problemsOf(body);
      if (problems.length > 0) throw new ServiceValidationError(problems, response.status === 422 ? 422 : 400);
    }
    throw new ServiceCallError(this.options.service, failureOf(response.status), response.status, messageOf(body));
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function failureOf(status: number): ServiceFailure {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'failed';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function problemsOf(body: unknown): ValidationProblem[] {
  if (!isRecord(body) || !Array.isArray(body.problems)) return [];
  return body.problems.filter(
    (problem): problem is ValidationProblem =>
      isRecord(problem) && typeof problem.field === 'string' && typeof problem.message === 'string' && typeof problem.rule === 'string',
  );
}

function messageOf(body: unknown): string | undefined {
  return isRecord(body) && typeof body.message === 'string' ? body.message : undefined;
}

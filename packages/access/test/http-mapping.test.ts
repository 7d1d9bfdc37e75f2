import type { ArgumentsHost } from '@nestjs/common';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { AccessDenied, AccessErrorFilter, ObjectNotFound, requestOrigin } from '../src/index.js';

function httpHost(): { host: ArgumentsHost; sent: { status?: number; body?: unknown } } {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response as unknown as Response }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe(AccessErrorFilter.name, () => {
  it('answers AccessDenied with 403 and the one body, without the reason', () => {
    const sut = new AccessErrorFilter();
    const { host, sent } = httpHost();
    sut.catch(new AccessDenied('other-municipality'), host);
    expect(sent).toEqual({ status: 403, body: { error: 'forbidden' } });
  });

  it('answers ObjectNotFound with 404', () => {
    const sut = new AccessErrorFilter();
    const { host, sent } = httpHost();
    sut.catch(new ObjectNotFound('agenda-item'), host);
    expect(sent).toEqual({ status: 404, body: { error: 'not-found' } });
  });
});

describe(requestOrigin.name, () => {
  const request = (fields: { ip?: string; remoteAddress?: string }): Request =>
    ({ ip: fields.ip, socket: { remoteAddress: fields.remoteAddress } }) as unknown as Request;

  it("reads the request's peer address", () => {
    expect(requestOrigin(request({ ip: '10.0.0.7', remoteAddress: '10.0.0.8' }))).toBe('10.0.0.7');
  });

  it('falls back to the socket address, then to unknown', () => {
    expect(requestOrigin(request({ remoteAddress: '10.0.0.8' }))).toBe('10.0.0.8');
    expect(requestOrigin(request({}))).toBe('unknown');
  });
});

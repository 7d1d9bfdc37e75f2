import { IDENTITY_HEADER, verifyIdentityToken, type UserIdentity } from '@signaalhub/identity';
import { freePort } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceCallError, ServiceValidationError } from '../src/services/service-call-error.js';
import { ServiceClient } from '../src/services/service-client.js';
import { FakeService } from './support/fake-service.js';

const SECRET = 'unit-test-identity-secret-0123456789abcdef';
const inspector: UserIdentity = { userId: 'inspecteur.soest', party: 'gemeente-soest', roles: ['inspector'] };

describe(ServiceClient.name, () => {
  let fake: FakeService;
  let sut: ServiceClient;

  beforeAll(async () => {
    fake = await FakeService.start();
    sut = new ServiceClient({ service: 'signal-intake', baseUrl: fake.baseUrl, identitySecret: SECRET, timeoutMs: 2_000 });
  });

  afterAll(async () => {
    await fake.stop();
  });

  it('sends the signed-in user as a verifiable identity token and the JSON body', async () => {
    fake.answerWith(() => ({ status: 201, body: { id: 'a', status: 'ontvangen' } }));
    const response = await sut.call(inspector, { method: 'POST', path: '/api/signals', body: { theme: 'horeca' }, headers: { 'idempotency-key': 'key-12345678' } });
    expect(response).toEqual({ status: 201, body: { id: 'a', status: 'ontvangen' } });
    const request = fake.requests.at(-1);
    expect(request?.headers['idempotency-key']).toBe('key-12345678');
    expect(JSON.parse(request?.body ?? '')).toEqual({ theme: 'horeca' });
    expect(await verifyIdentityToken(String(request?.headers[IDENTITY_HEADER]), { secret: SECRET })).toEqual(inspector);
  });

  it('rejects with the problems when the service answers 400 with problems', async () => {
    const problems = [{ field: 'subjects.0.kvkNumber', rule: 'KvK number must be 8 digits', message: 'KvK-nummer moet 8 cijfers zijn' }];
    fake.answerWith(() => ({ status: 400, body: { error: 'validation', problems } }));
    await expect(sut.call(inspector, { method: 'POST', path: '/api/signals', body: {} })).rejects.toEqual(new ServiceValidationError(problems));
  });

  it.each([
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'conflict'],
    [500, 'failed'],
    [503, 'unavailable'],
  ] as const)('rejects as %s → %s when the service answers so', async (status, failure) => {
    fake.answerWith(() => ({ status, body: { error: 'x', message: 'Bericht' } }));
    const error = await sut.call(inspector, { method: 'GET', path: '/api/signals/mine' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceCallError);
    expect(error).toMatchObject({ failure, status });
  });

  it('rejects as unavailable when nothing listens', async () => {
    const nowhere = new ServiceClient({ service: 'meeting', baseUrl: `http://127.0.0.1:${await freePort()}`, identitySecret: SECRET, timeoutMs: 2_000 });
    await expect(nowhere.call(inspector, { method: 'GET', path: '/api/agenda' })).rejects.toMatchObject({ failure: 'unavailable' });
  });
});

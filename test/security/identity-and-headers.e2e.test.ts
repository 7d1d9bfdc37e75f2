import { randomBytes, randomUUID } from 'node:crypto';
import { IDENTITY_HEADER, issueIdentityToken, type UserIdentity } from '@signaalhub/identity';
import { readServicesManifest } from '@signaalhub/stack';
import { RunningService, serviceEnv, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERVICE_DEADLINE_MS = 120_000;
const DEMO_PASSWORD = 'Signaalhub-demo-2026';
const sqlName = (prefix: string): string => uniqueName(prefix).replace(/-/g, '_');

/**
 * Every service the web application calls (an entry with a `urlVariable`) takes identity tokens. The
 * variables that keep a test's run apart from others; a service not listed starts with its defaults.
 */
const OWN_ENV: Readonly<Record<string, () => Record<string, string>>> = {
  'signal-intake': () => ({ SIGNAL_INTAKE_DB_SCHEMA: sqlName('intake') }),
  meeting: () => ({ MEETING_DATABASE_SCHEMA: sqlName('meeting'), MEETING_QUEUE_PREFIX: uniqueName('bull'), MEETING_REPLAY_NAMESPACE: uniqueName('meeting') }),
};
const TOKEN_SERVICES = readServicesManifest().filter((entry) => entry.urlVariable !== undefined);

const caller: UserIdentity = { userId: 'overleg.soest', party: 'gemeente-soest', roles: ['meeting-member'] };
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** A token signed with the right secret whose time claims the test chooses (undefined: left out). */
function tokenWith(times: { iat?: number; exp?: number }): Promise<string> {
  return new SignJWT({ party: caller.party, roles: caller.roles, ...times })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller.userId)
    .setIssuer('signaalhub-web')
    .setAudience('signaalhub-services')
    .sign(new TextEncoder().encode(testInfrastructure().identitySecret));
}

/** The first GET operation under /api of a service's OpenAPI document, path parameters filled with a fresh UUID. */
async function guardedGetPath(service: RunningService): Promise<string> {
  const document = (await (await fetch(`${service.base}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const path = Object.entries(document.paths).find(([path, operations]) => path.startsWith('/api/') && 'get' in operations)?.[0];
  if (path === undefined) throw new Error(`${service.name} has no GET operation in its OpenAPI document`);
  return path.replace(/\{[^}]+\}/g, randomUUID());
}

describe('identity tokens and response headers', () => {
  const services = new Map<string, RunningService>();
  let web: RunningService;

  beforeAll(async () => {
    const started = await Promise.all(
      TOKEN_SERVICES.map((entry) =>
        RunningService.start(entry.name, serviceEnv({ LOG_LEVEL: 'warn', ...OWN_ENV[entry.name]?.() }), { deadlineMs: SERVICE_DEADLINE_MS }),
      ),
    );
    for (const service of started) services.set(service.name, service);
    const urls = Object.fromEntries(TOKEN_SERVICES.map((entry) => [entry.urlVariable ?? '', services.get(entry.name)?.base ?? '']));
    web = await RunningService.start(
      'web',
      serviceEnv({ LOG_LEVEL: 'warn', WEB_DB_SCHEMA: sqlName('web'), WEB_REDIS_PREFIX: uniqueName('web'), SEED_DEMO_USERS: 'true', DEMO_PASSWORD, ...urls }),
      { deadlineMs: SERVICE_DEADLINE_MS },
    );
    services.set('web', web);
  });

  afterAll(async () => {
    await Promise.all([...services.values()].map((service) => service.stop()));
  });

  it('takes the token-taking services from the manifest', () => {
    expect(TOKEN_SERVICES.map((entry) => entry.name)).toEqual(expect.arrayContaining(['signal-intake', 'meeting']));
  });

  it.each(TOKEN_SERVICES.map((entry) => entry.name))('rejects tokens without exp, without iat or older than the maximum age with 401 (%s)', async (name) => {
    const sut = services.get(name);
    if (sut === undefined) throw new Error(`${name} did not start`);
    const path = await guardedGetPath(sut);
    const get = (token: string): Promise<Response> => fetch(`${sut.base}${path}`, { headers: { [IDENTITY_HEADER]: token } });

    expect((await fetch(`${sut.base}${path}`)).status, 'the route needs a token').toBe(401);
    const fresh = await get(await issueIdentityToken(caller, { secret: testInfrastructure().identitySecret }));
    expect(fresh.status, 'a fresh token passes the guard').not.toBe(401);
    const refused = {
      withoutExp: await tokenWith({ iat: nowSeconds() }),
      withoutIat: await tokenWith({ exp: nowSeconds() + 60 }),
      // Older than the default maximum age (300 s), although its exp lies an hour ahead.
      tooOld: await tokenWith({ iat: nowSeconds() - 400, exp: nowSeconds() + 3_600 }),
    };
    for (const [what, token] of Object.entries(refused)) {
      const response = await get(token);
      expect(response.status, what).toBe(401);
      expect(await response.json(), what).toEqual({ error: 'unauthenticated' });
    }
  });

  it.each(TOKEN_SERVICES.map((entry) => entry.name))('sends no X-Powered-By and echoes no path in a 404 (%s)', async (name) => {
    const sut = services.get(name);
    if (sut === undefined) throw new Error(`${name} did not start`);
    const canary = `pad-${randomBytes(6).toString('hex')}`;
    const token = await issueIdentityToken(caller, { secret: testInfrastructure().identitySecret });
    for (const path of [`/api/${canary}`, `/${canary}`, `/api/signals/${canary}/${canary}`]) {
      const response = await fetch(`${sut.base}${path}?q=${canary}`, { headers: { [IDENTITY_HEADER]: token } });
      expect(response.status, path).toBe(404);
      expect(response.headers.get('x-powered-by'), path).toBeNull();
      const body = await response.text();
      expect(body, path).not.toContain(canary);
      expect(JSON.parse(body), path).toEqual({ error: 'not-found' });
    }
    for (const path of ['/health/live', '/api/openapi.json']) expect((await fetch(`${sut.base}${path}`)).headers.get('x-powered-by'), path).toBeNull();
  });

  it('sends Permissions-Policy and no X-Powered-By from the web, and echoes no path in its 404 page', async () => {
    const page = await fetch(`${web.base}/aanmelden`);
    expect(page.status).toBe(200);
    expect(page.headers.get('permissions-policy')).toMatch(/(^|, )camera=\(\)/);
    expect(page.headers.get('permissions-policy')).toMatch(/(^|, )geolocation=\(\)/);
    expect(page.headers.get('x-powered-by')).toBeNull();
    const canary = `pad-${randomBytes(6).toString('hex')}`;
    const missing = await fetch(`${web.base}/${canary}`, { redirect: 'manual' });
    expect(missing.headers.get('x-powered-by')).toBeNull();
    expect(missing.headers.get('permissions-policy')).not.toBeNull();
    expect(await missing.text()).not.toContain(canary);
  });
});

import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger } from '@signaalhub/logging';
import { createServiceApplication } from '@signaalhub/service-kit';
import { eventually, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInThrottle } from '../src/accounts/sign-in-throttle.js';
import { WebConfigSchema } from '../src/config.js';
import { composeWeb } from '../src/composition.js';
import { SIGN_IN_FAILED } from '../src/http/sign-in.controller.js';
import { Visitor, type VisitorResult } from './support/visitor.js';

const PASSWORD = 'Integratie-wachtwoord-2026';
const THROTTLED = 'Te veel mislukte pogingen';

/** The real web application (real Redis and PostgreSQL) with the given variables, listening on a free port. */
interface StartedWeb {
  readonly base: string;
  readonly app: NestExpressApplication;
  readonly prefix: string;
  readonly redis: Redis;
}

async function startWeb(variables: Record<string, string>): Promise<StartedWeb> {
  const infrastructure = testInfrastructure();
  const prefix = uniqueName('web');
  const config = WebConfigSchema.parse({
    REDIS_URL: infrastructure.redisUrl,
    DATABASE_URL: infrastructure.databaseUrl,
    IDENTITY_TOKEN_SECRET: infrastructure.identitySecret,
    WEB_DB_SCHEMA: uniqueName('web').replace(/-/g, '_'),
    WEB_REDIS_PREFIX: prefix,
    SEED_DEMO_USERS: 'true',
    DEMO_PASSWORD: PASSWORD,
    ...variables,
  });
  const logger = createLogger('web-int', 'silent');
  const parts = await composeWeb({ config, logger });
  const app = await createServiceApplication({ name: 'web', bodies: 'forms' }, logger, parts);
  await app.listen(0, '127.0.0.1');
  return { app, base: (await app.getUrl()).replace('[::1]', '127.0.0.1'), prefix, redis: parts.redis };
}

/** One sign-in attempt from `address` (told by the proxy in X-Forwarded-For) with a fresh session. */
async function attempt(base: string, address: string, accountName: string, password: string): Promise<VisitorResult> {
  const visitor = new Visitor(base, { 'x-forwarded-for': address });
  await visitor.get('/aanmelden');
  return visitor.post('/aanmelden', { accountName, password });
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

describe(SignInThrottle.name, () => {
  /** Behind a proxy on 127.0.0.1 (the test): X-Forwarded-For names the client. Delays capped at 8 s. */
  let behindProxy: StartedWeb;
  /** The proxy is elsewhere: X-Forwarded-For from the test is not believed. */
  let direct: StartedWeb;

  beforeAll(async () => {
    [behindProxy, direct] = await Promise.all([
      startWeb({ WEB_TRUSTED_PROXIES: '127.0.0.1', SIGN_IN_MAX_ACCOUNT_DELAY_SECONDS: '8' }),
      startWeb({ WEB_TRUSTED_PROXIES: '192.0.2.1', SIGN_IN_FAILURES_PER_ADDRESS: '3' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([behindProxy.app.close(), direct.app.close()]);
  });

  it('lets the owner sign in from another address after 20 wrong passwords for the account from one address', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 20; index += 1) statuses.push((await attempt(behindProxy.base, '198.51.100.1', 'inspecteur.soest', `fout-${index}`)).status);
    expect(statuses.slice(0, 5)).toEqual([422, 422, 422, 422, 422]);
    expect(statuses.slice(5)).toEqual(Array.from({ length: 15 }, () => 429));
    // The attacking address stays refused, even with the right password...
    const attacker = await attempt(behindProxy.base, '198.51.100.1', 'inspecteur.soest', PASSWORD);
    expect(attacker.status).toBe(429);
    expect(attacker.html).toContain(THROTTLED);
    // ...while the owner, elsewhere, signs in at once.
    expect(await attempt(behindProxy.base, '198.51.100.2', 'inspecteur.soest', PASSWORD)).toMatchObject({ status: 303, location: '/' });
  });

  it('slows an account attacked from 20 addresses without locking its owner out for good', async () => {
    const account = 'overleg.soest';
    // The owner signed in from home before the attack.
    expect((await attempt(behindProxy.base, '203.0.113.50', account, PASSWORD)).status).toBe(303);
    const results: VisitorResult[] = [];
    for (let index = 0; index < 20; index += 1) results.push(await attempt(behindProxy.base, `198.51.100.${String(10 + index)}`, account, 'fout'));
    // The first ten failures are free; from then on the account is delayed for every address.
    expect(results.slice(0, 10).map((result) => result.status)).toEqual(Array.from({ length: 10 }, () => 422));
    const slowed = results.filter((result) => result.status === 429);
    expect(slowed.length).toBeGreaterThan(0);
    for (const result of slowed) {
      expect(result.html).toContain(THROTTLED);
      expect(Number(result.retryAfter)).toBeLessThanOrEqual(8);
    }
    // The owner at home is not delayed; at a new address the owner gets in once the (capped) delay is over.
    expect((await attempt(behindProxy.base, '203.0.113.50', account, PASSWORD)).status).toBe(303);
    await eventually(async () => ((await attempt(behindProxy.base, '203.0.113.99', account, PASSWORD)).status === 303 ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 500,
      what: 'the owner at a new address to sign in',
    });
  });

  it('refuses one address that tries 30 different account names (password spraying) with 429 and a Dutch message', async () => {
    const results: VisitorResult[] = [];
    for (let index = 0; index < 30; index += 1) results.push(await attempt(behindProxy.base, '198.51.100.200', `niemand.${String(index)}`, 'Welkom2026!'));
    expect(results.slice(0, 20).map((result) => result.status)).toEqual(Array.from({ length: 20 }, () => 422));
    for (const result of results.slice(20)) {
      expect(result.status).toBe(429);
      expect(result.html).toContain(`${THROTTLED}. Wacht 15 minuten en probeer het dan opnieuw.`);
      expect(Number(result.retryAfter)).toBeGreaterThan(0);
    }
    // Only that address: another one signs in.
    expect((await attempt(behindProxy.base, '198.51.100.201', 'politie.bes', PASSWORD)).status).toBe(303);
  });

  it('does not believe X-Forwarded-For from a client that is not the configured proxy', async () => {
    const statuses: number[] = [];
    // Each attempt claims another address; all of them count for the real peer, whose limit here is 3.
    for (let index = 0; index < 5; index += 1) statuses.push((await attempt(direct.base, `198.51.100.${String(100 + index)}`, `niemand.${String(index)}`, 'fout')).status);
    expect(statuses).toEqual([422, 422, 422, 429, 429]);
    expect((await attempt(direct.base, '203.0.113.7', 'inspecteur.soest', PASSWORD)).status).toBe(429);
  });

  it('answers unknown and known account names with the same message and status in about the same time', async () => {
    const timings = { known: [] as number[], unknown: [] as number[] };
    for (let round = 0; round < 9; round += 1) {
      for (const [kind, accountName] of [['known', 'riec.liaison'], ['unknown', `bestaat.niet.${String(round)}`]] as const) {
        const visitor = new Visitor(behindProxy.base, { 'x-forwarded-for': `192.0.2.${String(round * 2 + (kind === 'known' ? 10 : 11))}` });
        await visitor.get('/aanmelden');
        const started = performance.now();
        const result = await visitor.post('/aanmelden', { accountName, password: 'fout-wachtwoord' });
        timings[kind].push(performance.now() - started);
        expect(result.status, kind).toBe(422);
        expect(result.html, kind).toContain(SIGN_IN_FAILED);
      }
    }
    const [known, unknown] = [median(timings.known), median(timings.unknown)];
    // Generous: the password hash (tens of ms) dominates; skipping it for unknown names would break this bound.
    expect(Math.abs(known - unknown)).toBeLessThan(0.4 * Math.max(known, unknown));
  });

  it('keeps typed names and client addresses out of the Redis keys and values of the limits', async () => {
    // Runs after the attacks above, so the limits' keys exist.
    const keys = await behindProxy.redis.keys(`${behindProxy.prefix}:sign-in*`);
    expect(keys.length).toBeGreaterThan(0);
    const values = await Promise.all(keys.map(async (key) => ((await behindProxy.redis.type(key)) === 'string' ? await behindProxy.redis.get(key) : '')));
    const stored = [...keys, ...values].join('\n');
    for (const planted of ['inspecteur', 'overleg', 'niemand', 'riec', '198.51.100', '203.0.113', '192.0.2']) expect(stored).not.toContain(planted);
  });
});

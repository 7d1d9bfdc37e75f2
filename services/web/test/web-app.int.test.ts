import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger } from '@signaalhub/logging';
import { createServiceApplication } from '@signaalhub/service-kit';
import { testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebConfigSchema } from '../src/config.js';
import { composeWeb } from '../src/composition.js';
import { FakeService } from './support/fake-service.js';
import { Visitor } from './support/visitor.js';

const PASSWORD = 'Integratie-wachtwoord-2026';

describe('web application', () => {
  let app: NestExpressApplication;
  let base: string;
  let intake: FakeService;
  let meeting: FakeService;
  let prefix: string;
  let parts: Awaited<ReturnType<typeof composeWeb>>;

  beforeAll(async () => {
    [intake, meeting] = [await FakeService.start(), await FakeService.start()];
    // A meeting member's start page asks for their actions.
    meeting.answerWith((request) => (request.url.startsWith('/api/actions') ? { status: 200, body: [] } : { status: 200, body: {} }));
    const infrastructure = testInfrastructure();
    prefix = uniqueName('web');
    const config = WebConfigSchema.parse({
      REDIS_URL: infrastructure.redisUrl,
      DATABASE_URL: infrastructure.databaseUrl,
      IDENTITY_TOKEN_SECRET: infrastructure.identitySecret,
      WEB_DB_SCHEMA: uniqueName('web').replace(/-/g, '_'),
      WEB_REDIS_PREFIX: prefix,
      SEED_DEMO_USERS: 'true',
      DEMO_PASSWORD: PASSWORD,
      SIGNAL_INTAKE_URL: intake.baseUrl,
      MEETING_URL: meeting.baseUrl,
    });
    const logger = createLogger('web-int', 'silent');
    parts = await composeWeb({ config, logger });
    app = await createServiceApplication({ name: 'web', bodies: 'forms' }, logger, parts);
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    base = base.replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
    await Promise.all([intake.stop(), meeting.stop()]);
  });

  async function signedIn(accountName: string): Promise<Visitor> {
    const visitor = new Visitor(base);
    await visitor.get('/aanmelden');
    const result = await visitor.post('/aanmelden', { accountName, password: PASSWORD });
    expect(result).toMatchObject({ status: 303, location: '/' });
    return visitor;
  }

  it('sends a visitor without a session to the sign-in page', async () => {
    const result = await new Visitor(base).get('/meldingen');
    expect(result).toMatchObject({ status: 303, location: '/aanmelden' });
  });

  it('sets an HttpOnly, Secure, SameSite=Strict session cookie and stores only a hash of its id', async () => {
    const response = await fetch(`${base}/aanmelden`);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-signaalhub-sessie=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    const id = /=([^;]+)/.exec(cookie)?.[1] ?? '';
    const keys = await parts.redis.keys(`${prefix}:session:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((key) => key.includes(id))).toBe(false);
  });

  it('answers an unknown account and a wrong password with the same generic Dutch message', async () => {
    const visitor = new Visitor(base);
    await visitor.get('/aanmelden');
    const unknown = await visitor.post('/aanmelden', { accountName: 'bestaat.niet', password: 'iets' });
    const wrong = await visitor.post('/aanmelden', { accountName: 'inspecteur.baarn', password: 'fout-wachtwoord' });
    for (const result of [unknown, wrong]) {
      expect(result.status).toBe(422);
      expect(result.html).toContain('De gebruikersnaam of het wachtwoord is onjuist.');
    }
  });

  it('rejects a POST without the CSRF token of the session', async () => {
    const visitor = await signedIn('inspecteur.soest');
    const withoutToken = await visitor.post('/afmelden', {}, false);
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.html).toContain('Formulier verlopen');
    const foreignToken = await visitor.post('/afmelden', { _csrf: 'x'.repeat(43) }, false);
    expect(foreignToken.status).toBe(403);
    expect((await visitor.get('/')).status).toBe(200);
  });

  it('gives a new session at sign-in and ends it at sign-out', async () => {
    const visitor = new Visitor(base);
    await visitor.get('/aanmelden');
    const before = visitor.cookie;
    await visitor.post('/aanmelden', { accountName: 'overleg.soest', password: PASSWORD });
    expect(visitor.cookie).not.toBe(before);
    const signedInCookie = visitor.cookie;
    await visitor.get('/');
    expect(await visitor.post('/afmelden', {})).toMatchObject({ status: 303, location: '/aanmelden?afgemeld=1' });
    const replay = new Visitor(base);
    replay.cookie = signedInCookie;
    expect(await replay.get('/')).toMatchObject({ status: 303, location: '/aanmelden' });
  });

  it('refuses an address that failed five times for a name with 429, whether or not the account exists', async () => {
    for (const accountName of ['overleg.baarn', 'niemand.hier']) {
      const visitor = new Visitor(base);
      await visitor.get('/aanmelden');
      for (let attempt = 0; attempt < 5; attempt += 1) expect((await visitor.post('/aanmelden', { accountName, password: 'fout' })).status).toBe(422);
      const blocked = await visitor.post('/aanmelden', { accountName, password: PASSWORD });
      expect(blocked.status).toBe(429);
      expect(blocked.html).toContain('Te veel mislukte pogingen. Wacht 15 minuten');
      expect(Number(blocked.retryAfter)).toBeGreaterThan(14 * 60);
    }
  });

  it("shows a member the actions their party leads whose reminder fired, and stays usable when the meeting cannot say", async () => {
    const visitor = await signedIn('overleg.soest');
    const action = {
      decisionId: '0b9d7c0e-1b7e-4d4e-9f6a-2f1f5c1d2e3f',
      actionIndex: 0,
      itemId: '1b9d7c0e-1b7e-4d4e-9f6a-2f1f5c1d2e3f',
      municipality: 'soest',
      leadParty: 'gemeente-soest',
      dueDate: '2031-01-02',
      status: 'overdue',
      description: 'Pand bezoeken',
      reminders: [{ kind: 'overdue', dueDate: '2031-01-02', notedAt: '2031-01-02T00:00:01.000Z' }],
      ledByCaller: true,
    };
    const notReminded = { ...action, actionIndex: 1, description: 'Nog niet herinnerd', reminders: [] };
    meeting.answerWith(() => ({ status: 200, body: [action, notReminded] }));
    const start = await visitor.get('/');
    expect(start.status).toBe(200);
    expect(start.html).toContain('Acties die aandacht vragen');
    expect(start.html).toContain('Pand bezoeken');
    expect(start.html).toContain('Verlopen');
    expect(start.html).not.toContain('Nog niet herinnerd');
    meeting.answerWith(() => ({ status: 500, body: { error: 'internal' } }));
    const degraded = await visitor.get('/');
    expect(degraded.status).toBe(200);
    expect(degraded.html).toContain('De acties van uw organisatie konden nu niet worden opgehaald.');
  });

  it('shows "Geen toegang" when a service answers 403, and a Dutch error without details on a 500', async () => {
    const visitor = await signedIn('overleg.soest');
    meeting.answerWith(() => ({ status: 403, body: { error: 'forbidden' } }));
    const forbidden = await visitor.get('/agenda/punten/0b9d7c0e-1b7e-4d4e-9f6a-2f1f5c1d2e3f');
    expect(forbidden.status).toBe(403);
    expect(forbidden.html).toContain('Geen toegang');
    meeting.answerWith(() => ({ status: 500, body: { error: 'internal', stack: 'at secret.ts:1' } }));
    const failed = await visitor.get('/agenda');
    expect(failed.status).toBe(502);
    expect(failed.html).toContain('Er ging iets mis');
    expect(failed.html).not.toContain('secret.ts');
  });

  it('shows the Dutch message of the intake API next to the field and keeps a fresh idempotency key', async () => {
    const visitor = await signedIn('inspecteur.soest');
    intake.answerWith((request) =>
      request.url.startsWith('/api/policy')
        ? { status: 200, body: { municipality: 'soest', themes: [{ theme: 'horeca', label: 'Horeca', requiredRecipients: ['gemeente-soest'], defaultRecipients: ['gemeente-soest'], allowedExtras: [] }] } }
        : { status: 400, body: { error: 'validation', problems: [{ field: 'location.postcode', rule: 'postcode', message: 'Postcode moet 4 cijfers en 2 letters zijn' }] } },
    );
    const form = await visitor.get('/meldingen/nieuw?thema=horeca');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.html)?.[1] ?? '';
    const result = await visitor.post('/meldingen', { theme: 'horeca', municipality: 'soest', idempotencyKey: key, postcode: '37', huisnummer: '1', kvkNumber: '12345678' });
    expect(result.status).toBe(422);
    expect(result.html).toContain('id="postcode-fout"');
    expect(result.html).toContain('Postcode moet 4 cijfers en 2 letters zijn');
    expect(intake.requests.find((request) => request.method === 'POST')?.headers['idempotency-key']).toBe(key);
    expect(/name="idempotencyKey" value="([^"]+)"/.exec(result.html)?.[1]).not.toBe(key);
  });
});

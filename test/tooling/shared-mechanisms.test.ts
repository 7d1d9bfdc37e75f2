import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findOwnImplementations, importersOf, REQUIRED_IMPORTS, serviceSources } from './shared-mechanisms.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

// The checks the two services had before @signaalhub/access, shortened: each must be caught.
const OWN_ACCESS_CONTROL = `
export class AccessControl {
  constructor(private readonly auditLog: AuditLog) {}
  async deny(attempt: AccessAttempt, reason: string): Promise<never> {
    await this.record(attempt, 'denied', reason);
    throw new ForbiddenException({ error: 'forbidden' });
  }
}`;

const OWN_AUDIT_OF_A_USER = `
export async function refuse(audit: AuditLog, caller: Caller, origin: string): Promise<never> {
  await audit.record({
    actor: { userId: caller.userId, party: caller.party },
    action: 'signal.open', objectType: 'agenda-item', objectId: 'x', result: 'denied', origin,
  });
  throw forbidden();
}`;

const POLICY_TABLE = `
export class MeetingAccessPolicy {
  forMunicipality(caller: UserIdentity, municipality: string): AccessDecision {
    return caller.party === municipalityPartyId(municipality) ? ALLOWED : denied('other-municipality');
  }
}`;

// The other mechanisms as the services had them before their shared packages, shortened.
const OWN_INBOX = 'class DecisionInbox implements ReplayStore { retry(error: unknown) { return error instanceof ReplayedError; } }';
const OWN_DEAD_LETTER = "producer.send(deadLetterTopic(topic), { headers: { [DeadLetterHeaders.reason]: 'Refused: ' + code } });";
const OWN_OUTBOX = `
class OutboxRelay { claim() { return this.pool.query('SELECT * FROM s.outbox FOR UPDATE SKIP LOCKED'); } }
await client.query("CREATE TABLE IF NOT EXISTS s.outbox (id bigserial)");`;
const OWN_START_UP = `
const app = await NestFactory.create(AppModule);
app.connectMicroservice({ strategy: new KafkaBusTransport({ bus, groupId, topics }) });
SwaggerModule.setup('api/docs', app, document);
app.enableShutdownHooks(['SIGTERM']);`;

const RECEIPT_AUDIT = `
await this.parts.audit.record({ actor: { service: this.parts.serviceName }, action: 'signal.admit', result: 'denied', origin: 'kafka', reason: code });`;

describe(findOwnImplementations.name, () => {
  it('finds no service that implements a shared mechanism itself', async () => {
    const sources = await serviceSources(root);
    expect(sources.length).toBeGreaterThan(50);
    expect(findOwnImplementations(sources)).toEqual([]);
  });

  it('rejects a service that defines its own access check class answering 403', () => {
    expect(findOwnImplementations([{ path: 'services/x/src/access-control.ts', text: OWN_ACCESS_CONTROL }])).toEqual([
      { mechanism: 'audited access check', sharedIn: '@signaalhub/access', sign: 'a class named as an access check', at: 'services/x/src/access-control.ts:2' },
      { mechanism: 'audited access check', sharedIn: '@signaalhub/access', sign: 'a 403 answered without the shared mapping', at: 'services/x/src/access-control.ts:6' },
    ]);
  });

  it('rejects a service that audits a user\'s denial itself', () => {
    expect(findOwnImplementations([{ path: 'services/x/src/refuse.ts', text: OWN_AUDIT_OF_A_USER }]).map((found) => found.sign)).toEqual([
      'an audit entry with a user as actor',
      'a 403 answered without the shared mapping',
    ]);
  });

  it('rejects a service that writes its own inbox, dead letters, outbox or start-up', () => {
    const found = findOwnImplementations([
      { path: 'services/x/src/inbox.ts', text: OWN_INBOX },
      { path: 'services/x/src/dead-letters.ts', text: OWN_DEAD_LETTER },
      { path: 'services/x/src/outbox.ts', text: OWN_OUTBOX },
      { path: 'services/x/src/main.ts', text: OWN_START_UP },
    ]);
    expect(new Set(found.map((own) => own.mechanism))).toEqual(new Set(['verified inbox', 'dead-letter message', 'outbox relay', 'service start-up']));
    expect(found.filter((own) => own.mechanism === 'service start-up').map((own) => own.sign)).toEqual([
      'its own Nest application',
      'its own Kafka transport',
      'its own shutdown hooks',
      'its own OpenAPI set-up',
    ]);
    expect(found.filter((own) => own.mechanism === 'outbox relay')).toHaveLength(3);
  });

  it.each(REQUIRED_IMPORTS)('finds $name imported from $sharedIn in $services', async ({ sharedIn, name, services }) => {
    expect(importersOf(await serviceSources(root), sharedIn, name)).toEqual(expect.arrayContaining([...services]));
  });

  it("accepts a service's own policy table and its audit of received messages", () => {
    expect(findOwnImplementations([
      { path: 'services/x/src/policy.ts', text: POLICY_TABLE },
      { path: 'services/x/src/admission.ts', text: RECEIPT_AUDIT },
    ])).toEqual([]);
  });
});

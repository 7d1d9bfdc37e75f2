import { EventTypes, Envelope } from '@signaalhub/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BibobService } from '../src/composition.js';
import type { BibobConfig } from '../src/config.js';
import { ScreeningRequestIntake } from '../src/intake/screening-request-intake.js';
import { ANNA, LEAD, testParts } from './support/running-bibob.js';
import { busMessageOf, sealScreeningRequest } from './support/screening-requests.js';

describe(ScreeningRequestIntake.name, () => {
  let parts: BibobService;
  let config: BibobConfig;

  beforeAll(async () => {
    ({ parts, config } = await testParts());
  });

  afterAll(async () => {
    await parts.close();
  });

  const table = (name: string): string => `"${config.BIBOB_DATABASE_SCHEMA}".${name}`;

  async function screeningsOf(messageId: string): Promise<{ id: string; municipality: string; phase: string; assignee: string | null; row: string }[]> {
    const result = await parts.postgres.query<{ id: string; municipality: string; phase: string; assignee: string | null; row: string }>(
      `SELECT id, municipality, phase, assignee, s::text AS row FROM ${table('screenings')} AS s WHERE request_message_id = $1`,
      [messageId],
    );
    return result.rows;
  }

  async function outboxFor(screeningId: string): Promise<Envelope[]> {
    const result = await parts.postgres.query<{ value: Buffer }>(`SELECT message_value AS value FROM ${table('outbox')} ORDER BY id`);
    return result.rows
      .map((row) => Envelope.parse(JSON.parse(row.value.toString('utf8'))))
      .filter((envelope) => 'screeningId' in envelope.header && envelope.header.screeningId === screeningId);
  }

  it('opens one screening, assigned from the pool, for a sealed request delivered twice, the people only in sealed columns', async () => {
    const { envelope } = await sealScreeningRequest({ personName: 'Kanarie Verzoekpersoon' });
    const sut = parts.requests;
    expect(await sut.receive(busMessageOf(envelope, 1))).toBe('applied');
    expect(await sut.receive(busMessageOf(envelope, 2))).toBe('duplicate');
    const rows = await screeningsOf(envelope.header.messageId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ municipality: 'soest', phase: 'ontvangen' });
    expect([ANNA, LEAD]).toContain(rows[0]?.assignee);
    expect(rows[0]?.row).not.toMatch(/Kanarie/i);
    expect(rows[0]?.row).toContain('BEGIN PGP MESSAGE');
  });

  it('tells the requesting municipality, and nobody else, that the screening was opened', async () => {
    const { envelope } = await sealScreeningRequest();
    await parts.requests.receive(busMessageOf(envelope));
    const [screening] = await screeningsOf(envelope.header.messageId);
    const sent = await outboxFor(screening?.id ?? '');
    expect(sent.map((message) => [message.header.type, message.header.recipients])).toEqual([[EventTypes.screeningOpened, ['gemeente-soest']]]);
  });

  it('refuses, audits and stores nothing for a request sealed by another municipality than it names', async () => {
    const { envelope } = await sealScreeningRequest({ municipality: 'soest', from: 'gemeente-baarn' });
    expect(await parts.requests.receive(busMessageOf(envelope))).toBe('refused');
    expect(await screeningsOf(envelope.header.messageId)).toEqual([]);
    const audit = await parts.postgres.query<{ reason: string; result: string }>(`SELECT reason, result FROM ${table('audit_log')} WHERE object_id = $1`, [envelope.header.messageId]);
    expect(audit.rows).toEqual([{ reason: 'SENDER_NOT_THE_MUNICIPALITY', result: 'denied' }]);
  });

  it('refuses a request whose header kind differs from the signed payload', async () => {
    const { envelope } = await sealScreeningRequest({ headerKind: 'subsidie' });
    expect(await parts.requests.receive(busMessageOf(envelope))).toBe('refused');
    expect(await screeningsOf(envelope.header.messageId)).toEqual([]);
  });

  it("passes the pool's own events on the screening topic by, without refusing them", async () => {
    const { envelope } = await sealScreeningRequest();
    await parts.requests.receive(busMessageOf(envelope));
    const [screening] = await screeningsOf(envelope.header.messageId);
    const [opened] = await outboxFor(screening?.id ?? '');
    expect(opened).toBeDefined();
    expect(await parts.requests.receive(busMessageOf(opened ?? envelope))).toBeUndefined();
  });
});

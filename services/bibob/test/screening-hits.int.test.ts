import type { BusMessage } from '@signaalhub/bus';
import { Topics } from '@signaalhub/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BibobService } from '../src/composition.js';
import type { BibobConfig } from '../src/config.js';
import { ScreeningHitLookup } from '../src/hits/screening-hit-lookup.js';
import { ScreeningFormIntake } from '../src/screenings/screening-form.js';
import { ScreeningReader } from '../src/screenings/screening-reader.js';
import { coordinator, testParts } from './support/running-bibob.js';
import { sealSignalAbout, type SignalEnvelope } from './support/sealed-signal-headers.js';
import { randomKvkNumber, screeningForm } from './support/screening-requests.js';

describe(ScreeningHitLookup.name, () => {
  let parts: BibobService;
  let config: BibobConfig;
  const person = { name: 'Piet Kanarie', birthDate: '1970-03-04' };

  beforeAll(async () => {
    ({ parts, config } = await testParts());
  });

  afterAll(async () => {
    await parts.close();
  });

  function provided<T>(type: abstract new (...args: never[]) => T): T {
    const entry = (parts.providers ?? []).find((provider) => typeof provider === 'object' && 'provide' in provider && provider.provide === type);
    if (entry === undefined || !('useValue' in entry)) throw new Error(`no ${type.name} in the composition`);
    return entry.useValue as T;
  }

  function signalMessage(envelope: object, offset = 0): BusMessage {
    return { topic: Topics.signalSubmitted, partition: 0, offset: String(offset), key: 'baarn', value: Buffer.from(JSON.stringify(envelope)), headers: {} };
  }

  async function openScreening(kvkNumber: string, municipality = 'soest'): Promise<string> {
    const form = { ...screeningForm({ municipality, kvkNumber }), people: [{ ...person, role: 'bestuurder' }] };
    return (await provided(ScreeningFormIntake).submit(coordinator(), form, 'test')).id;
  }

  async function tokensLearntFrom(envelope: SignalEnvelope): Promise<number> {
    const result = await parts.postgres.query(`SELECT 1 FROM "${config.BIBOB_DATABASE_SCHEMA}".match_tokens WHERE message_id = $1`, [envelope.header.messageId]);
    return result.rowCount ?? 0;
  }

  /** An envelope that does not parse is audited by where it lay on the bus. */
  async function refusalsOf(objectId: string): Promise<{ reason: string; result: string }[]> {
    const result = await parts.postgres.query<{ reason: string; result: string }>(
      `SELECT reason, result FROM "${config.BIBOB_DATABASE_SCHEMA}".audit_log WHERE object_id = $1`,
      [objectId],
    );
    return result.rows;
  }

  it('shows an earlier signal from Baarn by municipality and theme on a Soest screening of the same business and person, without content', async () => {
    const kvkNumber = randomKvkNumber();
    const signal = await sealSignalAbout({ municipality: 'baarn', kvkNumber, person });
    expect(await parts.signalHeaders.receive(signalMessage(signal, 1))).toBe('applied');
    expect(await parts.signalHeaders.receive(signalMessage(signal, 2))).toBe('duplicate');
    const id = await openScreening(kvkNumber);

    const sut = provided(ScreeningReader);
    const detail = await sut.detail(coordinator(), id, 'test');

    const oneBaarnSignal = { total: 1, byMunicipality: [{ municipality: 'baarn', count: 1 }], byTheme: [{ theme: 'autobranche', count: 1 }] };
    expect(detail.hits.business).toEqual(oneBaarnSignal);
    // The person's token matches the same signal: it is one signal, counted once for that subject.
    expect(detail.hits.people).toEqual([oneBaarnSignal]);
    expect(JSON.stringify(detail.hits)).not.toMatch(/Kanarie-signaaltekst|Autohandel|snel-wisselende/);
  });

  it('shows no hit for a business and person no signal is about', async () => {
    const id = await openScreening(randomKvkNumber());
    const detail = await provided(ScreeningReader).detail(coordinator(), id, 'test');
    expect(detail.hits.business).toEqual({ total: 0, byMunicipality: [], byTheme: [] });
    expect(detail.hits.earlierScreenings).toEqual([]);
  });

  it('lists the earlier screening of the same business for another municipality (advice reuse), and audits the opening', async () => {
    const kvkNumber = randomKvkNumber();
    const earlier = await openScreening(kvkNumber, 'baarn');
    const later = await openScreening(kvkNumber, 'soest');
    const unrelated = await openScreening(randomKvkNumber(), 'soest');
    const reader = coordinator();

    const detail = await provided(ScreeningReader).detail(reader, later, 'test');

    expect(detail.hits.earlierScreenings.map((hit) => [hit.id, hit.municipality, hit.kind, hit.phase])).toEqual([[earlier, 'baarn', 'autobranche', 'ontvangen']]);
    expect(detail.hits.earlierScreenings.map((hit) => hit.id)).not.toContain(unrelated);
    const audit = await parts.postgres.query<{ action: string; result: string }>(
      `SELECT action, result FROM "${config.BIBOB_DATABASE_SCHEMA}".audit_log WHERE object_id = $1 AND actor_user = $2`,
      [later, reader.userId],
    );
    expect(audit.rows).toEqual([{ action: 'screening.open', result: 'allowed' }]);
  });

  it('refuses a signal header whose signature does not cover its facts, and learns none of its tokens', async () => {
    const kvkNumber = randomKvkNumber();
    const genuine = await sealSignalAbout({ municipality: 'baarn', kvkNumber, person });
    // A relay moving the signal to another municipality breaks the sender's header signature.
    const forged = { ...genuine, header: { ...genuine.header, municipality: 'soest' } } as SignalEnvelope;

    expect(await parts.signalHeaders.receive(signalMessage(forged))).toBe('refused');

    expect(await tokensLearntFrom(forged)).toBe(0);
    expect(await refusalsOf(forged.header.messageId)).toEqual([{ reason: 'HEADER_SIGNATURE_INVALID', result: 'denied' }]);
    const detail = await provided(ScreeningReader).detail(coordinator(), await openScreening(kvkNumber), 'test');
    expect(detail.hits.business.total).toBe(0);
  });

  it('refuses a signal header without its sender signature, and learns none of its tokens', async () => {
    const genuine = await sealSignalAbout({ municipality: 'baarn', kvkNumber: randomKvkNumber(), person });
    const unsigned: Record<string, unknown> = { ...genuine.header };
    delete unsigned.headerSignature;

    expect(await parts.signalHeaders.receive(signalMessage({ ...genuine, header: unsigned }, 77))).toBe('refused');

    expect(await tokensLearntFrom(genuine)).toBe(0);
    expect(await refusalsOf(`${Topics.signalSubmitted}/0/77`)).toEqual([{ reason: 'HEADER_SIGNATURE_MISSING', result: 'denied' }]);
  });
});

import { randomUUID } from 'node:crypto';
import type { BusMessage } from '@signaalhub/bus';
import { EventTypes, ScreeningRequested, Topics } from '@signaalhub/contracts';
import { EnvelopeSealer, matchToken } from '@signaalhub/envelope';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BibobService } from '../src/composition.js';
import type { BibobConfig } from '../src/config.js';
import { ScreeningHitLookup } from '../src/hits/screening-hit-lookup.js';
import { InvalidScreeningInput } from '../src/screenings/screening-errors.js';
import { ScreeningFormIntake } from '../src/screenings/screening-form.js';
import { ScreeningReader } from '../src/screenings/screening-reader.js';
import { coordinator, POOL, provided as providedBy, testParts } from './support/running-bibob.js';
import { sealSignalAbout, type SignalEnvelope } from './support/sealed-signal-headers.js';
import { busMessageOf, randomKenteken, randomKvkNumber, randomPostcode, screeningForm, testKeys } from './support/screening-requests.js';

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

  const provided = <T>(type: abstract new (...args: never[]) => T): T => providedBy(parts, type);

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

  it('counts an earlier signal about the business address and about a vehicle, in their canonical form, without content', async () => {
    const postcode = randomPostcode();
    const kenteken = randomKenteken();
    const signal = await sealSignalAbout({
      municipality: 'baarn',
      kvkNumber: randomKvkNumber(),
      person: { name: 'Els Elders', birthDate: '1981-02-03' },
      address: { postcode, huisnummer: 12, toevoeging: 'A' },
      kenteken,
    });
    expect(await parts.signalHeaders.receive(signalMessage(signal, 3))).toBe('applied');
    const otherVehicle = randomKenteken();
    const form = {
      ...screeningForm({ municipality: 'soest' }),
      // Typed the way people type them: lower case, spaces, other dashes; the same canonical identifiers.
      address: { postcode: `${postcode.slice(0, 4)} ${postcode.slice(4).toLowerCase()}`, huisnummer: { number: 12, toevoeging: 'a' } },
      vehicles: [kenteken.replaceAll('-', '').toLowerCase(), otherVehicle],
    };
    const { id } = await provided(ScreeningFormIntake).submit(coordinator(), form, 'test');

    const detail = await provided(ScreeningReader).detail(coordinator(), id, 'test');

    const oneBaarnSignal = { total: 1, byMunicipality: [{ municipality: 'baarn', count: 1 }], byTheme: [{ theme: 'autobranche', count: 1 }] };
    const none = { total: 0, byMunicipality: [], byTheme: [] };
    expect(detail.address).toEqual({ postcode, huisnummer: { number: 12, toevoeging: 'A' } });
    expect(detail.vehicles).toEqual([kenteken.replaceAll('-', ''), otherVehicle.replaceAll('-', '')]);
    expect(detail.hits.address).toEqual(oneBaarnSignal);
    expect(detail.hits.vehicles).toEqual([oneBaarnSignal, none]);
    expect(detail.hits.business).toEqual(none);
    // The routing facts a "verzoek om informatie" needs: which municipality owns which hit signal.
    expect(detail.hits.signals).toEqual([{ municipality: 'baarn', signalIds: [signal.header.messageId] }]);
    expect(JSON.stringify(detail.hits)).not.toMatch(/Kanarie-signaaltekst|Autohandel|snel-wisselende|Els Elders/);
    expect(JSON.stringify(detail.hits)).not.toContain(postcode);
  });

  it("takes the address and vehicles of a sealed screening.requested into the screening's hits", async () => {
    const postcode = randomPostcode();
    const kenteken = randomKenteken();
    const signal = await sealSignalAbout({ municipality: 'baarn', kvkNumber: randomKvkNumber(), person: { name: 'Els Elders', birthDate: '1981-02-03' }, address: { postcode, huisnummer: 5 }, kenteken });
    expect(await parts.signalHeaders.receive(signalMessage(signal, 5))).toBe('applied');
    const { keyring, matchTokenKey } = await testKeys();
    const request = ScreeningRequested.parse({
      ...screeningForm({ municipality: 'soest' }),
      address: { postcode, huisnummer: { number: 5 } },
      vehicles: [kenteken],
      reference: `aanvraag-${randomUUID()}`,
      requestedBy: { party: 'gemeente-soest', userId: 'vergunningverlener-1' },
    });
    const envelope = await new EnvelopeSealer(keyring).seal(request, {
      from: 'gemeente-soest',
      to: [POOL, 'gemeente-soest'],
      type: EventTypes.screeningRequested,
      municipality: 'soest',
      permitKind: request.kind,
      matchTokens: [matchToken({ kind: 'kvk', kvkNumber: request.applicant.kvkNumber }, matchTokenKey)],
    });
    expect(await parts.requests.receive(busMessageOf(envelope, 9))).toBe('applied');
    const opened = await parts.postgres.query<{ id: string }>(`SELECT id FROM "${config.BIBOB_DATABASE_SCHEMA}".screenings WHERE request_message_id = $1`, [envelope.header.messageId]);

    const detail = await provided(ScreeningReader).detail(coordinator(), opened.rows[0]?.id ?? '', 'test');

    expect(detail.address).toEqual({ postcode, huisnummer: { number: 5 } });
    expect(detail.hits.address?.total).toBe(1);
    expect(detail.hits.vehicles.map((hits) => hits.total)).toEqual([1]);
  });

  it('does not count a signal at another huisnummer or without the toevoeging as an address hit', async () => {
    const postcode = randomPostcode();
    const signal = await sealSignalAbout({ municipality: 'baarn', kvkNumber: randomKvkNumber(), person: { name: 'Els Elders', birthDate: '1981-02-03' }, address: { postcode, huisnummer: 12 } });
    expect(await parts.signalHeaders.receive(signalMessage(signal, 4))).toBe('applied');
    const elsewhere = { ...screeningForm({ municipality: 'soest' }), address: { postcode, huisnummer: { number: 14 } } };
    const withToevoeging = { ...screeningForm({ municipality: 'soest' }), address: { postcode, huisnummer: { number: 12, toevoeging: 'B' } } };
    const same = { ...screeningForm({ municipality: 'soest' }), address: { postcode, huisnummer: { number: 12 } } };

    const hitsOf = async (form: object): Promise<number | undefined> => {
      const { id } = await provided(ScreeningFormIntake).submit(coordinator(), form, 'test');
      return (await provided(ScreeningReader).detail(coordinator(), id, 'test')).hits.address?.total;
    };

    expect(await hitsOf(elsewhere)).toBe(0);
    expect(await hitsOf(withToevoeging)).toBe(0);
    expect(await hitsOf(same)).toBe(1);
  });

  it('reads a screening without address and vehicles (as sealed before they existed): no address hits, no vehicle hits', async () => {
    const id = await openScreening(randomKvkNumber());
    const detail = await provided(ScreeningReader).detail(coordinator(), id, 'test');
    expect(detail.address).toBeNull();
    expect(detail.vehicles).toEqual([]);
    expect(detail.hits.address).toBeNull();
    expect(detail.hits.vehicles).toEqual([]);
  });

  it('refuses a bad address or kenteken naming the field, and stores nothing', async () => {
    const kvkNumber = randomKvkNumber();
    const form = screeningForm({ municipality: 'soest', kvkNumber });
    const problemsOf = async (body: object): Promise<string[]> => {
      const refused = await provided(ScreeningFormIntake)
        .submit(coordinator(), body, 'test')
        .then(() => undefined, (error: unknown) => error);
      expect(refused).toBeInstanceOf(InvalidScreeningInput);
      return (refused as InvalidScreeningInput).problems.map((problem) => problem.field).sort();
    };

    expect(await problemsOf({ ...form, address: { postcode: '0000XX', huisnummer: { number: 0 } }, vehicles: ['12-ABC-3', 'te-lang-kenteken'] })).toEqual([
      'address.huisnummer.number',
      'address.postcode',
      'vehicles.1',
    ]);
    // The same vehicle twice, typed two ways.
    expect(await problemsOf({ ...form, vehicles: ['12-ABC-3', '12abc3'] })).toEqual(['vehicles']);
    expect(await problemsOf({ ...form, address: { postcode: '3741AA' } })).toEqual(['address.huisnummer']);

    const applicantToken = matchToken({ kind: 'kvk', kvkNumber }, (await testKeys()).matchTokenKey).token;
    const stored = await parts.postgres.query(`SELECT 1 FROM "${config.BIBOB_DATABASE_SCHEMA}".screenings WHERE applicant_token = $1`, [applicantToken]);
    expect(stored.rowCount).toBe(0);
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

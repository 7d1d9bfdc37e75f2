import { EventTypes, InformationRequested, type CrossMunicipalityHit, type Envelope, type Theme } from '@signaalhub/contracts';
import { storedEnvelopeOpener, type MatchTokenSubject } from '@signaalhub/envelope';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiecFeedService } from '../src/composition.js';
import type { RiecFeedConfig } from '../src/config.js';
import { randomUUID } from 'node:crypto';
import { AccessDenied, ObjectNotFound } from '@signaalhub/access';
import { CrossMunicipalityHits } from '../src/hits/cross-municipality-hits.js';
import { HitInformationRequests } from '../src/hits/hit-information-requests.js';
import { HitSignals } from '../src/hits/hit-signals.js';
import { ExclusionList } from '../src/hits/exclusion-list.js';
import { InvalidFeedInput } from '../src/http/feed-errors.js';
import { busMessage, sealSignal } from './support/feed-events.js';
import { liaison, provided, testParts } from './support/running-feed.js';
import { loadServiceKeysOnce } from './support/test-keys.js';

const kvk = (kvkNumber: string): MatchTokenSubject => ({ kind: 'kvk', kvkNumber });
const kenteken = (plate: string): MatchTokenSubject => ({ kind: 'kenteken', kenteken: plate });
const address = (postcode: string, huisnummer: number): MatchTokenSubject => ({ kind: 'address', address: { postcode, huisnummer } });

/**
 * Issue 12 acceptance 3: a corpus of signals whose cross-border repeats are written the way people write
 * them. Each repeat has its own theme, so a hit is recognised by kind and themes (the API never names a token).
 */
const CORPUS: readonly { municipality: string; theme: Theme; subject: MatchTokenSubject; toRiec?: boolean }[] = [
  // One business in Baarn and Soest: KvK with spaces, without, with dots. Baarn's report was sent to the RIEC.
  { municipality: 'baarn', theme: 'autobranche', subject: kvk('1234 5678'), toRiec: true },
  { municipality: 'soest', theme: 'autobranche', subject: kvk('12345678') },
  { municipality: 'soest', theme: 'autobranche', subject: kvk('12.34.56.78') },
  // One address: postcode in lower case with a space, and as written in the register.
  { municipality: 'baarn', theme: 'horeca', subject: address('3741 ab', 12) },
  { municipality: 'soest', theme: 'horeca', subject: address('3741AB', 12) },
  // The same postcode, another house: no repeat.
  { municipality: 'eemnes', theme: 'overig', subject: address('3741AB', 14) },
  // One vehicle: kenteken with and without dashes, lower case.
  { municipality: 'eemnes', theme: 'drugshandel', subject: kenteken('12-abc-3') },
  { municipality: 'de-bilt', theme: 'drugshandel', subject: kenteken('12ABC3') },
  // A business reported twice in one municipality only: no hit.
  { municipality: 'bunschoten', theme: 'vastgoed', subject: kvk('55554444') },
  { municipality: 'bunschoten', theme: 'vastgoed', subject: kvk('5555 4444') },
  // A KvK number one digit off the first business: no repeat.
  { municipality: 'de-bilt', theme: 'buitengebied', subject: kvk('12345679') },
  // The municipal towing company, everywhere: a hit that means nothing (the exclusion list's case).
  { municipality: 'baarn', theme: 'mensenhandel', subject: kvk('87654321') },
  { municipality: 'bunschoten', theme: 'mensenhandel', subject: kvk('8765 4321') },
  { municipality: 'de-bilt', theme: 'mensenhandel', subject: kvk('87654321') },
];

const shape = (hit: CrossMunicipalityHit): { kind: string; themes: readonly string[]; municipalities: number } => ({ kind: hit.kind, themes: hit.themes, municipalities: hit.municipalities });

const EXPECTED = [
  { kind: 'kvk', themes: ['mensenhandel'], municipalities: 3 },
  { kind: 'address', themes: ['horeca'], municipalities: 2 },
  { kind: 'kenteken', themes: ['drugshandel'], municipalities: 2 },
  { kind: 'kvk', themes: ['autobranche'], municipalities: 2 },
];
const byKindAndTheme = (a: { kind: string; themes: readonly string[] }, b: { kind: string; themes: readonly string[] }): number => `${a.kind}${a.themes.join()}`.localeCompare(`${b.kind}${b.themes.join()}`);

describe(CrossMunicipalityHits.name, () => {
  let parts: RiecFeedService;
  let config: RiecFeedConfig;
  const caller = liaison();

  beforeAll(async () => {
    ({ parts, config } = await testParts());
    for (const [index, entry] of CORPUS.entries()) {
      const signal = await sealSignal({ municipality: entry.municipality, theme: entry.theme, subjects: [entry.subject], at: new Date(Date.UTC(2026, 10, 1 + index)), toRiec: entry.toRiec === true });
      expect(await parts.projections.receive(EventTypes.signalSubmitted, busMessage(signal, index))).toBe('applied');
    }
  });

  afterAll(async () => {
    await parts.close();
  });

  const sut = (): CrossMunicipalityHits => provided(parts, CrossMunicipalityHits);
  const exclusions = (): ExclusionList => provided(parts, ExclusionList);

  it('finds exactly the repeats across municipalities, however the identifier was written, with first and last seen', async () => {
    const hits = await sut().list(caller, {}, 'test');

    expect(hits.map(shape).sort(byKindAndTheme)).toEqual([...EXPECTED].sort(byKindAndTheme));
    const business = hits.find((hit) => hit.themes.includes('autobranche'));
    expect(business).toMatchObject({ firstSeen: '2026-11-01T00:00:00.000Z', lastSeen: '2026-11-03T00:00:00.000Z' });
  });

  it('names a hit by an opaque id that stays the same, never by its token or identifier', async () => {
    const [first, second] = [await sut().list(caller, {}, 'test'), await sut().list(caller, {}, 'test')];
    expect(first.map((hit) => hit.id)).toEqual(second.map((hit) => hit.id));
    const tokens = await parts.postgres.query<{ token: string }>(`SELECT token FROM "${config.RIEC_FEED_DATABASE_SCHEMA}".match_tokens`);
    const answer = JSON.stringify(first);
    for (const { token } of tokens.rows) expect(answer).not.toContain(token);
    expect(answer).not.toMatch(/12345678|87654321|3741|12ABC3/i);
  });

  it("lists a hit's signals, opens the one sent to the RIEC as the RIEC (audited) and refuses the others (audited)", async () => {
    const business = (await sut().list(caller, { theme: 'autobranche' }, 'test'))[0];
    const signals = await provided(parts, HitSignals).list(caller, business?.id ?? '', 'test');
    expect(signals.map(({ municipality, sentToRiec }) => ({ municipality, sentToRiec }))).toEqual([
      { municipality: 'baarn', sentToRiec: true },
      { municipality: 'soest', sentToRiec: false },
      { municipality: 'soest', sentToRiec: false },
    ]);
    const [sent, notSent] = [signals[0]?.signalId ?? '', signals[1]?.signalId ?? ''];

    const opened = await provided(parts, HitSignals).open(caller, business?.id ?? '', sent, 'test');
    expect(opened).toMatchObject({ id: sent, municipality: 'baarn', subjects: expect.arrayContaining([expect.objectContaining({ tradeName: 'Autohandel Feedkanarie' })]) as unknown });
    await expect(provided(parts, HitSignals).open(caller, business?.id ?? '', notSent, 'test')).rejects.toBeInstanceOf(AccessDenied);
    const other = (await sut().list(caller, { kind: 'kenteken' }, 'test'))[0];
    await expect(provided(parts, HitSignals).open(caller, other?.id ?? '', sent, 'test')).rejects.toBeInstanceOf(ObjectNotFound);
    const audit = await parts.postgres.query<{ object_id: string; result: string; reason: string | null }>(
      `SELECT object_id, result, reason FROM "${config.RIEC_FEED_DATABASE_SCHEMA}".audit_log WHERE action = 'signal.open' ORDER BY seq`,
    );
    expect(audit.rows).toEqual([
      { object_id: sent, result: 'allowed', reason: null },
      { object_id: notSent, result: 'denied', reason: 'not-a-recipient' },
    ]);
  });

  it('sends a "verzoek om informatie" about a signal the RIEC was not sent, sealed to its municipality alone, naming the hit token only', async () => {
    const business = (await sut().list(caller, { theme: 'autobranche' }, 'test'))[0];
    const [sent, notSent] = (await provided(parts, HitSignals).list(caller, business?.id ?? '', 'test')).map((signal) => signal.signalId);
    const sutRequests = provided(parts, HitInformationRequests);

    const request = await sutRequests.request(caller, business?.id ?? '', { signalId: notSent, purpose: 'Integrale aanpak:\tRIEC-casus.' }, 'test');
    expect(request).toMatchObject({ signalId: notSent, municipality: 'soest', requestedBy: { party: 'riec-mn', userId: caller.userId } });
    const queued = await parts.postgres.query<{ topic: string; message_key: string; message_value: Buffer }>(`SELECT topic, message_key, message_value FROM "${config.RIEC_FEED_DATABASE_SCHEMA}".outbox`);
    expect(queued.rows.map(({ topic, message_key: key }) => ({ topic, key }))).toEqual([{ topic: 'signaalhub.information.v1', key: 'soest' }]);
    const envelope = JSON.parse(queued.rows[0]?.message_value.toString('utf8') ?? '{}') as Envelope;
    expect(envelope.header).toMatchObject({ type: 'information.requested', sender: 'riec-mn', recipients: ['gemeente-soest'], municipality: 'soest', objectKind: 'signal' });
    const { keyring } = await loadServiceKeysOnce();
    const opened = await storedEnvelopeOpener(keyring).open(envelope, { as: 'gemeente-soest', payload: InformationRequested });
    expect(opened.payload).toMatchObject({ requestId: request.id, object: { kind: 'signal', signalId: notSent, matchTokens: [expect.objectContaining({ kind: 'kvk' })] }, purpose: 'Integrale aanpak:\tRIEC-casus.' });

    const refused = async (body: unknown, field: string): Promise<void> => {
      await expect(sutRequests.request(caller, business?.id ?? '', body, 'test')).rejects.toMatchObject({ problems: [expect.objectContaining({ field })] });
    };
    await refused({ signalId: sent, purpose: 'Al ontvangen' }, 'signalId');
    await refused({ signalId: randomUUID(), purpose: 'Geen melding van deze treffer' }, 'signalId');
    await refused({ signalId: notSent, purpose: '' }, 'purpose');
    expect((await parts.postgres.query(`SELECT 1 FROM "${config.RIEC_FEED_DATABASE_SCHEMA}".outbox`)).rowCount).toBe(1);
  });

  it('filters by kind and theme', async () => {
    expect((await sut().list(caller, { kind: 'kenteken' }, 'test')).map(shape)).toEqual([{ kind: 'kenteken', themes: ['drugshandel'], municipalities: 2 }]);
    expect((await sut().list(caller, { theme: 'horeca' }, 'test')).map(shape)).toEqual([{ kind: 'address', themes: ['horeca'], municipalities: 2 }]);
  });

  it('refuses an unknown kind or theme naming the field', async () => {
    await expect(sut().list(caller, { kind: 'bsn' }, 'test')).rejects.toMatchObject({ problems: [expect.objectContaining({ field: 'kind' })] });
    await expect(sut().list(caller, { theme: 'alles', extra: '1' }, 'test')).rejects.toBeInstanceOf(InvalidFeedInput);
  });

  it('leaves out what the exclusion list lists and nothing else; the entry keeps the label, not the number, and is audited', async () => {
    const entry = await exclusions().add(caller, { kind: 'kvk', kvkNumber: '8765.4321', label: 'Gemeentelijk takelbedrijf' }, 'test');

    const hits = await sut().list(caller, {}, 'test');
    expect(hits.map(shape).sort(byKindAndTheme)).toEqual(EXPECTED.filter((hit) => !hit.themes.includes('mensenhandel')).sort(byKindAndTheme));
    expect(await exclusions().list(caller, 'test')).toEqual([expect.objectContaining({ id: entry.id, kind: 'kvk', label: 'Gemeentelijk takelbedrijf' })]);
    const stored = await parts.postgres.query(`SELECT * FROM "${config.RIEC_FEED_DATABASE_SCHEMA}".exclusions`);
    expect(JSON.stringify(stored.rows)).not.toMatch(/8765/);

    await exclusions().remove(caller, entry.id, 'test');
    expect((await sut().list(caller, {}, 'test')).map(shape).sort(byKindAndTheme)).toEqual([...EXPECTED].sort(byKindAndTheme));
    const audit = await parts.postgres.query<{ action: string; result: string }>(
      `SELECT action, result FROM "${config.RIEC_FEED_DATABASE_SCHEMA}".audit_log WHERE object_id = $1 ORDER BY seq`,
      [entry.id],
    );
    expect(audit.rows).toEqual([
      { action: 'exclusion.add', result: 'allowed' },
      { action: 'exclusion.remove', result: 'allowed' },
    ]);
  });

  it('refuses an exclusion entry that is no KvK number, kenteken or address, naming the field, and stores nothing', async () => {
    await expect(exclusions().add(caller, { kind: 'kvk', kvkNumber: '1234', label: 'Kort' }, 'test')).rejects.toMatchObject({ problems: [expect.objectContaining({ field: 'kvkNumber' })] });
    await expect(exclusions().add(caller, { kind: 'person', name: 'Iemand', label: 'Persoon' }, 'test')).rejects.toMatchObject({ problems: [expect.objectContaining({ field: 'kind' })] });
    await expect(exclusions().add(caller, { kind: 'kenteken', kenteken: '12-ABC-3', label: '' }, 'test')).rejects.toMatchObject({ problems: [expect.objectContaining({ field: 'label' })] });
    expect(await exclusions().list(caller, 'test')).toEqual([]);
  });
});

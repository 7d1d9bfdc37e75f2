import { DEFAULT_PARTIES, EnvelopeHeaderV2, EventTypes } from '@signaalhub/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvelopeOpener, EnvelopeSealer, InMemoryReplayStore, MalformedEnvelopeError, NotARecipientError } from '../src/index.js';
import { countingParser, createPartyFixture, OUTSIDER, sealRequest, type PartyFixture } from './party-fixture.js';
import { sealV1 } from './v1-envelope.js';

let fixture: PartyFixture;
beforeAll(async () => {
  fixture = await createPartyFixture();
});

const payload = { signalId: 'b8a4c9f0-1111-4222-8333-444455556666', note: 'round trip', nested: { list: [1, 2, 3] } };

describe(EnvelopeOpener.name, () => {
  for (let count = 1; count <= DEFAULT_PARTIES.length; count++) {
    it(`opens for each of ${count} recipient(s) and rejects every non-recipient`, async () => {
      const recipients = DEFAULT_PARTIES.slice(0, count);
      const envelope = await new EnvelopeSealer(fixture.keyring).seal(payload, sealRequest('gemeente-soest', recipients));
      const sut = new EnvelopeOpener(fixture.keyring, { replayStore: new InMemoryReplayStore() });

      for (const reader of recipients) {
        const opened = await sut.open(envelope, { as: reader, payload: (input) => input });
        expect(opened.payload).toEqual(payload);
        expect(opened.header).toEqual(envelope.header);
      }
      const parser = countingParser();
      for (const outsider of [...DEFAULT_PARTIES.slice(count), OUTSIDER]) {
        await expect(sut.open(envelope, { as: outsider, payload: parser.parse })).rejects.toBeInstanceOf(NotARecipientError);
      }
      expect(parser.calls()).toBe(0);
    });
  }

  it('still opens an envelope with header v1 (no header signature)', async () => {
    const envelope = await sealV1(fixture.keyring, payload, { from: 'gemeente-soest', to: ['riec-mn', 'politie-bes'] });
    const sut = new EnvelopeOpener(fixture.keyring, { replayStore: new InMemoryReplayStore() });
    const opened = await sut.open(envelope, { as: 'riec-mn', payload: (input) => input });
    expect(opened.payload).toEqual(payload);
    expect(opened.header).toEqual(envelope.header);
    expect(opened.header).not.toHaveProperty('headerSignature');
  });

  it('seals header v2 with the routing facts of the type and opens it', async () => {
    const envelope = await new EnvelopeSealer(fixture.keyring).seal(payload, {
      from: 'gemeente-soest',
      to: ['riec-mn'],
      type: EventTypes.permitSuspended,
      municipality: 'soest',
      status: 'suspended',
    });
    expect(EnvelopeHeaderV2.parse(envelope.header)).toEqual(envelope.header);
    expect(envelope.header).toMatchObject({ headerVersion: 2, type: 'permit.suspended', schemaVersion: 1, status: 'suspended', matchTokens: [] });
    expect(envelope.header).not.toHaveProperty('theme');
    const sut = new EnvelopeOpener(fixture.keyring, { replayStore: new InMemoryReplayStore() });
    expect((await sut.open(envelope, { as: 'riec-mn', payload: (input) => input })).payload).toEqual(payload);
  });

  it('returns what the zod payload schema produces', async () => {
    const envelope = await new EnvelopeSealer(fixture.keyring).seal({ n: '7' }, sealRequest('politie-bes', ['riec-mn']));
    const sut = new EnvelopeOpener(fixture.keyring, { replayStore: new InMemoryReplayStore() });
    const opened = await sut.open(envelope, { as: 'riec-mn', payload: z.object({ n: z.coerce.number() }) });
    expect(opened.payload).toEqual({ n: 7 });
  });

  it('rejects a verified payload that fails the schema without quoting it', async () => {
    const secret = 'Jan de Vries 123456782';
    const envelope = await new EnvelopeSealer(fixture.keyring).seal({ name: secret }, sealRequest('politie-bes', ['riec-mn']));
    const sut = new EnvelopeOpener(fixture.keyring, { replayStore: new InMemoryReplayStore() });
    const failure = await sut
      .open(envelope, { as: 'riec-mn', payload: z.object({ name: z.number() }) })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MalformedEnvelopeError);
    expect((failure as Error).message).not.toContain('Jan');
    expect((failure as Error).message).toContain('name');
  });

  it('rejects opening as a party whose private key it does not hold', async () => {
    const publicOnly = await createPartyFixture(['gemeente-baarn', 'gemeente-eemnes']);
    const envelope = await new EnvelopeSealer(publicOnly.keyring).seal({}, sealRequest('gemeente-baarn', ['gemeente-eemnes']));
    const sut = new EnvelopeOpener(fixture.keyring, { replayStore: new InMemoryReplayStore() });
    await expect(sut.open(envelope, { as: 'nobody-here', payload: (input) => input })).rejects.toThrow(/no private key/);
  });
});

describe(EnvelopeSealer.name, () => {
  it('rejects a recipient that is not in the party directory', async () => {
    const sut = new EnvelopeSealer(fixture.keyring);
    await expect(sut.seal({}, sealRequest('gemeente-soest', ['gemeente-utrecht']))).rejects.toThrow(/not in the party directory/);
  });

  it('rejects header facts that break the header schema, naming the field', async () => {
    const sut = new EnvelopeSealer(fixture.keyring);
    await expect(sut.seal({}, sealRequest('gemeente-soest', ['riec-mn'], { theme: 'fietsen' as 'overig' }))).rejects.toThrow(/theme/);
    await expect(sut.seal({}, sealRequest('gemeente-soest', ['riec-mn', 'riec-mn']))).rejects.toThrow(/recipients/);
  });

  it('rejects a payload that is not a JSON value', async () => {
    const sut = new EnvelopeSealer(fixture.keyring);
    await expect(sut.seal(undefined, sealRequest('gemeente-soest', ['riec-mn']))).rejects.toBeInstanceOf(TypeError);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { BadSignatureError, EnvelopeOpener, EnvelopeSealer, InMemoryReplayStore, ReplayedError, storedEnvelopeOpener } from '../src/index.js';
import { createPartyFixture, sealRequest, type PartyFixture } from './party-fixture.js';

let fixture: PartyFixture;
beforeAll(async () => {
  fixture = await createPartyFixture(['gemeente-eemnes', 'riec-mn']);
});

describe(storedEnvelopeOpener.name, () => {
  const payload = (input: unknown): unknown => input;

  it('opens a stored envelope again and again, years after it was issued', async () => {
    const issuedAt = new Date(Date.now() - 5 * 365 * 24 * 60 * 60 * 1000);
    const envelope = await new EnvelopeSealer(fixture.keyring, () => issuedAt).seal({ kept: true }, sealRequest('gemeente-eemnes', ['riec-mn']));
    const sut = storedEnvelopeOpener(fixture.keyring);

    expect((await sut.open(envelope, { as: 'riec-mn', payload })).payload).toEqual({ kept: true });
    expect((await sut.open(envelope, { as: 'riec-mn', payload })).payload).toEqual({ kept: true });
  });

  it('rejects a stored envelope whose body was changed, like any opener', async () => {
    const envelope = await new EnvelopeSealer(fixture.keyring).seal({ kept: true }, sealRequest('gemeente-eemnes', ['riec-mn']));
    const other = await new EnvelopeSealer(fixture.keyring).seal({ kept: false }, sealRequest('riec-mn', ['riec-mn']));
    const sut = storedEnvelopeOpener(fixture.keyring);

    await expect(sut.open({ ...envelope, body: other.body }, { as: 'riec-mn', payload })).rejects.toBeInstanceOf(BadSignatureError);
  });
});

describe(EnvelopeOpener.name, () => {
  it('opens a message again once the reader forgot opening it', async () => {
    const envelope = await new EnvelopeSealer(fixture.keyring).seal({}, sealRequest('gemeente-eemnes', ['riec-mn']));
    const sut = new EnvelopeOpener(fixture.keyring, { replayStore: new InMemoryReplayStore() });
    const request = { as: 'riec-mn', payload: (input: unknown): unknown => input };
    await sut.open(envelope, request);
    await expect(sut.open(envelope, request)).rejects.toBeInstanceOf(ReplayedError);

    await sut.forgetOpened('riec-mn', envelope.header.messageId);

    expect((await sut.open(envelope, request)).header.messageId).toBe(envelope.header.messageId);
  });
});

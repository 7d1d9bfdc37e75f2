import { createMessage, decrypt, encrypt, readMessage } from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BadSignatureError,
  EnvelopeOpener,
  EnvelopeSealer,
  HeaderTamperedError,
  InMemoryReplayStore,
  NotARecipientError,
  ReplayedError,
  UnknownSenderError,
} from '../src/index.js';
import { countingParser, createPartyFixture, sealRequest, type PartyFixture } from './party-fixture.js';

let fixture: PartyFixture;
beforeAll(async () => {
  fixture = await createPartyFixture(['gemeente-de-bilt', 'riec-mn', 'politie-bes', 'om-mn']);
});

const opener = (): EnvelopeOpener => new EnvelopeOpener(fixture.keyring, { replayStore: new InMemoryReplayStore() });

describe(`${EnvelopeOpener.name}.openBody`, () => {
  it('opens a bare OpenPGP body with the signed routing facts', async () => {
    const { body, header } = await new EnvelopeSealer(fixture.keyring).seal({ n: 1 }, sealRequest('gemeente-de-bilt', ['riec-mn']));
    const sut = opener();
    const opened = await sut.openBody(body, { as: 'riec-mn', from: 'gemeente-de-bilt', payload: (input) => input });
    expect(opened).toMatchObject({ messageId: header.messageId, sender: 'gemeente-de-bilt', recipients: ['riec-mn'], payload: { n: 1 } });
    await expect(sut.openBody(body, { as: 'riec-mn', from: 'gemeente-de-bilt', payload: (input) => input })).rejects.toBeInstanceOf(ReplayedError);
  });

  it('rejects the refusals a body alone can show, without running the parser', async () => {
    const parser = countingParser();
    const { body } = await new EnvelopeSealer(fixture.keyring).seal({ n: 2 }, sealRequest('gemeente-de-bilt', ['riec-mn', 'politie-bes']));
    await expect(opener().openBody(body, { as: 'riec-mn', from: 'politie-bes', payload: parser.parse })).rejects.toBeInstanceOf(BadSignatureError);
    await expect(opener().openBody(body, { as: 'riec-mn', from: 'gemeente-utrecht', payload: parser.parse })).rejects.toBeInstanceOf(UnknownSenderError);
    await expect(opener().openBody(body, { as: 'om-mn', from: 'gemeente-de-bilt', payload: parser.parse })).rejects.toBeInstanceOf(NotARecipientError);

    // Forwarded: politie-bes re-encrypts the sender's signed content to om-mn, which the signed recipients do not name.
    const { data, signatures } = await decrypt({
      message: await readMessage({ armoredMessage: body }),
      decryptionKeys: await fixture.keyring.privateKey('politie-bes'),
      verificationKeys: fixture.keyring.publicKey('gemeente-de-bilt'),
      expectSigned: true,
      format: 'binary',
    });
    const forwarded = await encrypt({
      message: await createMessage({ binary: data }),
      encryptionKeys: fixture.keyring.publicKey('om-mn'),
      signature: await (signatures[0] ?? expect.unreachable()).signature,
    });
    if (typeof forwarded !== 'string') throw new Error('expected an armored string');
    await expect(opener().openBody(forwarded, { as: 'om-mn', from: 'gemeente-de-bilt', payload: parser.parse })).rejects.toBeInstanceOf(NotARecipientError);

    // Signed by riec-mn, but the signed routing facts name de Bilt as sender.
    const plaintext = new TextDecoder().decode(data);
    const resigned = await encrypt({
      message: await createMessage({ binary: new TextEncoder().encode(plaintext) }),
      encryptionKeys: fixture.keyring.publicKey('politie-bes'),
      signingKeys: await fixture.keyring.privateKey('riec-mn'),
    });
    await expect(opener().openBody(resigned, { as: 'politie-bes', from: 'riec-mn', payload: parser.parse })).rejects.toBeInstanceOf(HeaderTamperedError);
    expect(parser.calls()).toBe(0);
  });
});

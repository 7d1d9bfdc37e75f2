import { beforeAll, describe, expect, it } from 'vitest';
import { EnvelopeOpener, EnvelopeSealer, ExpiredError, InMemoryReplayStore, ReplayedError, type FreshnessWindow } from '../src/index.js';
import { createPartyFixture, sealRequest, type PartyFixture } from './party-fixture.js';

const window: FreshnessWindow = { maxAgeMs: 60_000, clockSkewMs: 5_000 };
const issuedAt = new Date('2030-01-01T12:00:00.000Z');
let fixture: PartyFixture;
beforeAll(async () => {
  fixture = await createPartyFixture(['gemeente-eemnes', 'riec-mn']);
});

async function openAt(nowMs: number): Promise<unknown> {
  const envelope = await new EnvelopeSealer(fixture.keyring, () => issuedAt).seal({ ok: true }, sealRequest('gemeente-eemnes', ['riec-mn']));
  const sut = new EnvelopeOpener(fixture.keyring, { replayStore: new InMemoryReplayStore(), window, clock: () => new Date(nowMs) });
  return sut.open(envelope, { as: 'riec-mn', payload: (input) => input }).then(
    (opened) => opened.payload,
    (error: unknown) => error,
  );
}

describe(EnvelopeOpener.name, () => {
  const t = issuedAt.getTime();

  it('accepts a message at the edges of the window (max age + skew old, skew early)', async () => {
    expect(await openAt(t + window.maxAgeMs + window.clockSkewMs)).toEqual({ ok: true });
    expect(await openAt(t - window.clockSkewMs)).toEqual({ ok: true });
  });

  it('rejects a message one millisecond past the window as expired', async () => {
    expect(await openAt(t + window.maxAgeMs + window.clockSkewMs + 1)).toBeInstanceOf(ExpiredError);
    expect(await openAt(t - window.clockSkewMs - 1)).toBeInstanceOf(ExpiredError);
  });

  it('remembers an opened id for the whole window, so a late copy is still a replay', async () => {
    let now = t;
    const replayStore = new InMemoryReplayStore(() => now);
    const envelope = await new EnvelopeSealer(fixture.keyring, () => issuedAt).seal({}, sealRequest('gemeente-eemnes', ['riec-mn']));
    const sut = new EnvelopeOpener(fixture.keyring, { replayStore, window, clock: () => new Date(now) });
    await sut.open(envelope, { as: 'riec-mn', payload: (input) => input });
    now = t + window.maxAgeMs + window.clockSkewMs;
    await expect(sut.open(envelope, { as: 'riec-mn', payload: (input) => input })).rejects.toBeInstanceOf(ReplayedError);
  });
});

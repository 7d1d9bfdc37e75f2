import { randomInt, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BusMessage } from '@signaalhub/bus';
import { EventTypes, municipalityPartyId, reportDayInstant, Signal, Topics, type EnvelopeOf } from '@signaalhub/contracts';
import {
  EnvelopeSealer,
  KeyFiles,
  loadKeyringFromDirectory,
  matchToken,
  parsePartnershipKey,
  type MatchTokenKey,
  type PartyKeyring,
} from '@signaalhub/envelope';
import { testInfrastructure } from '@signaalhub/test-infra';

/** The test run's keys (generated once by the global set-up). */
export interface TestKeys {
  readonly keyring: PartyKeyring;
  readonly partnershipKey: MatchTokenKey;
}

let cached: Promise<TestKeys> | undefined;

export function testKeys(): Promise<TestKeys> {
  cached ??= (async () => {
    const { keysDir, keyPassphrase } = testInfrastructure();
    return {
      keyring: await loadKeyringFromDirectory(keysDir, keyPassphrase),
      partnershipKey: parsePartnershipKey(await readFile(join(keysDir, KeyFiles.partnershipKey), 'utf8')),
    };
  })();
  return cached;
}

/** A fresh 8-digit KvK number, so tests never hit each other's signals. */
export function randomKvkNumber(): string {
  return String(randomInt(10_000_000, 100_000_000));
}

export interface SignalOptions {
  readonly municipality: string;
  readonly kvkNumber: string;
  readonly recipients?: readonly string[];
  readonly reporterParty?: string;
  /** Planted text that must never leave the envelope body. */
  readonly freeText?: string;
  readonly personName?: string;
  /** A historical import's original report day (header `reportedOn`), as the intake's import seals it. */
  readonly reportedOn?: string;
}

/** A signal sealed the way the intake seals it: by the reporter's party, message id = signal id, with real match tokens. */
export type SignalEnvelope = EnvelopeOf<typeof EventTypes.signalSubmitted>;

export async function sealSignal(options: SignalOptions): Promise<{ envelope: SignalEnvelope; signal: Signal }> {
  const { keyring, partnershipKey } = await testKeys();
  const reporterParty = options.reporterParty ?? municipalityPartyId(options.municipality);
  const signal = Signal.parse({
    id: randomUUID(),
    reportedAt: options.reportedOn === undefined ? new Date().toISOString() : reportDayInstant(options.reportedOn),
    reporter: { party: reporterParty, userId: 'inspecteur-1' },
    municipality: options.municipality,
    theme: 'autobranche',
    location: { postcode: '3761AB', huisnummer: { number: 12 } },
    subjects: [
      { kind: 'business', kvkNumber: options.kvkNumber, tradeName: 'Autobedrijf De Eem' },
      ...(options.personName === undefined ? [] : [{ kind: 'person', name: options.personName, birthDate: '1980-02-03' }]),
    ],
    indicators: ['snel-wisselende-voorraad'],
    freeText: options.freeText ?? 'Veel wisselende auto’s op het terrein.',
    distribution: { recipients: options.recipients ?? [municipalityPartyId(options.municipality), 'politie-bes', 'riec-mn'] },
  });
  const envelope = await new EnvelopeSealer(keyring).seal(signal, {
    from: reporterParty,
    to: signal.distribution.recipients,
    type: EventTypes.signalSubmitted,
    municipality: signal.municipality,
    theme: signal.theme,
    matchTokens: [matchToken({ kind: 'kvk', kvkNumber: options.kvkNumber }, partnershipKey)],
    ...(options.reportedOn === undefined ? {} : { reportedOn: options.reportedOn }),
    messageId: signal.id,
  });
  return { envelope, signal };
}

/** The envelope as the bus hands it to a handler. */
export function busMessageOf(envelope: SignalEnvelope, offset = 0): BusMessage {
  return {
    topic: Topics.signalSubmitted,
    partition: 0,
    offset: String(offset),
    key: envelope.header.municipality,
    value: Buffer.from(JSON.stringify(envelope)),
    headers: {},
  };
}

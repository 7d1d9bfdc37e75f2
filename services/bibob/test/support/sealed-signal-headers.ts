import { randomUUID } from 'node:crypto';
import { EventTypes, municipalityPartyId, Signal, type EnvelopeOf } from '@signaalhub/contracts';
import { EnvelopeSealer, matchToken } from '@signaalhub/envelope';
import { testKeys } from './screening-requests.js';

export type SignalEnvelope = EnvelopeOf<typeof EventTypes.signalSubmitted>;

export interface SignalSubjects {
  readonly municipality: string;
  readonly kvkNumber: string;
  readonly person: { readonly name: string; readonly birthDate: string };
  /** The signal's location; its address token is in the header only when given. */
  readonly address?: { readonly postcode: string; readonly huisnummer: number; readonly toevoeging?: string };
  readonly kenteken?: string;
}

/**
 * A `signal.submitted` as the intake seals it (header v2, signed by the reporting municipality), with
 * the business's and a person's match tokens in its header, and the address's and the vehicle's when
 * given. The pool is deliberately no recipient.
 */
export async function sealSignalAbout(subject: SignalSubjects): Promise<SignalEnvelope> {
  return (await sealedSignalAbout(subject)).envelope;
}

/** The same, with the signal itself (what its owner answers a "verzoek om informatie" with). */
export async function sealedSignalAbout(subject: SignalSubjects): Promise<{ envelope: SignalEnvelope; signal: Signal }> {
  const { keyring, matchTokenKey } = await testKeys();
  const party = municipalityPartyId(subject.municipality);
  const signal = Signal.parse({
    id: randomUUID(),
    reportedAt: new Date().toISOString(),
    reporter: { party, userId: 'toezichthouder-1' },
    municipality: subject.municipality,
    theme: 'autobranche',
    location: subject.address === undefined
      ? { postcode: '3741AA', huisnummer: { number: 3 } }
      : { postcode: subject.address.postcode, huisnummer: { number: subject.address.huisnummer, ...(subject.address.toevoeging === undefined ? {} : { toevoeging: subject.address.toevoeging }) } },
    subjects: [
      { kind: 'business', kvkNumber: subject.kvkNumber, tradeName: 'Autohandel Kanarie' },
      { kind: 'person', ...subject.person },
      ...(subject.kenteken === undefined ? [] : [{ kind: 'vehicle', kenteken: subject.kenteken }]),
    ],
    indicators: ['snel-wisselende-voorraad'],
    freeText: 'Kanarie-signaaltekst die de pool nooit mag lezen.',
    distribution: { recipients: [party] },
  });
  const matchTokens = [
    matchToken({ kind: 'kvk', kvkNumber: subject.kvkNumber }, matchTokenKey),
    matchToken({ kind: 'person', person: subject.person }, matchTokenKey),
    ...(subject.address === undefined ? [] : [matchToken({ kind: 'address', address: subject.address }, matchTokenKey)]),
    ...(subject.kenteken === undefined ? [] : [matchToken({ kind: 'kenteken', kenteken: subject.kenteken }, matchTokenKey)]),
  ];
  const { municipality, theme } = signal;
  const envelope = await new EnvelopeSealer(keyring).seal(signal, { type: EventTypes.signalSubmitted, from: party, to: [party], municipality, theme, matchTokens, messageId: signal.id });
  return { envelope, signal };
}

import { randomUUID } from 'node:crypto';
import { EventTypes, municipalityPartyId, Signal, type EnvelopeOf } from '@signaalhub/contracts';
import { EnvelopeSealer, matchToken } from '@signaalhub/envelope';
import { testKeys } from './screening-requests.js';

export type SignalEnvelope = EnvelopeOf<typeof EventTypes.signalSubmitted>;

/**
 * A `signal.submitted` as the intake seals it (header v2, signed by the reporting municipality), with
 * the business's and a person's match tokens in its header. The pool is deliberately no recipient.
 */
export async function sealSignalAbout(subject: { municipality: string; kvkNumber: string; person: { name: string; birthDate: string } }): Promise<SignalEnvelope> {
  const { keyring, matchTokenKey } = await testKeys();
  const party = municipalityPartyId(subject.municipality);
  const signal = Signal.parse({
    id: randomUUID(),
    reportedAt: new Date().toISOString(),
    reporter: { party, userId: 'toezichthouder-1' },
    municipality: subject.municipality,
    theme: 'autobranche',
    location: { postcode: '3741AA', huisnummer: { number: 3 } },
    subjects: [
      { kind: 'business', kvkNumber: subject.kvkNumber, tradeName: 'Autohandel Kanarie' },
      { kind: 'person', ...subject.person },
    ],
    indicators: ['snel-wisselende-voorraad'],
    freeText: 'Kanarie-signaaltekst die de pool nooit mag lezen.',
    distribution: { recipients: [party] },
  });
  return new EnvelopeSealer(keyring).seal(signal, {
    from: party,
    to: signal.distribution.recipients,
    type: EventTypes.signalSubmitted,
    municipality: signal.municipality,
    theme: signal.theme,
    matchTokens: [matchToken({ kind: 'kvk', kvkNumber: subject.kvkNumber }, matchTokenKey), matchToken({ kind: 'person', person: subject.person }, matchTokenKey)],
    messageId: signal.id,
  });
}

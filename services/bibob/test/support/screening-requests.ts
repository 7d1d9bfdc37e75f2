import { randomInt, randomUUID } from 'node:crypto';
import type { BusMessage } from '@signaalhub/bus';
import { EventTypes, municipalityPartyId, ScreeningRequested, Topics, type EnvelopeOf, type ScreeningForm } from '@signaalhub/contracts';
import { EnvelopeSealer, matchToken } from '@signaalhub/envelope';
import { loadServiceKeys, type ServiceKeys } from '@signaalhub/service-kit';
import { testInfrastructure } from '@signaalhub/test-infra';
import { POOL } from './running-bibob.js';

let keys: Promise<ServiceKeys> | undefined;

/** The test run's keys as a service loads them (the global set-up made them, the pool's among them). */
export function testKeys(): Promise<ServiceKeys> {
  const { keysDir, keyPassphrase } = testInfrastructure();
  keys ??= loadServiceKeys(keysDir, keyPassphrase);
  return keys;
}

export function randomKvkNumber(): string {
  return String(randomInt(10_000_000, 100_000_000));
}

/** A postcode no other test uses (by chance): `1234 AB` shapes, never the reserved SA/SD/SS letters. */
export function randomPostcode(): string {
  const letters = 'ABCEFGHJKLMNPRTUVWXZ';
  const pick = (): string => letters[randomInt(letters.length)] ?? 'A';
  return `${randomInt(1000, 10_000)}${pick()}${pick()}`;
}

/** A kenteken (sidecode 99-XXX-9) no other test uses (by chance). */
export function randomKenteken(): string {
  const letters = 'BDFGHJKLNPRSTVXZ';
  const pick = (): string => letters[randomInt(letters.length)] ?? 'B';
  return `${randomInt(10, 100)}-${pick()}${pick()}${pick()}-${randomInt(1, 10)}`;
}

/** A valid form body; `personName` is a planted value that must stay inside envelopes and sealed columns. */
export function screeningForm(options: { municipality?: string; personName?: string; kvkNumber?: string } = {}): ScreeningForm {
  return {
    municipality: options.municipality ?? 'baarn',
    kind: 'autobranche',
    applicant: { kvkNumber: options.kvkNumber ?? randomKvkNumber(), vestigingsnummer: '000012345678' },
    people: [{ name: options.personName ?? 'Jan de Vries', birthDate: '1975-06-01', role: 'bestuurder' }],
    receivedOn: '2026-06-01',
    decisionTermWeeks: 8,
  };
}

export type ScreeningRequestEnvelope = EnvelopeOf<typeof EventTypes.screeningRequested>;

/** A `screening.requested` sealed the way the Soest registry seals it: by the municipality, to the pool and itself. */
export async function sealScreeningRequest(
  options: { municipality?: string; personName?: string; from?: string; headerKind?: ScreeningRequested['kind'] } = {},
): Promise<{ envelope: ScreeningRequestEnvelope; request: ScreeningRequested }> {
  const { keyring, matchTokenKey } = await testKeys();
  const municipality = options.municipality ?? 'soest';
  const party = municipalityPartyId(municipality);
  const form = screeningForm({ municipality, ...(options.personName === undefined ? {} : { personName: options.personName }) });
  const request = ScreeningRequested.parse({ ...form, reference: `aanvraag-${randomUUID()}`, requestedBy: { party, userId: 'vergunningverlener-1' } });
  const envelope = await new EnvelopeSealer(keyring).seal(request, {
    from: options.from ?? party,
    to: [POOL, party],
    type: EventTypes.screeningRequested,
    municipality,
    permitKind: options.headerKind ?? request.kind,
    matchTokens: [matchToken({ kind: 'kvk', kvkNumber: request.applicant.kvkNumber }, matchTokenKey)],
  });
  return { envelope, request };
}

/** The envelope as the bus hands it to a handler. */
export function busMessageOf(envelope: { header: object }, offset = 0): BusMessage {
  return { topic: Topics.screening, partition: 0, offset: String(offset), key: 'soest', value: Buffer.from(JSON.stringify(envelope)), headers: {} };
}

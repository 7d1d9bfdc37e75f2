import { randomInt, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BusMessage } from '@signaalhub/bus';
import { EventTypes, municipalityPartyId, ScreeningRequested, Topics, type EnvelopeOf, type ScreeningForm } from '@signaalhub/contracts';
import { EnvelopeSealer, KeyFiles, loadKeyringFromDirectory, matchToken, parsePartnershipKey, type MatchTokenKey, type PartyKeyring } from '@signaalhub/envelope';
import { testInfrastructure } from '@signaalhub/test-infra';
import { POOL } from './running-bibob.js';

let cached: Promise<{ keyring: PartyKeyring; partnershipKey: MatchTokenKey }> | undefined;

/** The test run's keys (generated once by the global set-up, the pool's among them). */
export function testKeys(): Promise<{ keyring: PartyKeyring; partnershipKey: MatchTokenKey }> {
  cached ??= (async () => {
    const { keysDir, keyPassphrase } = testInfrastructure();
    return {
      keyring: await loadKeyringFromDirectory(keysDir, keyPassphrase),
      partnershipKey: parsePartnershipKey(await readFile(join(keysDir, KeyFiles.partnershipKey), 'utf8')),
    };
  })();
  return cached;
}

export function randomKvkNumber(): string {
  return String(randomInt(10_000_000, 100_000_000));
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
  const { keyring, partnershipKey } = await testKeys();
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
    matchTokens: [matchToken({ kind: 'kvk', kvkNumber: request.applicant.kvkNumber }, partnershipKey)],
  });
  return { envelope, request };
}

/** The envelope as the bus hands it to a handler. */
export function busMessageOf(envelope: { header: object }, offset = 0): BusMessage {
  return { topic: Topics.screening, partition: 0, offset: String(offset), key: 'soest', value: Buffer.from(JSON.stringify(envelope)), headers: {} };
}

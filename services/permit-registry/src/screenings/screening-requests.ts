import { EventTypes, municipalityPartyId, ScreeningRequested, Topics } from '@signaalhub/contracts';
import { matchToken, type EnvelopeSealer, type MatchTokenKey } from '@signaalhub/envelope';
import type { OutboxWriter } from '@signaalhub/outbox';
import type { ClientBase } from 'pg';
import type { EstablishmentRow } from '../establishments/establishment-store.js';
import { EstablishmentParticulars, type MunicipalRecords } from '../registry/registry-records.js';
import type { RegistryActor } from '../registry/registry-input.js';

/** What a screening request says besides the establishment: the term it runs on and the registry's reference. */
export interface ScreeningRequestDetails {
  readonly receivedOn: string;
  readonly decisionTermWeeks: number;
  /** The application's id, or the re-screening's: the pool's `screening.opened` names it back. */
  readonly reference: string;
  readonly requestedBy: RegistryActor;
}

/**
 * What the registry asks the Bibob pool (DESIGN.md §6): `screening.requested` about an establishment (its
 * KvK number, vestigingsnummer and people, opened from the registry's sealed record), sealed as the
 * municipality to the pool party and the municipality itself, queued in the caller's transaction. The
 * header carries the municipality, the permit kind and the KvK match token; the people only the body.
 * Both an application's screening and a re-screening from a signal flag go this way.
 */
export class ScreeningRequests {
  constructor(
    private readonly sealer: EnvelopeSealer,
    private readonly outbox: OutboxWriter,
    private readonly records: MunicipalRecords,
    private readonly poolParty: string,
    private readonly matchTokenKey: MatchTokenKey,
  ) {}

  /** Returns the message id, which the caller keeps. */
  async request(client: ClientBase, establishment: EstablishmentRow, details: ScreeningRequestDetails): Promise<string> {
    const { municipality } = establishment;
    const particulars = await this.records.of(municipality).open(establishment.particularsSealed, EstablishmentParticulars);
    const valid = ScreeningRequested.parse({
      municipality,
      kind: 'autobranche',
      applicant: { kvkNumber: particulars.kvkNumber, vestigingsnummer: establishment.vestigingsnummer },
      people: particulars.people.map((person) => ({ name: person.name, birthDate: person.birthDate, role: person.role })),
      ...details,
    });
    const party = municipalityPartyId(municipality);
    const envelope = await this.sealer.seal(valid, {
      type: EventTypes.screeningRequested,
      from: party,
      to: [this.poolParty, party],
      municipality,
      permitKind: valid.kind,
      matchTokens: [matchToken({ kind: 'kvk', kvkNumber: particulars.kvkNumber }, this.matchTokenKey)],
    });
    // Keyed by municipality: the screening topic keeps each municipality's events in order.
    await this.outbox.add(client, { messageId: envelope.header.messageId, topic: Topics.screening, key: municipality, value: Buffer.from(JSON.stringify(envelope)) });
    return envelope.header.messageId;
  }
}

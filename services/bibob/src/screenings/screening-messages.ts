import {
  EventTypes,
  InformationRequested,
  informationRequestRecipients,
  municipalityPartyId,
  ScreeningConcluded,
  ScreeningDisclosed,
  ScreeningOpened,
  ScreeningProgressed,
  Topics,
  type EventType,
} from '@signaalhub/contracts';
import type { EnvelopeSealer, SealRequestOf } from '@signaalhub/envelope';
import type { OutboxWriter } from '@signaalhub/outbox';
import type { ClientBase } from 'pg';

/**
 * What the pool sends (DESIGN.md §6), sealed as the pool party and queued in the caller's transaction.
 * The recipients never depend on the outcome: `screening.concluded` always goes to the requesting
 * municipality alone; only a recorded art. 28 lid 2 ground sends the separate `screening.disclosed`.
 */
export class ScreeningMessages {
  constructor(
    private readonly sealer: EnvelopeSealer,
    private readonly outbox: OutboxWriter,
    private readonly poolParty: string,
    private readonly riecParty: string,
  ) {}

  async opened(client: ClientBase, payload: ScreeningOpened): Promise<void> {
    const valid = ScreeningOpened.parse(payload);
    await this.send(client, valid, { type: EventTypes.screeningOpened, ...this.toMunicipality(valid) });
  }

  async progressed(client: ClientBase, payload: ScreeningProgressed): Promise<void> {
    const valid = ScreeningProgressed.parse(payload);
    await this.send(client, valid, { type: EventTypes.screeningProgressed, ...this.toMunicipality(valid), milestone: valid.milestone });
  }

  async concluded(client: ClientBase, payload: ScreeningConcluded): Promise<void> {
    const valid = ScreeningConcluded.parse(payload);
    await this.send(client, valid, { type: EventTypes.screeningConcluded, ...this.toMunicipality(valid) });
  }

  /** Returns the message id, which the disclosure register keeps. */
  async disclosed(client: ClientBase, payload: ScreeningDisclosed): Promise<string> {
    const valid = ScreeningDisclosed.parse(payload);
    return this.send(client, valid, {
      type: EventTypes.screeningDisclosed,
      from: this.poolParty,
      to: [this.riecParty],
      municipality: valid.municipality,
      screeningId: valid.screeningId,
    });
  }

  /** A "verzoek om informatie" to the municipality that owns the signal, and to nobody else; returns the message id. */
  async informationRequested(client: ClientBase, payload: InformationRequested): Promise<string> {
    const valid = InformationRequested.parse(payload);
    const request = {
      type: EventTypes.informationRequested,
      from: this.poolParty,
      to: informationRequestRecipients(valid.municipality),
      municipality: valid.municipality,
      objectKind: valid.object.kind,
    } as const;
    return this.send(client, valid, request, Topics.information);
  }

  private toMunicipality(payload: { municipality: string; screeningId: string }): { from: string; to: string[]; municipality: string; screeningId: string } {
    return { from: this.poolParty, to: [municipalityPartyId(payload.municipality)], municipality: payload.municipality, screeningId: payload.screeningId };
  }

  private async send<T extends EventType>(client: ClientBase, payload: { municipality: string }, request: SealRequestOf<T>, topic: string = Topics.screening): Promise<string> {
    const envelope = await this.sealer.seal(payload, request);
    await this.outbox.add(client, {
      messageId: envelope.header.messageId,
      topic,
      // Keyed by municipality: the screening topic keeps each municipality's events in order.
      key: payload.municipality,
      value: Buffer.from(JSON.stringify(envelope)),
    });
    return envelope.header.messageId;
  }
}

import { createEventBus, type EventBus } from '@signaalhub/bus';
import { EventTypes, Topics, type Envelope, type RiskConclusion, type ScreeningMilestone, type ScreeningRequested } from '@signaalhub/contracts';
import { EnvelopeOpener, EnvelopeSealer, InMemoryReplayStore, type PartyKeyring } from '@signaalhub/envelope';
import { createLogger } from '@signaalhub/logging';
import { loadServiceKeys } from '@signaalhub/service-kit';
import { testInfrastructure, type RunningService } from '@signaalhub/test-infra';

export const POOL = 'bibob-pool-bes';

/**
 * The Bibob pool as the registry meets it, without the bibob service: it opens the registry's
 * `screening.requested` from the registry's outbox and sends sealed screening events on the real broker.
 */
export class PoolSide {
  private constructor(
    private readonly keyring: PartyKeyring,
    private readonly bus: EventBus,
  ) {}

  /** On the shared broker, or on `brokers` (a test's private one). */
  static async connect(brokers?: string[]): Promise<PoolSide> {
    const infrastructure = testInfrastructure();
    const { keyring } = await loadServiceKeys(infrastructure.keysDir, infrastructure.keyPassphrase);
    return new PoolSide(keyring, createEventBus({ brokers: brokers ?? infrastructure.kafkaBrokers, clientId: 'registry-pool-side', logger: createLogger('pool-side', 'warn') }));
  }

  async close(): Promise<void> {
    await this.bus.close();
  }

  /** The registry's queued `screening.requested` envelope with this message id (from its outbox). */
  async requestEnvelope(registry: RunningService, messageId: string): Promise<Envelope> {
    const result = await registry.pool.query<{ value: Buffer }>(`SELECT message_value AS value FROM "${registry.schema}".outbox WHERE message_id = $1`, [messageId]);
    const value = result.rows[0]?.value;
    if (value === undefined) throw new Error(`no outbox row ${messageId}`);
    return JSON.parse(value.toString('utf8')) as Envelope;
  }

  /** Opens the request as the pool would. */
  async openRequest(envelope: Envelope): Promise<ScreeningRequested> {
    const opener = new EnvelopeOpener(this.keyring, { replayStore: new InMemoryReplayStore() });
    return (await opener.open(envelope, { as: POOL, payload: { parse: (value: unknown) => value as ScreeningRequested } })).payload;
  }

  /** Each event returns the message id it was sent with (a refusal's audit entry names it). */
  async opened(municipality: string, screeningId: string, reference: string): Promise<string> {
    return this.send(EventTypes.screeningOpened, municipality, screeningId, { screeningId, municipality, reference, openedAt: new Date().toISOString() });
  }

  async progressed(municipality: string, screeningId: string, milestone: ScreeningMilestone, date: string): Promise<string> {
    return this.send(EventTypes.screeningProgressed, municipality, screeningId, { screeningId, municipality, milestone, date }, { milestone });
  }

  /** `version`: a corrected conclusion is sent as a higher one. */
  async concluded(municipality: string, screeningId: string, reference: string, conclusion: RiskConclusion, version = 1): Promise<string> {
    const actor = (userId: string): { party: string; userId: string } => ({ party: POOL, userId });
    const payload = { screeningId, municipality, reference, version, conclusion, questionnaire: [], proposedBy: actor('coordinator-a'), approvedBy: actor('coordinator-b'), approvedAt: new Date().toISOString() };
    return this.send(EventTypes.screeningConcluded, municipality, screeningId, payload);
  }

  private async send(
    type: typeof EventTypes.screeningOpened | typeof EventTypes.screeningProgressed | typeof EventTypes.screeningConcluded,
    municipality: string,
    screeningId: string,
    payload: unknown,
    extra: { milestone?: ScreeningMilestone } = {},
  ): Promise<string> {
    const sealer = new EnvelopeSealer(this.keyring);
    const request = { type, from: POOL, to: [`gemeente-${municipality}`], municipality, screeningId, ...extra } as Parameters<EnvelopeSealer['seal']>[1];
    const envelope = await sealer.seal(payload, request);
    const producer = this.bus.createProducer();
    await producer.connect();
    await producer.send(Topics.screening, [{ key: municipality, value: Buffer.from(JSON.stringify(envelope)) }]);
    return envelope.header.messageId;
  }
}

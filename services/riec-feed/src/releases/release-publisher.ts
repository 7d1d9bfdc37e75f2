import { randomUUID } from 'node:crypto';
import { EventTypes, FeedPublished, municipalityPartyId, THEMES, Topics } from '@signaalhub/contracts';
import { quotedSchema, withTransaction } from '@signaalhub/database';
import type { EnvelopeSealer } from '@signaalhub/envelope';
import type { OutboxWriter } from '@signaalhub/outbox';
import type { Pool, PoolClient } from 'pg';
import { buildRelease, recipientLayouts, ReleaseRequestError, type RawCount, type Release } from '../disclosure/index.js';
import { releaseJson } from '../exports/index.js';
import { FeedConflict, InvalidFeedInput } from '../http/feed-errors.js';
import { Measures } from '../projections/projection-store.js';
import { periodsOf } from '../projections/periods.js';
import type { ReleaseStore } from './release-store.js';

export interface ReleasePublisherParts {
  readonly pool: Pool;
  readonly schema: string;
  readonly store: ReleaseStore;
  readonly sealer: EnvelopeSealer;
  readonly outbox: OutboxWriter;
  readonly riecParty: string;
  readonly municipalities: readonly string[];
  readonly k: number;
  readonly clock: () => Date;
}

/** A stored release and when it was built. */
export interface PublishedRelease {
  readonly release: Release;
  readonly builtAt: Date;
}

const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

type Recipient = { readonly party: string } & ({ readonly kind: 'riec' } | { readonly kind: 'municipality'; readonly municipality: string });

const ruleBroken = (field: string, rule: string, message: string): InvalidFeedInput => new InvalidFeedInput([{ field, rule, message }], 'rule');

/**
 * Releases one month to every recipient: the RIEC (every municipality) and each municipality (its own
 * column and the region's, never another municipality's own figures). Per recipient the month's signal
 * counts (theme × municipality) plus every earlier month it was sent whose cells a late event changed
 * since, through the disclosure-control builder with that recipient's ledger. Each release is stored in
 * the ledger and queued as `feed.published`, sealed by the RIEC to its recipient alone, in one
 * transaction: a release is in the ledger exactly when it is on its way.
 */
export class ReleasePublisher {
  private readonly counts: string;

  constructor(private readonly parts: ReleasePublisherParts) {
    this.counts = `${quotedSchema(parts.schema)}.counts`;
  }

  /** 422 (InvalidFeedInput) for a malformed month or one not ended; 409 (FeedConflict) when there is nothing new to release. */
  async publish(period: string): Promise<PublishedRelease[]> {
    if (!MONTH.test(period)) throw ruleBroken('period', 'must be a month, YYYY-MM', 'De periode moet een maand zijn (JJJJ-MM).');
    const builtAt = this.parts.clock();
    if (period >= periodsOf(builtAt).month) throw ruleBroken('period', 'must be a month that has ended', 'Deze maand is nog niet voorbij.');

    const published = await withTransaction(this.parts.pool, async (client) => {
      await this.parts.store.lock(client);
      const releases: PublishedRelease[] = [];
      for (const recipient of this.recipients()) {
        const release = await this.releaseFor(client, recipient, period);
        if (release === undefined) continue;
        await this.parts.store.add(client, release, builtAt);
        await this.queue(client, release);
        releases.push({ release, builtAt });
      }
      return releases;
    });
    if (published.length === 0) throw new FeedConflict(`De maand ${period} is al gepubliceerd en er is niets herzien.`);
    return published;
  }

  private recipients(): Recipient[] {
    return [
      { kind: 'riec', party: this.parts.riecParty },
      ...this.parts.municipalities.map((municipality) => ({ kind: 'municipality' as const, municipality, party: municipalityPartyId(municipality) })),
    ];
  }

  /** The recipient's next release, or undefined when it has this month already and nothing it was sent changed. */
  private async releaseFor(client: PoolClient, recipient: Recipient, period: string): Promise<Release | undefined> {
    const ledger = await this.parts.store.ledgerOf(client, recipient.party);
    const restated = await this.restatedPeriods(client, ledger);
    const sentBefore = ledger.some(({ release }) => release.period === period || release.restatedPeriods.includes(period));
    if (sentBefore && restated.length === 0) return undefined;
    const periods = [period, ...restated.filter((each) => each !== period)];
    const { municipalities } = this.parts;
    const layouts = periods.flatMap((each) => recipientLayouts(recipient.kind === 'riec' ? recipient : { kind: 'municipality', municipality: recipient.municipality }, each, THEMES, municipalities));
    try {
      return buildRelease({
        id: randomUUID(),
        recipient: recipient.party,
        sequence: (ledger.at(-1)?.release.sequence ?? 0) + 1,
        period,
        restatedPeriods: restated,
        layouts,
        counts: await this.countsOf(client, periods),
        k: this.parts.k,
        ledger: ledger.map(({ release }) => release),
      });
    } catch (error) {
      if (error instanceof ReleaseRequestError) throw ruleBroken(error.field, error.rule, 'De publicatie kan zo niet worden samengesteld.');
      throw error;
    }
  }

  /** The months this recipient was sent whose counts a late event changed after it was last sent them, oldest first. */
  private async restatedPeriods(client: PoolClient, ledger: readonly PublishedRelease[]): Promise<string[]> {
    const lastSent = new Map<string, Date>();
    for (const { release, builtAt } of ledger) for (const sent of [release.period, ...release.restatedPeriods]) lastSent.set(sent, builtAt);
    if (lastSent.size === 0) return [];
    const result = await client.query<{ period: string }>(
      `SELECT DISTINCT c.period FROM ${this.counts} c
       JOIN unnest($2::text[], $3::timestamptz[]) AS sent(period, at) ON sent.period = c.period
       WHERE c.measure = $1 AND c.period_kind = 'month' AND c.restated_at > sent.at
       ORDER BY c.period`,
      [Measures.signals, [...lastSent.keys()], [...lastSent.values()]],
    );
    return result.rows.map((row) => row.period);
  }

  private async countsOf(client: PoolClient, periods: readonly string[]): Promise<RawCount[]> {
    const result = await client.query<RawCount>(
      `SELECT period, dimension AS theme, municipality, count FROM ${this.counts} WHERE measure = $1 AND period_kind = 'month' AND period = ANY($2::text[])`,
      [Measures.signals, periods],
    );
    return result.rows;
  }

  /** `feed.published`: the release as its JSON export, sealed by the RIEC to the recipient alone; the header names only the period and the release. */
  private async queue(client: PoolClient, release: Release): Promise<void> {
    const envelope = await this.parts.sealer.seal(FeedPublished.parse(releaseJson(release)), {
      type: EventTypes.feedPublished,
      from: this.parts.riecParty,
      to: [release.recipient],
      period: release.period,
      releaseId: release.id,
    });
    // Keyed by recipient party (no personal data): each recipient's releases stay in their order.
    await this.parts.outbox.add(client, { messageId: envelope.header.messageId, topic: Topics.feedPublished, key: release.recipient, value: Buffer.from(JSON.stringify(envelope)) });
  }
}

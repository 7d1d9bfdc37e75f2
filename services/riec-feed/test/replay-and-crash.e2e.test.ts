import { randomInt } from 'node:crypto';
import { createEventBus, type BusProducer, type EventBus } from '@signaalhub/bus';
import { APPROACHES, EVENT_CATALOG, EventTypes, THEMES, type EventType } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { eventually, testInfrastructure, type RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealDecision, sealPermitDecided, sealScreening, sealSignal } from './support/feed-events.js';
import { feedEnv, startFeed } from './support/running-feed.js';

/*
 * Issue 12 acceptance 4: the projections are a function of the topics. A feed reading every topic from the
 * start into a fresh schema ends with the same projections as one that read them before; a feed killed
 * (SIGKILL) in the middle of the stream and started again ends with the same projections as one that was
 * not interrupted. The shared topics also carry other tests' events: every run reads all of them, so the
 * runs are compared once each has taken in this test's events and they agree on what they processed.
 */

const MUNICIPALITIES = ['baarn', 'bunschoten', 'eemnes', 'soest', 'de-bilt'] as const;
const DAY_MS = 86_400_000;
const pick = <T>(values: readonly T[]): T => values[randomInt(values.length)] as T;
/** Within the last year: every period kind gets several cells, and the envelopes are fresh enough to read. */
const someDayThisYear = (): Date => new Date(Date.now() - randomInt(1, 360) * DAY_MS - randomInt(0, DAY_MS));

interface Sealed {
  readonly header: { readonly messageId: string; readonly type: EventType; readonly municipality: string };
}

/** A stream of signals (with a few businesses that recur across municipalities), decisions on some, screenings and permits. */
async function stream(): Promise<Sealed[]> {
  const businesses = Array.from({ length: 25 }, () => String(randomInt(10_000_000, 100_000_000)));
  const events: Sealed[] = [];
  const signals: { id: string; municipality: string; at: Date }[] = [];
  for (let index = 0; index < 360; index += 1) {
    const municipality = pick(MUNICIPALITIES);
    const at = someDayThisYear();
    const signal = await sealSignal({ municipality, theme: pick(THEMES), at, subjects: [{ kind: 'kvk', kvkNumber: pick(businesses) }] });
    signals.push({ id: signal.header.messageId, municipality, at });
    events.push(signal);
  }
  for (const signal of signals.slice(0, 160)) {
    const at = new Date(Math.min(Date.now() - 1000, signal.at.getTime() + randomInt(1, 30) * DAY_MS));
    events.push(await sealDecision({ municipality: signal.municipality, approach: pick(APPROACHES), riecHandover: randomInt(4) === 0, signalId: signal.id, at }));
  }
  for (let index = 0; index < 60; index += 1) {
    const type = pick([EventTypes.screeningOpened, EventTypes.screeningProgressed, EventTypes.screeningConcluded] as const);
    events.push(await sealScreening(type, { municipality: pick(MUNICIPALITIES), at: someDayThisYear() }));
    events.push(await sealPermitDecided({ municipality: pick(MUNICIPALITIES), status: pick(['granted', 'refused'] as const), at: someDayThisYear() }));
  }
  return events;
}

/** Every projection table as rows of text, without the moment a period was restated (it is when the event was read). */
async function projections(feed: RunningService): Promise<Record<string, string[]>> {
  const s = `"${feed.schema}"`;
  const queries: Record<string, string> = {
    counts: `SELECT measure, dimension, municipality, period_kind, period, count FROM ${s}.counts t`,
    lead_times: `SELECT decision_message_id, period_kind, period, municipality, theme, seconds FROM ${s}.lead_times t`,
    signal_facts: `SELECT * FROM ${s}.signal_facts t`,
    decision_facts: `SELECT * FROM ${s}.decision_facts t`,
    match_tokens: `SELECT * FROM ${s}.match_tokens t`,
    hit_summary: `SELECT * FROM ${s}.hit_summary t`,
    processed_events: `SELECT message_id, event_type FROM ${s}.processed_events t`,
  };
  const tables: Record<string, string[]> = {};
  for (const [name, sql] of Object.entries(queries)) {
    const result = await feed.pool.query<{ row: string }>(`SELECT row_to_json(x)::text AS row FROM (${sql}) x ORDER BY 1`);
    tables[name] = result.rows.map(({ row }) => row);
  }
  return tables;
}

async function processedOf(feed: RunningService, ids: readonly string[]): Promise<number> {
  const result = await feed.pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${feed.schema}".processed_events WHERE message_id = ANY($1::uuid[])`, [ids]);
  return result.rows[0]?.count ?? 0;
}

const ALL_IN_MS = 240_000;

describe('riec feed replay and crash', () => {
  let bus: EventBus;
  let producer: BusProducer;
  let ids: string[];
  const started: RunningService[] = [];

  beforeAll(async () => {
    bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'riec-feed-replay', logger: createLogger('riec-feed-replay', 'warn') });
    producer = bus.createProducer();
    await producer.connect();
    const events = await stream();
    ids = events.map((event) => event.header.messageId);
    for (const event of events) {
      await producer.send(EVENT_CATALOG[event.header.type].topic, [{ key: event.header.municipality, value: Buffer.from(JSON.stringify(event)) }]);
    }
  }, 180_000);

  afterAll(async () => {
    for (const feed of started) await feed.stop();
    await bus.close();
  });

  async function start(env: Record<string, string>): Promise<RunningService> {
    const feed = await startFeed(env);
    started.push(feed);
    return feed;
  }

  async function allIn(feed: RunningService): Promise<void> {
    await eventually(async () => ((await processedOf(feed, ids)) === ids.length ? true : undefined), { timeoutMs: ALL_IN_MS, what: `${feed.schema} to take in the stream` });
  }

  /** Both have taken in the stream and processed the same events (other tests' included): then their projections must be equal. */
  async function expectSameProjections(a: RunningService, b: RunningService): Promise<void> {
    await Promise.all([allIn(a), allIn(b)]);
    await eventually(
      async () => {
        const [left, right] = await Promise.all([projections(a), projections(b)]);
        return JSON.stringify(left.processed_events) === JSON.stringify(right.processed_events) ? [left, right] : undefined;
      },
      { timeoutMs: ALL_IN_MS, what: 'both feeds to have processed the same events' },
    );
    const [left, right] = await Promise.all([projections(a), projections(b)]);
    expect(left.counts?.length).toBeGreaterThan(100);
    expect(right).toEqual(left);
  }

  it('gives identical projections when every topic is replayed from the start into a fresh schema', { timeout: 600_000 }, async () => {
    const first = await start(feedEnv({ LOG_LEVEL: 'warn' }));
    await allIn(first);
    const replayed = await start(feedEnv({ LOG_LEVEL: 'warn' }));

    await expectSameProjections(first, replayed);
    const signals = await first.pool.query<{ count: number }>(`SELECT sum(count)::int AS count FROM "${first.schema}".counts WHERE measure = 'signals' AND period_kind = 'year' AND municipality = ANY($1)`, [[...MUNICIPALITIES]]);
    expect(signals.rows[0]?.count).toBeGreaterThanOrEqual(360);
  });

  it('gives the same projections after a SIGKILL in the middle of the stream and a restart as an uninterrupted run', { timeout: 600_000 }, async () => {
    const uninterrupted = await start(feedEnv({ LOG_LEVEL: 'warn' }));
    const env = feedEnv({ LOG_LEVEL: 'warn' });
    const killed = await start(env);
    const atKill = await eventually(
      async () => {
        const processed = await processedOf(killed, ids);
        return processed >= 20 ? processed : undefined;
      },
      { timeoutMs: ALL_IN_MS, what: 'the feed to be in the middle of the stream', intervalMs: 20 },
    );
    killed.process.stop('SIGKILL');
    expect(await killed.stop()).toBe('SIGKILL');
    expect(atKill).toBeLessThan(ids.length);

    // The same schema, consumer group and replay namespace: what it committed stays, the rest is redelivered.
    const restarted = await start(env);
    await expectSameProjections(uninterrupted, restarted);
  });
});

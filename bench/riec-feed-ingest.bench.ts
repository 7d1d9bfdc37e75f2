/*
 * The RIEC feed's projection ingest (issue 12, acceptance 7, the ingest half): events per second the compiled
 * riec-feed service projects from the topics, against a bare kafkajs consumer that only counts the same
 * messages, in the same run. Figures merge into .bench/latest.json under `riecFeedIngest`.
 *
 * Input: BENCH_FEED_INGEST_EVENTS events (default 5,000), one in five a `decision.recorded` on an earlier
 * signal, the rest `signal.submitted` spread over the five municipalities and the themes. Signals are sealed
 * along the intake's path (its request validation, distribution policy and match tokens, then EnvelopeSealer:
 * header v2 with the sender's detached header signature), decisions along the meeting's (DecisionRecorded,
 * its recipients rule). All are produced, as the outbox produces them (key = municipality, no Kafka headers),
 * to a private broker before either consumer starts: topic names are fixed constants, so on the stack's
 * broker every run would leave its events on the stack's own topics.
 *
 * Each round reads everything again: the bare consumer in a new group from the beginning, the feed as a new
 * process with a fresh schema, replay namespace and group. Rounds alternate which goes first. The figure is
 * steady state: events / (time the last event was handled − time the first was), so start-up and the group
 * join are left out on both sides; for the feed those times are its `processed_events.processed_at`
 * (written in the transaction that counts the event). Each round checks the feed counted every signal
 * and every decision exactly once.
 *
 * Run (after `node scripts/build.mjs`): npx tsx --conditions=source bench/riec-feed-ingest.bench.ts
 * Settings: BENCH_FEED_INGEST_EVENTS (default 5000), BENCH_FEED_INGEST_ROUNDS (default 3).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventBus, type OutgoingMessage } from '@signaalhub/bus';
import {
  APPROACHES,
  DecisionRecorded,
  DEFAULT_MUNICIPALITIES,
  EVENT_CATALOG,
  EventTypes,
  municipalityPartyId,
  Signal,
  THEME_INDICATORS,
  THEMES,
  TOPIC_DEFINITIONS,
  type MunicipalityId,
} from '@signaalhub/contracts';
import { EnvelopeSealer, KeyFiles, loadKeyringFromDirectory, parsePartnershipKey, REPLAY_KEY_PREFIX } from '@signaalhub/envelope';
import { createLogger } from '@signaalhub/logging';
import { ensurePartyKeys } from '@signaalhub/stack';
import { eventually, freePort, ServiceProcess, startPrivateKafka } from '@signaalhub/test-infra';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { decisionRecipients } from '../services/meeting/src/decisions/decision-recipients.js';
import { CONSUMED_EVENTS } from '../services/riec-feed/src/events/consumed-events.js';
import { DEFAULT_DISTRIBUTION_POLICY } from '../services/signal-intake/src/policy/distribution-policy.js';
import { resolveRecipients } from '../services/signal-intake/src/policy/resolve-recipients.js';
import { matchTokensOf } from '../services/signal-intake/src/signals/match-tokens.js';
import { validateSubmission } from '../services/signal-intake/src/signals/submission-validation.js';
import { alternatingRounds, median, mergeBenchFigures } from './bench-figures.js';

const EVENTS = Number(process.env.BENCH_FEED_INGEST_EVENTS ?? 5_000);
const ROUNDS = Number(process.env.BENCH_FEED_INGEST_ROUNDS ?? 3);
/** Every fifth event is a decision on an earlier signal. */
const DECISION_EVERY = 5;
const DECISIONS = Math.floor(EVENTS / DECISION_EVERY);
const SIGNALS = EVENTS - DECISIONS;
/** Seals in flight while preparing the input: openpgp awaits WebCrypto, so a few at once keep the core busy. */
const SEALS_IN_FLIGHT = 8;
const PRODUCE_BATCH = 500;
const PASSPHRASE = 'bench-passphrase';
const RIEC_PARTY = 'riec-mn';
/** Distinct KvK numbers, persons and vehicles: fewer than the signals, so some recur across municipalities (hits). */
const DISTINCT_SUBJECTS = 1_999;
const ROUND_TIMEOUT_MS = 20 * 60_000;

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:16379';
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://signaalhub@127.0.0.1:15432/signaalhub';
const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const slug = run.replaceAll('_', '-');
const municipalities = DEFAULT_MUNICIPALITIES.map((municipality) => municipality.id);
const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
/** Wall-clock milliseconds with sub-millisecond resolution, comparable with the feed's processed_at. */
const wallClockMs = (): number => performance.timeOrigin + performance.now();

/** The topics the feed subscribes to, each once (several event types share a topic). */
const feedTopics = [...new Set(CONSUMED_EVENTS.subscribes.map((type) => EVENT_CATALOG[type].topic))];

/** A number as letters (0 → a, 26 → ba): names may not hold digits. */
function lettersOf(value: number): string {
  const letter = String.fromCharCode(97 + (value % 26));
  return value < 26 ? letter : `${lettersOf(Math.floor(value / 26))}${letter}`;
}

/** An inspector's request body, as the web application posts it. */
function submissionBody(index: number): { municipality: MunicipalityId; body: unknown } {
  const municipality = municipalities[index % municipalities.length] ?? 'soest';
  const theme = THEMES[Math.floor(index / municipalities.length) % THEMES.length] ?? 'overig';
  const subject = index % DISTINCT_SUBJECTS;
  const { defaultRecipients } = DEFAULT_DISTRIBUTION_POLICY.themes[theme];
  return {
    municipality,
    body: {
      municipality,
      theme,
      location: { postcode: '3761AB', huisnummer: { number: (subject % 500) + 1 } },
      subjects: [
        { kind: 'business', kvkNumber: String(10_000_000 + subject), tradeName: 'Handelsonderneming De Eem B.V.' },
        { kind: 'person', name: `Jan de Vries-${lettersOf(subject)}`, birthDate: '1980-02-29' },
        { kind: 'vehicle', kenteken: `${String(10 + (subject % 89))}-ABC-3` },
      ],
      indicators: THEME_INDICATORS[theme].slice(0, 2),
      freeText:
        'Bij een integrale controle trof de toezichthouder een bedrijfsruimte aan met veel activiteit en nauwelijks ' +
        'klanten. Betalingen gaan volgens buren contant en de administratie was niet beschikbaar. Graag bespreken in het overleg.',
      distribution: { recipients: [municipalityPartyId(municipality), ...defaultRecipients] },
    },
  };
}

interface SealedSignal {
  readonly id: string;
  readonly municipality: MunicipalityId;
  readonly reporterParty: string;
  readonly recipients: readonly string[];
  readonly message: OutgoingMessage;
}

/** The intake's submit path (SignalSubmitter.submit) without its database: validate, resolve recipients, seal. */
async function sealSignal(sealer: EnvelopeSealer, matchTokenKey: Parameters<typeof matchTokensOf>[1], index: number): Promise<SealedSignal> {
  const request = submissionBody(index);
  const validation = validateSubmission(request.body);
  if (!validation.success) throw new Error(`bench signal ${index} is invalid: ${validation.problems.map((problem) => `${problem.field} ${problem.rule}`).join('; ')}`);
  const submission = validation.submission;
  const resolution = resolveRecipients(DEFAULT_DISTRIBUTION_POLICY, submission.municipality, submission.theme, submission.distribution.recipients);
  if (!resolution.ok) throw new Error(`bench signal ${index} has recipients the policy refuses`);
  const reporterParty = municipalityPartyId(submission.municipality);
  const signal = Signal.parse({
    id: randomUUID(),
    reportedAt: new Date().toISOString(),
    reporter: { party: reporterParty, userId: `inspecteur.${submission.municipality}` },
    ...submission,
    distribution: { recipients: resolution.recipients },
  });
  const envelope = await sealer.seal(signal, {
    from: reporterParty,
    to: resolution.recipients,
    type: EventTypes.signalSubmitted,
    municipality: signal.municipality,
    theme: signal.theme,
    matchTokens: matchTokensOf(submission, matchTokenKey),
    messageId: signal.id,
  });
  return {
    id: signal.id,
    municipality: signal.municipality,
    reporterParty,
    recipients: resolution.recipients,
    message: { key: signal.municipality, value: Buffer.from(JSON.stringify(envelope)) },
  };
}

/** The meeting's decision (DecisionRecorder.record) on a signal, without its database; every third one handed over to the RIEC. */
async function sealDecision(sealer: EnvelopeSealer, signal: SealedSignal, index: number): Promise<OutgoingMessage> {
  const approach = APPROACHES[index % APPROACHES.length] ?? 'geen-actie';
  const riecHandover = index % 3 === 0;
  const payload = DecisionRecorded.parse({
    signalId: signal.id,
    municipality: signal.municipality,
    decidedAt: new Date().toISOString(),
    recordedBy: { party: signal.reporterParty, userId: `overleg.${signal.municipality}` },
    approach,
    leadParty: signal.reporterParty,
    actions: [],
    riecHandover,
    feedback: 'Besproken in het overleg; de gemeente pakt dit op.',
  });
  const recipients = decisionRecipients({
    signalRecipients: signal.recipients,
    reporterParty: signal.reporterParty,
    leadParty: signal.reporterParty,
    riecHandover,
    riecParty: RIEC_PARTY,
  });
  const envelope = await sealer.seal(payload, {
    from: signal.reporterParty,
    to: recipients,
    type: EventTypes.decisionRecorded,
    municipality: signal.municipality,
    approach,
    riecHandover,
    signalId: signal.id,
  });
  return { key: signal.municipality, value: Buffer.from(JSON.stringify(envelope)) };
}

/** Runs `work(0..count-1)` with a fixed number in flight, results in index order. */
async function inFlight<T>(count: number, limit: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await work(index);
      }
    }),
  );
  return results;
}

interface RoundFigures {
  readonly eventsPerSecond: number;
  /** From starting the consumer to the last event handled: start-up and group join included (for context only). */
  readonly totalSeconds: number;
}

// ---------------------------------------------------------------------------------------------- set-up
say(`RIEC feed ingest bench: ${EVENTS} events (${SIGNALS} signals, ${DECISIONS} decisions), ${ROUNDS} rounds (run ${run})`);
const keysDir = mkdtempSync(join(tmpdir(), 'signaalhub-bench-keys-'));
ensurePartyKeys(keysDir, PASSPHRASE);
// The keys as the services load them (service-kit's loadServiceKeys, which drags in the Nest HTTP layer).
const keyring = await loadKeyringFromDirectory(keysDir, PASSPHRASE);
const matchTokenKey = parsePartnershipKey(readFileSync(join(keysDir, KeyFiles.partnershipKey), 'utf8'));
const kafka = await startPrivateKafka();
const database = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
const bareKafka = new Kafka({ clientId: `bench-feed-ingest-${slug}`, brokers: kafka.brokers, logLevel: logLevel.NOTHING });
const schemas: string[] = [];
const replayNamespaces: string[] = [];
let feed: ServiceProcess | undefined;

async function stopFeed(): Promise<void> {
  const child = feed;
  feed = undefined;
  if (child === undefined) return;
  child.stop('SIGTERM');
  const deadline = new Promise((resolve) => setTimeout(resolve, 15_000).unref());
  await Promise.race([child.exited, deadline]);
  if (child.running) child.stop('SIGKILL');
  await child.exited;
}

async function cleanUp(): Promise<void> {
  await stopFeed();
  for (const schema of schemas) await database.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
  for (const namespace of replayNamespaces) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${REPLAY_KEY_PREFIX}:${namespace}:*`, 'COUNT', 1_000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  }
  await redis.quit();
  await database.end();
  await kafka.dispose();
  rmSync(keysDir, { recursive: true, force: true });
}

/** Seals the input and produces it; returns how long sealing took. */
async function produceInput(): Promise<{ sealSeconds: number; messagesPerTopic: Record<string, number> }> {
  const sealer = new EnvelopeSealer(keyring);
  const started = performance.now();
  const signals = await inFlight(SIGNALS, SEALS_IN_FLIGHT, (index) => sealSignal(sealer, matchTokenKey, index));
  // Decision i is on signal i·(DECISION_EVERY−1): spread over the signals, so over municipalities and themes too.
  const decisions = await inFlight(DECISIONS, SEALS_IN_FLIGHT, (index) => {
    const signal = signals[(index * (DECISION_EVERY - 1)) % signals.length];
    if (signal === undefined) throw new Error('no signal to decide on');
    return sealDecision(sealer, signal, index);
  });
  const sealSeconds = (performance.now() - started) / 1000;
  // Fatal only: a fresh broker answers the first sends with "not the leader" while it elects them; kafkajs
  // retries those (logged as errors), and a send that still fails throws here anyway.
  const bus = createEventBus({ brokers: kafka.brokers, clientId: `bench-feed-ingest-${slug}`, logger: createLogger('bench-feed-ingest', 'fatal') });
  try {
    await bus.provision(TOPIC_DEFINITIONS, { replicationFactor: 1 });
    const producer = bus.createProducer();
    const input: [string, OutgoingMessage[]][] = [
      [EVENT_CATALOG[EventTypes.signalSubmitted].topic, signals.map((signal) => signal.message)],
      [EVENT_CATALOG[EventTypes.decisionRecorded].topic, decisions],
    ];
    for (const [topic, messages] of input) {
      for (let start = 0; start < messages.length; start += PRODUCE_BATCH) await producer.send(topic, messages.slice(start, start + PRODUCE_BATCH));
    }
    return { sealSeconds, messagesPerTopic: Object.fromEntries(input.map(([topic, messages]) => [topic, messages.length])) };
  } finally {
    await bus.close();
  }
}

/** A bare kafkajs consumer in a new group, from the beginning, counting messages without reading them. */
async function measureBare(round: number): Promise<RoundFigures> {
  const consumer = bareKafka.consumer({ groupId: `bench-feed-ingest-bare-${slug}-${round}` });
  let count = 0;
  let firstAt = 0;
  let lastAt = 0;
  let allCounted: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allCounted = resolve));
  const started = wallClockMs();
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: feedTopics, fromBeginning: true });
    await consumer.run({
      eachMessage: () => {
        const now = wallClockMs();
        if (count === 0) firstAt = now;
        lastAt = now;
        count += 1;
        if (count === EVENTS) allCounted();
        return Promise.resolve();
      },
    });
    const deadline = new Promise<never>((_, reject) => {
      setTimeout(() => {
        reject(new Error(`the bare consumer counted only ${count} of ${EVENTS} messages in time`));
      }, ROUND_TIMEOUT_MS).unref();
    });
    await Promise.race([done, deadline]);
  } finally {
    await consumer.disconnect();
  }
  return { eventsPerSecond: EVENTS / ((lastAt - firstAt) / 1000), totalSeconds: (lastAt - started) / 1000 };
}

/** The compiled feed, fresh schema, replay namespace and group, until it has processed every event; then checks its counts. */
async function measureFeed(round: number): Promise<RoundFigures> {
  const schema = `bench_feed_ingest_${run}_${round}`;
  const namespace = `bench-feed-ingest-${slug}-${round}`;
  schemas.push(schema);
  replayNamespaces.push(namespace);
  const started = wallClockMs();
  const child = ServiceProcess.start('riec-feed', {
    KAFKA_BROKERS: kafka.brokers.join(','),
    REDIS_URL: redisUrl,
    DATABASE_URL: databaseUrl,
    KEYS_DIR: keysDir,
    HUB_KEY_PASSPHRASE: PASSPHRASE,
    IDENTITY_TOKEN_SECRET: randomBytes(32).toString('hex'),
    // The production default: logging is part of what an event costs.
    LOG_LEVEL: 'info',
    RIEC_FEED_PORT: String(await freePort()),
    RIEC_FEED_DATABASE_SCHEMA: schema,
    RIEC_FEED_REPLAY_NAMESPACE: namespace,
    KAFKA_GROUP_ID: `bench-feed-ingest-${slug}-${round}`,
  });
  feed = child;
  try {
    // Only decides when the round is over (the schema appears once the feed has migrated it); the times come from the rows.
    const span = await eventually(
      async () => {
        if (!child.running) throw new Error(`the feed exited during round ${round + 1}; its log ends with:\n${child.log.slice(-2_000)}`);
        const result = await database
          .query<{ events: number; first_ms: number; last_ms: number }>(
            `SELECT count(*)::int AS events, (extract(epoch FROM min(processed_at)) * 1000)::float8 AS first_ms,
                    (extract(epoch FROM max(processed_at)) * 1000)::float8 AS last_ms
               FROM ${schema}.processed_events`,
          )
          .catch(() => undefined);
        const row = result?.rows[0];
        return row !== undefined && row.events >= EVENTS ? row : undefined;
      },
      { timeoutMs: ROUND_TIMEOUT_MS, what: `the feed to process ${EVENTS} events`, intervalMs: 1_000 },
    );
    await checkCounts(schema, span.events);
    return { eventsPerSecond: EVENTS / ((span.last_ms - span.first_ms) / 1000), totalSeconds: (span.last_ms - started) / 1000 };
  } finally {
    await stopFeed();
  }
}

/** Every event processed once; every signal and decision counted once in its month. */
async function checkCounts(schema: string, processed: number): Promise<void> {
  const result = await database.query<{ measure: string; total: number }>(
    `SELECT measure, sum(count)::int AS total FROM ${schema}.counts WHERE period_kind = 'month' AND measure IN ('signals', 'decisions') GROUP BY measure`,
  );
  const total = (measure: string): number => result.rows.find((row) => row.measure === measure)?.total ?? 0;
  const problems = [
    processed === EVENTS ? undefined : `${processed} events processed, expected ${EVENTS}`,
    total('signals') === SIGNALS ? undefined : `${total('signals')} signals counted, expected ${SIGNALS}`,
    total('decisions') === DECISIONS ? undefined : `${total('decisions')} decisions counted, expected ${DECISIONS}`,
  ].filter((problem) => problem !== undefined);
  if (problems.length > 0) throw new Error(`the feed's counts are wrong: ${problems.join('; ')}`);
}

try {
  say('sealing and producing the input…');
  const input = await produceInput();
  say(`sealed ${EVENTS} events in ${input.sealSeconds.toFixed(1)} s (${(EVENTS / input.sealSeconds).toFixed(0)}/s); produced ${JSON.stringify(input.messagesPerTopic)}`);

  say(`${'round'.padEnd(6)} ${'order'.padEnd(12)} ${'bare/s'.padStart(9)} ${'feed/s'.padStart(9)} ${'ratio'.padStart(7)}  (seconds incl. start-up: bare, feed)`);
  const { bare, service } = await alternatingRounds(ROUNDS, measureBare, measureFeed, (round, bareFirst, b, s) => {
    say(
      `${String(round + 1).padEnd(6)} ${(bareFirst ? 'bare first' : 'feed first').padEnd(12)} ${b.eventsPerSecond.toFixed(0).padStart(9)} ${s.eventsPerSecond.toFixed(1).padStart(9)} ` +
        `${(s.eventsPerSecond / b.eventsPerSecond).toFixed(4).padStart(7)}  (${b.totalSeconds.toFixed(1)}, ${s.totalSeconds.toFixed(1)})`,
    );
  });

  const bareMedian = median(bare.map((round) => round.eventsPerSecond));
  const feedMedian = median(service.map((round) => round.eventsPerSecond));
  const figures = {
    description: 'riec-feed projection ingest (header verify + projections) vs a bare kafkajs consumer counting the same messages; steady-state events/s, median of rounds',
    events: EVENTS,
    signals: SIGNALS,
    decisions: DECISIONS,
    rounds: ROUNDS,
    sealSeconds: Number(input.sealSeconds.toFixed(1)),
    bareEventsPerSecond: Math.round(bareMedian),
    feedEventsPerSecond: Number(feedMedian.toFixed(1)),
    ratio: Number((feedMedian / bareMedian).toFixed(4)),
    rounds_: { bare: bare.map((round) => Math.round(round.eventsPerSecond)), feed: service.map((round) => Number(round.eventsPerSecond.toFixed(1))) },
  };
  await mergeBenchFigures('riecFeedIngest', figures);
  say(`\nfeed ${figures.feedEventsPerSecond} events/s, bare consumer ${figures.bareEventsPerSecond} events/s, ratio ${figures.ratio} (${EVENTS} events, ${ROUNDS} rounds, every count checked)`);
} catch (error) {
  process.stderr.write(`RIEC feed ingest bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
